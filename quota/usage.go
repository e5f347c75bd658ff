package quota

import "github.com/ackgo/ack"

import "github.com/ackgo/ack/internal/wire"

// ClusterKind is the form of a cluster as the quotas count it. It is the
// quota package's own vocabulary, so that the packages above it can map
// their richer cluster types onto it.
type ClusterKind int

// The cluster kinds. The zero value, OtherCluster, is a cluster no cluster
// quota counts (a registered cluster, for instance).
const (
	// OtherCluster is counted by no cluster quota.
	OtherCluster ClusterKind = iota
	// Dedicated is cluster type Kubernetes: the user runs the masters.
	Dedicated
	// Managed is cluster type ManagedKubernetes with any profile but
	// Serverless (Default, Edge, Lingjun).
	Managed
	// Serverless is ManagedKubernetes with profile Serverless, or the
	// legacy type Ask.
	Serverless
)

// String names the kind: "dedicated", "managed", "serverless" or "other".
func (k ClusterKind) String() string {
	switch k {
	case Dedicated:
		return "dedicated"
	case Managed:
		return "managed"
	case Serverless:
		return "serverless"
	}
	return "other"
}

// ClassifyCluster maps a cluster's cluster_type and profile, as the ACK
// OpenAPI reports them, onto the kind the quotas count. It reads them with
// the same function as cluster.FormOf (values as ACK writes them); anything
// unknown is OtherCluster.
func ClassifyCluster(clusterType, profile string) ClusterKind {
	switch wire.ClassifyForm(clusterType, profile, "").Family {
	case wire.FormDedicated:
		return Dedicated
	case wire.FormManaged:
		return Managed
	case wire.FormServerless:
		return Serverless
	}
	return OtherCluster
}

// Account is what the account prerequisites look at.
type Account struct {
	// RealNameVerified reports whether the account passed real-name
	// verification.
	RealNameVerified bool
	// Balance, Vouchers and Credit together are the funds available for
	// pay-as-you-go purchases. The zero value of each is nothing; an
	// amount may be negative (an account in arrears).
	Balance  ack.Money
	Vouchers ack.Money
	Credit   ack.Money
}

// Funds returns balance + vouchers + credit. The error wraps
// ack.ErrCurrencyMismatch when they are in different currencies.
func (a Account) Funds() (ack.Money, error) { return ack.SumMoney(a.Balance, a.Vouchers, a.Credit) }

// ClusterUsage is what one existing cluster uses now.
type ClusterUsage struct {
	// ID identifies the cluster, as a plan's ClusterChange refers to it.
	ID string
	// Kind is the cluster's form.
	Kind ClusterKind
	// Nodes counts every node of the cluster, masters included.
	Nodes int
	// NodePools counts the cluster's node pools.
	NodePools int
	// ContainerInstances counts the running container instances of a
	// serverless cluster.
	ContainerInstances int
}

// Usage is what an account and its clusters use now.
type Usage struct {
	// Account holds the account's verification and funds.
	Account Account
	// Clusters lists every cluster of the account, in all regions: the
	// cluster quotas are per account, not per region.
	Clusters []ClusterUsage
}

// CountKind returns how many of u's clusters are of kind k.
func (u Usage) CountKind(k ClusterKind) int {
	n := 0
	for _, c := range u.Clusters {
		if c.Kind == k {
			n++
		}
	}
	return n
}

// Cluster returns the usage of the cluster with the given ID, and whether u
// lists it.
func (u Usage) Cluster(id string) (ClusterUsage, bool) {
	for _, c := range u.Clusters {
		if c.ID == id {
			return c, true
		}
	}
	return ClusterUsage{}, false
}
