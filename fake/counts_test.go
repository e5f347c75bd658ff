package fake_test

import (
	"math"
	"net/url"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/quota"
)

// TestNegativeCountsAreRefused sends counts below their range (and a few
// past it) to every call that takes one: each is refused with HTTP 400
// and the rule ID of the domain package that owns the count, and nothing
// is created or scaled.
func TestNegativeCountsAreRefused(t *testing.T) {
	c := fake.New(fake.WithProgressions(fake.Immediately()))
	id := runningCluster(t, c, dedicatedRequest("counts"))
	poolID, _ := createPool(t, c, id, poolBody("pool", 1))
	withWorkers := func(r *wire.CreateClusterRequest, n int64) *wire.CreateClusterRequest {
		r.NumOfNodes = wire.Int(n)
		r.WorkerInstanceTypes = []string{"ecs.g7.large"}
		r.WorkerVSwitchIDs = []string{r.VSwitchIDs[0]}
		r.LoginPassword = "Hello1234!"
		return r
	}
	negativePool := poolBody("negative", 0)
	negativePool.ScalingGroup.DesiredSize = nil
	negativePool.Count = -1
	// 60 - 2^53 minutes is 60 minutes once multiplied into nanoseconds
	// modulo 2^64: an overflow that would pass for a valid duration.
	wrapped := strconv.FormatInt(60-1<<53, 10)
	// The creates go to a fake of their own, whose network they do not
	// share with the cluster above.
	fresh := fake.New()
	runRefusals(t, fresh, []refusalCase{
		{name: "CreateCluster dedicated num_of_nodes -1", action: wire.ActionCreateCluster,
			body: withWorkers(dedicatedRequest("neg-ded"), -1), status: 400, code: fake.InvalidParameter, contains: []string{"[cluster.workers.count]"}},
		{name: "CreateCluster managed num_of_nodes -1", action: wire.ActionCreateCluster,
			body: withWorkers(managedRequest("neg-man"), -1), status: 400, code: fake.InvalidParameter, contains: []string{"[cluster.workers.count]"}},
		{name: "CreateCluster num_of_nodes past 100", action: wire.ActionCreateCluster,
			body: withWorkers(dedicatedRequest("big-ded"), 101), status: 400, code: fake.InvalidParameter, contains: []string{"[cluster.workers.count]"}},
	})
	if n := len(fresh.Clusters()); n != 0 {
		t.Fatalf("refused creates made %d clusters", n)
	}
	before := counts(c)
	runRefusals(t, c, []refusalCase{
		{name: "ScaleOutCluster count -1", action: wire.ActionScaleOutCluster, params: []string{id},
			body:   wire.ScaleOutClusterRequest{Count: -1, VSwitchIDs: []string{"vsw-d1"}, WorkerInstanceTypes: []string{"ecs.g7.large"}, KeyPair: "ops"},
			status: 400, code: fake.InvalidParameter, contains: []string{"[cluster.scale_out.count]"}},
		{name: "ScaleClusterNodePool count -1", action: wire.ActionScaleClusterNodePool, params: []string{id, poolID},
			body: wire.ScaleNodePoolRequest{Count: -1}, status: 400, code: fake.InvalidParameter, contains: []string{"[nodepool.scale.count]"}},
		{name: "ScaleClusterNodePool count 0", action: wire.ActionScaleClusterNodePool, params: []string{id, poolID},
			rawBody: `{"count":0}`, status: 400, code: fake.InvalidParameter, contains: []string{"[nodepool.scale.count]"}},
		{name: "ScaleClusterNodePool count past 500", action: wire.ActionScaleClusterNodePool, params: []string{id, poolID},
			body: wire.ScaleNodePoolRequest{Count: 501}, status: 400, code: fake.InvalidParameter, contains: []string{"[nodepool.scale.count]"}},
		{name: "ModifyClusterNodePool count -1", action: wire.ActionModifyClusterNodePool, params: []string{id, poolID},
			rawBody: `{"count":-1}`, status: 400, code: fake.InvalidParameter, contains: []string{"[nodepool.modify.count]"}},
		{name: "ModifyClusterNodePool desired_size -1", action: wire.ActionModifyClusterNodePool, params: []string{id, poolID},
			rawBody: `{"scaling_group":{"desired_size":-1}}`, status: 400, code: fake.InvalidParameter, contains: []string{"[nodepool.desired_size.range]"}},
		{name: "ModifyClusterNodePool autoscaler minimum -1", action: wire.ActionModifyClusterNodePool, params: []string{id, poolID},
			rawBody: `{"auto_scaling":{"enable":true,"min_instances":-1,"max_instances":3}}`, status: 400, code: fake.InvalidParameter, contains: []string{"[nodepool.auto_scaling.min]"}},
		{name: "CreateClusterNodePool desired_size -1", action: wire.ActionCreateClusterNodePool, params: []string{id},
			body: poolBody("negative", -1), status: 400, code: fake.InvalidParameter, contains: []string{"[nodepool.desired_size.range]"}},
		{name: "CreateClusterNodePool count -1", action: wire.ActionCreateClusterNodePool, params: []string{id},
			body: negativePool, status: 400, code: fake.InvalidParameter, contains: []string{"[nodepool.desired_size.range]"}},
		{name: "DescribeClusterUserKubeconfig negative minutes that wrap", action: wire.ActionDescribeClusterUserKubeconfig, params: []string{id},
			query: url.Values{"TemporaryDurationMinutes": {wrapped}}, status: 400, code: fake.InvalidParameter, contains: []string{"[cluster.kubeconfig.duration]"}},
		{name: "DescribeClusterUserKubeconfig -1 minutes", action: wire.ActionDescribeClusterUserKubeconfig, params: []string{id},
			query: url.Values{"TemporaryDurationMinutes": {"-1"}}, status: 400, code: fake.InvalidParameter, contains: []string{"[cluster.kubeconfig.duration]"}},
	})
	if after := counts(c); !cmp.Equal(before, after) {
		t.Fatalf("refused calls changed the store: %+v, then %+v", before, after)
	}
}

