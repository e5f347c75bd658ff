// Package nodepoolmock holds mocks of the node pool client's narrow
// interfaces (nodepool.Creator, nodepool.Scaler, nodepool.Upgrader, ...), generated with
// go.uber.org/mock, for the unit tests of code that uses them. Regenerate
// them with `go generate ./nodepool/`. A mock returns whatever Operation
// the test gives it; nodepool.CompletedOperation builds one that is
// already done.
//
// A mocked List or Nodes returns a canned list: Seq and NodeSeq yield the
// values given, SeqErr and NodeSeqErr end the list with an error. A canned
// nodepool.Pool needs only its Spec.DesiredSize (or its Nodes.Total) for
// Size to read it:
//
//	pool := &nodepool.Pool{ID: "np-1", Spec: nodepool.Spec{DesiredSize: 3}}
//	lister.EXPECT().List(gomock.Any(), "c-1").Return(nodepoolmock.Seq(pool))
//
// The list helpers are written by hand in seq.go; go generate rewrites
// mocks.go alone. clustermock's ExampleSeq mocks a fleet tool with both.
package nodepoolmock
