package nodepool_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/nodepool"
)

// A pool of five nodes: two created with it, one added by hand, two added
// by scale-outs. Scaling in by two removes the two scale-out nodes, newest
// first, and never the others, even though the hand-added node is the
// newest of all.
func Example() {
	at := func(hhmm string) time.Time {
		t, _ := time.Parse("15:04", hhmm)
		return t
	}
	nodes := []nodepool.Node{
		{InstanceID: "i-a", Origin: nodepool.OriginInitial, Created: at("08:00"), Seq: 1},
		{InstanceID: "i-b", Origin: nodepool.OriginInitial, Created: at("08:00"), Seq: 2},
		{InstanceID: "i-c", Origin: nodepool.OriginScaleOut, Created: at("09:30"), Seq: 3},
		{InstanceID: "i-d", Origin: nodepool.OriginScaleOut, Created: at("10:15"), Seq: 4},
		{InstanceID: "i-e", Origin: nodepool.OriginAttached, Created: at("11:00"), Seq: 5},
	}
	chosen, err := nodepool.ChooseScaleIn(nodes, 2, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, n := range chosen {
		fmt.Println("remove", n.InstanceID, n.Created.Format("15:04"))
	}
	_, err = nodepool.ChooseScaleIn(nodes, 3, 1)
	fmt.Println(errors.Is(err, nodepool.ErrNotEnoughScaleOut))
	// Output:
	// remove i-d 10:15
	// remove i-c 09:30
	// true
}

func ExampleValidate() {
	spec := nodepool.Spec{
		Name:          "gpu",
		VSwitchIDs:    []string{"vsw-bp1a"},
		InstanceTypes: []string{"ecs.gn7i-c8g1.2xlarge"},
		Password:      ack.NewSecret("not-secret-enough"),
		MaxPods:       300,
	}
	var ve *ack.ValidationError
	if errors.As(nodepool.Validate(spec), &ve) {
		for _, v := range ve.Violations {
			fmt.Println(v.Rule, v.Field)
		}
	}
	// Output:
	// nodepool.login.password scaling_group.login_password
	// nodepool.max_pods.range node_config.kubelet_configuration.maxPods
}

func ExampleParseInstanceType() {
	for _, name := range []string{"ecs.g7.2xlarge", "ecs.gn6i-c4g1.xlarge", "ecs.ebmg6.26xlarge", "ecs.gn6v-c8g1.16xlarge"} {
		t, err := nodepool.ParseInstanceType(name)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s: %d vCPUs, %g GiB, %d GPUs, bare metal %v, known %v\n",
			t, t.VCPUs, t.MemoryGiB(), t.GPUs, t.BareMetal, t.Known)
	}
	_, err := nodepool.ParseInstanceType("g7.large")
	fmt.Println(err)
	// Output:
	// ecs.g7.2xlarge: 8 vCPUs, 32 GiB, 0 GPUs, bare metal false, known true
	// ecs.gn6i-c4g1.xlarge: 4 vCPUs, 15 GiB, 1 GPUs, bare metal false, known true
	// ecs.ebmg6.26xlarge: 104 vCPUs, 384 GiB, 0 GPUs, bare metal true, known true
	// ecs.gn6v-c8g1.16xlarge: 64 vCPUs, 0 GiB, 8 GPUs, bare metal false, known false
	// instance type "g7.large": does not start with "ecs.": malformed instance type
}

func ExampleCheckChange() {
	old := nodepool.Spec{Name: "web", AutoScaling: nodepool.AutoScaling{Enabled: true, Max: 10, Type: nodepool.ScaleCPU}}
	next := old
	next.AutoScaling.Max = 20                  // allowed
	next.AutoScaling.Type = nodepool.ScaleSpot // fixed at creation
	fmt.Println(nodepool.CheckChange(old, next))
	// Output:
	// node pool "web": invalid: auto_scaling.type: changes from cpu to spot; the auto scaling type is fixed at creation, create another pool instead [nodepool.immutable.auto_scaling_type]
}
