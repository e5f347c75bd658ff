package fake_test

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
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
