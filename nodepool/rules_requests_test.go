package nodepool

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/internal/wire"
)

// TestRequestRules judges ScaleClusterNodePool and ModifyClusterNodePool
// bodies by their counts, at and past each end of their ranges, and
// checks that every request rule has a case that breaks it.
func TestRequestRules(t *testing.T) {
	scale := func(n int64) error { return validateScaleRequest("np-1", &wire.ScaleNodePoolRequest{Count: n}) }
	modify := func(n int64) error { return validateModifyRequest("np-1", &wire.ModifyNodePoolRequest{Count: n}) }
	tests := []struct {
		name string
		err  error
		want []ruleField
	}{
		{"scale by one", scale(1), nil},
		{"scale by the most", scale(MaxScaleCount), nil},
		{"scale by zero", scale(0), []ruleField{{"nodepool.scale.count", "count"}}},
		{"scale by minus one", scale(-1), []ruleField{{"nodepool.scale.count", "count"}}},
		{"scale past the most", scale(MaxScaleCount + 1), []ruleField{{"nodepool.scale.count", "count"}}},
		{"modify without count", modify(0), nil},
		{"modify adding nodes", modify(3), nil},
		{"modify by minus one", modify(-1), []ruleField{{"nodepool.modify.count", "count"}}},
		{"modify without a body", validateModifyRequest("np-1", nil), nil},
	}
	broken := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, ruleFields(tt.err)); diff != "" {
				t.Errorf("violations (-want +got):\n%s", diff)
			}
			if tt.err != nil && !strings.Contains(tt.err.Error(), "node pool np-1") {
				t.Errorf("error %q does not name the pool", tt.err)
			}
		})
		for _, rf := range tt.want {
			broken[rf.Rule] = true
		}
	}
	for _, r := range RequestRules() {
		if !broken[r.ID] || !strings.HasPrefix(r.ID, "nodepool.") || r.Field == "" || r.Description == "" {
			t.Errorf("request rule %+v has no case, or lacks a nodepool. ID, a field or a description", r)
		}
	}
	if err := validateScaleRequest("np-1", nil); err == nil {
		t.Error("validateScaleRequest accepts no body")
	}
}
