package quota

import (
	"fmt"
	"math"
	"math/big"

	"github.com/ackgo/ack"
)

// Check weighs a plan against the limits and the current usage and returns
// every limit the plan would break, in a stable order: the account
// prerequisites, the account's cluster counts, then each new cluster in
// plan order, then each changed cluster in order of its first change.
//
// A limit is broken when the plan needs more of it (need > 0) and usage +
// need exceeds the limit; usage alone above a limit (after a quota was
// lowered) breaks nothing until the plan asks for more. Real-name
// verification is checked for any plan that is not empty, the
// pay-as-you-go funds for a plan that BuysPayAsYouGo. The container
// instance limit applies to every cluster but those Usage lists as
// dedicated or managed. Negative numbers in the plan count as zero (see
// Plan.Validate).
func Check(limits Limits, usage Usage, plan Plan) Violations {
	return CheckIndex(limits, usage.Account, usage, plan)
}

// CheckIndex is Check with the account given apart and the clusters' usage
// read through an index instead of a list: it asks usage for the number of
// clusters of each kind (only when the plan creates clusters) and for the
// clusters the plan changes, nothing else, so that its cost does not grow
// with the number of clusters the index holds.
func CheckIndex(limits Limits, account Account, usage UsageIndex, plan Plan) Violations {
	var vs Violations
	if plan.IsEmpty() {
		return nil
	}
	if limits.RealNameRequired && !account.RealNameVerified {
		vs = append(vs, Violation{ID: LimitRealName, Code: LimitRealName.Code(), Scope: "account"})
	}
	if floor := limits.PayAsYouGoFunds.Min; plan.BuysPayAsYouGo() {
		if funds := fundsIn(account, floor.Currency()); less(funds, floor) {
			vs = append(vs, Violation{
				ID: LimitPayAsYouGoFunds, Code: LimitPayAsYouGoFunds.Code(), Scope: "account",
				Used: minorUnits(funds), Limit: minorUnits(floor), Currency: floor.Currency(),
				Adjustable: limits.PayAsYouGoFunds.Adjustable,
			})
		}
	}

	var create [Serverless + 1]int
	for _, c := range plan.Create {
		if c.Kind > OtherCluster && c.Kind <= Serverless {
			create[c.Kind]++
		}
	}
	if len(plan.Create) > 0 {
		dedicated, managed := usage.CountKind(Dedicated), usage.CountKind(Managed)
		vs = count(vs, LimitClusters, "account", dedicated+managed, create[Dedicated]+create[Managed], limits.Clusters)
		vs = count(vs, LimitManagedClusters, "account", managed, create[Managed], limits.ManagedClusters)
		vs = count(vs, LimitServerlessClusters, "account", usage.CountKind(Serverless), create[Serverless], limits.ServerlessClusters)
	}

	for i, c := range plan.Create {
		scope := fmt.Sprintf("new cluster create[%d]", i)
		if c.Name != "" {
			scope = fmt.Sprintf("new cluster %q", c.Name)
		}
		vs = perCluster(vs, limits, scope, ClusterUsage{Kind: c.Kind}, true, clusterNeed{
			nodes: c.Nodes, pools: c.NodePools, instances: c.ContainerInstances, pods: c.PodsPerNode,
		})
	}

	for _, id := range changedClusters(plan.Change) {
		var need clusterNeed
		for _, c := range plan.Change {
			if c.ClusterID == id {
				need.nodes = addCounts(need.nodes, c.AddNodes)
				need.pools = addCounts(need.pools, c.AddNodePools)
				need.instances = addCounts(need.instances, c.AddContainerInstances)
				need.pods = max(need.pods, c.PodsPerNode)
			}
		}
		cu, known := usage.Cluster(id)
		vs = perCluster(vs, limits, "cluster "+id, cu, known, need)
	}
	return vs
}

