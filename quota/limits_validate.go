package quota

import (
	"fmt"

	"github.com/ackgo/ack"
)

// The rules Limits.Validate applies.
const (
	// RuleLimitsNonNegative: no count limit and no funds floor is below zero.
	RuleLimitsNonNegative = "quota.limits.non_negative"
	// RuleLimitsPodsPerNode: the pods-per-node limit is at most MaxPodsPerNode,
	// which no ticket raises.
	RuleLimitsPodsPerNode = "quota.limits.pods_per_node"
)

// Validate reports every limit that no account can have, as an
// *ack.ValidationError naming the field and the rule: a count below zero
// or a pay-as-you-go floor below zero (RuleLimitsNonNegative), and a
// pods-per-node limit above MaxPodsPerNode (RuleLimitsPodsPerNode). A
// count of zero is valid: it allows none.
func (l Limits) Validate() error {
	var vs []ack.Violation
	for _, c := range []struct {
		field string
		count Count
	}{
		{"clusters.max", l.Clusters},
		{"managed_clusters.max", l.ManagedClusters},
		{"serverless_clusters.max", l.ServerlessClusters},
		{"nodes_per_cluster.max", l.NodesPerCluster},
		{"nodepools_per_cluster.max", l.NodePoolsPerCluster},
		{"pods_per_node.max", l.PodsPerNode},
		{"container_instances_per_cluster.max", l.ContainerInstancesPerCluster},
	} {
		if c.count.Max < 0 {
			vs = append(vs, ack.Violation{Rule: RuleLimitsNonNegative, Field: c.field,
				Message: fmt.Sprintf("must not be negative, got %d", c.count.Max)})
		}
	}
	if l.PodsPerNode.Max > MaxPodsPerNode {
		vs = append(vs, ack.Violation{Rule: RuleLimitsPodsPerNode, Field: "pods_per_node.max",
			Message: fmt.Sprintf("must be at most %d (a hard limit), got %d", MaxPodsPerNode, l.PodsPerNode.Max)})
	}
	if l.PayAsYouGoFunds.Min.Sign() < 0 {
		vs = append(vs, ack.Violation{Rule: RuleLimitsNonNegative, Field: "pay_as_you_go_funds.min",
			Message: fmt.Sprintf("must not be negative, got %s", l.PayAsYouGoFunds.Min)})
	}
	if len(vs) == 0 {
		return nil
	}
	return &ack.ValidationError{Resource: "quota limits", Violations: vs}
}
