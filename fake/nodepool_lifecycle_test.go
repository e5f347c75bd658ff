package fake_test

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/nodepool"
)

// nodeNamePattern is a node's name: the region and the node's address.
var nodeNamePattern = regexp.MustCompile(`^cn-hangzhou\.\d+\.\d+\.\d+\.\d+$`)

// TestNodePoolLifecycle walks a pool through its states on a manual
// clock, one call or one advance at a time: initial → active, scaling,
// removing, updating, deleting → gone, with the refusals of a busy pool.
func TestNodePoolLifecycle(t *testing.T) {
	c := fake.New(fake.WithClock(fake.Manual))
	id := runningCluster(t, c, managedRequest("np-life"))
	poolID, createTask := createPool(t, c, id, poolBody("web", 2))
	params := []string{id, poolID}

	// newestScaleOut returns the n newest scale-out nodes of the pool, as
	// the fake's Go view tells them (the wire does not).
	newestScaleOut := func(n int) []string {
		var ids []string
		nodes := c.Nodes(id)
		for i := len(nodes) - 1; i >= 0 && len(ids) < n; i-- {
			if nodes[i].PoolID == poolID && nodes[i].Origin == nodepool.OriginScaleOut {
				ids = append(ids, nodes[i].InstanceID)
			}
		}
		return ids
	}
	send := func(action string, query url.Values, body any) func() *wireAnswer {
		return func() *wireAnswer {
			resp := call(t, c, action, params, query, body)
			return &wireAnswer{status: resp.StatusCode, body: resp.Body}
		}
	}
	steps := []struct {
		name    string
		do      func() *wireAnswer // nil only observes
		code    string
		state   nodepool.State
		desired int64
		total   int64
		states  map[string]int // node states of the pool
		advance time.Duration
	}{
		{name: "created", state: nodepool.StateInitial, desired: 2, total: 2, states: map[string]int{"initial": 2}, advance: 4 * time.Minute},
		{name: "active", state: nodepool.StateActive, desired: 2, total: 2, states: map[string]int{"running": 2}},
		{name: "scale by 3", do: send(wire.ActionScaleClusterNodePool, nil, wire.ScaleNodePoolRequest{Count: 3}),
			state: nodepool.StateScaling, desired: 5, total: 5, states: map[string]int{"running": 2, "initial": 3}},
		{name: "scale while scaling", do: send(wire.ActionScaleClusterNodePool, nil, wire.ScaleNodePoolRequest{Count: 1}),
			code: fake.ErrorNodePoolState, state: nodepool.StateScaling, desired: 5, total: 5, advance: 3 * time.Minute},
		{name: "scaled", state: nodepool.StateActive, desired: 5, total: 5, states: map[string]int{"running": 5}},
		{name: "remove two", do: func() *wireAnswer {
			q := wire.RemoveNodePoolNodesRequest{InstanceIDs: newestScaleOut(2), DrainNode: wire.Bool(true), ReleaseNode: wire.Bool(true)}.Query()
			return send(wire.ActionRemoveNodePoolNodes, q, nil)()
		}, state: nodepool.StateRemoving, desired: 3, total: 5, states: map[string]int{"running": 3, "removing": 2}, advance: 2 * time.Minute},
		{name: "removed", state: nodepool.StateActive, desired: 3, total: 3, states: map[string]int{"running": 3}},
		{name: "modify name and desired size", do: send(wire.ActionModifyClusterNodePool, nil, wire.ModifyNodePoolRequest{
			NodepoolInfo: &wire.NodepoolInfo{Name: "web-2"}, ScalingGroup: &wire.ScalingGroup{DesiredSize: wire.Int(2)}}),
			state: nodepool.StateUpdating, desired: 2, total: 3, states: map[string]int{"running": 2, "removing": 1}, advance: time.Minute},
		{name: "modified", state: nodepool.StateActive, desired: 2, total: 2, states: map[string]int{"running": 2}},
		{name: "delete without force", do: send(wire.ActionDeleteClusterNodepool, nil, nil),
			code: fake.ErrorNodePoolState, state: nodepool.StateActive, desired: 2, total: 2},
		{name: "delete with force", do: send(wire.ActionDeleteClusterNodepool, wire.DeleteNodePoolQuery{Force: true}.Query(), nil),
			state: nodepool.StateDeleting, desired: 2, total: 2, states: map[string]int{"removing": 2}, advance: 3 * time.Minute},
	}
	for _, s := range steps {
		if s.do != nil {
			if got := s.do().code(); got != s.code {
				t.Fatalf("%s: answered %q, want %q", s.name, got, s.code)
			}
		}
		d := poolDetail(t, c, id, poolID)
		got := struct {
			State          nodepool.State
			Desired, Total int64
		}{nodepool.State(d.Status.State), wire.IntValue(d.ScalingGroup.DesiredSize, -1), d.Status.TotalNodes}
		want := struct {
			State          nodepool.State
			Desired, Total int64
		}{s.state, s.desired, s.total}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("%s: pool (-want +got):\n%s", s.name, diff)
		}
		if s.states != nil {
			states := map[string]int{}
			for _, n := range listNodes(t, c, id, url.Values{"nodepool_id": {poolID}}).Nodes {
				states[n.State]++
			}
			if diff := cmp.Diff(s.states, states); diff != "" {
				t.Fatalf("%s: node states (-want +got):\n%s", s.name, diff)
			}
		}
		c.Advance(s.advance)
	}
	if resp := call(t, c, wire.ActionDescribeClusterNodePoolDetail, params, nil, nil); resp.StatusCode != http.StatusNotFound || errorBody(t, resp).Code != fake.ErrorNodePoolNotFound {
		t.Fatalf("deleted pool: HTTP %d %s, want 404 ErrorNodePoolNotFound", resp.StatusCode, resp.Body)
	}
	if n := listNodes(t, c, id, nil).Page.TotalCount; n != 0 {
		t.Fatalf("%d nodes left after the pool was deleted", n)
	}
	ti := decode[wire.TaskInfo](t, call(t, c, wire.ActionDescribeTaskInfo, []string{createTask}, nil, nil))
	if ti.State != "success" || ti.TaskType != fake.TaskTypeCreateNodePool || ti.Target == nil || ti.Target.ID != poolID || ti.Target.Type != "nodepool" {
		t.Fatalf("create task %+v (target %+v)", ti, ti.Target)
	}
	if created, updated := parseTime(t, ti.Created), parseTime(t, ti.Updated); updated.Sub(created) != 4*time.Minute {
		t.Fatalf("create task ran from %s to %s, want 4m", ti.Created, ti.Updated)
	}
}

