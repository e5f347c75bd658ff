package fleet_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/examples/testing/fleet"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/quota"
)

// seededAt is when the seeded fleet stands: the fake's default start.
var seededAt = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// fleetState is a fleet written as a fake.State, as a test starts from
// the fleet it needs without driving each cluster's creation: clusters in
// mixed states, each in a VPC of its own (the fake registers well-formed
// network IDs it does not know).
//
//	prod-a  running, pool "web" of 1 node
//	prod-b  running, no pool
//	prod-c  failed: its creation failed
//	prod-d  initial: being created, 30 minutes to go
//	dev     running, not of the fleet
//
// The fake checks a State with the rules of the API's writes that would
// have made it, so a seed cannot hold what ACK never could (see
// TestSeedRefused). The IDs take ACK's shapes ("c" and 32 hex digits for
// a cluster), as in a snapshot of a real fleet.
func fleetState() fake.State {
	st := fake.State{Now: seededAt}
	add := func(name string, state cluster.State, poolNodes int) *fake.ClusterState {
		spec := clusterSpec(name)
		spec.Region = fake.DefaultRegion
		if name != "dev" {
			spec.Tags = []cluster.Tag{fleetTag}
		}
		id := fmt.Sprintf("c%032x", len(st.Clusters)+1)
		cs := fake.ClusterState{ID: id, Spec: spec, State: state, Created: seededAt.Add(-24 * time.Hour)}
		if poolNodes > 0 {
			p := policy().Pool
			p.VSwitchIDs, p.DesiredSize = []string{"vsw-" + name}, poolNodes
			poolID := fmt.Sprintf("np%032x", len(st.Clusters)+1)
			cs.NodePools = []fake.NodePoolState{{ID: poolID, Spec: p, Default: true, State: nodepool.StateActive}}
			for i := range poolNodes {
				cs.Nodes = append(cs.Nodes, fake.NodeState{
					InstanceID: fmt.Sprintf("i-%s-%d", name, i+1), NodePoolID: poolID, Role: "Worker", InstanceType: "ecs.g7.xlarge",
					VSwitchID: "vsw-" + name, IP: fmt.Sprintf("192.168.0.%d", 10+i), Origin: nodepool.OriginInitial, State: "running",
				})
			}
		}
		st.Clusters = append(st.Clusters, cs)
		return &st.Clusters[len(st.Clusters)-1]
	}
	add("prod-a", cluster.StateRunning, 1)
	add("prod-b", cluster.StateRunning, 0)
	add("prod-c", cluster.StateFailed, 0)
	d := add("prod-d", cluster.StateInitial, 0)
	// A cluster being created has its change and the change's running
	// task: the fake continues it on its clock.
	task := fake.TaskState{ID: "T-prod-d-create", ClusterID: d.ID, Type: fake.TaskTypeCreate, State: cluster.TaskRunning,
		Created: seededAt.Add(-10 * time.Minute), Updated: seededAt.Add(-10 * time.Minute)}
	st.Tasks = append(st.Tasks, task)
	d.Created, d.LastTask = task.Created, task.ID
	d.Change = &fake.ChangeState{Kind: fake.ChangeCreateManaged, TaskID: task.ID, Started: task.Created, After: 40 * time.Minute}
	add("dev", cluster.StateRunning, 0)
	return st
}

