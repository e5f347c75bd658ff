package fake_test

import (
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/quota"
)

// seedVersion is the Kubernetes version of the seeded clusters.
const seedVersion = "1.34.1-aliyun.1"

// seedStart is the seeds' clock.
var seedStart = time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)

// upgradeStart is when the seeded upgrades started, before 1.32 retired.
var upgradeStart = time.Date(2026, 1, 20, 8, 0, 0, 0, time.UTC)

// seedSpec is a valid managed Pro cluster in its own VPC.
func seedSpec(i int) cluster.Spec {
	return cluster.Spec{
		Name: fmt.Sprintf("fleet-%04d", i), Region: fake.DefaultRegion, Form: cluster.ManagedPro, KubernetesVersion: seedVersion,
		VPCID: fmt.Sprintf("vpc-fleet%04d", i), VSwitches: []cluster.VSwitch{{ID: fmt.Sprintf("vsw-fleet%04d", i)}},
		Network: cluster.Network{Plugin: cluster.Flannel, PodCIDR: "172.20.0.0/16"}, ServiceCIDR: "172.21.0.0/20",
		SNAT: cluster.Bool(true),
	}
}

// seedPool is a valid pool of n nodes on cluster i's vSwitch.
func seedPool(i, n int) nodepool.Spec {
	return nodepool.Spec{Name: "workers", VSwitchIDs: []string{fmt.Sprintf("vsw-fleet%04d", i)},
		InstanceTypes: []string{"ecs.g7.xlarge"}, DesiredSize: n, KeyPair: "ops"}
}

