package quota_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/quota"
)

// countingIndex is a UsageIndex over a Usage that counts its calls.
type countingIndex struct {
	u              quota.Usage
	kinds, lookups int
}

func (c *countingIndex) CountKind(k quota.ClusterKind) int { c.kinds++; return c.u.CountKind(k) }

func (c *countingIndex) Cluster(id string) (quota.ClusterUsage, bool) {
	c.lookups++
	return c.u.Cluster(id)
}

func TestCheckIndexAgreesWithCheck(t *testing.T) {
	l := quota.ProductDefaults()
	full := usage(fleet("m", quota.Managed, 10), []quota.ClusterUsage{{ID: "d", Kind: quota.Dedicated, Nodes: 39}})
	tests := []struct {
		name               string
		plan               quota.Plan
		kinds, lookups     int // calls CheckIndex makes of the index
		wantViolationCount int
	}{
		{"empty plan", quota.Plan{}, 0, 0, 0},
		{"create over the cluster quotas", create(quota.Managed, quota.Dedicated), 3, 0, 2},
		{"change within the node quota", change(quota.ClusterChange{ClusterID: "d", AddNodes: 1}), 0, 1, 0},
		{"change over the node quota", change(quota.ClusterChange{ClusterID: "d", AddNodes: 2}), 0, 1, 1},
		{"change of an unknown cluster", change(quota.ClusterChange{ClusterID: "x", AddNodePools: 21}), 0, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			idx := &countingIndex{u: full}
			got := quota.CheckIndex(l, full.Account, idx, tt.plan)
			want := quota.Check(l, full, tt.plan)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("CheckIndex differs from Check (-Check +CheckIndex):\n%s", diff)
			}
			if len(got) != tt.wantViolationCount {
				t.Errorf("%d violations, want %d: %v", len(got), tt.wantViolationCount, got)
			}
			if idx.kinds != tt.kinds || idx.lookups != tt.lookups {
				t.Errorf("CheckIndex asked CountKind %d and Cluster %d times, want %d and %d", idx.kinds, idx.lookups, tt.kinds, tt.lookups)
			}
		})
	}
}
