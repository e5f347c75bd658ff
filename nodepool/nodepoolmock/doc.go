// Package nodepoolmock holds mocks of the node pool client's narrow
// interfaces (nodepool.Creator, nodepool.Scaler, ...), generated with
// go.uber.org/mock, for the unit tests of code that uses them. Regenerate
// them with `go generate ./nodepool/`. A mock returns whatever Operation
// the test gives it; nodepool.CompletedOperation builds one that is
// already done.
package nodepoolmock
