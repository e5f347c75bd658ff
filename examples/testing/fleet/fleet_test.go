package fleet_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/examples/testing/fleet"
	"github.com/ackgo/ack/fake"
)

// TestEnsure runs the tool in process on fleets set up through the SDK,
// and checks both what it reports and what it left in the fake.
func TestEnsure(t *testing.T) {
	tests := []struct {
		name      string
		members   []member
		want      fleet.Report
		wantSizes map[string]int // the pool "web" of each cluster afterwards
	}{
		{
			name:      "a cluster without the pool gets it",
			members:   []member{{name: "prod-a", pool: -1}},
			want:      fleet.Report{{ClusterName: "prod-a", State: cluster.StateRunning, Action: fleet.Created, From: 0, To: 3}},
			wantSizes: map[string]int{"prod-a": 3},
		},
		{
			name:      "a small pool is scaled out, a large one kept",
			members:   []member{{name: "prod-a", pool: 1}, {name: "prod-b", pool: 5}},
			want:      fleet.Report{{ClusterName: "prod-a", State: cluster.StateRunning, Action: fleet.Scaled, From: 1, To: 3}, {ClusterName: "prod-b", State: cluster.StateRunning, Action: fleet.Kept, From: 5, To: 5}},
			wantSizes: map[string]int{"prod-a": 3, "prod-b": 5},
		},
		{
			name:      "a failed cluster is reported and left alone",
			members:   []member{{name: "prod-a", pool: -1, fail: true}, {name: "prod-b", pool: 3}},
			want:      fleet.Report{{ClusterName: "prod-a", State: cluster.StateFailed, Action: fleet.Failed}, {ClusterName: "prod-b", State: cluster.StateRunning, Action: fleet.Kept, From: 3, To: 3}},
			wantSizes: map[string]int{"prod-a": -1, "prod-b": 3},
		},
		{
			name:      "clusters outside the fleet are not touched",
			members:   []member{{name: "dev", pool: -1, untagged: true}, {name: "prod-a", pool: 2}},
			want:      fleet.Report{{ClusterName: "prod-a", State: cluster.StateRunning, Action: fleet.Scaled, From: 2, To: 3}},
			wantSizes: map[string]int{"dev": -1, "prod-a": 3},
		},
		{
			name:      "an autoscaled pool is its autoscaler's",
			members:   []member{{name: "prod-a", pool: 1, autoscaled: true}, {name: "prod-b", pool: 4, autoscaled: true}},
			want:      fleet.Report{{ClusterName: "prod-a", State: cluster.StateRunning, Action: fleet.AutoScaled, From: 1, To: 1}, {ClusterName: "prod-b", State: cluster.StateRunning, Action: fleet.Kept, From: 4, To: 4}},
			wantSizes: map[string]int{"prod-a": 1, "prod-b": 4},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cloud := fake.New()
			cfg := cloud.Config()
			ids := seed(t, cloud, cfg, tt.members...)

			got, err := fleet.ForConfig(cfg).Ensure(context.Background(), policy())
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, ignoreIDs); diff != "" {
				t.Errorf("report (-want +got):\n%s", diff)
			}
			for _, r := range got {
				if r.ClusterID != ids[r.ClusterName] || r.Err != nil {
					t.Errorf("%s: cluster ID %q, error %v; want %q and no error", r.ClusterName, r.ClusterID, r.Err, ids[r.ClusterName])
				}
				if _, ok := cloud.NodePool(r.ClusterID, r.PoolID); !ok && r.Action != fleet.Failed {
					t.Errorf("%s: the report names pool %q, which the fake does not have", r.ClusterName, r.PoolID)
				}
			}
			if diff := cmp.Diff(tt.wantSizes, poolSizes(cloud)); diff != "" {
				t.Errorf("pool sizes in the fake (-want +got):\n%s", diff)
			}
		})
	}
}

