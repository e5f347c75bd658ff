package nodepoolmock_test

import (
	"context"
	"fmt"

	"go.uber.org/mock/gomock"

	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/nodepool/nodepoolmock"
)

// grow is code under test: it needs only the Scale call.
func grow(ctx context.Context, s nodepool.Scaler, clusterID, poolID string, size int) (int, error) {
	op, err := s.Scale(ctx, clusterID, poolID, size)
	if err != nil {
		return 0, err
	}
	pool, err := op.Wait(ctx)
	if err != nil {
		return 0, err
	}
	return pool.Size(), nil
}

// printReporter reports mock failures on standard output, for the example;
// tests pass their *testing.T instead.
type printReporter struct{}

func (printReporter) Errorf(format string, args ...any) { fmt.Printf(format+"\n", args...) }
func (printReporter) Fatalf(format string, args ...any) { fmt.Printf(format+"\n", args...) }

func Example() {
	ctrl := gomock.NewController(printReporter{})
	defer ctrl.Finish()
	scaler := nodepoolmock.NewMockScaler(ctrl)

	done := &nodepool.Pool{ClusterID: "c-1"}
	done.ID, done.State, done.Spec.DesiredSize = "np-1", nodepool.StateActive, 5
	scaler.EXPECT().Scale(gomock.Any(), "c-1", "np-1", 5).
		Return(nodepool.CompletedOperation(nodepool.KindScale, done, nil), nil)

	size, err := grow(context.Background(), scaler, "c-1", "np-1", 5)
	fmt.Println(size, err)
	// Output:
	// 5 <nil>
}
