package quota_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/quota"
	"github.com/google/go-cmp/cmp"
)

func TestLimitsValidate(t *testing.T) {
	type broken struct{ Rule, Field string }
	tests := []struct {
		name string
		edit func(*quota.Limits)
		want []broken
	}{
		{"product defaults", func(*quota.Limits) {}, nil},
		{"zero counts allow none", func(l *quota.Limits) { l.Clusters.Max, l.NodesPerCluster.Max = 0, 0 }, nil},
		{"negative clusters", func(l *quota.Limits) { l.Clusters.Max = -1 },
			[]broken{{quota.RuleLimitsNonNegative, "clusters.max"}}},
		{"negative nodes and instances", func(l *quota.Limits) { l.NodesPerCluster.Max, l.ContainerInstancesPerCluster.Max = -3, -1 },
			[]broken{{quota.RuleLimitsNonNegative, "nodes_per_cluster.max"}, {quota.RuleLimitsNonNegative, "container_instances_per_cluster.max"}}},
		{"pods past the hard limit", func(l *quota.Limits) { l.PodsPerNode.Max = 257 },
			[]broken{{quota.RuleLimitsPodsPerNode, "pods_per_node.max"}}},
		{"negative floor", func(l *quota.Limits) { l.PayAsYouGoFunds.Min = ack.MustMoney("-1", ack.CNY) },
			[]broken{{quota.RuleLimitsNonNegative, "pay_as_you_go_funds.min"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := quota.ProductDefaults()
			tt.edit(&l)
			err := l.Validate()
			var got []broken
			var ve *ack.ValidationError
			if errors.As(err, &ve) {
				for _, v := range ve.Violations {
					got = append(got, broken{v.Rule, v.Field})
				}
			} else if err != nil {
				t.Fatalf("Validate() = %v, want an *ack.ValidationError", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Fatalf("violations (-want +got):\n%s", diff)
			}
		})
	}
}

// Limits.Validate refuses a limit no account can have, naming its field
// and rule.
func ExampleLimits_Validate() {
	l := quota.ProductDefaults()
	l.NodesPerCluster.Max = -5
	fmt.Println(l.Validate())
	// Output:
	// quota limits: invalid: nodes_per_cluster.max: must not be negative, got -5 [quota.limits.non_negative]
}
