package quota

import (
	"fmt"

	"github.com/ackgo/ack"
)

// NewCluster is a cluster that a plan creates.
type NewCluster struct {
	// Name names the cluster in violations; it may be empty.
	Name string
	// Kind is the cluster's form.
	Kind ClusterKind
	// Nodes counts the nodes created with the cluster, masters included
	// (a dedicated cluster's masters count).
	Nodes int
	// NodePools counts the node pools created with the cluster.
	NodePools int
	// ContainerInstances counts the container instances the new
	// serverless cluster will run.
	ContainerInstances int
	// PodsPerNode is the pods-per-node setting the cluster is created with;
	// 0 leaves it to ACK.
	PodsPerNode int
}

// ClusterChange adds to an existing cluster, named by its ID.
type ClusterChange struct {
	// ClusterID names the cluster, as in Usage.Clusters.
	ClusterID string
	// AddNodes counts the nodes added (by scaling out or by node pools).
	AddNodes int
	// AddNodePools counts the node pools created.
	AddNodePools int
	// AddContainerInstances counts the container instances started on a
	// serverless cluster.
	AddContainerInstances int
	// PodsPerNode is the pods-per-node setting of the node pools created;
	// 0 leaves it to ACK.
	PodsPerNode int
}

// Plan is what a caller is about to create or buy; Check weighs it against
// Limits and Usage. The zero Plan creates nothing and breaks no limit.
type Plan struct {
	// Create lists the clusters to create.
	Create []NewCluster
	// Change lists additions to existing clusters. Several changes to one
	// cluster add up.
	Change []ClusterChange
	// PayAsYouGo says the plan buys pay-as-you-go resources besides those
	// that BuysPayAsYouGo infers.
	PayAsYouGo bool
}

// IsEmpty reports whether the plan creates and buys nothing.
func (p Plan) IsEmpty() bool {
	if p.PayAsYouGo || len(p.Create) > 0 {
		return false
	}
	for _, c := range p.Change {
		if c.AddNodes > 0 || c.AddNodePools > 0 || c.AddContainerInstances > 0 {
			return false
		}
	}
	return true
}

// BuysPayAsYouGo reports whether the plan buys pay-as-you-go resources:
// when PayAsYouGo says so, when it creates a cluster (every cluster comes
// with pay-as-you-go load balancers, and a dedicated or managed one with a
// NAT gateway), or when it starts container instances (billed per second).
// Nodes alone may be subscriptions, so they do not count.
func (p Plan) BuysPayAsYouGo() bool {
	if p.PayAsYouGo || len(p.Create) > 0 {
		return true
	}
	for _, c := range p.Change {
		if c.AddContainerInstances > 0 {
			return true
		}
	}
	return false
}

// Validate reports every malformed part of the plan (negative counts, an
// unknown cluster kind, a change without a cluster ID) as a
// *ack.ValidationError. Check does not require a valid plan: it counts a
// negative number as zero.
func (p Plan) Validate() error {
	var vs []ack.Violation
	nonNegative := func(field string, n int) {
		if n < 0 {
			vs = append(vs, ack.Violation{
				Rule: "quota.plan.non_negative", Field: field,
				Message: fmt.Sprintf("must not be negative, got %d", n),
			})
		}
	}
	for i, c := range p.Create {
		at := fmt.Sprintf("create[%d]", i)
		if c.Kind < Dedicated || c.Kind > Serverless {
			vs = append(vs, ack.Violation{
				Rule: "quota.plan.cluster_kind", Field: at + ".kind",
				Message: fmt.Sprintf("must be dedicated, managed or serverless, got %s (%d)", c.Kind, int(c.Kind)),
			})
		}
		nonNegative(at+".nodes", c.Nodes)
		nonNegative(at+".node_pools", c.NodePools)
		nonNegative(at+".container_instances", c.ContainerInstances)
		nonNegative(at+".pods_per_node", c.PodsPerNode)
	}
	for i, c := range p.Change {
		at := fmt.Sprintf("change[%d]", i)
		if c.ClusterID == "" {
			vs = append(vs, ack.Violation{
				Rule: "quota.plan.cluster_id", Field: at + ".cluster_id",
				Message: "must name an existing cluster",
			})
		}
		nonNegative(at+".add_nodes", c.AddNodes)
		nonNegative(at+".add_node_pools", c.AddNodePools)
		nonNegative(at+".add_container_instances", c.AddContainerInstances)
		nonNegative(at+".pods_per_node", c.PodsPerNode)
	}
	if len(vs) == 0 {
		return nil
	}
	return &ack.ValidationError{Resource: "quota plan", Violations: vs}
}
