package fleet_test

import (
	"context"
	"fmt"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/examples/testing/fleet"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/nodepool"
)

// The tool on the fake: a cluster of the fleet without the pool gets it,
// and a second run finds nothing to do.
func Example() {
	ctx := context.Background()
	cloud := fake.New()
	cfg := cloud.Config()

	op, err := cluster.NewClient(cfg).Create(ctx, cluster.Spec{
		Name: "prod-a", Form: cluster.ManagedPro, VPCID: "vpc-demo",
		VSwitches: []cluster.VSwitch{{ID: "vsw-demo"}},
		Network:   cluster.Network{Plugin: cluster.Terway, PodVSwitchIDs: []string{"vsw-demo"}},
		Tags:      []cluster.Tag{{Key: "fleet", Value: "payments"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	if _, err := op.Wait(ctx); err != nil {
		fmt.Println(err)
		return
	}

	tool := fleet.ForConfig(cfg)
	policy := fleet.Policy{
		Tag:      cluster.Tag{Key: "fleet", Value: "payments"},
		Pool:     nodepool.Spec{Name: "web", InstanceTypes: []string{"ecs.g7.xlarge"}, KeyPair: "ops"},
		MinNodes: 3,
	}
	for run := 1; run <= 2; run++ {
		report, err := tool.Ensure(ctx, policy)
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, r := range report {
			fmt.Printf("run %d: %s %s: %d → %d nodes\n", run, r.ClusterName, r.Action, r.From, r.To)
		}
	}
	// Output:
	// run 1: prod-a created: 0 → 3 nodes
	// run 2: prod-a kept: 3 → 3 nodes
}
