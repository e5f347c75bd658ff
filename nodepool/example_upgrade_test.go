package nodepool_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/nodepool"
)

// A node pool follows its control plane: a version ahead of it is refused
// before any call; after a control-plane-only upgrade the pool catches up.
func ExampleClient_Upgrade() {
	ctx := context.Background()
	cloud := fake.New()
	clusters := cluster.NewClient(cloud.Config())
	op, _ := clusters.Create(ctx, cluster.Spec{
		Name: "demo", Form: cluster.ManagedPro, KubernetesVersion: "1.32.1-aliyun.1",
		VPCID: "vpc-demo", VSwitches: []cluster.VSwitch{{ID: "vsw-demo"}},
		Network: cluster.Network{Plugin: cluster.Flannel, PodCIDR: "172.20.0.0/16"},
	})
	c, _ := op.Wait(ctx)
	pools := nodepool.NewClient(cloud.Config())
	create, _ := pools.Create(ctx, c.ID, nodepool.Spec{
		Name: "workers", VSwitchIDs: []string{"vsw-demo"}, InstanceTypes: []string{"ecs.g7.xlarge"}, DesiredSize: 2, KeyPair: "ops",
	})
	pool, _ := create.Wait(ctx)

	next := nodepool.UpgradeOptions{KubernetesVersion: "1.34.1-aliyun.1"}
	_, err := pools.Upgrade(ctx, c.ID, pool.ID, next)
	var ve *ack.ValidationError
	if errors.As(err, &ve) {
		fmt.Println("refused:", ve.Violations[0].Rule)
	}

	up, _ := clusters.Upgrade(ctx, c.ID, next.KubernetesVersion, func(o *cluster.UpgradeOptions) { o.ControlPlaneOnly = true })
	if _, err := up.Wait(ctx); err != nil {
		fmt.Println(err)
		return
	}
	pop, err := pools.Upgrade(ctx, c.ID, pool.ID, next)
	if err != nil {
		fmt.Println(err)
		return
	}
	d, err := pop.Wait(ctx)
	v, _ := cloud.NodePoolVersion(c.ID, pool.ID)
	fmt.Println(d.State, v, err)
	// Output:
	// refused: nodepool.upgrade.control_plane
	// active 1.34.1-aliyun.1 <nil>
}
