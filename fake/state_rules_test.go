package fake_test

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/quota"
)

// smallSeed is a valid seed of one running managed cluster with a pool
// of two nodes.
func smallSeed() fake.State {
	st := fake.State{Now: seedStart, Limits: quota.ProductDefaults()}
	seedCluster(&st, 0)
	return st
}

// weakPassword breaks the password policy of nodes.
const weakPassword = "qwertyzz"

// rulesOf lists what a refusal names: the rules of an
// *ack.ValidationError, or the code and message of an *fake.Error.
func rulesOf(err error) string {
	var ve *ack.ValidationError
	if errors.As(err, &ve) {
		var out []string
		for _, v := range ve.Violations {
			out = append(out, v.Rule)
		}
		return strings.Join(out, " ")
	}
	var fe *fake.Error
	if errors.As(err, &fe) {
		return fe.Code + " " + fe.Message
	}
	return ""
}

// TestStateSeedRefusedByRule seeds states that break a rule of the API's
// writes or of a State: each is refused with a *fake.StateError naming
// the rule (in an *ack.ValidationError's violations, or in the *fake.Error
// the API would answer with), and the Cloud keeps its world.
func TestStateSeedRefusedByRule(t *testing.T) {
	tests := []struct {
		name  string
		opts  []fake.Option
		edit  func(st *fake.State)
		want  string // a rule ID or error code
		typed any    // **ack.ValidationError or **fake.Error
	}{
		{"SNAT off on a managed cluster", nil, func(st *fake.State) { st.Clusters[0].Spec.SNAT = cluster.Bool(false) },
			"cluster.nat.required", new(*ack.ValidationError)},
		{"a region the fake does not serve", nil, func(st *fake.State) { st.Clusters[0].Spec.Region = "cn-beijing" },
			fake.RuleRegion, new(*ack.ValidationError)},
		{"pool max pods out of range", nil, func(st *fake.State) { st.Clusters[0].NodePools[0].Spec.MaxPods = 1000 },
			"nodepool.max_pods.range", new(*ack.ValidationError)},
		{"a negative limit", nil, func(st *fake.State) { st.Limits.NodePoolsPerCluster.Max = -1 },
			quota.RuleLimitsNonNegative, new(*ack.ValidationError)},
		{"CIDRs overlapping another cluster's in the VPC", nil, func(st *fake.State) {
			seedCluster(st, 7)
			st.Clusters[1].Spec.VPCID = st.Clusters[0].Spec.VPCID
			st.Clusters[1].Spec.VSwitches = st.Clusters[0].Spec.VSwitches
			st.Clusters[1].NodePools[0].Spec.VSwitchIDs = st.Clusters[0].NodePools[0].Spec.VSwitchIDs
		}, fake.RuleClusterOverlap, new(*fake.Error)},
		{"an unknown vSwitch in a strict network", []fake.Option{fake.WithStrictNetwork(), fake.WithVSwitch(fake.VSwitch{ID: "vsw-managed1", VPCID: "vpc-managed1"})}, func(st *fake.State) {
			st.Network.VSwitches = nil
		}, fake.InvalidVSwitchIDNotFound, new(*fake.Error)},
		{"a vSwitch of another VPC", nil, func(st *fake.State) {
			st.Network.VSwitches[0].VPCID = "vpc-elsewhere"
		}, fake.RuleVSwitchVPC, new(*fake.Error)},
		{"a duplicate cluster ID", nil, func(st *fake.State) {
			seedCluster(st, 7)
			st.Clusters[1].ID = st.Clusters[0].ID
		}, fake.RuleStateID, new(*ack.ValidationError)},
		{"a duplicate node ID", nil, func(st *fake.State) {
			st.Clusters[0].Nodes[1].InstanceID = st.Clusters[0].Nodes[0].InstanceID
		}, fake.RuleStateID, new(*ack.ValidationError)},
		{"a node of an unknown pool", nil, func(st *fake.State) { st.Clusters[0].Nodes[0].NodePoolID = "np-nowhere" },
			fake.RuleStateReference, new(*ack.ValidationError)},
		{"a cluster state that does not exist", nil, func(st *fake.State) { st.Clusters[0].State = "sleeping" },
			fake.RuleStateKnown, new(*ack.ValidationError)},
		{"a deleted cluster", nil, func(st *fake.State) { st.Clusters[0].State = cluster.StateDeleted },
			fake.RuleStateKnown, new(*ack.ValidationError)},
		{"a node state that does not exist", nil, func(st *fake.State) { st.Clusters[0].Nodes[0].State = "dreaming" },
			fake.RuleStateKnown, new(*ack.ValidationError)},
		{"a pool state that does not exist", nil, func(st *fake.State) { st.Clusters[0].NodePools[0].State = "resting" },
			fake.RuleStateKnown, new(*ack.ValidationError)},
		{"a creating cluster without its change", nil, func(st *fake.State) { st.Clusters[0].State = cluster.StateInitial },
			fake.RuleStateChange, new(*ack.ValidationError)},
		{"a running task no change tracks", nil, func(st *fake.State) { st.Tasks[0].State = cluster.TaskRunning },
			fake.RuleStateChange, new(*ack.ValidationError)},
		{"an upgrade's change as the cluster's change", nil, func(st *fake.State) {
			st.Clusters[0].State = cluster.StateUpgrading
			st.Tasks = append(st.Tasks, fake.TaskState{ID: "T-up", ClusterID: st.Clusters[0].ID, Type: fake.TaskTypeUpgrade, State: cluster.TaskRunning, Created: seedStart})
			st.Clusters[0].Change = &fake.ChangeState{Kind: fake.ChangeUpgradeCluster, TaskID: "T-up", Started: seedStart, After: time.Hour}
		}, fake.RuleStateChange, new(*ack.ValidationError)},
		{"an upgrading cluster without its upgrade", nil, func(st *fake.State) {
			st.Clusters[0].State = cluster.StateUpgrading
		}, fake.RuleStateChange, new(*ack.ValidationError)},
		{"a running upgrade of a running cluster", nil, func(st *fake.State) {
			st.Tasks = append(st.Tasks, fake.TaskState{ID: "T-up", ClusterID: st.Clusters[0].ID, Type: fake.TaskTypeUpgrade, State: cluster.TaskRunning, Created: seedStart})
			st.Clusters[0].Upgrade = &fake.UpgradeState{From: seedVersion, To: "1.36.1-aliyun.1", Status: "running", TaskID: "T-up",
				Change: &fake.ChangeState{Kind: fake.ChangeUpgradeCluster, TaskID: "T-up", Started: seedStart, After: time.Hour}}
		}, fake.RuleStateChange, new(*ack.ValidationError)},
		{"an upgrade to an older version", nil, func(st *fake.State) {
			st.Clusters[0].State = cluster.StateUpgrading
			st.Tasks = append(st.Tasks, fake.TaskState{ID: "T-up", ClusterID: st.Clusters[0].ID, Type: fake.TaskTypeUpgrade, State: cluster.TaskRunning, Created: seedStart})
			st.Clusters[0].Upgrade = &fake.UpgradeState{From: seedVersion, To: "1.32.1-aliyun.1", Status: "running", TaskID: "T-up",
				Change: &fake.ChangeState{Kind: fake.ChangeUpgradeCluster, TaskID: "T-up", Started: seedStart, After: time.Hour}}
		}, cluster.RuleUpgradeDowngrade, new(*ack.ValidationError)},
		{"an upgrade status that does not exist", nil, func(st *fake.State) {
			st.Clusters[0].Upgrade = &fake.UpgradeState{From: seedVersion, To: "1.36.1-aliyun.1", Status: "halfway"}
		}, fake.RuleStateKnown, new(*ack.ValidationError)},
		{"a weak password", nil, func(st *fake.State) {
			st.Clusters[0].NodePools[0].Spec.KeyPair = ""
			st.Clusters[0].NodePools[0].Spec.Password = ack.NewSecret(weakPassword)
		}, "nodepool.login.password", new(*ack.ValidationError)},
		{"node pools in the cluster's spec", nil, func(st *fake.State) {
			st.Clusters[0].Spec.NodePools = []nodepool.Spec{seedPool(0, 1)}
		}, fake.RuleStateSpecPools, new(*ack.ValidationError)},
		{"container instances on a cluster with nodes", nil, func(st *fake.State) {
			st.Clusters[0].ContainerInstances = []fake.ContainerInstanceState{{ID: "eci-x", MilliCPU: 500, MemoryMiB: 512}}
		}, fake.InvalidParameter, new(*fake.Error)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := fake.New(append([]fake.Option{fake.WithClock(fake.Manual)}, tt.opts...)...)
			id := runningCluster(t, c, managedRequest("kept"))
			before := c.Snapshot()
			st := smallSeed()
			tt.edit(&st)
			err := c.Restore(st)
			var se *fake.StateError
			if !errors.As(err, &se) {
				t.Fatalf("Restore = %v, want a *fake.StateError", err)
			}
			if !errors.As(err, tt.typed) {
				t.Errorf("Restore = %v, want it to wrap a %T", err, tt.typed)
			}
			if got := rulesOf(err); !strings.Contains(got, tt.want) {
				t.Errorf("Restore = %v; it names %q, want %q", err, got, tt.want)
			}
			if strings.Contains(err.Error(), weakPassword) || strings.Contains(fmt.Sprintf("%+v", st), weakPassword) {
				t.Errorf("the refusal or the State's %%+v shows a password: %v", err)
			}
			if d := stateDiff(before, c.Snapshot(), true); d != "" {
				t.Errorf("a refused restore changed the world (-before +after):\n%s", d)
			}
			if _, ok := c.Cluster(id); !ok {
				t.Errorf("cluster %s is gone after a refused restore", id)
			}
		})
	}
	// The valid seed itself is accepted.
	if err := fake.New(fake.WithClock(fake.Manual)).Restore(smallSeed()); err != nil {
		t.Fatalf("the valid seed: %v", err)
	}
}

