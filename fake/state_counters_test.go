package fake_test

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/fake"
)

// counterWorld is a running managed cluster with an idle pool of one node
// on three vSwitches.
func counterWorld(t *testing.T) (c *fake.Cloud, clusterID, poolID string) {
	t.Helper()
	c = fake.New(fake.WithClock(fake.Manual),
		fake.WithVSwitch(fake.VSwitch{ID: "vsw-managed1", VPCID: "vpc-managed1", ZoneID: "cn-hangzhou-k", CIDR: "192.168.0.0/24"}),
		fake.WithVSwitch(fake.VSwitch{ID: "vsw-managed2", VPCID: "vpc-managed1", ZoneID: "cn-hangzhou-j", CIDR: "192.168.1.0/24"}),
		fake.WithVSwitch(fake.VSwitch{ID: "vsw-managed3", VPCID: "vpc-managed1", ZoneID: "cn-hangzhou-h", CIDR: "192.168.2.0/24"}))
	clusterID = runningCluster(t, c, managedRequest("counters"))
	b := poolBody("workers", 1)
	b.ScalingGroup.VSwitchIDs = []string{"vsw-managed1", "vsw-managed2", "vsw-managed3"}
	poolID, _ = createPool(t, c, clusterID, b)
	c.Advance(10 * time.Minute)
	return c, clusterID, poolID
}

// TestStateRefusesCountersThatWrap restores counters no Cloud reaches,
// whose next count would wrap around and hand out an ID, an address or a
// node's place twice (and once made a scale-out panic): each is refused
// with rule RuleStateKnown naming the counter, and the Cloud keeps its
// world.
func TestStateRefusesCountersThatWrap(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*fake.Counters)
		field string
	}{
		{"nodes at the largest int64", func(c *fake.Counters) { c.Nodes = math.MaxInt64 }, "nodes"},
		{"negative nodes", func(c *fake.Counters) { c.Nodes = -1 }, "nodes"},
		{"instance IDs at the largest uint64", func(c *fake.Counters) { c.IDs["instance"] = math.MaxUint64 }, "ids.instance"},
		{"addresses past IPv4", func(c *fake.Counters) { c.Addresses = map[string]int{"vsw-managed1": 1 << 32} }, "addresses.vsw-managed1"},
		{"container instances negative", func(c *fake.Counters) { c.ContainerInstances = -3 }, "container_instances"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _, _ := counterWorld(t)
			before := c.Snapshot()
			st := c.Snapshot()
			tt.edit(&st.Counters)
			err := c.Restore(st)
			var ve *ack.ValidationError
			if !errors.As(err, &ve) || !ve.HasRule(fake.RuleStateKnown) || ve.Violations[0].Field != tt.field {
				t.Fatalf("Restore: %v; want rule %s on field %s", err, fake.RuleStateKnown, tt.field)
			}
			if strings.Count(err.Error(), "counters") != 1 {
				t.Errorf("the refusal names its path more than once: %v", err)
			}
			if after := c.Snapshot(); len(after.Clusters) != len(before.Clusters) || after.Counters.Nodes != before.Counters.Nodes {
				t.Errorf("a refused state changed the world")
			}
		})
	}
}

// TestStateIDsNotAccountedForAreSkipped restores a state written by hand:
// the last of a pool's 30 nodes kept, the counters left out. Scaling the
// pool by 30 makes 30 nodes none of which reuses the kept node's ID.
func TestStateIDsNotAccountedForAreSkipped(t *testing.T) {
	c := fake.New(fake.WithClock(fake.Manual))
	id := runningCluster(t, c, managedRequest("hand"))
	pool, _ := createPool(t, c, id, poolBody("workers", 30))
	c.Advance(10 * time.Minute)
	st := c.Snapshot()
	cs := &st.Clusters[0]
	cs.Nodes = cs.Nodes[len(cs.Nodes)-1:]
	cs.NodePools[0].Spec.DesiredSize = 1
	st.Counters = fake.Counters{}
	kept := cs.Nodes[0].InstanceID
	fresh := fake.New(fake.WithClock(fake.Manual))
	if err := fresh.Restore(st); err != nil {
		t.Fatal(err)
	}
	if a := scalePool(t, fresh, id, pool, 30); a.status != 200 {
		t.Fatalf("scale: HTTP %d %s", a.status, a.body)
	}
	fresh.Advance(10 * time.Minute)
	seen := map[string]int{}
	for _, n := range fresh.Snapshot().Clusters[0].Nodes {
		seen[n.InstanceID]++
	}
	if seen[kept] != 1 || len(seen) != 31 {
		t.Errorf("the kept node %s appears %d times among %d distinct nodes; want once among 31", kept, seen[kept], len(seen))
	}
}

// TestStateJudgesDemandAndInstanceIDs refuses what SetDemand and the
// fake's instance naming refuse: a negative demand, a demand on a pool
// without auto scaling, a container instance named for another cluster.
func TestStateJudgesDemandAndInstanceIDs(t *testing.T) {
	t.Run("demand", func(t *testing.T) {
		c, _, _ := counterWorld(t)
		for _, d := range []int{-5, 3} { // the pool does not autoscale
			st := c.Snapshot()
			st.Clusters[0].NodePools[0].Demand = &d
			err := c.Restore(st)
			var ve *ack.ValidationError
			if !errors.As(err, &ve) || !ve.HasRule(fake.RuleStateKnown) || ve.Violations[0].Field != "demand" {
				t.Errorf("demand %d: Restore: %v; want rule %s on demand", d, err, fake.RuleStateKnown)
			}
		}
	})
	t.Run("container instance of another cluster", func(t *testing.T) {
		c := fake.New(fake.WithClock(fake.Manual))
		a := runningCluster(t, c, serverlessRequest("a"))
		rb := serverlessRequest("b")
		rb.ServiceCIDR = "172.24.16.0/20"
		b := runningCluster(t, c, rb)
		st := c.Snapshot()
		for i := range st.Clusters {
			if st.Clusters[i].ID == a {
				st.Clusters[i].ContainerInstances = []fake.ContainerInstanceState{{ID: "eci-" + b + "-000001", MilliCPU: 1000, MemoryMiB: 1024}}
			}
		}
		err := c.Restore(st)
		var ve *ack.ValidationError
		if !errors.As(err, &ve) || !ve.HasRule(fake.RuleStateID) {
			t.Errorf("Restore: %v; want rule %s", err, fake.RuleStateID)
		}
	})
}

// TestContainerStartIsBounded starts more container instances in one call
// than MaxContainerStart, under a quota that would allow them: refused
// with InvalidParameter before anything is recorded.
func TestContainerStartIsBounded(t *testing.T) {
	c := fake.New(fake.WithClock(fake.Manual))
	id := runningCluster(t, c, serverlessRequest("many"))
	l := c.Limits()
	l.ContainerInstancesPerCluster.Max = math.MaxInt32
	if err := c.SetLimits(l); err != nil {
		t.Fatal(err)
	}
	_, err := c.StartContainerInstances(id, fake.MaxContainerStart+1, fake.DefaultContainerInstance)
	var fe *fake.Error
	if !errors.As(err, &fe) || fe.Code != fake.InvalidParameter {
		t.Fatalf("start %d: %v; want InvalidParameter", fake.MaxContainerStart+1, err)
	}
	if n := len(c.ContainerInstances(id)); n != 0 {
		t.Errorf("%d container instances recorded after a refusal", n)
	}
}