// seedCluster is cluster i of a seeded fleet in the state its index
// picks: running with a pool, failed, being created, being deleted, with
// a pool scaling out, being modified, upgrading, or a serverless cluster
// running container instances. It adds its tasks to st.
func seedCluster(st *fake.State, i int) {
	id := fmt.Sprintf("cfleet%04d", i)
	at := seedStart.Add(-time.Duration(i) * time.Minute)
	task := func(suffix, typ, state, pool string) string {
		tid := fmt.Sprintf("T-fleet%04d%s", i, suffix)
		ts := fake.TaskState{ID: tid, ClusterID: id, NodePoolID: pool, Type: typ, State: state, Created: at, Updated: at}
		if state == cluster.TaskFailed {
			ts.Error = &fake.Failure{Code: "InternalError", Message: "seeded failure"}
		}
		st.Tasks = append(st.Tasks, ts)
		return tid
	}
	node := func(k int, pool, state string, origin nodepool.Origin) fake.NodeState {
		return fake.NodeState{InstanceID: fmt.Sprintf("i-fleet%04d%02d", i, k), NodePoolID: pool, Role: "Worker",
			InstanceType: "ecs.g7.xlarge", VSwitchID: fmt.Sprintf("vsw-fleet%04d", i), Created: at, Origin: origin, State: state}
	}
	pid := fmt.Sprintf("npfleet%04d", i)
	cs := fake.ClusterState{ID: id, Spec: seedSpec(i), State: cluster.StateRunning, Created: at, Updated: at}
	pool := fake.NodePoolState{ID: pid, Spec: seedPool(i, 2), Default: true, Created: at, Updated: at, State: nodepool.StateActive}
	withPool := func(state string) {
		cs.NodePools = []fake.NodePoolState{pool}
		cs.Nodes = []fake.NodeState{node(1, pid, state, nodepool.OriginInitial), node(2, pid, state, nodepool.OriginInitial)}
	}
	cs.LastTask = task("c", fake.TaskTypeCreate, cluster.TaskSuccess, "")
	switch i % 8 {
	case 0:
		withPool("running")
	case 1:
		cs.LastTask = task("f", fake.TaskTypeCreate, cluster.TaskFailed, "")
		cs.State = cluster.StateFailed
		pool.State = nodepool.StateFailed
		withPool("failed")
	case 2:
		cs.State = cluster.StateInitial
		cs.LastTask = task("i", fake.TaskTypeCreate, cluster.TaskRunning, "")
		cs.Change = &fake.ChangeState{Kind: fake.ChangeCreateManaged, TaskID: cs.LastTask, Started: at, After: 8 * time.Minute}
		pool.State = nodepool.StateInitial
		withPool("initial")
	case 3:
		cs.State = cluster.StateDeleting
		cs.LastTask = task("d", fake.TaskTypeDelete, cluster.TaskRunning, "")
		cs.Change = &fake.ChangeState{Kind: fake.ChangeDeleteCluster, TaskID: cs.LastTask, Started: seedStart, After: 3 * time.Minute}
		withPool("running")
	case 4:
		pool.State, pool.Spec.DesiredSize = nodepool.StateScaling, 3
		pool.LastTask = task("s", fake.TaskTypeScaleNodePool, cluster.TaskRunning, pid)
		pool.Change = &fake.ChangeState{Kind: fake.ChangeScaleNodePool, TaskID: pool.LastTask, Started: seedStart, After: 3 * time.Minute,
			Added: []string{fmt.Sprintf("i-fleet%04d03", i)}, Desired: map[string]int{pid: 2}}
		withPool("running")
		cs.Nodes = append(cs.Nodes, node(3, pid, "initial", nodepool.OriginScaleOut))
	case 5:
		cs.State = cluster.StateUpdating
		cs.LastTask = task("m", fake.TaskTypeModify, cluster.TaskRunning, "")
		next := seedSpec(i)
		next.DeletionProtection = true
		cs.Change = &fake.ChangeState{Kind: fake.ChangeModifyCluster, TaskID: cs.LastTask, Started: seedStart, After: time.Minute,
			Spec: &next, Extra: &fake.ClusterExtra{}}
		withPool("running")
	case 7:
		cs.Spec.KubernetesVersion = "1.32.1-aliyun.1"
		cs.State = cluster.StateUpgrading
		cs.LastTask = task("u", fake.TaskTypeUpgrade, cluster.TaskRunning, "")
		cs.Upgrade = &fake.UpgradeState{From: "1.32.1-aliyun.1", To: seedVersion, Status: "running", TaskID: cs.LastTask,
			Change: &fake.ChangeState{Kind: fake.ChangeUpgradeCluster, TaskID: cs.LastTask, Started: upgradeStart, After: 60 * 24 * time.Hour}}
		withPool("running")
	case 6:
		cs.Spec.Form, cs.Spec.SNAT = cluster.Serverless, nil
		cs.Spec.Network = cluster.Network{}
		cs.ContainerInstances = []fake.ContainerInstanceState{
			{ID: fmt.Sprintf("eci-%s-%06d", id, 1), MilliCPU: 500, MemoryMiB: 1024, Started: at},
			{ID: fmt.Sprintf("eci-%s-%06d", id, 2), MilliCPU: 2000, MemoryMiB: 4096, Started: at},
		}
	}
	st.Network.VPCs = append(st.Network.VPCs, fake.VPC{ID: fmt.Sprintf("vpc-fleet%04d", i), CIDR: "192.168.0.0/16"})
	st.Network.VSwitches = append(st.Network.VSwitches, fake.VSwitch{ID: fmt.Sprintf("vsw-fleet%04d", i), VPCID: fmt.Sprintf("vpc-fleet%04d", i),
		ZoneID: "cn-hangzhou-k", CIDR: "192.168.0.0/24"})
	st.Clusters = append(st.Clusters, cs)
}

// fleetLimits are the product's limits with room for a large fleet.
func fleetLimits(n int) quota.Limits {
	l := quota.ProductDefaults()
	l.Clusters.Max, l.ManagedClusters.Max, l.ServerlessClusters.Max = n+10, n+10, n+10
	return l
}

// fleetState is a seed of n clusters in mixed states.
func fleetState(n int) fake.State {
	st := fake.State{Now: seedStart, Limits: fleetLimits(n)}
	for i := range n {
		seedCluster(&st, i)
	}
	return st
}

// stateDiff is cmp.Diff of two States, without their counters unless
// counters is set (a restore into the same Cloud keeps them at least as
// high as the Cloud's own). It is skipped when reflect.DeepEqual already
// finds them equal (which implies cmp's equality): cmp is slow on a fleet
// of a thousand clusters under the race detector.
func stateDiff(want, got fake.State, counters bool) string {
	if !counters {
		want.Counters, got.Counters = fake.Counters{}, fake.Counters{}
	}
	if reflect.DeepEqual(want, got) {
		return ""
	}
	return cmp.Diff(want, got)
}

