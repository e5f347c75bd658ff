package quota_test

import (
	"math/big"
	"testing"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/quota"
	"github.com/google/go-cmp/cmp"
)

// limitRow is one row of a defaults table: a limit, its value and whether a
// ticket raises it.
type limitRow struct {
	ID         quota.LimitID
	Value      int64
	Adjustable bool
}

// rows flattens the limits that have a value into table rows, in a fixed
// order, so that a preset can be compared with the tables of the facts.
func rows(l quota.Limits) []limitRow {
	c := func(id quota.LimitID, c quota.Count) limitRow {
		return limitRow{id, int64(c.Max), c.Adjustable}
	}
	realName := int64(0)
	if l.RealNameRequired {
		realName = 1
	}
	return []limitRow{
		{quota.LimitRealName, realName, false},
		{quota.LimitPayAsYouGoFunds, l.PayAsYouGoFunds.Min.Amount().Num().Int64() * 100 / l.PayAsYouGoFunds.Min.Amount().Denom().Int64(), l.PayAsYouGoFunds.Adjustable},
		c(quota.LimitClusters, l.Clusters),
		c(quota.LimitManagedClusters, l.ManagedClusters),
		c(quota.LimitServerlessClusters, l.ServerlessClusters),
		c(quota.LimitNodes, l.NodesPerCluster),
		c(quota.LimitNodePools, l.NodePoolsPerCluster),
		c(quota.LimitContainerInstances, l.ContainerInstancesPerCluster),
		c(quota.LimitPodsPerNode, l.PodsPerNode),
	}
}

func TestPresets(t *testing.T) {
	tests := []struct {
		name string
		got  quota.Limits
		want []limitRow
	}{
		{
			// The product description's table of quotas and limits.
			name: "product description",
			got:  quota.ProductDefaults(),
			want: []limitRow{
				{quota.LimitRealName, 1, false},            // required, no exception
				{quota.LimitPayAsYouGoFunds, 100_00, true}, // >= 100 CNY, ticket
				{quota.LimitClusters, 10, true},            // dedicated + managed, ticket
				{quota.LimitManagedClusters, 10, true},     // within the above
				{quota.LimitServerlessClusters, 2, true},   // ticket
				{quota.LimitNodes, 40, true},               // masters + workers, ticket
				{quota.LimitNodePools, 20, true},           // DescribeUserQuota default
				{quota.LimitContainerInstances, 300, true}, // per serverless cluster, ticket
				{quota.LimitPodsPerNode, 256, false},       // set at creation, no exception
			},
		},
		{
			// DescribeUserQuota's defaults today; the account prerequisites
			// are unchanged.
			name: "today",
			got:  quota.CurrentDefaults(),
			want: []limitRow{
				{quota.LimitRealName, 1, false},
				{quota.LimitPayAsYouGoFunds, 100_00, true},
				{quota.LimitClusters, 50, true},
				{quota.LimitManagedClusters, 20, true},
				{quota.LimitServerlessClusters, 20, true},
				{quota.LimitNodes, 100, true},
				{quota.LimitNodePools, 20, true},
				{quota.LimitContainerInstances, 300, true},
				{quota.LimitPodsPerNode, 256, false},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, rows(tt.got)); diff != "" {
				t.Errorf("defaults mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPresetsAreFreshValues(t *testing.T) {
	a := quota.ProductDefaults()
	a.Clusters.Max = 1
	if got := quota.ProductDefaults().Clusters.Max; got != 10 {
		t.Errorf("ProductDefaults().Clusters.Max = %d after changing a copy, want 10", got)
	}
}

func TestPodsPerNodeMatchesConstant(t *testing.T) {
	for name, l := range map[string]quota.Limits{"product": quota.ProductDefaults(), "today": quota.CurrentDefaults()} {
		if l.PodsPerNode.Max != quota.MaxPodsPerNode {
			t.Errorf("%s: PodsPerNode.Max = %d, want MaxPodsPerNode %d", name, l.PodsPerNode.Max, quota.MaxPodsPerNode)
		}
	}
}

func TestLimitIDs(t *testing.T) {
	tests := []struct {
		id    quota.LimitID
		code  string
		title string
	}{
		{quota.LimitRealName, "Account.RealNameRequired", "real-name verification"},
		{quota.LimitPayAsYouGoFunds, "InsufficientBalance", "balance, vouchers and credit for pay-as-you-go resources"},
		{quota.LimitClusters, "QuotaExceeded.Cluster", "dedicated and managed clusters per account"},
		{quota.LimitManagedClusters, "QuotaExceeded.ManagedCluster", "managed clusters per account"},
		{quota.LimitServerlessClusters, "QuotaExceeded.ServerlessCluster", "serverless clusters per account"},
		{quota.LimitNodes, "QuotaExceeded.Node", "nodes per cluster (masters and workers)"},
		{quota.LimitNodePools, "QuotaExceeded.NodePool", "node pools per cluster"},
		{quota.LimitContainerInstances, "QuotaExceeded.ContainerInstance", "container instances per serverless cluster"},
		{quota.LimitPodsPerNode, "QuotaExceeded.PodsPerNode", "pods per node"},
		{quota.LimitID("quota.unknown"), "", "quota.unknown"},
	}
	for _, tt := range tests {
		t.Run(string(tt.id), func(t *testing.T) {
			got := []string{tt.id.Code(), tt.id.Title()}
			if diff := cmp.Diff([]string{tt.code, tt.title}, got); diff != "" {
				t.Errorf("code and title mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// minor returns a whole amount of minor units, like 100.00 CNY as 10000.
func minor(m ack.Money) int64 {
	r := m.Amount()
	r.Mul(r, big.NewRat(100, 1))
	return r.Num().Int64()
}