// TestStateResumesChangesInProgress takes snapshots mid-create (a managed
// cluster with a pool), mid scale-out of a pool and mid removal of a
// pool's nodes, restores each into a new Cloud, and advances its clock:
// each change completes there as it would have in the first Cloud.
func TestStateResumesChangesInProgress(t *testing.T) {
	t.Run("create", func(t *testing.T) {
		c := fake.New(fake.WithClock(fake.Manual))
		body := managedRequest("mid-create")
		body.Nodepools = []wire.Nodepool{*poolBody("web", 2)}
		resp := call(t, c, wire.ActionCreateCluster, nil, nil, body)
		created := decode[wire.CreateClusterResponse](t, resp)
		c.Advance(3 * time.Minute)
		snap := c.Snapshot()
		if got := snap.Clusters[0].Change; got == nil || got.Kind != fake.ChangeCreateManaged {
			t.Fatalf("snapshot's change %+v, want a managed create", got)
		}
		r := fake.New(fake.WithClock(fake.Manual), fake.WithState(snap))
		if cl, _ := r.Cluster(created.ClusterID); cl.State != cluster.StateInitial {
			t.Fatalf("restored cluster is %s, want initial", cl.State)
		}
		r.Advance(5 * time.Minute)
		cl, _ := r.Cluster(created.ClusterID)
		task, _ := r.Task(created.TaskID)
		if cl.State != cluster.StateRunning || task.State != cluster.TaskSuccess {
			t.Fatalf("after the create's 8 minutes: cluster %s, task %s; want running and success", cl.State, task.State)
		}
		if want := snap.Now.Add(5 * time.Minute); !cl.Updated.Equal(want) || !task.Updated.Equal(want) {
			t.Errorf("updated %v and %v, want %v", cl.Updated, task.Updated, want)
		}
		for _, n := range r.Nodes(created.ClusterID) {
			if n.State != "running" {
				t.Errorf("node %s is %s, want running", n.InstanceID, n.State)
			}
		}
		// The same holds after going through JSON, as ackfake -state does.
		viaJSON := fake.New(fake.WithClock(fake.Manual), fake.WithState(jsonRoundTrip(t, snap)))
		viaJSON.Advance(5 * time.Minute)
		if cl, _ := viaJSON.Cluster(created.ClusterID); cl.State != cluster.StateRunning {
			t.Errorf("restored from JSON: cluster %s after the create's 8 minutes, want running", cl.State)
		}
	})
	t.Run("scale-out", func(t *testing.T) {
		c := fake.New(fake.WithClock(fake.Manual))
		id := runningCluster(t, c, managedRequest("mid-scale"))
		pool, _ := createPool(t, c, id, poolBody("web", 1))
		c.Advance(4 * time.Minute)
		a := scalePool(t, c, id, pool, 2)
		if a.code() != "" {
			t.Fatalf("scale: %s", a.code())
		}
		task := decode[wire.ScaleNodePoolResponse](t, &ack.Response{Body: a.body}).TaskID
		c.Advance(time.Minute)
		r := fake.New(fake.WithClock(fake.Manual), fake.WithState(jsonRoundTrip(t, c.Snapshot())))
		if p, _ := r.NodePool(id, pool); p.State != nodepool.StateScaling || p.Spec.DesiredSize != 3 {
			t.Fatalf("restored pool %s with desired size %d, want scaling to 3", p.State, p.Spec.DesiredSize)
		}
		r.Advance(2 * time.Minute)
		p, _ := r.NodePool(id, pool)
		tk, _ := r.Task(task)
		if p.State != nodepool.StateActive || tk.State != cluster.TaskSuccess {
			t.Fatalf("after the scale's 3 minutes: pool %s, task %s; want active and success", p.State, tk.State)
		}
		running := 0
		for _, n := range r.Nodes(id) {
			if n.PoolID == pool && n.State == "running" {
				running++
			}
		}
		if running != 3 {
			t.Errorf("%d running nodes in the pool, want 3", running)
		}
	})
	t.Run("failed scale-out", func(t *testing.T) {
		c := fake.New(fake.WithClock(fake.Manual))
		id := runningCluster(t, c, managedRequest("mid-fail"))
		pool, _ := createPool(t, c, id, poolBody("web", 1))
		c.Advance(4 * time.Minute)
		scalePool(t, c, id, pool, 2)
		if err := c.FailNodePool(id, pool, "NoStock", "out of stock"); err != nil {
			t.Fatal(err)
		}
		r := fake.New(fake.WithClock(fake.Manual), fake.WithState(jsonRoundTrip(t, c.Snapshot())))
		r.Advance(3 * time.Minute)
		p, _ := r.NodePool(id, pool)
		if p.State != nodepool.StateActive || p.Spec.DesiredSize != 1 {
			t.Fatalf("after a failed scale: pool %s of desired size %d, want active at 1", p.State, p.Spec.DesiredSize)
		}
	})
}