// TestStateFleetRestore seeds 1,000 clusters in mixed states, takes a
// snapshot, changes the world through the API (creates, scales, deletes,
// a pool's removal of nodes), restores the snapshot and finds the first
// state again; a Cloud started from the snapshot finds it too, counters
// included.
func TestStateFleetRestore(t *testing.T) {
	n := 1000
	if testing.Short() {
		n = 70
	}
	c := fake.New(fake.WithClock(fake.Manual), fake.WithLimits(fleetLimits(n)), fake.WithState(fleetState(n)))
	first := c.Snapshot()
	if got := len(first.Clusters); got != n {
		t.Fatalf("snapshot holds %d clusters, want %d", got, n)
	}
	states := map[cluster.State]int{}
	for _, cs := range first.Clusters {
		states[cs.State]++
	}
	for _, st := range []cluster.State{cluster.StateRunning, cluster.StateFailed, cluster.StateInitial, cluster.StateDeleting, cluster.StateUpdating, cluster.StateUpgrading} {
		if states[st] == 0 {
			t.Errorf("no %s cluster in the seed: %v", st, states)
		}
	}

	// Every seeded cluster, pool and node reads as the API answers it.
	for _, cs := range first.Clusters[:min(n, 14)] {
		reads := [][2]any{
			{wire.ActionDescribeClusterDetail, []string{cs.ID}},
			{wire.ActionDescribeClusterNodes, []string{cs.ID}},
			{wire.ActionDescribeTaskInfo, []string{cs.LastTask}},
		}
		if !slices.Contains([]cluster.State{cluster.StateInitial, cluster.StateFailed, cluster.StateDeleting}, cs.State) {
			reads = append(reads, [2]any{wire.ActionDescribeClusterUserKubeconfig, []string{cs.ID}})
		}
		if len(cs.NodePools) > 0 {
			reads = append(reads, [2]any{wire.ActionDescribeClusterNodePools, []string{cs.ID}},
				[2]any{wire.ActionDescribeClusterNodePoolDetail, []string{cs.ID, cs.NodePools[0].ID}})
		}
		for _, r := range reads {
			if resp := call(t, c, r[0].(string), r[1].([]string), nil, nil); resp.StatusCode != http.StatusOK {
				t.Errorf("%s %v of a seeded %s cluster: HTTP %d %s", r[0], r[1], cs.State, resp.StatusCode, resp.Body)
			}
		}
	}
	c = fake.New(fake.WithClock(fake.Manual), fake.WithState(first))

	// Change the world through the API.
	if r := call(t, c, wire.ActionCreateCluster, nil, nil, managedRequest("new-one")); r.StatusCode != http.StatusOK {
		t.Fatalf("create: HTTP %d %s", r.StatusCode, r.Body)
	}
	if a := scalePool(t, c, "cfleet0000", "npfleet0000", 2); a.code() != "" {
		t.Fatalf("scale: %s", a.code())
	}
	if r := call(t, c, wire.ActionDeleteCluster, []string{"cfleet0008"}, nil, nil); r.StatusCode != http.StatusOK {
		t.Fatalf("delete: HTTP %d %s", r.StatusCode, r.Body)
	}
	if err := c.StopContainerInstances("cfleet0006", 1); err != nil {
		t.Fatal(err)
	}
	if changed := c.Snapshot(); len(changed.Clusters) == len(first.Clusters) || len(changed.Tasks) == len(first.Tasks) {
		t.Fatalf("after the changes the world holds %d clusters and %d tasks, as the snapshot does", len(changed.Clusters), len(changed.Tasks))
	}

	if err := c.Restore(first); err != nil {
		t.Fatal(err)
	}
	again := c.Snapshot()
	if d := stateDiff(first, again, false); d != "" {
		t.Fatalf("restored world (-snapshot +restored):\n%s", d)
	}
	for kind, n := range first.Counters.IDs {
		if again.Counters.IDs[kind] < n {
			t.Errorf("counter %s went back from %d to %d", kind, n, again.Counters.IDs[kind])
		}
	}
	fresh := fake.New(fake.WithClock(fake.Manual), fake.WithState(first))
	if d := stateDiff(first, fresh.Snapshot(), true); d != "" {
		t.Fatalf("a Cloud started from the snapshot (-snapshot +started):\n%s", d)
	}
}
