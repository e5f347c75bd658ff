package fleet_test

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/examples/testing/fleet"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/quota"
)

// TestEnsureUnderFaults injects faults with Go reactors, which run before
// the fake applies a call, and checks that the tool's outcome is exact:
// the SDK retries what can be retried, reconciles a lost answer without
// creating or adding twice, and the tool reports what cannot be fixed by
// retrying against the one cluster it concerns.
func TestEnsureUnderFaults(t *testing.T) {
	tests := []struct {
		name      string
		members   []member
		action    string // the action the reactor answers
		reaction  fake.ReactionFunc
		want      fleet.Report
		wantErrs  []func(error) bool // per result: what its Err must be (nil: no error)
		wantSizes map[string]int
		wantCalls map[string]int // how many times each action reached the fake
	}{
		{
			name:      "throttled twice, then served",
			members:   []member{{name: "prod-a", pool: -1}},
			action:    "CreateClusterNodePool",
			reaction:  fake.Times(2, fake.ThrottleEvery(1)),
			want:      fleet.Report{{ClusterName: "prod-a", State: cluster.StateRunning, Action: fleet.Created, To: 3}},
			wantSizes: map[string]int{"prod-a": 3},
			wantCalls: map[string]int{"CreateClusterNodePool": 3},
		},
		{
			name:      "the answer to a create is lost",
			members:   []member{{name: "prod-a", pool: -1}},
			action:    "CreateClusterNodePool",
			reaction:  fake.Once(fake.LoseResponse()),
			want:      fleet.Report{{ClusterName: "prod-a", State: cluster.StateRunning, Action: fleet.Created, To: 3}},
			wantSizes: map[string]int{"prod-a": 3},
			// The retry step lists the pools of the name, finds the one
			// the lost answer created, and does not send the create again.
			wantCalls: map[string]int{"CreateClusterNodePool": 1},
		},
		{
			name:      "the answer to a scale-out is lost",
			members:   []member{{name: "prod-a", pool: 1}},
			action:    "ScaleClusterNodePool",
			reaction:  fake.Once(fake.LoseResponse()),
			want:      fleet.Report{{ClusterName: "prod-a", State: cluster.StateRunning, Action: fleet.Scaled, From: 1, To: 3}},
			wantSizes: map[string]int{"prod-a": 3}, // not 5: the 2 nodes were added once
			wantCalls: map[string]int{"ScaleClusterNodePool": 1},
		},
		{
			name:     "a quota refusal is that cluster's, and the run goes on",
			members:  []member{{name: "prod-a", pool: -1}, {name: "prod-b", pool: 1}},
			action:   "CreateClusterNodePool",
			reaction: fake.ReturnError(quota.CodeNodeQuota, 0, "nodes per cluster: 40 used + 3 needed exceeds the limit of 40"),
			want: fleet.Report{
				{ClusterName: "prod-a", State: cluster.StateRunning, Action: fleet.Error},
				{ClusterName: "prod-b", State: cluster.StateRunning, Action: fleet.Scaled, From: 1, To: 3},
			},
			wantErrs:  []func(error) bool{ack.IsQuotaExceeded, nil},
			wantSizes: map[string]int{"prod-a": -1, "prod-b": 3},
			wantCalls: map[string]int{"CreateClusterNodePool": 1, "ScaleClusterNodePool": 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cloud := fake.New()
			cfg := cloud.Config()
			seed(t, cloud, cfg, tt.members...)
			cloud.ClearCalls()
			cloud.PrependReactor(tt.action, tt.reaction)

			got, err := fleet.ForConfig(cfg).Ensure(context.Background(), policy())
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, ignoreIDs); diff != "" {
				t.Errorf("report (-want +got):\n%s", diff)
			}
			for i, r := range got {
				var want func(error) bool
				if i < len(tt.wantErrs) {
					want = tt.wantErrs[i]
				}
				if (want == nil) != (r.Err == nil) || (want != nil && !want(r.Err)) {
					t.Errorf("%s: error %v; want one: %t", r.ClusterName, r.Err, want != nil)
				}
			}
			if diff := cmp.Diff(tt.wantSizes, poolSizes(cloud)); diff != "" {
				t.Errorf("pool sizes in the fake (-want +got):\n%s", diff)
			}
			for action, n := range tt.wantCalls {
				if got := countCalls(cloud, action); got != n {
					t.Errorf("%s reached the fake %d times; want %d", action, got, n)
				}
			}
		})
	}
}

// TestEnsureThrottledOut checks that a fleet that cannot be listed, since
// ACK throttles every attempt the retry policy allows, ends the run with
// an error that says so.
func TestEnsureThrottledOut(t *testing.T) {
	cloud := fake.New()
	cloud.PrependReactor("DescribeClustersV1", fake.ThrottleEvery(1))
	cfg := cloud.Config(ack.WithRetry(ack.RetryPolicy{MaxAttempts: 3}))

	got, err := fleet.ForConfig(cfg).Ensure(context.Background(), policy())
	if !ack.IsThrottled(err) || len(got) != 0 {
		t.Fatalf("Ensure: %v, %v; want no results and a throttling error", got, err)
	}
	var apiErr *ack.APIError
	if !errors.As(err, &apiErr) || apiErr.Action != "DescribeClustersV1" {
		t.Errorf("error %v; want an *ack.APIError of DescribeClustersV1", err)
	}
	if n := countCalls(cloud, "DescribeClustersV1"); n != 3 {
		t.Errorf("DescribeClustersV1 reached the fake %d times; want the 3 attempts of the policy", n)
	}
}
