package cluster_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
)

// The client against the embedded fake ACK: create a cluster, watch it
// come up, delete it. The fake's clock advances as the client sleeps, so
// the eight minutes of a managed create take no wall time.
func ExampleClient() {
	ctx := context.Background()
	cloud := fake.New()
	clusters := cluster.NewClient(cloud.Config())

	op, err := clusters.Create(ctx, cluster.Spec{
		Name:      "demo",
		Form:      cluster.ManagedPro,
		VPCID:     "vpc-demo",
		VSwitches: []cluster.VSwitch{{ID: "vsw-demo"}},
		Network:   cluster.Network{Plugin: cluster.Terway, PodVSwitchIDs: []string{"vsw-pods"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := op.Wait(ctx, func(o *cluster.WaitOptions) {
		o.OnProgress = func(p cluster.Progress) { fmt.Printf("%s: %s\n", p.Phase, p.To) }
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Spec.Name, c.Spec.Form, c.State, "in", c.Spec.Region)

	del, err := clusters.Delete(ctx, c.ID)
	if err != nil {
		fmt.Println(err)
		return
	}
	gone, err := del.Wait(ctx)
	fmt.Println(gone.State, err)
	// Output:
	// task: running
	// task: success
	// cluster: running
	// demo ManagedPro running in cn-hangzhou
	// deleted <nil>
}

// Modify writes a change as an edit of the cluster's Spec. A change ACK
// does not allow is refused before any mutating call, with the rule it
// breaks.
func ExampleClient_Modify() {
	ctx := context.Background()
	cloud := fake.New()
	clusters := cluster.NewClient(cloud.Config())
	op, _ := clusters.Create(ctx, cluster.Spec{
		Name: "demo", Form: cluster.Serverless, VPCID: "vpc-demo", VSwitches: []cluster.VSwitch{{ID: "vsw-demo"}},
	})
	c, _ := op.Wait(ctx)

	_, err := clusters.Modify(ctx, c.ID, func(s *cluster.Spec) { s.VPCID = "vpc-other" })
	var ve *ack.ValidationError
	if errors.As(err, &ve) {
		fmt.Println(ve.Violations[0].Rule)
	}

	op, err = clusters.Modify(ctx, c.ID, func(s *cluster.Spec) { s.DeletionProtection = true })
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err = op.Wait(ctx)
	fmt.Println("deletion protection:", c.Spec.DeletionProtection, err)
	// Output:
	// cluster.immutable.vpc
	// deletion protection: true <nil>
}