// TestStateResumesUpgrades takes snapshots of a cluster upgrading and of
// one whose upgrade is paused, restores each into a new Cloud through
// JSON: the running upgrade ends on the clock as UpgradeCluster's does,
// the paused one stays paused until ResumeUpgradeCluster, and
// GetUpgradeStatus answers as in the first Cloud.
func TestStateResumesUpgrades(t *testing.T) {
	upgrading := func(t *testing.T) (*fake.Cloud, string, string) {
		c := fake.New(fake.WithClock(fake.Manual))
		body := managedRequest("up")
		body.KubernetesVersion = "1.32.1-aliyun.1"
		id := runningCluster(t, c, body)
		resp := call(t, c, wire.ActionUpgradeCluster, []string{id}, nil, wire.UpgradeClusterRequest{NextVersion: "1.34.1-aliyun.1"})
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("upgrade: HTTP %d %s", resp.StatusCode, resp.Body)
		}
		c.Advance(10 * time.Minute)
		return c, id, decode[wire.UpgradeClusterResponse](t, resp).TaskID
	}
	status := func(t *testing.T, c *fake.Cloud, id string) string {
		return string(call(t, c, wire.ActionGetUpgradeStatus, []string{id}, nil, nil).Body)
	}
	t.Run("running", func(t *testing.T) {
		c, id, task := upgrading(t)
		r := fake.New(fake.WithClock(fake.Manual), fake.WithState(jsonRoundTrip(t, c.Snapshot())))
		if got, want := status(t, r, id), status(t, c, id); !sameUpgradeStatus(got, want) {
			t.Fatalf("restored GetUpgradeStatus %s, want %s", got, want)
		}
		c.Advance(10 * time.Minute)
		r.Advance(10 * time.Minute)
		cl, _ := r.Cluster(id)
		tk, _ := r.Task(task)
		if cl.State != cluster.StateRunning || tk.State != cluster.TaskSuccess {
			t.Fatalf("after the upgrade's 20 minutes: cluster %s, task %s; want running and success", cl.State, tk.State)
		}
		want, _ := c.Cluster(id)
		if cl.Spec.KubernetesVersion != want.Spec.KubernetesVersion {
			t.Errorf("restored cluster runs %s, the first %s", cl.Spec.KubernetesVersion, want.Spec.KubernetesVersion)
		}
		if got, want := status(t, r, id), status(t, c, id); !sameUpgradeStatus(got, want) {
			t.Errorf("restored GetUpgradeStatus %s, want %s", got, want)
		}
	})
	t.Run("paused", func(t *testing.T) {
		c, id, task := upgrading(t)
		if r := call(t, c, wire.ActionPauseClusterUpgrade, []string{id}, nil, nil); r.StatusCode != http.StatusOK {
			t.Fatalf("pause: HTTP %d %s", r.StatusCode, r.Body)
		}
		r := fake.New(fake.WithClock(fake.Manual), fake.WithState(jsonRoundTrip(t, c.Snapshot())))
		r.Advance(time.Hour)
		if cl, _ := r.Cluster(id); cl.State != cluster.StateUpgrading {
			t.Fatalf("a paused upgrade an hour later: cluster %s, want upgrading", cl.State)
		}
		if resp := call(t, r, wire.ActionResumeUpgradeCluster, []string{id}, nil, nil); resp.StatusCode != http.StatusOK {
			t.Fatalf("resume: HTTP %d %s", resp.StatusCode, resp.Body)
		}
		r.Advance(10 * time.Minute)
		cl, _ := r.Cluster(id)
		tk, _ := r.Task(task)
		if cl.State != cluster.StateRunning || tk.State != cluster.TaskSuccess {
			t.Fatalf("resumed, after the upgrade's last 10 minutes: cluster %s, task %s; want running and success", cl.State, tk.State)
		}
	})
}

