package fake_test

import (
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/quota"
)

// poolNodes returns the nodes of one pool, in creation order.
func poolNodes(c *fake.Cloud, clusterID, poolID string) []fake.Node {
	var out []fake.Node
	for _, n := range c.Nodes(clusterID) {
		if n.PoolID == poolID {
			out = append(out, n)
		}
	}
	return out
}

// scaleNodeIDs returns the sorted instance IDs of nodepool nodes.
func scaleNodeIDs(nodes []nodepool.Node) []string {
	out := make([]string, len(nodes))
	for i, n := range nodes {
		out[i] = n.InstanceID
	}
	slices.Sort(out)
	return out
}

// viewIDs returns the sorted instance IDs of the fake's nodes.
func viewIDs(nodes []fake.Node) []string {
	out := make([]string, len(nodes))
	for i, n := range nodes {
		out[i] = n.InstanceID
	}
	slices.Sort(out)
	return out
}

// TestAutoscalingFollowsDemand drives an autoscaled pool (2 to 10 nodes)
// up and down. Every scale-in removes exactly the nodes
// nodepool.ChooseScaleIn picks from the nodes before it, and the two nodes
// created with the pool stay to the end.
func TestAutoscalingFollowsDemand(t *testing.T) {
	c := fake.New(fake.WithClock(fake.Manual))
	id := runningCluster(t, c, managedRequest("autoscaled"))
	poolID, _ := createPool(t, c, id, autoscaledBody("burst", 2, 10))
	c.Advance(4 * time.Minute)
	initial := viewIDs(poolNodes(c, id, poolID))
	if len(initial) != 2 {
		t.Fatalf("the pool starts with %d nodes, want its minimum, 2", len(initial))
	}

	steps := []struct {
		name   string
		demand int
		// during is the state and node count right after SetDemand; after,
		// the node count once the step has completed.
		during nodepool.State
		nodes  int
		after  int
	}{
		{"up to 6", 6, nodepool.StateScaling, 6, 6},
		{"up to 8", 8, nodepool.StateScaling, 8, 8},
		{"past the maximum", 25, nodepool.StateScaling, 10, 10},
		{"down to 3", 3, nodepool.StateRemoving, 10, 3},
		{"unchanged", 3, nodepool.StateActive, 3, 3},
		{"below the minimum", 0, nodepool.StateRemoving, 3, 2},
	}
	for _, s := range steps {
		before := poolNodes(c, id, poolID)
		var want []nodepool.Node
		if target := min(max(s.demand, 2), 10); target < len(before) {
			scale := make([]nodepool.Node, len(before))
			for i, n := range before {
				scale[i] = n.Node
			}
			var err error
			if want, err = nodepool.ChooseScaleIn(scale, len(before)-target, 2); err != nil {
				t.Fatalf("%s: ChooseScaleIn: %v", s.name, err)
			}
		}
		if err := c.SetDemand(id, poolID, s.demand); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		p, _ := c.NodePool(id, poolID)
		if p.State != s.during || p.Nodes != s.nodes {
			t.Fatalf("%s: pool %s with %d nodes, want %s with %d", s.name, p.State, p.Nodes, s.during, s.nodes)
		}
		c.Advance(3 * time.Minute)
		after := poolNodes(c, id, poolID)
		if p, _ := c.NodePool(id, poolID); p.State != nodepool.StateActive || len(after) != s.after {
			t.Fatalf("%s: pool %s with %d nodes after the step, want active with %d", s.name, p.State, len(after), s.after)
		}
		var removed []fake.Node
		for _, n := range before {
			if !slices.ContainsFunc(after, func(m fake.Node) bool { return m.InstanceID == n.InstanceID }) {
				removed = append(removed, n)
			}
		}
		if diff := cmp.Diff(scaleNodeIDs(want), viewIDs(removed)); diff != "" {
			t.Errorf("%s: removed nodes (-ChooseScaleIn +fake):\n%s", s.name, diff)
		}
		// The same, worked out without ChooseScaleIn: the scale-out nodes
		// of the listing, which is in creation order, taken from its end.
		var scaleOut []fake.Node
		for _, n := range before {
			if n.Origin == nodepool.OriginScaleOut {
				scaleOut = append(scaleOut, n)
			}
		}
		if len(removed) > len(scaleOut) {
			t.Fatalf("%s: removed %d nodes, but only %d were added by scale-outs", s.name, len(removed), len(scaleOut))
		}
		newest := scaleOut[len(scaleOut)-len(removed):]
		if diff := cmp.Diff(viewIDs(newest), viewIDs(removed)); diff != "" {
			t.Errorf("%s: removed nodes (-newest scale-out nodes by creation order +fake):\n%s", s.name, diff)
		}
		for _, n := range after {
			if n.State != "running" {
				t.Errorf("%s: node %s is %s", s.name, n.InstanceID, n.State)
			}
			if !slices.Contains(initial, n.InstanceID) && n.Origin != nodepool.OriginScaleOut {
				t.Errorf("%s: added node %s has origin %q", s.name, n.InstanceID, n.Origin)
			}
		}
	}
	if diff := cmp.Diff(initial, viewIDs(poolNodes(c, id, poolID))); diff != "" {
		t.Errorf("the nodes created with the pool (-want +got):\n%s", diff)
	}
}

