package nodepool_test

import (
	"context"
	"fmt"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/nodepool"
)

// Create refuses an invalid Spec before any call; a valid one is created,
// and Wait follows its task and then the pool until it is active. The
// transport here prints each request and answers from a table; programs
// use ack.LoadConfig, and tests the fake.
func ExampleClient_Create() {
	answers := map[string]string{
		"DescribeClusterNodePools": `{"nodepools": []}`,
		"CreateClusterNodePool":    `{"nodepool_id": "np-1", "task_id": "T-1"}`,
		"DescribeTaskInfo":         `{"task_id": "T-1", "state": "success"}`,
		"DescribeClusterNodePoolDetail": `{"nodepool_info": {"nodepool_id": "np-1", "name": "web"},
			"scaling_group": {"desired_size": 2}, "status": {"state": "active", "total_nodes": 2}}`,
	}
	transport := ack.TransportFunc(func(_ context.Context, req *ack.Request) (*ack.Response, error) {
		if q := req.Query.Encode(); q != "" {
			fmt.Println(">", req.Method, req.Path+"?"+q)
		} else {
			fmt.Println(">", req.Method, req.Path)
		}
		return &ack.Response{StatusCode: 200, Body: []byte(answers[req.Action])}, nil
	})
	client := nodepool.NewClient(ack.NewConfig(ack.WithRegion("cn-hangzhou"), ack.WithTransport(transport)))
	ctx := context.Background()

	spec := nodepool.Spec{
		Name:          "web",
		VSwitchIDs:    []string{"vsw-bp1a"},
		InstanceTypes: []string{"ecs.g7.xlarge"},
		DesiredSize:   2,
		KeyPair:       "ops",
		MaxPods:       300,
	}
	_, err := client.Create(ctx, "c-1", spec)
	fmt.Println(err)

	spec.MaxPods = 64
	op, err := client.Create(ctx, "c-1", spec)
	if err != nil {
		fmt.Println(err)
		return
	}
	pool, err := op.Wait(ctx)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(pool.ID, pool.Spec.Name, pool.State, pool.Size())
	// Output:
	// node pool "web": invalid: node_config.kubelet_configuration.maxPods: is 300; a node runs 1 to 256 pods, a limit no ticket raises [nodepool.max_pods.range]
	// > GET /clusters/c-1/nodepools?NodepoolName=web
	// > POST /clusters/c-1/nodepools
	// > GET /tasks/T-1
	// > GET /clusters/c-1/nodepools/np-1
	// np-1 web active 2
}