// sameUpgradeStatus compares two GetUpgradeStatus bodies without their
// request IDs.
func sameUpgradeStatus(a, b string) bool {
	var x, y map[string]any
	if jsonUnmarshal([]byte(a), &x) != nil || jsonUnmarshal([]byte(b), &y) != nil {
		return false
	}
	delete(x, "request_id")
	delete(y, "request_id")
	delete(x, "requestId")
	delete(y, "requestId")
	return fmt.Sprint(x) == fmt.Sprint(y)
}

// jsonRoundTrip sends a State through its JSON form.
func jsonRoundTrip(t *testing.T, s fake.State) fake.State {
	t.Helper()
	b, err := jsonMarshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var out fake.State
	if err := jsonUnmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestStateRestoreHandsOutNoIDTwice restores saved states into new Clouds
// and creates clusters, pools and nodes there: no ID they get is one the
// state holds, with the state's counters and without them (a seed written
// by hand with IDs copied from an earlier run).
func TestStateRestoreHandsOutNoIDTwice(t *testing.T) {
	c := fake.New(fake.WithClock(fake.Manual))
	id := runningCluster(t, c, managedRequest("first"))
	createPool(t, c, id, poolBody("web", 2))
	saved := jsonRoundTrip(t, c.Snapshot())
	for _, tt := range []struct {
		name string
		edit func(*fake.State)
	}{
		{"with its counters", func(*fake.State) {}},
		{"without counters", func(s *fake.State) { s.Counters = fake.Counters{} }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st := saved
			tt.edit(&st)
			held := idsOf(st)
			r := fake.New(fake.WithClock(fake.Manual), fake.WithState(st))
			body := managedRequest("second")
			body.ContainerCIDR, body.ServiceCIDR = "172.24.0.0/16", "172.25.0.0/20"
			newID := runningCluster(t, r, body)
			pool, task := createPool(t, r, newID, poolBody("web", 2))
			got := []string{newID, pool, task}
			for _, n := range r.Nodes(newID) {
				got = append(got, n.InstanceID)
			}
			for _, g := range got {
				if held[g] {
					t.Errorf("ID %s handed out after the restore is one the state holds", g)
				}
			}
		})
	}
}

