package nodepool_test

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/quota"
)

// These tests run the client against the fake ACK (package fake), which
// judges requests with this package's rules and keeps pools, nodes and
// tasks on a virtual clock.

// onFake returns a fake with a running managed cluster, a node pool
// client of it and the cluster's ID. opts are the fake's options.
func onFake(t *testing.T, opts ...fake.Option) (*fake.Cloud, *nodepool.Client, string) {
	t.Helper()
	ctx := context.Background()
	cloud := fake.New(opts...)
	op, err := cluster.NewClient(cloud.Config()).Create(ctx, cluster.Spec{
		Name:      "pools",
		Region:    fake.DefaultRegion,
		Form:      cluster.ManagedPro,
		VPCID:     "vpc-pools",
		VSwitches: []cluster.VSwitch{{ID: "vsw-pools"}},
		Network:   cluster.Network{Plugin: cluster.Flannel, PodCIDR: "172.20.0.0/16"},
		SNAT:      cluster.Bool(true),
	})
	if err != nil {
		t.Fatalf("create cluster: %v", err)
	}
	cl, err := op.Wait(ctx)
	if err != nil {
		t.Fatalf("create cluster: wait: %v", err)
	}
	cloud.ClearCalls()
	return cloud, nodepool.NewClient(cloud.Config()), cl.ID
}

// fakeSpec is a valid pool on the cluster's vSwitch.
func fakeSpec(name string, size int) nodepool.Spec {
	return nodepool.Spec{
		Name:          name,
		VSwitchIDs:    []string{"vsw-pools"},
		InstanceTypes: []string{"ecs.g7.xlarge"},
		DesiredSize:   size,
		KeyPair:       "ops",
	}
}

// activePool creates a pool and waits for it.
func activePool(t *testing.T, c *nodepool.Client, clusterID string, spec nodepool.Spec) *nodepool.Pool {
	t.Helper()
	op, err := c.Create(context.Background(), clusterID, spec)
	if err != nil {
		t.Fatalf("create pool: %v", err)
	}
	d, err := op.Wait(context.Background())
	if err != nil {
		t.Fatalf("create pool: wait: %v", err)
	}
	return d
}

// fakeWrites counts the fake's calls of action that were not reads.
func fakeWrites(cloud *fake.Cloud, action string) int {
	n := 0
	for _, c := range cloud.Calls() {
		if c.Method != http.MethodGet && (action == "" || c.Action == action) {
			n++
		}
	}
	return n
}

// poolNodes returns the fake's nodes of a pool, by origin.
func poolNodes(cloud *fake.Cloud, clusterID, poolID string) map[nodepool.Origin][]string {
	out := map[nodepool.Origin][]string{}
	for _, n := range cloud.Nodes(clusterID) {
		if n.PoolID == poolID {
			out[n.Origin] = append(out[n.Origin], n.InstanceID)
		}
	}
	return out
}

func TestFakeScaleOutIsExactUnderLostAnswers(t *testing.T) {
	big := quota.ProductDefaults()
	big.NodesPerCluster.Max = 2000
	cases := []struct {
		name             string
		initial, desired int
		lose             int // which ScaleClusterNodePool call loses its answer
		wantSends        int
	}{
		{"3 nodes, answer lost", 2, 5, 1, 1},
		{"1,200 nodes, second part's answer lost", 0, 1200, 2, 3},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			cloud, c, id := onFake(t, fake.WithLimits(big))
			p := activePool(t, c, id, fakeSpec("web", tc.initial))
			seen := 0
			cloud.PrependReactor(wire.ActionScaleClusterNodePool, func(fake.Call) (fake.Reaction, bool) {
				seen++
				return fake.Reaction{LoseResponse: true}, seen == tc.lose
			})
			op, err := c.Scale(ctx, id, p.ID, tc.desired)
			if err != nil {
				t.Fatalf("Scale: %v", err)
			}
			d, err := op.Wait(ctx)
			if err != nil {
				t.Fatalf("Wait: %v", err)
			}
			got, _ := cloud.NodePool(id, p.ID)
			if got.Nodes != tc.desired || got.Spec.DesiredSize != tc.desired || d.Size() != tc.desired {
				t.Errorf("the pool has %d nodes, desired size %d (client reads %d); want %d",
					got.Nodes, got.Spec.DesiredSize, d.Size(), tc.desired)
			}
			if n := fakeWrites(cloud, wire.ActionScaleClusterNodePool); n != tc.wantSends {
				t.Errorf("%d scale calls, want %d", n, tc.wantSends)
			}
		})
	}
}