// TestAutoscalingWaitsForTheStepInProgress sets a new demand while a step
// runs: the next step starts when the first completes, at its instant.
func TestAutoscalingWaitsForTheStepInProgress(t *testing.T) {
	c := fake.New(fake.WithClock(fake.Manual))
	id := runningCluster(t, c, managedRequest("queued"))
	poolID, _ := createPool(t, c, id, autoscaledBody("burst", 1, 20))
	c.Advance(4 * time.Minute)
	for _, demand := range []int{5, 9} {
		if err := c.SetDemand(id, poolID, demand); err != nil {
			t.Fatal(err)
		}
	}
	if p, _ := c.NodePool(id, poolID); p.Nodes != 5 || p.State != nodepool.StateScaling {
		t.Fatalf("during the first step: %d nodes, %s", p.Nodes, p.State)
	}
	c.Advance(3 * time.Minute)
	p, _ := c.NodePool(id, poolID)
	if p.Nodes != 9 || p.State != nodepool.StateScaling || p.Demand != 9 {
		t.Fatalf("after the first step: %d nodes, %s", p.Nodes, p.State)
	}
	task, _ := c.Task(p.TaskID)
	if task.Type != fake.TaskTypeAutoScale || task.PoolID != poolID || !task.Created.Equal(c.Now()) {
		t.Fatalf("second step's task %+v at %s", task, c.Now())
	}
	c.Advance(3 * time.Minute)
	if p, _ := c.NodePool(id, poolID); p.Nodes != 9 || p.State != nodepool.StateActive {
		t.Fatalf("after the second step: %d nodes, %s", p.Nodes, p.State)
	}
}

// TestAutoscalingLimits: the autoscaler stops at the node quota, adds
// nothing for an account that fails a prerequisite, and refuses pools
// that are not autoscaled.
func TestAutoscalingLimits(t *testing.T) {
	tests := []struct {
		name    string
		limit   int
		account quota.Account
		demand  int
		want    int
	}{
		{"room for all", 40, quota.DefaultAccount(quota.ProductDefaults()), 12, 12},
		{"stops at the node quota", 7, quota.DefaultAccount(quota.ProductDefaults()), 12, 7},
		{"quota already reached", 2, quota.DefaultAccount(quota.ProductDefaults()), 12, 2},
		{"account not verified", 40, quota.Account{Balance: yuan(500)}, 12, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := quota.ProductDefaults()
			l.NodesPerCluster.Max = tt.limit
			c := fake.New(fake.WithLimits(l), fake.WithProgressions(fake.Immediately()))
			id := runningCluster(t, c, managedRequest("limits"))
			poolID, _ := createPool(t, c, id, autoscaledBody("burst", 2, 50))
			c.SetAccount(tt.account)
			if err := c.SetDemand(id, poolID, tt.demand); err != nil {
				t.Fatal(err)
			}
			if p, _ := c.NodePool(id, poolID); p.Nodes != tt.want || p.State != nodepool.StateActive {
				t.Fatalf("%d nodes (%s), want %d", p.Nodes, p.State, tt.want)
			}
		})
	}

	c := fake.New(fake.WithProgressions(fake.Immediately()))
	id := runningCluster(t, c, managedRequest("fixed"))
	poolID, _ := createPool(t, c, id, poolBody("fixed", 1))
	for _, err := range []error{c.SetDemand(id, poolID, 3), c.SetDemand(id, "np-none", 3), c.SetDemand("cnone", poolID, 3), c.SetDemand(id, poolID, -1)} {
		if err == nil {
			t.Error("SetDemand accepted a pool it cannot scale")
		}
	}
	if p, _ := c.NodePool(id, poolID); p.Nodes != 1 {
		t.Errorf("a pool without auto scaling went to %d nodes", p.Nodes)
	}
}

// yuan is n whole yuan.
func yuan(n int64) ack.Money {
	m, err := ack.MoneyFromMinor(n*100, ack.CNY)
	if err != nil {
		panic(err)
	}
	return m
}
