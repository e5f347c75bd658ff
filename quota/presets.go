package quota

import "github.com/ackgo/ack"

// ProductDefaults returns the limits of the ACK product description, the
// SDK's documented default:
//
//	dedicated + managed clusters per account     10   ticket
//	managed clusters per account (within above)  10   ticket
//	serverless clusters per account               2   ticket
//	nodes per cluster (masters + workers)        40   ticket
//	node pools per cluster                       20   ticket
//	pods per node                               256   hard
//	container instances per serverless cluster  300   ticket
//	real-name verification                 required   hard
//	funds for pay-as-you-go              100.00 CNY   ticket
//
// The description gives no separate managed-cluster cap, so it equals the
// cluster cap; nor a node-pool cap, so DescribeUserQuota's default applies.
func ProductDefaults() Limits {
	return Limits{
		Clusters:                     Count{Max: 10, Adjustable: true},
		ManagedClusters:              Count{Max: 10, Adjustable: true},
		ServerlessClusters:           Count{Max: 2, Adjustable: true},
		NodesPerCluster:              Count{Max: 40, Adjustable: true},
		NodePoolsPerCluster:          Count{Max: 20, Adjustable: true},
		PodsPerNode:                  Count{Max: MaxPodsPerNode},
		ContainerInstancesPerCluster: Count{Max: 300, Adjustable: true},
		RealNameRequired:             true,
		PayAsYouGoFunds:              Floor{Min: ack.MustMoney("100", ack.CNY), Adjustable: true},
	}
}

// CurrentDefaults returns the limits ACK applies to a new account today
// (the preset beside ProductDefaults, as cluster.PresetCurrent is beside
// cluster.PresetProduct), as
// DescribeUserQuota reports them by default (seen 2023-11 to 2025-11):
//
//	dedicated + managed clusters per account     50   ticket
//	managed clusters per account                 20   ticket
//	serverless clusters per account              20   ticket
//	nodes per cluster (masters + workers)       100   ticket
//	node pools per cluster                       20   ticket
//	pods per node                               256   hard
//	container instances per serverless cluster  300   ticket
//	real-name verification                 required   hard
//	funds for pay-as-you-go              100.00 CNY   ticket
//
// No current figure for container instances per serverless cluster is
// published (ECI is capped by regional vCPU quotas instead), so the product
// description's figure is kept.
func CurrentDefaults() Limits {
	l := ProductDefaults()
	l.Clusters.Max = 50
	l.ManagedClusters.Max = 20
	l.ServerlessClusters.Max = 20
	l.NodesPerCluster.Max = 100
	return l
}

// Today is the earlier name of CurrentDefaults: a preset, not a clock.
//
// Deprecated: use CurrentDefaults; Today will be removed in the next
// release.
func Today() Limits { return CurrentDefaults() }
