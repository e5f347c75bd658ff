package fake_test

import (
	"net/http"
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/nodepool"
)

// TestScaleOutCluster adds legacy workers to a dedicated cluster: the
// cluster is scaling and then running, the workers belong to no pool and
// have source scale-out.
func TestScaleOutCluster(t *testing.T) {
	c := fake.New(fake.WithClock(fake.Manual))
	id := runningCluster(t, c, dedicatedRequest("legacy"))
	body := wire.ScaleOutClusterRequest{Count: 2, VSwitchIDs: []string{"vsw-d1"}, WorkerInstanceTypes: []string{"ecs.c7.large"}, LoginPassword: "Hello1234!"}
	resp := call(t, c, wire.ActionScaleOutCluster, []string{id}, nil, body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("ScaleOutCluster: %s", resp.Body)
	}
	out := decode[wire.ScaleOutClusterResponse](t, resp)
	d := decode[wire.ClusterDetail](t, call(t, c, wire.ActionDescribeClusterDetail, []string{id}, nil, nil))
	if d.State != "scaling" || d.Size != 5 || out.ClusterID != id {
		t.Fatalf("after ScaleOutCluster: %s with %d nodes (answer %+v)", d.State, d.Size, out)
	}
	workers := listNodes(t, c, id, url.Values{"state": {"initial"}}).Nodes
	if len(workers) != 2 {
		t.Fatalf("%d initial workers, want 2", len(workers))
	}
	for _, w := range workers {
		// A worker of no pool reports no source: ACK documents none for it.
		if w.InstanceRole != "Worker" || w.NodepoolID != "" || w.Source != "" || w.InstanceType != "ecs.c7.large" {
			t.Errorf("worker %+v", w)
		}
	}
	for _, n := range c.Nodes(id) {
		if slices.ContainsFunc(workers, func(w wire.Node) bool { return w.InstanceID == n.InstanceID }) && n.Origin != nodepool.OriginScaleOut {
			t.Errorf("worker %s of origin %q in the fake, want scale-out", n.InstanceID, n.Origin)
		}
	}
	c.Advance(5 * time.Minute)
	if task, _ := c.Task(out.TaskID); task.State != "success" || task.Type != fake.TaskTypeScaleOutCluster {
		t.Fatalf("task %+v", task)
	}
	if cl, _ := c.Cluster(id); cl.State != "running" || listNodes(t, c, id, url.Values{"state": {"running"}}).Page.TotalCount != 5 {
		t.Fatalf("cluster %s after the scale-out", cl.State)
	}

	sls := runningCluster(t, c, inVPC(serverlessRequest("sls"), "sls"))
	tests := []struct {
		name    string
		cluster string
		body    wire.ScaleOutClusterRequest
		rules   []string
	}{
		{"empty", id, wire.ScaleOutClusterRequest{KeyPair: "ops"}, []string{"cluster.scale_out.count", "cluster.scale_out.instance_types", "cluster.scale_out.vswitches"}},
		{"no login", id, wire.ScaleOutClusterRequest{Count: 1, VSwitchIDs: []string{"vsw-d1"}, WorkerInstanceTypes: []string{"ecs.c7.large"}}, []string{"cluster.login.required"}},
		{"weak password", id, wire.ScaleOutClusterRequest{Count: 1, VSwitchIDs: []string{"vsw-d1"}, WorkerInstanceTypes: []string{"ecs.c7.large"}, LoginPassword: "short"}, []string{"cluster.login.password"}},
		{"serverless", sls, wire.ScaleOutClusterRequest{Count: 1, VSwitchIDs: []string{"vsw-qsls"}, WorkerInstanceTypes: []string{"ecs.c7.large"}, KeyPair: "ops"}, []string{"cluster.workers.not_serverless"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := counts(c)
			got := refusedRules(t, call(t, c, wire.ActionScaleOutCluster, []string{tt.cluster}, nil, tt.body), nil)
			if diff := cmp.Diff(tt.rules, got); diff != "" {
				t.Errorf("rules (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(before, counts(c)); diff != "" {
				t.Errorf("a refused scale-out changed the fake:\n%s", diff)
			}
		})
	}
}

// TestRemoveClusterNodesByName removes nodes by name with
// DeleteClusterNodes and RemoveClusterNodes: the cluster is removing, the
// pool's desired size drops at once, and the nodes go when the change
// completes. Masters are not removed this way.
func TestRemoveClusterNodesByName(t *testing.T) {
	c := fake.New(fake.WithClock(fake.Manual))
	id := runningCluster(t, c, dedicatedRequest("by-name"))
	b := poolBody("web", 3)
	b.ScalingGroup.VSwitchIDs = []string{"vsw-d1"}
	poolID, _ := createPool(t, c, id, b)
	c.Advance(4 * time.Minute)
	nodes := listNodes(t, c, id, nil).Nodes // 3 masters, 3 workers

	tests := []struct {
		name    string
		action  string
		names   []string
		status  int
		code    string
		desired int64
		left    int
	}{
		{"a master", wire.ActionDeleteClusterNodes, []string{nodes[0].NodeName}, 400, fake.InvalidParameter, 3, 6},
		{"an unknown node", wire.ActionDeleteClusterNodes, []string{"cn-hangzhou.10.9.9.9"}, 400, fake.InvalidParameter, 3, 6},
		{"none", wire.ActionRemoveClusterNodes, nil, 400, fake.InvalidParameter, 3, 6},
		{"DeleteClusterNodes", wire.ActionDeleteClusterNodes, []string{nodes[5].NodeName}, 200, "", 2, 5},
		{"RemoveClusterNodes", wire.ActionRemoveClusterNodes, []string{nodes[3].NodeName, nodes[4].NodeName}, 200, "", 0, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := call(t, c, tt.action, []string{id}, nil, wire.DeleteClusterNodesRequest{Nodes: tt.names, DrainNode: true})
			if resp.StatusCode != tt.status {
				t.Fatalf("HTTP %d %s, want %d", resp.StatusCode, resp.Body, tt.status)
			}
			if tt.code != "" {
				if e := errorBody(t, resp); e.Code != tt.code {
					t.Fatalf("code %s, want %s", e.Code, tt.code)
				}
			} else {
				if tt.action == wire.ActionRemoveClusterNodes && len(resp.Body) != 0 {
					t.Errorf("RemoveClusterNodes answered a body: %s", resp.Body)
				}
				if cl, _ := c.Cluster(id); cl.State != "removing" {
					t.Errorf("cluster %s while removing", cl.State)
				}
				if d := poolDetail(t, c, id, poolID); d.Status.State != "removing" || d.Status.RemovingNodes != int64(len(tt.names)) {
					t.Errorf("pool %s with %d removing nodes", d.Status.State, d.Status.RemovingNodes)
				}
			}
			c.Advance(2 * time.Minute)
			left := listNodes(t, c, id, nil).Nodes
			if d := poolDetail(t, c, id, poolID); len(left) != tt.left || wire.IntValue(d.ScalingGroup.DesiredSize, -1) != tt.desired || d.Status.State != "active" {
				t.Fatalf("%d nodes left, desired %d, pool %s; want %d and %d, active", len(left), wire.IntValue(d.ScalingGroup.DesiredSize, -1), d.Status.State, tt.left, tt.desired)
			}
			for _, n := range tt.names {
				if slices.ContainsFunc(left, func(m wire.Node) bool { return m.NodeName == n }) && tt.code == "" {
					t.Errorf("node %s is still there", n)
				}
			}
		})
	}
	if cl, _ := c.Cluster(id); cl.State != "running" {
		t.Errorf("cluster %s after the removals", cl.State)
	}
}
