// Package clustermock holds mocks of the cluster package's narrow
// interfaces (Creator, Getter, Lister, Deleter, Modifier, ScaleOuter,
// KubeconfigGetter, NodeLister, TaskGetter, Resumer, Upgrader,
// UpgradeStatusGetter, UpgradePauser, UpgradeResumer, UpgradeCanceller),
// generated with go.uber.org/mock's mockgen, for the unit tests of code
// that uses them.
//
// Regenerate them with `go generate ./cluster/`; the command is in the
// cluster package's interfaces.go. A mocked Create or Delete may return
// cluster.CompletedOperation, an Operation that is already done, so that
// the code under test can Wait on it without a client:
//
//	import "go.uber.org/mock/gomock"
//
//	ctrl := gomock.NewController(t)
//	creator := clustermock.NewMockCreator(ctrl)
//	done := &cluster.Cluster{ID: "c-42", State: cluster.StateRunning}
//	creator.EXPECT().Create(gomock.Any(), gomock.Any()).
//		Return(cluster.CompletedOperation(cluster.KindCreate, done, nil), nil)
//
// The recorder matches the arguments of the call as made: one matcher for
// each of the variadic options the code passes, none when it passes none.
// To have Wait fail, pass the error instead, for example a
// *ack.TaskFailedError.
//
// A mocked List or Nodes returns a canned list: Seq and NodeSeq yield the
// values given, SeqErr and NodeSeqErr end the list with an error (see
// ExampleSeq, which mocks a fleet tool's two lists):
//
//	lister.EXPECT().List(gomock.Any()).Return(clustermock.Seq(a, b))
//
// The list helpers are written by hand in seq.go; go generate rewrites
// mocks.go alone.
//
// For tests that want ACK's behaviour rather than canned answers, use the
// stateful fake (package fake) with a real cluster.Client instead.
package clustermock