// idsOf collects the IDs a State holds.
func idsOf(s fake.State) map[string]bool {
	out := map[string]bool{}
	for _, c := range s.Clusters {
		out[c.ID] = true
		for _, p := range c.NodePools {
			out[p.ID], out[p.ScalingGroupID] = true, true
		}
		for _, n := range c.Nodes {
			out[n.InstanceID] = true
		}
	}
	for _, t := range s.Tasks {
		out[t.ID] = true
	}
	return out
}

// TestSnapshotIsACopy changes a Cloud after a snapshot and a snapshot
// after a restore: neither changes the other.
func TestSnapshotIsACopy(t *testing.T) {
	c := fake.New(fake.WithClock(fake.Manual))
	id := runningCluster(t, c, managedRequest("copy"))
	pool, _ := createPool(t, c, id, poolBody("web", 2))
	c.Advance(5 * time.Minute)
	snap := c.Snapshot()
	keep := jsonRoundTrip(t, snap)
	scalePool(t, c, id, pool, 1)
	call(t, c, wire.ActionModifyClusterTags, []string{id}, nil, []wire.Tag{{Key: "k", Value: "v"}})
	if d := stateDiff(jsonRoundTrip(t, snap), keep, true); d != "" {
		t.Fatalf("the snapshot changed with the Cloud (-before +after):\n%s", d)
	}
	if err := c.Restore(snap); err != nil {
		t.Fatal(err)
	}
	snap.Clusters[0].Spec.Tags = append(snap.Clusters[0].Spec.Tags, cluster.Tag{Key: "x"})
	snap.Clusters[0].Nodes[0].State = "failed"
	cl, _ := c.Cluster(id)
	if slices.ContainsFunc(cl.Spec.Tags, func(t cluster.Tag) bool { return t.Key == "x" }) || c.Nodes(id)[0].State == "failed" {
		t.Fatal("changing the restored State changed the Cloud")
	}
}