// TestNodesOfAPool checks the nodes a pool creates: instance IDs, names
// made of the region and the address, creation times and order, source,
// role, and the pool's detail as the nodepool package reads it back.
func TestNodesOfAPool(t *testing.T) {
	c := fake.New(fake.WithProgressions(fake.Immediately()))
	id := runningCluster(t, c, managedRequest("np-nodes"))
	body := poolBody("web", 2)
	poolID, _ := createPool(t, c, id, body)
	c.Advance(time.Minute)
	if a := scalePool(t, c, id, poolID, 2); a.code() != "" {
		t.Fatalf("scale: %s", a.body)
	}
	nodes := listNodes(t, c, id, nil).Nodes
	if len(nodes) != 4 {
		t.Fatalf("%d nodes, want 4", len(nodes))
	}
	names := map[string]bool{}
	views := c.Nodes(id)
	if len(views) != len(nodes) {
		t.Fatalf("the fake holds %d nodes, the wire lists %d", len(views), len(nodes))
	}
	for i, n := range nodes {
		wantOrigin := nodepool.OriginInitial
		if i >= 2 {
			wantOrigin = nodepool.OriginScaleOut
		}
		switch {
		case views[i].InstanceID != n.InstanceID || views[i].Origin != wantOrigin:
			t.Errorf("node %d: the fake holds %s of origin %q, want %s of origin %q", i, views[i].InstanceID, views[i].Origin, n.InstanceID, wantOrigin)
		case !regexp.MustCompile(`^i-[0-9a-f]{20}$`).MatchString(n.InstanceID):
			t.Errorf("node %d: instance ID %q", i, n.InstanceID)
		case !nodeNamePattern.MatchString(n.NodeName) || names[n.NodeName]:
			t.Errorf("node %d: name %q (seen: %v)", i, n.NodeName, names[n.NodeName])
		case n.Source != nodepool.SourceESSAttach || n.InstanceRole != "Worker" || n.NodepoolID != poolID || n.State != "running":
			t.Errorf("node %d: source %q role %q pool %q state %q", i, n.Source, n.InstanceRole, n.NodepoolID, n.State)
		case n.InstanceType != "ecs.g7.xlarge" || n.InstanceChargeType != "PostPaid":
			t.Errorf("node %d: type %q charge %q", i, n.InstanceType, n.InstanceChargeType)
		}
		names[n.NodeName] = true
	}
	if first, last := parseTime(t, nodes[0].CreationTime), parseTime(t, nodes[3].CreationTime); last.Sub(first) != time.Minute {
		t.Errorf("created %s and %s, want a minute apart", nodes[0].CreationTime, nodes[3].CreationTime)
	}
	if !slices.IsSortedFunc(views, func(a, b fake.Node) int { return int(a.Seq - b.Seq) }) || views[0].Seq == views[1].Seq {
		t.Errorf("creation order %v", views)
	}

	p, err := poolWire.PoolFromDetail(ptr(poolDetail(t, c, id, poolID)))
	if err != nil {
		t.Fatal(err)
	}
	want, _ := poolWire.SpecFromCreate(body)
	want.DesiredSize = 4
	if diff := cmp.Diff(want, p.Spec); diff != "" {
		t.Errorf("spec read back (-want +got):\n%s", diff)
	}
	if p.ID != poolID || p.State != nodepool.StateActive || p.Nodes.Total != 4 || p.Nodes.Serving != 4 || p.ScalingGroupID == "" {
		t.Errorf("pool read back %+v", p)
	}
}

