package fake_test

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/envelope"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/quota"
)

// Create a managed cluster through the in-process transport and read its
// state before and after eight minutes of virtual time.
func Example() {
	cloud := fake.New(fake.WithClock(fake.Manual))
	ctx := context.Background()
	tr := cloud.Transport()

	create := wire.NewRequest(wire.ActionCreateCluster)
	create.Body, _ = json.Marshal(map[string]any{
		"name": "demo", "region_id": "cn-hangzhou",
		"cluster_type": "ManagedKubernetes", "cluster_spec": "ack.pro.small",
		"vpcid": "vpc-demo", "vswitch_ids": []string{"vsw-demo"},
		"container_cidr": "172.20.0.0/16", "snat_entry": true,
		"addons": []map[string]string{{"name": "flannel"}},
	})
	resp, _ := tr.RoundTrip(ctx, create)
	var created wire.CreateClusterResponse
	_ = json.Unmarshal(resp.Body, &created)

	state := func() string {
		resp, _ := tr.RoundTrip(ctx, wire.NewRequest(wire.ActionDescribeClusterDetail, created.ClusterID))
		var d wire.ClusterDetail
		_ = json.Unmarshal(resp.Body, &d)
		return d.State
	}
	fmt.Println("just created:", state())
	cloud.Advance(8 * time.Minute)
	fmt.Println("8 minutes later:", state())
	// Output:
	// just created: initial
	// 8 minutes later: running
}

// Make the next create fail, and see the task's error.
func ExampleCloud_FailNext() {
	cloud := fake.New(fake.WithProgressions(fake.Immediately()))
	cloud.FailNext(fake.ChangeAnyCreate, "ErrorCreateFailed", "no capacity in the zone")
	ctx := context.Background()
	create := wire.NewRequest(wire.ActionCreateCluster)
	create.Body, _ = json.Marshal(map[string]any{
		"name": "doomed", "region_id": "cn-hangzhou", "cluster_type": "ManagedKubernetes",
		"profile": "Serverless", "vpcid": "vpc-demo", "vswitch_ids": []string{"vsw-demo"},
	})
	resp, _ := cloud.Transport().RoundTrip(ctx, create)
	var created wire.CreateClusterResponse
	_ = json.Unmarshal(resp.Body, &created)
	task, _ := cloud.Task(created.TaskID)
	fmt.Println(task.State, task.Error.Code, task.Error.Message)
	// Output: failed ErrorCreateFailed no capacity in the zone
}

// Throttle every second call and look at the action log.
func ExampleThrottleEvery() {
	cloud := fake.New()
	cloud.PrependReactor(fake.AllActions, fake.ThrottleEvery(2))
	for range 3 {
		_, _ = cloud.Transport().RoundTrip(context.Background(), wire.NewRequest(wire.ActionDescribeUserQuota))
	}
	for _, c := range cloud.Calls() {
		fmt.Println(c)
	}
	// Output:
	// #1 DescribeUserQuota GET /quota -> 200
	// #2 DescribeUserQuota GET /quota -> 400 Throttling.User
	// #3 DescribeUserQuota GET /quota -> 200
}

// Drive an autoscaled node pool: raise the demand on it and lower it
// again. The scale-in removes only nodes that a scale-out added; the node
// created with the pool stays.
func ExampleCloud_SetDemand() {
	cloud := fake.New(fake.WithProgressions(fake.Immediately()))
	ctx := context.Background()
	tr := cloud.Transport()
	send := func(action string, params []string, body any) []byte {
		req := wire.NewRequest(action, params...)
		req.Body, _ = json.Marshal(body)
		resp, _ := tr.RoundTrip(ctx, req)
		return resp.Body
	}
	var cl wire.CreateClusterResponse
	_ = json.Unmarshal(send(wire.ActionCreateCluster, nil, map[string]any{
		"name": "demo", "region_id": "cn-hangzhou", "cluster_type": "ManagedKubernetes",
		"vpcid": "vpc-demo", "vswitch_ids": []string{"vsw-demo"}, "container_cidr": "172.20.0.0/16",
		"snat_entry": true, "addons": []map[string]string{{"name": "flannel"}},
	}), &cl)
	var np wire.CreateNodePoolResponse
	_ = json.Unmarshal(send(wire.ActionCreateClusterNodePool, []string{cl.ClusterID}, map[string]any{
		"nodepool_info": map[string]any{"name": "burst"},
		"scaling_group": map[string]any{"vswitch_ids": []string{"vsw-demo"}, "instance_types": []string{"ecs.g7.xlarge"},
			"instance_charge_type": "PostPaid", "key_pair": "ops"},
		"auto_scaling": map[string]any{"enable": true, "min_instances": 1, "max_instances": 5},
	}), &np)

	show := func(demand int) {
		if err := cloud.SetDemand(cl.ClusterID, np.NodepoolID, demand); err != nil {
			fmt.Println(err)
			return
		}
		byOrigin := map[nodepool.Origin]int{}
		for _, n := range cloud.Nodes(cl.ClusterID) {
			byOrigin[n.Origin]++
		}
		fmt.Printf("demand %d: %d initial, %d scale-out\n", demand, byOrigin[nodepool.OriginInitial], byOrigin[nodepool.OriginScaleOut])
	}
	show(4)
	show(9)
	show(0)
	// Output:
	// demand 4: 1 initial, 3 scale-out
	// demand 9: 1 initial, 4 scale-out
	// demand 0: 1 initial, 0 scale-out
}

// Limit the account to one serverless cluster: the second is refused
// with the quota's code, and nothing is created.
func ExampleWithLimits() {
	limits := quota.ProductDefaults()
	limits.ServerlessClusters.Max = 1
	cloud := fake.New(fake.WithLimits(limits))
	for _, name := range []string{"first", "second"} {
		req := wire.NewRequest(wire.ActionCreateCluster)
		req.Body, _ = json.Marshal(map[string]any{
			"name": name, "region_id": "cn-hangzhou", "cluster_type": "ManagedKubernetes",
			"profile": "Serverless", "vpcid": "vpc-" + name, "vswitch_ids": []string{"vsw-" + name},
		})
		resp, _ := cloud.Transport().RoundTrip(context.Background(), req)
		if e, failed := envelope.DecodeError(resp.Body); failed {
			fmt.Println(name, resp.StatusCode, e.Code)
			continue
		}
		fmt.Println(name, resp.StatusCode)
	}
	fmt.Println(len(cloud.Clusters()), "cluster")
	// Output:
	// first 200
	// second 400 QuotaExceeded.ServerlessCluster
	// 1 cluster
}

// Keep only the most recent calls in the action log, as a long-running
// fake does (it keeps DefaultCallLogLimit unless told otherwise).
func ExampleWithCallLogLimit() {
	cloud := fake.New(fake.WithCallLogLimit(2))
	tr := cloud.Transport()
	for range 3 {
		_, _ = tr.RoundTrip(context.Background(), wire.NewRequest(wire.ActionDescribeUserQuota))
	}
	for _, c := range cloud.Calls() {
		fmt.Println(c)
	}
	fmt.Println("calls in all:", cloud.TotalCalls())
	// Output:
	// #2 DescribeUserQuota GET /quota -> 200
	// #3 DescribeUserQuota GET /quota -> 200
	// calls in all: 3
}