// TestHugeCountsAreRefusedByQuota asks for counts whose sums overflow an
// int: the quotas refuse them (QuotaExceeded.Node) instead of a wrapped
// sum passing them, and no node is created.
func TestHugeCountsAreRefusedByQuota(t *testing.T) {
	c := fake.New(fake.WithProgressions(fake.Immediately()))
	id := runningCluster(t, c, dedicatedRequest("huge"))
	poolID, _ := createPool(t, c, id, poolBody("pool", 1))
	half := int64(math.MaxInt64/2 + 1)
	twoPools := managedRequest("two-huge-pools")
	twoPools.Nodepools = []wire.Nodepool{*poolBody("a", half), *poolBody("b", half)}
	before := counts(c)
	runRefusals(t, c, []refusalCase{
		{name: "ScaleOutCluster count MaxInt64", action: wire.ActionScaleOutCluster, params: []string{id},
			body:   wire.ScaleOutClusterRequest{Count: math.MaxInt64, VSwitchIDs: []string{"vsw-d1"}, WorkerInstanceTypes: []string{"ecs.g7.large"}, KeyPair: "ops"},
			status: 400, code: quota.CodeNodeQuota},
		{name: "CreateClusterNodePool desired_size MaxInt64", action: wire.ActionCreateClusterNodePool, params: []string{id},
			body: poolBody("huge", math.MaxInt64), status: 400, code: quota.CodeNodeQuota},
		{name: "ModifyClusterNodePool desired_size MaxInt64", action: wire.ActionModifyClusterNodePool, params: []string{id, poolID},
			rawBody: `{"scaling_group":{"desired_size":9223372036854775807}}`, status: 400, code: quota.CodeNodeQuota},
	})
	fresh := fake.New()
	runRefusals(t, fresh, []refusalCase{
		{name: "CreateCluster with pools whose sizes wrap when added", action: wire.ActionCreateCluster,
			body: twoPools, status: 400, code: quota.CodeNodeQuota},
	})
	if n := len(fresh.Clusters()); n != 0 {
		t.Fatalf("a refused create made %d clusters", n)
	}
	if after := counts(c); !cmp.Equal(before, after) {
		t.Fatalf("refused calls changed the store: %+v, then %+v", before, after)
	}
	if n := len(listNodes(t, c, id, nil).Nodes); n > 10 {
		t.Fatalf("the cluster has %d nodes", n)
	}
}