func TestFakePoolLifecycle(t *testing.T) {
	ctx := context.Background()
	cloud, c, id := onFake(t)

	// Create, with the answer lost: one pool, found by its name.
	cloud.PrependReactor(wire.ActionCreateClusterNodePool, fake.Once(fake.LoseResponse()))
	p := activePool(t, c, id, fakeSpec("web", 2))
	if pools := cloud.NodePools(id); len(pools) != 1 || pools[0].ID != p.ID {
		t.Fatalf("pools %+v, want only %s", pools, p.ID)
	}

	// Scale out by 3, then in by 2: the two newest scale-out nodes go.
	op, err := c.Scale(ctx, id, p.ID, 5)
	if err == nil {
		_, err = op.Wait(ctx)
	}
	if err != nil {
		t.Fatalf("scale out: %v", err)
	}
	added := poolNodes(cloud, id, p.ID)[nodepool.OriginScaleOut]
	if len(added) != 3 {
		t.Fatalf("scale-out nodes %v, want 3", added)
	}
	// The client reads every node as of unknown origin, as on ACK: the
	// wire does not tell it.
	listed := 0
	for n, err := range c.Nodes(ctx, id, func(o *nodepool.NodesOptions) { o.PoolID = p.ID }) {
		if err != nil {
			t.Fatal(err)
		}
		if listed++; n.Origin != nodepool.OriginUnknown {
			t.Errorf("node %s read with origin %q, want unknown", n.InstanceID, n.Origin)
		}
	}
	if listed != 5 {
		t.Fatalf("Nodes listed %d nodes, want 5", listed)
	}
	// The fake's Go view tells the origins; the nodes a lower desired size
	// removes are those the scale-in rule picks from them.
	var seen []nodepool.Node
	for _, n := range cloud.Nodes(id) {
		if n.PoolID == p.ID {
			seen = append(seen, n.Node)
		}
	}
	chosen, err := nodepool.ChooseScaleIn(seen, 2, 3)
	if err != nil {
		t.Fatal(err)
	}
	op, err = c.Scale(ctx, id, p.ID, 3)
	if err == nil {
		_, err = op.Wait(ctx)
	}
	if err != nil {
		t.Fatalf("scale in: %v", err)
	}
	left := poolNodes(cloud, id, p.ID)
	if len(left[nodepool.OriginInitial]) != 2 || len(left[nodepool.OriginScaleOut]) != 1 {
		t.Errorf("nodes left %v; want both initial nodes and one scale-out node", left)
	}
	for _, n := range chosen {
		if slices.Contains(left[nodepool.OriginScaleOut], n.InstanceID) {
			t.Errorf("node %s, chosen for the scale-in, is still there", n.InstanceID)
		}
	}

	// An immutable change is refused before any mutating call.
	before := fakeWrites(cloud, "")
	_, err = c.Modify(ctx, id, p.ID, func(s *nodepool.Spec) { s.MaxPods = 128 })
	var ve *ack.ValidationError
	if !errors.As(err, &ve) || !ve.HasRule("nodepool.immutable.max_pods") || fakeWrites(cloud, "") != before {
		t.Errorf("Modify of max pods: %v after %d writes; want a refusal and none", err, fakeWrites(cloud, "")-before)
	}
	op, err = c.Modify(ctx, id, p.ID, func(s *nodepool.Spec) { s.Labels = []nodepool.Label{{Key: "tier", Value: "web"}} })
	if err == nil {
		_, err = op.Wait(ctx)
	}
	if got, _ := cloud.NodePool(id, p.ID); err != nil || !cmp.Equal(got.Spec.Labels, []nodepool.Label{{Key: "tier", Value: "web"}}) {
		t.Errorf("Modify of labels: %v; the pool's labels are %v", err, got.Spec.Labels)
	}

	// Remove one initial node by hand, draining it.
	op, err = c.RemoveNodes(ctx, id, p.ID, left[nodepool.OriginInitial][:1], func(o *nodepool.RemoveOptions) { o.Drain = true })
	if err == nil {
		_, err = op.Wait(ctx)
	}
	if got, _ := cloud.NodePool(id, p.ID); err != nil || got.Nodes != 2 {
		t.Errorf("RemoveNodes: %v; the pool has %d nodes, want 2", err, got.Nodes)
	}

	// Delete with force, the answer lost: the pool is gone all the same.
	cloud.PrependReactor(wire.ActionDeleteClusterNodepool, fake.Once(fake.LoseResponse()))
	op, err = c.Delete(ctx, id, p.ID, func(o *nodepool.DeleteOptions) { o.Force = true })
	if err == nil {
		_, err = op.Wait(ctx)
	}
	if _, exists := cloud.NodePool(id, p.ID); err != nil || exists {
		t.Errorf("Delete: %v; the pool exists = %v", err, exists)
	}
	if n := fakeWrites(cloud, wire.ActionDeleteClusterNodepool); n != 1 {
		t.Errorf("%d deletes sent, want 1", n)
	}
}

