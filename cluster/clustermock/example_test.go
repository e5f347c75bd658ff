package clustermock_test

import (
	"context"
	"fmt"

	"go.uber.org/mock/gomock"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/cluster/clustermock"
)

// ensureCluster is code under test: it depends on the one call it makes.
func ensureCluster(ctx context.Context, c cluster.Creator, spec cluster.Spec) (string, error) {
	op, err := c.Create(ctx, spec)
	if err != nil {
		return "", err
	}
	cl, err := op.Wait(ctx)
	if err != nil {
		return "", err
	}
	return cl.ID, nil
}

// printer reports a mock's failures on stdout, standing in for the
// *testing.T of a real test.
type printer struct{}

func (printer) Errorf(format string, args ...any) { fmt.Printf(format+"\n", args...) }
func (printer) Fatalf(format string, args ...any) { fmt.Printf(format+"\n", args...) }

// A test mocks exactly the interface the code uses; the mocked Create
// returns an operation that is already done.
func Example() {
	ctrl := gomock.NewController(printer{}) // in a test: gomock.NewController(t)
	creator := clustermock.NewMockCreator(ctrl)
	creator.EXPECT().
		Create(gomock.Any(), gomock.Any()).
		Return(cluster.CompletedOperation(cluster.KindCreate, &cluster.Cluster{ID: "c-42", State: cluster.StateRunning}, nil), nil)

	id, err := ensureCluster(context.Background(), creator, cluster.Spec{Name: "demo"})
	fmt.Println(id, err)
	ctrl.Finish()
	// Output:
	// c-42 <nil>
}
