package fake_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
)

// Start a fake from a fleet that already exists, snapshot it, let the
// code under test delete a cluster, and put the fleet back for the next
// subtest. A seed that ACK could never hold is refused with the rule it
// breaks.
func ExampleCloud_Snapshot() {
	spec := cluster.Spec{
		Name: "web", Region: fake.DefaultRegion, Form: cluster.ManagedPro, KubernetesVersion: "1.34.1-aliyun.1",
		VPCID: "vpc-prod", VSwitches: []cluster.VSwitch{{ID: "vsw-prod"}},
		Network: cluster.Network{Plugin: cluster.Flannel, PodCIDR: "172.20.0.0/16"}, SNAT: cluster.Bool(true),
	}
	seed := fake.State{Clusters: []fake.ClusterState{{ID: "c-web", Spec: spec, State: cluster.StateRunning}}}
	cloud := fake.New(fake.WithState(seed))
	snap := cloud.Snapshot()

	ctx := context.Background()
	clusters := cluster.NewClient(cloud.Config())
	op, _ := clusters.Delete(ctx, "c-web")
	_, _ = op.Wait(ctx)
	_, err := clusters.Get(ctx, "c-web")
	fmt.Println("after the delete, not found:", ack.IsNotFound(err))

	if err := cloud.Restore(snap); err != nil {
		fmt.Println(err)
	}
	c, err := clusters.Get(ctx, "c-web")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("after the restore:", c.State)

	bad := seed
	bad.Clusters = []fake.ClusterState{{ID: "c-web", Spec: spec, State: cluster.StateRunning}}
	bad.Clusters[0].Spec.SNAT = cluster.Bool(false)
	var ve *ack.ValidationError
	if err := cloud.Restore(bad); errors.As(err, &ve) {
		fmt.Println("refused:", ve.Violations[0].Rule)
	}
	// Output:
	// after the delete, not found: true
	// after the restore: running
	// refused: cluster.nat.required
}