func ptr[T any](v T) *T { return &v }

// TestDescribeClusterNodesWithWorkers pages and filters the nodes of a
// dedicated cluster: three masters and the nodes of two pools.
func TestDescribeClusterNodesWithWorkers(t *testing.T) {
	c := fake.New(fake.WithProgressions(fake.Immediately()))
	id := runningCluster(t, c, dedicatedRequest("np-ded"))
	b := poolBody("a", 3)
	b.ScalingGroup.VSwitchIDs = []string{"vsw-d1"}
	poolA, _ := createPool(t, c, id, b)
	b = poolBody("b", 1)
	b.ScalingGroup.VSwitchIDs = []string{"vsw-d1"}
	createPool(t, c, id, b)
	all := listNodes(t, c, id, nil).Nodes
	if len(all) != 7 || all[0].InstanceRole != "Master" || all[3].InstanceRole != "Worker" {
		t.Fatalf("nodes %v", instanceIDs(all))
	}
	tests := []struct {
		name  string
		query url.Values
		want  []string
		total int64
	}{
		{"first page", url.Values{"pageSize": {"3"}}, instanceIDs(all[:3]), 7},
		{"last page", url.Values{"pageSize": {"3"}, "pageNumber": {"3"}}, instanceIDs(all[6:]), 7},
		{"past the end", url.Values{"pageSize": {"3"}, "pageNumber": {"4"}}, []string{}, 7},
		{"pool", url.Values{"nodepool_id": {poolA}}, instanceIDs(all[3:6]), 3},
		{"pool, paged", url.Values{"nodepool_id": {poolA}, "pageSize": {"2"}, "pageNumber": {"2"}}, instanceIDs(all[5:6]), 3},
		{"running", url.Values{"state": {"running"}}, instanceIDs(all), 7},
		{"removing", url.Values{"state": {"removing"}}, []string{}, 0},
		{"instance IDs", url.Values{"instanceIds": {all[1].InstanceID + "," + all[4].InstanceID}}, []string{all[1].InstanceID, all[4].InstanceID}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := listNodes(t, c, id, tt.query)
			if diff := cmp.Diff(tt.want, instanceIDs(got.Nodes)); diff != "" || got.Page.TotalCount != tt.total {
				t.Errorf("nodes (-want +got):\n%s total %d, want %d", diff, got.Page.TotalCount, tt.total)
			}
		})
	}
	if cl, _ := c.Cluster(id); cl.Nodes != 7 || cl.NodePools != 2 {
		t.Errorf("cluster view: %d nodes, %d pools", cl.Nodes, cl.NodePools)
	}
}