// TestEnsureSeeded starts each case from the seeded fleet, as a fake
// built with fake.WithState, and checks the tool's report and what it
// left behind.
func TestEnsureSeeded(t *testing.T) {
	small := quota.ProductDefaults()
	small.NodesPerCluster.Max = 2
	tests := []struct {
		name      string
		edit      func(st *fake.State) // changes the seed before it is loaded
		advance   time.Duration        // the clock moves this much before the run
		want      fleet.Report
		wantErrs  map[string]func(error) bool // by cluster name
		wantSizes map[string]int
	}{
		{
			name: "as seeded",
			want: fleet.Report{
				{ClusterName: "prod-a", State: cluster.StateRunning, Action: fleet.Scaled, From: 1, To: 3},
				{ClusterName: "prod-b", State: cluster.StateRunning, Action: fleet.Created, To: 3},
				{ClusterName: "prod-c", State: cluster.StateFailed, Action: fleet.Failed},
				{ClusterName: "prod-d", State: cluster.StateInitial, Action: fleet.Busy},
			},
			wantSizes: map[string]int{"prod-a": 3, "prod-b": 3, "prod-c": -1, "prod-d": -1, "dev": -1},
		},
		{
			name:    "once prod-d's creation is done",
			advance: 30 * time.Minute,
			want: fleet.Report{
				{ClusterName: "prod-a", State: cluster.StateRunning, Action: fleet.Scaled, From: 1, To: 3},
				{ClusterName: "prod-b", State: cluster.StateRunning, Action: fleet.Created, To: 3},
				{ClusterName: "prod-c", State: cluster.StateFailed, Action: fleet.Failed},
				{ClusterName: "prod-d", State: cluster.StateRunning, Action: fleet.Created, To: 3},
			},
			wantSizes: map[string]int{"prod-a": 3, "prod-b": 3, "prod-c": -1, "prod-d": 3, "dev": -1},
		},
		{
			name: "a node quota too small for the policy",
			edit: func(st *fake.State) { st.Limits = small },
			want: fleet.Report{
				{ClusterName: "prod-a", State: cluster.StateRunning, Action: fleet.Error, From: 1, To: 1},
				{ClusterName: "prod-b", State: cluster.StateRunning, Action: fleet.Error},
				{ClusterName: "prod-c", State: cluster.StateFailed, Action: fleet.Failed},
				{ClusterName: "prod-d", State: cluster.StateInitial, Action: fleet.Busy},
			},
			wantErrs:  map[string]func(error) bool{"prod-a": ack.IsQuotaExceeded, "prod-b": ack.IsQuotaExceeded},
			wantSizes: map[string]int{"prod-a": 1, "prod-b": -1, "prod-c": -1, "prod-d": -1, "dev": -1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seed := fleetState()
			if tt.edit != nil {
				tt.edit(&seed)
			}
			cloud := fake.New(fake.WithState(seed))
			cloud.Advance(tt.advance)

			got, err := fleet.ForConfig(cloud.Config()).Ensure(context.Background(), policy())
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, ignoreIDs); diff != "" {
				t.Errorf("report (-want +got):\n%s", diff)
			}
			for _, r := range got {
				want := tt.wantErrs[r.ClusterName]
				if (want == nil) != (r.Err == nil) || (want != nil && !want(r.Err)) {
					t.Errorf("%s: error %v; want one: %t", r.ClusterName, r.Err, want != nil)
				}
			}
			if diff := cmp.Diff(tt.wantSizes, poolSizes(cloud)); diff != "" {
				t.Errorf("pool sizes in the fake (-want +got):\n%s", diff)
			}
		})
	}
}

// TestEnsureRestored takes a snapshot of the seeded fake, lets the tool
// change it, restores the snapshot, and runs the tool again: the second
// run finds the fleet as seeded and does the same, without handing out
// the first run's IDs again.
func TestEnsureRestored(t *testing.T) {
	ctx := context.Background()
	cloud := fake.New(fake.WithState(fleetState()))
	tool := fleet.ForConfig(cloud.Config())
	seeded := poolSizes(cloud)
	before := cloud.Snapshot()

	first, err := tool.Ensure(ctx, policy())
	if err != nil {
		t.Fatal(err)
	}
	if err := cloud.Restore(before); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(seeded, poolSizes(cloud)); diff != "" {
		t.Errorf("pool sizes after the restore (-seeded +got):\n%s", diff)
	}
	second, err := tool.Ensure(ctx, policy())
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(first, second, ignoreIDs); diff != "" {
		t.Errorf("second run (-first +second):\n%s", diff)
	}
	created := func(rep fleet.Report) string { return rep.With(fleet.Created)[0].PoolID }
	if created(first) == created(second) {
		t.Errorf("both runs created pool %s; a restore must not hand out an ID twice", created(first))
	}
}

// TestSeedRefused checks that a seed ACK could never be in is refused
// with the rule it breaks, the way a user finds out what is wrong with a
// State: as a *fake.StateError naming the part, wrapping the
// *ack.ValidationError that names the rule.
func TestSeedRefused(t *testing.T) {
	tests := []struct {
		name     string
		edit     func(st *fake.State)
		wantPath string
		wantRule string
	}{
		{"a pool without a name", func(st *fake.State) { st.Clusters[0].NodePools[0].Spec.Name = "" }, "clusters[0]", "nodepool.name.length"},
		{"a cluster without its region", func(st *fake.State) { st.Clusters[1].Spec.Region = "" }, "clusters[1]", "cluster.region.required"},
		{"a cluster being created without its change", func(st *fake.State) { st.Clusters[3].Change = nil }, "clusters[3]", fake.RuleStateChange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seed := fleetState()
			tt.edit(&seed)
			cloud := fake.New()
			err := cloud.Restore(seed)
			var se *fake.StateError
			var ve *ack.ValidationError
			if !errors.As(err, &se) || !errors.As(err, &ve) || !ve.HasRule(tt.wantRule) || !strings.HasPrefix(se.Path, tt.wantPath) {
				t.Fatalf("Restore: %v; want a *fake.StateError at %s with rule %s", err, tt.wantPath, tt.wantRule)
			}
			if n := len(cloud.Clusters()); n != 0 {
				t.Errorf("the refused seed left %d clusters in the fake; want none", n)
			}
		})
	}
}