// CheckPodsPerNode checks a pods-per-node setting against MaxPodsPerNode:
// nil for 1 to MaxPodsPerNode and for 0 (not set, ACK chooses), an
// *ExceededError (code QuotaExceeded.PodsPerNode) above the limit, and an
// *ack.ValidationError below 0.
func CheckPodsPerNode(n int) error {
	if n < 0 {
		return &ack.ValidationError{Resource: "pods per node", Violations: []ack.Violation{{
			Rule: "quota.pods_per_node.non_negative", Field: "pods_per_node",
			Message: fmt.Sprintf("must not be negative, got %d", n),
		}}}
	}
	return pods(nil, "", n, Count{Max: MaxPodsPerNode}).Err()
}

type clusterNeed struct {
	nodes, pools, instances, pods int
}

// perCluster appends the violations of one cluster's limits.
func perCluster(vs Violations, l Limits, scope string, cu ClusterUsage, known bool, need clusterNeed) Violations {
	vs = count(vs, LimitNodes, scope, cu.Nodes, need.nodes, l.NodesPerCluster)
	vs = count(vs, LimitNodePools, scope, cu.NodePools, need.pools, l.NodePoolsPerCluster)
	if !known || (cu.Kind != Dedicated && cu.Kind != Managed) {
		vs = count(vs, LimitContainerInstances, scope, cu.ContainerInstances, need.instances, l.ContainerInstancesPerCluster)
	}
	return pods(vs, scope, need.pods, l.PodsPerNode)
}

// addCounts adds a count of a plan (negative counts as zero) to a sum,
// saturating at the largest int instead of wrapping around.
func addCounts(sum, n int) int {
	n = max(n, 0)
	if sum > math.MaxInt-n {
		return math.MaxInt
	}
	return sum + n
}

// count appends a violation when need > 0 and used + need > limit.Max,
// judged without overflow for any counts.
func count(vs Violations, id LimitID, scope string, used, need int, limit Count) Violations {
	if need <= 0 || used <= limit.Max && need <= limit.Max-max(used, 0) {
		return vs
	}
	return append(vs, Violation{
		ID: id, Code: id.Code(), Scope: scope,
		Used: int64(used), Need: int64(need), Limit: int64(limit.Max), Adjustable: limit.Adjustable,
	})
}

// pods appends a violation when a pods-per-node setting exceeds the limit.
func pods(vs Violations, scope string, n int, limit Count) Violations {
	if n <= limit.Max {
		return vs
	}
	return append(vs, Violation{
		ID: LimitPodsPerNode, Code: LimitPodsPerNode.Code(), Scope: scope,
		Need: int64(n), Limit: int64(limit.Max), Adjustable: limit.Adjustable,
	})
}

// changedClusters returns the cluster IDs of the changes that add anything,
// in order of first appearance.
func changedClusters(changes []ClusterChange) []string {
	var ids []string
	seen := map[string]bool{}
	for _, c := range changes {
		if seen[c.ClusterID] {
			continue
		}
		seen[c.ClusterID] = true
		ids = append(ids, c.ClusterID)
	}
	return ids
}

// fundsIn returns the account's balance, vouchers and credit that are in
// currency c, added up: money in another currency does not pay for
// resources billed in c.
func fundsIn(a Account, c ack.Currency) ack.Money {
	total := ack.Money{}
	for _, m := range []ack.Money{a.Balance, a.Vouchers, a.Credit} {
		if m.Currency() == c || m.Currency() == "" {
			total, _ = total.Add(m) // one currency, or the zero value
		}
	}
	return total
}

// less reports a < b for amounts fundsIn made comparable; amounts of
// different currencies are never less.
func less(a, b ack.Money) bool {
	c, err := a.Cmp(b)
	return err == nil && c < 0
}

// minorUnits returns m in minor units (fen, cents), rounded half-up and
// saturating at the limits of int64.
func minorUnits(m ack.Money) int64 {
	r := m.RoundToMinor().Amount()
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(m.Currency().MinorPlaces())), nil)
	r.Mul(r, new(big.Rat).SetInt(scale))
	n := r.Num() // an integer now: the denominator is 1
	switch {
	case n.IsInt64():
		return n.Int64()
	case n.Sign() > 0:
		return math.MaxInt64
	}
	return math.MinInt64
}