// TestCreateClusterWithNodePools creates pools with the cluster: they are
// initial while it is, active once it runs; the first is the default. A
// failed create fails them.
func TestCreateClusterWithNodePools(t *testing.T) {
	c := fake.New(fake.WithClock(fake.Manual))
	req := managedRequest("with-pools")
	req.Nodepools = []wire.Nodepool{*poolBody("default", 2), *autoscaledBody("burst", 1, 5)}
	cr := decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, req))
	pools := c.NodePools(cr.ClusterID)
	if len(pools) != 2 || pools[0].State != nodepool.StateInitial || !pools[0].Default || pools[1].Default || pools[0].Nodes != 2 || pools[1].Nodes != 1 {
		t.Fatalf("pools while creating: %+v", pools)
	}
	c.Advance(8 * time.Minute)
	for _, p := range c.NodePools(cr.ClusterID) {
		if p.State != nodepool.StateActive {
			t.Errorf("pool %s is %s once the cluster runs", p.Spec.Name, p.State)
		}
	}
	if got := listNodes(t, c, cr.ClusterID, url.Values{"state": {"running"}}).Page.TotalCount; got != 3 {
		t.Errorf("%d running nodes, want 3", got)
	}

	c.FailNext(fake.ChangeAnyCreate, "ErrorCreateFailed", "no capacity")
	req = managedRequest("failing")
	req.VPCID, req.VSwitchIDs = "vpc-fail", []string{"vsw-fail"}
	req.Nodepools = []wire.Nodepool{*poolBody("default", 1)}
	req.Nodepools[0].ScalingGroup.VSwitchIDs = []string{"vsw-fail"}
	cr = decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, req))
	c.Advance(8 * time.Minute)
	if p := c.NodePools(cr.ClusterID); len(p) != 1 || p[0].State != nodepool.StateFailed {
		t.Errorf("pools of a failed cluster: %+v", p)
	}
	if n := listNodes(t, c, cr.ClusterID, url.Values{"state": {"failed"}}).Page.TotalCount; n != 1 {
		t.Errorf("%d failed nodes, want 1", n)
	}
}

// TestDeleteClusterRemovesPools deletes a cluster with pools: its pools
// and nodes go with it, and so does their quota usage.
func TestDeleteClusterRemovesPools(t *testing.T) {
	c := fake.New(fake.WithProgressions(fake.Immediately()))
	id := runningCluster(t, c, managedRequest("doomed"))
	poolID, _ := createPool(t, c, id, poolBody("web", 3))
	if resp := call(t, c, wire.ActionDeleteCluster, []string{id}, nil, nil); resp.StatusCode != http.StatusOK {
		t.Fatalf("delete: %s", resp.Body)
	}
	if _, ok := c.NodePool(id, poolID); ok || len(c.Nodes(id)) != 0 || len(c.NodePools(id)) != 0 {
		t.Fatalf("pool or nodes outlived their cluster")
	}
	resp := call(t, c, wire.ActionDescribeClusterNodePoolDetail, []string{id, poolID}, nil, nil)
	if resp.StatusCode != http.StatusNotFound || errorBody(t, resp).Code != fake.ErrorClusterNotFound {
		t.Fatalf("pool of a deleted cluster: HTTP %d %s", resp.StatusCode, resp.Body)
	}
	if got := counts(c); got.Nodes != 0 || got.Pools != 0 || got.Clusters != 0 {
		t.Fatalf("counts after delete: %+v", got)
	}
}