// TestStateOverItsLimitsLoads seeds a state whose clusters hold more than
// its limits allow, as a quota lowered after they were made leaves them
// (SetLimits): it loads, and the next write is judged by the limits, so a
// saved state always loads again.
func TestStateOverItsLimitsLoads(t *testing.T) {
	st := smallSeed()
	seedCluster(&st, 7)
	st.Limits.Clusters.Max = 1        // two clusters seeded
	st.Limits.NodesPerCluster.Max = 1 // two nodes each
	c := fake.New(fake.WithClock(fake.Manual))
	if err := c.Restore(st); err != nil {
		t.Fatalf("a state over its limits: %v", err)
	}
	if n := len(c.Clusters()); n != 2 {
		t.Fatalf("%d clusters loaded, want 2", n)
	}
	resp := call(t, c, wire.ActionCreateCluster, nil, nil, managedRequest("one-too-many"))
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(resp.Body), string(quota.LimitClusters)) {
		t.Errorf("create past the seeded limit: HTTP %d %s; want the cluster quota's refusal", resp.StatusCode, resp.Body)
	}
	again := fake.New(fake.WithClock(fake.Manual))
	if err := again.Restore(c.Snapshot()); err != nil {
		t.Errorf("the snapshot of a state over its limits does not load again: %v", err)
	}
}
