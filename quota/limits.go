package quota

import "github.com/ackgo/ack"

// MaxPodsPerNode is the hard limit on pods per worker node: it is set when a
// cluster or node pool is created and cannot be raised by any ticket
// (product description, quotas and limits).
const MaxPodsPerNode = 256

// Count is a limit on how many of something there may be.
type Count struct {
	// Max is the most allowed. Zero allows none.
	Max int
	// Adjustable reports whether a ticket (Quota Center) can raise Max; a
	// hard limit cannot be raised at all.
	Adjustable bool
}

// Floor is a minimum amount of money an account must hold.
type Floor struct {
	// Min is the least amount allowed. Only funds in its currency count
	// toward it.
	Min ack.Money
	// Adjustable reports whether a ticket can change Min.
	Adjustable bool
}

// Limits are the quotas and account prerequisites that ACK applies to an
// account. ProductDefaults and CurrentDefaults return the two presets;
// limitsFromWire overlays what DescribeUserQuota reports on either.
type Limits struct {
	// Clusters caps the dedicated and managed clusters of the account, in
	// all regions together (serverless clusters have their own quota).
	// API: cluster_quota, or the q_Kubernetes_Cluster quota item.
	Clusters Count
	// ManagedClusters caps the managed clusters (ManagedKubernetes, not
	// serverless), which also count towards Clusters. API:
	// amk_cluster_quota.
	ManagedClusters Count
	// ServerlessClusters caps the serverless clusters of the account
	// (profile Serverless, or the legacy Ask type). API: ask_cluster_quota.
	ServerlessClusters Count
	// NodesPerCluster caps the nodes of one cluster, masters included.
	// API: node_quota.
	NodesPerCluster Count
	// NodePoolsPerCluster caps the node pools of one cluster. API:
	// cluster_nodepool_quota.
	NodePoolsPerCluster Count
	// PodsPerNode caps the pods per node that a cluster or node pool may
	// be created with. Not reported by the API.
	PodsPerNode Count
	// ContainerInstancesPerCluster caps the running container instances of
	// one serverless cluster. Not reported by the API.
	ContainerInstancesPerCluster Count
	// RealNameRequired says the account must have passed real-name
	// verification before it creates or buys anything. There is no
	// exception.
	RealNameRequired bool
	// PayAsYouGoFunds is the least the account's balance, vouchers and
	// credit together must reach before it buys pay-as-you-go resources.
	PayAsYouGoFunds Floor
}

// LimitID is the stable ID of a limit, as found in a Violation; for example
// "quota.clusters".
type LimitID string

// The limits, in the order Check reports them.
const (
	// LimitRealName: the account must be real-name verified.
	LimitRealName LimitID = "account.real_name"
	// LimitPayAsYouGoFunds: balance + vouchers + credit before pay-as-you-go purchases.
	LimitPayAsYouGoFunds LimitID = "account.pay_as_you_go_funds"
	// LimitClusters: dedicated and managed clusters per account.
	LimitClusters LimitID = "quota.clusters"
	// LimitManagedClusters: managed clusters per account.
	LimitManagedClusters LimitID = "quota.managed_clusters"
	// LimitServerlessClusters: serverless clusters per account.
	LimitServerlessClusters LimitID = "quota.serverless_clusters"
	// LimitNodes: nodes per cluster, masters included.
	LimitNodes LimitID = "quota.nodes_per_cluster"
	// LimitNodePools: node pools per cluster.
	LimitNodePools LimitID = "quota.nodepools_per_cluster"
	// LimitContainerInstances: running container instances per serverless cluster.
	LimitContainerInstances LimitID = "quota.container_instances_per_cluster"
	// LimitPodsPerNode: the pods-per-node setting of a new cluster or node pool.
	LimitPodsPerNode LimitID = "quota.pods_per_node"
)

// The error codes of refusals, as ACK (and the fake) answer them. Every one
// is a quota code for ack.IsQuotaExceeded.
const (
	// CodeRealNameRequired refuses an account without real-name verification.
	CodeRealNameRequired = ack.CodeRealNameRequired
	// CodeInsufficientBalance refuses a pay-as-you-go purchase on too few funds.
	CodeInsufficientBalance = ack.CodeInsufficientBalance
	// CodeClusterQuota refuses a dedicated or managed cluster past LimitClusters.
	CodeClusterQuota = ack.CodeQuotaCluster
	// CodeManagedClusterQuota refuses a managed cluster past LimitManagedClusters.
	CodeManagedClusterQuota = ack.CodeQuotaManagedCluster
	// CodeServerlessClusterQuota refuses a serverless cluster past LimitServerlessClusters.
	CodeServerlessClusterQuota = ack.CodeQuotaServerlessCluster
	// CodeNodeQuota refuses nodes past LimitNodes.
	CodeNodeQuota = ack.CodeQuotaNode
	// CodeNodePoolQuota refuses a node pool past LimitNodePools.
	CodeNodePoolQuota = ack.CodeQuotaNodePool
	// CodeContainerInstanceQuota refuses container instances past LimitContainerInstances.
	CodeContainerInstanceQuota = ack.CodeQuotaContainerInstance
	// CodePodsPerNodeQuota refuses a pods-per-node setting past LimitPodsPerNode.
	CodePodsPerNodeQuota = ack.CodeQuotaPodsPerNode
)

type limitInfo struct {
	title string
	code  string
}

var limitInfos = map[LimitID]limitInfo{
	LimitRealName:           {"real-name verification", CodeRealNameRequired},
	LimitPayAsYouGoFunds:    {"balance, vouchers and credit for pay-as-you-go resources", CodeInsufficientBalance},
	LimitClusters:           {"dedicated and managed clusters per account", CodeClusterQuota},
	LimitManagedClusters:    {"managed clusters per account", CodeManagedClusterQuota},
	LimitServerlessClusters: {"serverless clusters per account", CodeServerlessClusterQuota},
	LimitNodes:              {"nodes per cluster (masters and workers)", CodeNodeQuota},
	LimitNodePools:          {"node pools per cluster", CodeNodePoolQuota},
	LimitContainerInstances: {"container instances per serverless cluster", CodeContainerInstanceQuota},
	LimitPodsPerNode:        {"pods per node", CodePodsPerNodeQuota},
}

// Title names the limit in words, for example "node pools per cluster".
// An unknown ID names itself.
func (id LimitID) Title() string {
	if info, ok := limitInfos[id]; ok {
		return info.title
	}
	return string(id)
}

// Code returns the error code of a refusal by the limit, for example
// "QuotaExceeded.Node"; "" for an unknown ID.
func (id LimitID) Code() string { return limitInfos[id].code }
