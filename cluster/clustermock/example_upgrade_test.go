package clustermock_test

import (
	"context"
	"fmt"

	"go.uber.org/mock/gomock"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/cluster/clustermock"
)

// upgradeTo is code under test: it upgrades a cluster and reports the
// version it runs after, depending on Upgrader alone.
func upgradeTo(ctx context.Context, u cluster.Upgrader, id, target string) (string, error) {
	op, err := u.Upgrade(ctx, id, target)
	if err != nil {
		return "", err
	}
	cl, err := op.Wait(ctx)
	if err != nil {
		return "", err
	}
	return cl.Spec.KubernetesVersion, nil
}

// A mocked Upgrade returns a finished upgrade (KindUpgrade).
func Example_upgrader() {
	ctrl := gomock.NewController(printer{})
	u := clustermock.NewMockUpgrader(ctrl)
	done := &cluster.Cluster{ID: "c-42", State: cluster.StateRunning, Spec: cluster.Spec{KubernetesVersion: "1.34.1-aliyun.1"}}
	u.EXPECT().Upgrade(gomock.Any(), "c-42", "1.34.1-aliyun.1").
		Return(cluster.CompletedOperation(cluster.KindUpgrade, done, nil), nil)

	v, err := upgradeTo(context.Background(), u, "c-42", "1.34.1-aliyun.1")
	fmt.Println(v, err)
	ctrl.Finish()
	// Output:
	// 1.34.1-aliyun.1 <nil>
}