func TestFakeRefusals(t *testing.T) {
	ctx := context.Background()
	cloud, c, id := onFake(t)
	p := activePool(t, c, id, fakeSpec("web", 2))

	// The cluster's node quota (40 by the product description) refuses a
	// scale-out past it; the error keeps ACK's code.
	_, err := c.Scale(ctx, id, p.ID, 100)
	if !ack.IsQuotaExceeded(err) {
		t.Errorf("Scale past the node quota: %v, want a quota error", err)
	}
	// A pool with auto scaling on is not scaled by hand.
	auto := fakeSpec("auto", 0)
	auto.AutoScaling = nodepool.AutoScaling{Enabled: true, Min: 1, Max: 5}
	ap := activePool(t, c, id, auto)
	before := fakeWrites(cloud, "")
	if _, err := c.Scale(ctx, id, ap.ID, 3); !errors.Is(err, nodepool.ErrAutoScaled) || fakeWrites(cloud, "") != before {
		t.Errorf("Scale of an autoscaled pool: %v; want nodepool.ErrAutoScaled and no write", err)
	}
	// A pool that does not exist.
	if _, err := c.Get(ctx, id, "np-missing"); !ack.IsNotFound(err) {
		t.Errorf("Get of a missing pool: %v, want not found", err)
	}
}

func TestFakeTaskFailure(t *testing.T) {
	ctx := context.Background()
	cloud, c, id := onFake(t)
	cloud.FailNext(fake.ChangeCreateNodePool, "InsufficientInventory", "no ecs.g7.xlarge left")
	op, err := c.Create(ctx, id, fakeSpec("web", 2))
	if err != nil {
		t.Fatal(err)
	}
	_, err = op.Wait(ctx)
	var tf *ack.TaskFailedError
	if !errors.As(err, &tf) || tf.Code != "InsufficientInventory" || tf.ResourceID != op.PoolID() {
		t.Errorf("Wait: %v; want a *ack.TaskFailedError with code InsufficientInventory for %s", err, op.PoolID())
	}
}

// TestFakeScaleInBreaksTiesByCreationOrder scales out by five nodes at one
// instant (one creation_time on the wire) and in by three: the client
// removes the three created last, as the fake's own creation order says,
// and keeps the two created first with the pool's initial nodes.
func TestFakeScaleInBreaksTiesByCreationOrder(t *testing.T) {
	ctx := context.Background()
	cloud, c, id := onFake(t, fake.WithProgressions(fake.Immediately()))
	p := activePool(t, c, id, fakeSpec("web", 2))
	scale := func(size int) {
		t.Helper()
		op, err := c.Scale(ctx, id, p.ID, size)
		if err == nil {
			_, err = op.Wait(ctx)
		}
		if err != nil {
			t.Fatalf("scale to %d: %v", size, err)
		}
	}

	scale(7)
	var batch []fake.Node // the five scale-out nodes, in the fake's creation order
	for _, n := range cloud.Nodes(id) {
		if n.PoolID == p.ID && n.Origin == nodepool.OriginScaleOut {
			batch = append(batch, n)
		}
	}
	if len(batch) != 5 || !batch[0].Created.Equal(batch[4].Created) || batch[0].Seq >= batch[4].Seq {
		t.Fatalf("scale-out nodes %+v, want five created at one instant, in order", batch)
	}
	want := []string{batch[0].InstanceID, batch[1].InstanceID}

	scale(4)
	left := poolNodes(cloud, id, p.ID)
	if diff := cmp.Diff(want, left[nodepool.OriginScaleOut]); diff != "" {
		t.Errorf("scale-out nodes kept (-the first two created +got):\n%s", diff)
	}
	if n := len(left[nodepool.OriginInitial]); n != 2 {
		t.Errorf("%d initial nodes left, want 2", n)
	}

	var seqs []int64
	for n, err := range c.Nodes(ctx, id, func(o *nodepool.NodesOptions) { o.PoolID = p.ID }) {
		if err != nil {
			t.Fatal(err)
		}
		seqs = append(seqs, n.Seq)
	}
	if diff := cmp.Diff([]int64{1, 2, 3, 4}, seqs); diff != "" {
		t.Errorf("Node.Seq as Nodes numbers the listing (-want +got):\n%s", diff)
	}
}

// TestFakeGetAndList reads pools back with Get and List, with and without
// the name filter.
func TestFakeGetAndList(t *testing.T) {
	ctx := context.Background()
	_, c, id := onFake(t, fake.WithProgressions(fake.Immediately()))
	web := activePool(t, c, id, fakeSpec("web", 2))
	db := activePool(t, c, id, fakeSpec("db", 1))

	got, err := c.Get(ctx, id, db.ID)
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	if got.ID != db.ID || got.ClusterID != id || got.Spec.Name != "db" || got.State != nodepool.StateActive ||
		got.Nodes.Total != 1 || got.Size() != 1 || got.RequestID == "" {
		t.Errorf("Get = %+v", got)
	}

	list := func(name string) []string {
		var out []string
		for p, err := range c.List(ctx, id, func(o *nodepool.ListOptions) { o.Name = name }) {
			if err != nil {
				t.Fatalf("List %q: %v", name, err)
			}
			out = append(out, p.Spec.Name+"/"+p.ID)
		}
		return out
	}
	for _, tt := range []struct {
		name string
		want []string
	}{
		{"", []string{"web/" + web.ID, "db/" + db.ID}},
		{"db", []string{"db/" + db.ID}},
		{"none", nil},
	} {
		if diff := cmp.Diff(tt.want, list(tt.name)); diff != "" {
			t.Errorf("List name %q (-want +got):\n%s", tt.name, diff)
		}
	}
}