// TestEnsureTwice checks that a second run on a fleet the first run
// fixed changes nothing: it keeps every pool and makes no write.
func TestEnsureTwice(t *testing.T) {
	cloud := fake.New()
	cfg := cloud.Config()
	seed(t, cloud, cfg, member{name: "prod-a", pool: -1}, member{name: "prod-b", pool: 1})
	tool := fleet.ForConfig(cfg)
	if _, err := tool.Ensure(context.Background(), policy()); err != nil {
		t.Fatal(err)
	}
	cloud.ClearCalls()

	got, err := tool.Ensure(context.Background(), policy())
	if err != nil {
		t.Fatal(err)
	}
	want := fleet.Report{
		{ClusterName: "prod-a", State: cluster.StateRunning, Action: fleet.Kept, From: 3, To: 3},
		{ClusterName: "prod-b", State: cluster.StateRunning, Action: fleet.Kept, From: 3, To: 3},
	}
	if diff := cmp.Diff(want, got, ignoreIDs); diff != "" {
		t.Errorf("second report (-want +got):\n%s", diff)
	}
	var actions []string
	for _, c := range cloud.Calls() {
		actions = append(actions, c.Action)
	}
	wantActions := []string{"DescribeClustersV1", "DescribeClusterNodePools", "DescribeClusterNodePools"}
	if diff := cmp.Diff(wantActions, actions); diff != "" {
		t.Errorf("calls of the second run (-want +got):\n%s", diff)
	}
}

// TestPolicyRefused checks that a policy that cannot be ensured is
// refused before any call, naming the field.
func TestPolicyRefused(t *testing.T) {
	tests := []struct {
		name string
		edit func(*fleet.Policy)
		want string
	}{
		{"no tag", func(p *fleet.Policy) { p.Tag.Key = "" }, "fleet: policy: Tag.Key is empty; name the tag that selects the fleet"},
		{"no pool name", func(p *fleet.Policy) { p.Pool.Name = "" }, "fleet: policy: Pool.Name is empty; name the node pool every cluster must have"},
		{"no nodes", func(p *fleet.Policy) { p.MinNodes = 0 }, "fleet: policy: MinNodes 0 is below 1; a pool the policy keeps has at least one node"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cloud := fake.New()
			p := policy()
			tt.edit(&p)
			_, err := fleet.ForConfig(cloud.Config()).Ensure(context.Background(), p)
			if err == nil || err.Error() != tt.want {
				t.Errorf("Ensure: %v; want %q", err, tt.want)
			}
			if n := len(cloud.Calls()); n != 0 {
				t.Errorf("the fake got %d calls; want none", n)
			}
		})
	}
}

// TestResultString checks the report's lines, one per action.
func TestResultString(t *testing.T) {
	cause := errors.New("create node pool \"web\": quota exceeded")
	tests := []struct {
		r    fleet.Result
		want string
	}{
		{fleet.Result{ClusterID: "c-1", ClusterName: "a", Action: fleet.Kept, PoolID: "np-1", From: 4, To: 4}, "c-1 (a): kept pool np-1 at 4 nodes"},
		{fleet.Result{ClusterID: "c-1", ClusterName: "a", Action: fleet.Created, PoolID: "np-1", To: 3}, "c-1 (a): created pool np-1 with 3 nodes"},
		{fleet.Result{ClusterID: "c-1", ClusterName: "a", Action: fleet.Scaled, PoolID: "np-1", From: 1, To: 3}, "c-1 (a): scaled pool np-1 from 1 to 3 nodes"},
		{fleet.Result{ClusterID: "c-1", ClusterName: "a", Action: fleet.Failed, State: cluster.StateDeleteFailed}, "c-1 (a): cluster is delete_failed: left alone, needs a human"},
		{fleet.Result{ClusterID: "c-1", ClusterName: "a", Action: fleet.Busy, State: cluster.StateUpgrading}, "c-1 (a): cluster is upgrading: left for the next run"},
		{fleet.Result{ClusterID: "c-1", ClusterName: "a", Action: fleet.Busy, PoolID: "np-1"}, "c-1 (a): pool np-1 is changing: left for the next run"},
		{fleet.Result{ClusterID: "c-1", ClusterName: "a", Action: fleet.AutoScaled, PoolID: "np-1", From: 1}, "c-1 (a): pool np-1 is autoscaled from 1: left alone"},
		{fleet.Result{ClusterID: "c-1", ClusterName: "a", Action: fleet.Error, Err: fmt.Errorf("cluster c-1: %w", cause)}, `c-1 (a): not handled: create node pool "web": quota exceeded`},
		{fleet.Result{ClusterID: "c-1", ClusterName: "a", Action: fleet.Error, Err: cause}, `c-1 (a): not handled: create node pool "web": quota exceeded`},
	}
	for _, tt := range tests {
		if got := tt.r.String(); got != tt.want {
			t.Errorf("%s: String() = %q; want %q", tt.r.Action, got, tt.want)
		}
	}
}
