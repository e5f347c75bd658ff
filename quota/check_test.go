package quota_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/quota"
	"github.com/google/go-cmp/cmp"
)

// fleet returns n clusters of kind k with IDs prefix-0, prefix-1, ...
func fleet(prefix string, k quota.ClusterKind, n int) []quota.ClusterUsage {
	cs := make([]quota.ClusterUsage, n)
	for i := range cs {
		cs[i] = quota.ClusterUsage{ID: fmt.Sprintf("%s-%d", prefix, i), Kind: k}
	}
	return cs
}

// verified is an account that meets both prerequisites.
var verified = quota.Account{RealNameVerified: true, Balance: yuan(1000)}

// usage is an account that meets the prerequisites and has the clusters.
func usage(clusters ...[]quota.ClusterUsage) quota.Usage {
	u := quota.Usage{Account: verified}
	for _, cs := range clusters {
		u.Clusters = append(u.Clusters, cs...)
	}
	return u
}

// acct is a violation of an account-wide count.
func acct(id quota.LimitID, used, need, limit int64, adjustable bool) quota.Violation {
	return quota.Violation{ID: id, Code: id.Code(), Scope: "account", Used: used, Need: need, Limit: limit, Adjustable: adjustable}
}

// in is a violation of a per-cluster limit.
func in(scope string, id quota.LimitID, used, need, limit int64, adjustable bool) quota.Violation {
	return quota.Violation{ID: id, Code: id.Code(), Scope: scope, Used: used, Need: need, Limit: limit, Adjustable: adjustable}
}

func create(kinds ...quota.ClusterKind) quota.Plan {
	var p quota.Plan
	for _, k := range kinds {
		p.Create = append(p.Create, quota.NewCluster{Kind: k})
	}
	return p
}

func change(cs ...quota.ClusterChange) quota.Plan { return quota.Plan{Change: cs} }

func TestCheckAccountClusterCounts(t *testing.T) {
	def := quota.ProductDefaults()
	today := quota.CurrentDefaults()
	tests := []struct {
		name   string
		limits quota.Limits
		usage  quota.Usage
		plan   quota.Plan
		want   quota.Violations
	}{
		{"clusters below", def, usage(fleet("d", quota.Dedicated, 5)), create(quota.Dedicated), nil},
		{"clusters at", def, usage(fleet("d", quota.Dedicated, 9)), create(quota.Dedicated), nil},
		{"clusters above", def, usage(fleet("d", quota.Dedicated, 10)), create(quota.Dedicated),
			quota.Violations{acct(quota.LimitClusters, 10, 1, 10, true)}},
		{"clusters above by several", def, usage(fleet("d", quota.Dedicated, 8)), create(quota.Dedicated, quota.Dedicated, quota.Dedicated),
			quota.Violations{acct(quota.LimitClusters, 8, 3, 10, true)}},
		{"managed count towards clusters", def, usage(fleet("d", quota.Dedicated, 5), fleet("m", quota.Managed, 5)), create(quota.Managed),
			quota.Violations{acct(quota.LimitClusters, 10, 1, 10, true)}},
		{"managed at", def, usage(fleet("m", quota.Managed, 9)), create(quota.Managed), nil},
		{"managed above breaks both", def, usage(fleet("m", quota.Managed, 10)), create(quota.Managed),
			quota.Violations{acct(quota.LimitClusters, 10, 1, 10, true), acct(quota.LimitManagedClusters, 10, 1, 10, true)}},
		{"managed cap below cluster cap", today, usage(fleet("d", quota.Dedicated, 10), fleet("m", quota.Managed, 20)), create(quota.Managed),
			quota.Violations{acct(quota.LimitManagedClusters, 20, 1, 20, true)}},
		{"dedicated ignores managed cap", today, usage(fleet("m", quota.Managed, 20)), create(quota.Dedicated), nil},
		{"serverless below", def, usage(), create(quota.Serverless), nil},
		{"serverless at", def, usage(fleet("s", quota.Serverless, 1)), create(quota.Serverless), nil},
		{"serverless above", def, usage(fleet("s", quota.Serverless, 2)), create(quota.Serverless),
			quota.Violations{acct(quota.LimitServerlessClusters, 2, 1, 2, true)}},
		{"serverless apart from clusters", def, usage(fleet("d", quota.Dedicated, 10), fleet("s", quota.Serverless, 1)), create(quota.Serverless), nil},
		{"other clusters count nowhere", def, usage(fleet("d", quota.Dedicated, 9), fleet("x", quota.OtherCluster, 40)), create(quota.Dedicated, quota.OtherCluster), nil},
		{"usage over a lowered limit needs more", def, usage(fleet("d", quota.Dedicated, 12)), change(quota.ClusterChange{ClusterID: "d-0", AddNodes: 1}), nil},
		{"hard cluster limit", func() quota.Limits { l := def; l.Clusters.Adjustable = false; return l }(),
			usage(fleet("d", quota.Dedicated, 10)), create(quota.Dedicated),
			quota.Violations{acct(quota.LimitClusters, 10, 1, 10, false)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := quota.Check(tt.limits, tt.usage, tt.plan)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Check mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCheckPerCluster(t *testing.T) {
	def := quota.ProductDefaults()
	u := usage([]quota.ClusterUsage{
		{ID: "c-ded", Kind: quota.Dedicated, Nodes: 39, NodePools: 19},
		{ID: "c-man", Kind: quota.Managed, Nodes: 10, NodePools: 2},
		{ID: "c-srv", Kind: quota.Serverless, ContainerInstances: 299},
	})
	newCluster := func(c quota.NewCluster) quota.Plan { return quota.Plan{Create: []quota.NewCluster{c}} }
	tests := []struct {
		name string
		plan quota.Plan
		want quota.Violations
	}{
		{"new cluster nodes at", newCluster(quota.NewCluster{Kind: quota.Dedicated, Nodes: 40}), nil},
		{"new cluster nodes above", newCluster(quota.NewCluster{Name: "big", Kind: quota.Dedicated, Nodes: 41}),
			quota.Violations{in(`new cluster "big"`, quota.LimitNodes, 0, 41, 40, true)}},
		{"unnamed new cluster", quota.Plan{Create: []quota.NewCluster{{Kind: quota.Managed}, {Kind: quota.Managed, NodePools: 21}}},
			quota.Violations{in("new cluster create[1]", quota.LimitNodePools, 0, 21, 20, true)}},
		{"nodes below", change(quota.ClusterChange{ClusterID: "c-man", AddNodes: 5}), nil},
		{"nodes at", change(quota.ClusterChange{ClusterID: "c-ded", AddNodes: 1}), nil},
		{"nodes above", change(quota.ClusterChange{ClusterID: "c-ded", AddNodes: 2}),
			quota.Violations{in("cluster c-ded", quota.LimitNodes, 39, 2, 40, true)}},
		{"changes to one cluster add up", change(
			quota.ClusterChange{ClusterID: "c-man", AddNodes: 20},
			quota.ClusterChange{ClusterID: "c-ded", AddNodes: 1},
			quota.ClusterChange{ClusterID: "c-man", AddNodes: 11}),
			quota.Violations{in("cluster c-man", quota.LimitNodes, 10, 31, 40, true)}},
		{"node pools at", change(quota.ClusterChange{ClusterID: "c-ded", AddNodePools: 1}), nil},
		{"node pools above", change(quota.ClusterChange{ClusterID: "c-ded", AddNodePools: 2}),
			quota.Violations{in("cluster c-ded", quota.LimitNodePools, 19, 2, 20, true)}},
		{"unknown cluster starts from zero", change(quota.ClusterChange{ClusterID: "c-new", AddNodes: 40, AddNodePools: 21}),
			quota.Violations{in("cluster c-new", quota.LimitNodePools, 0, 21, 20, true)}},
		{"container instances at", change(quota.ClusterChange{ClusterID: "c-srv", AddContainerInstances: 1}), nil},
		{"container instances above", change(quota.ClusterChange{ClusterID: "c-srv", AddContainerInstances: 2}),
			quota.Violations{in("cluster c-srv", quota.LimitContainerInstances, 299, 2, 300, true)}},
		{"container instances on a managed cluster are not capped", change(quota.ClusterChange{ClusterID: "c-man", AddContainerInstances: 1000}), nil},
		{"container instances on an unknown cluster are capped", change(quota.ClusterChange{ClusterID: "c-x", AddContainerInstances: 301}),
			quota.Violations{in("cluster c-x", quota.LimitContainerInstances, 0, 301, 300, true)}},
		{"new serverless cluster instances above", newCluster(quota.NewCluster{Name: "ci", Kind: quota.Serverless, ContainerInstances: 301}),
			quota.Violations{in(`new cluster "ci"`, quota.LimitContainerInstances, 0, 301, 300, true)}},
		{"pods per node at", newCluster(quota.NewCluster{Kind: quota.Managed, PodsPerNode: 256}), nil},
		{"pods per node above is hard", newCluster(quota.NewCluster{Name: "dense", Kind: quota.Managed, PodsPerNode: 257}),
			quota.Violations{in(`new cluster "dense"`, quota.LimitPodsPerNode, 0, 257, 256, false)}},
		{"pods per node of new pools", change(
			quota.ClusterChange{ClusterID: "c-man", AddNodePools: 1, PodsPerNode: 64},
			quota.ClusterChange{ClusterID: "c-man", AddNodePools: 1, PodsPerNode: 300}),
			quota.Violations{in("cluster c-man", quota.LimitPodsPerNode, 0, 300, 256, false)}},
		{"negative counts count as zero", change(quota.ClusterChange{ClusterID: "c-ded", AddNodes: -5, AddNodePools: 1}), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := quota.Check(def, u, tt.plan)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Check mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCheckDoesNotOverflow asks for counts near the largest int, alone
// and added up over several changes: each is above the limit, however the
// sums would wrap.
func TestCheckDoesNotOverflow(t *testing.T) {
	const huge = math.MaxInt
	u := usage([]quota.ClusterUsage{{ID: "c-man", Kind: quota.Managed, Nodes: 10, NodePools: 2}})
	tests := []struct {
		name string
		plan quota.Plan
	}{
		{"one huge change", change(quota.ClusterChange{ClusterID: "c-man", AddNodes: huge})},
		{"changes that wrap when added", change(
			quota.ClusterChange{ClusterID: "c-man", AddNodes: huge},
			quota.ClusterChange{ClusterID: "c-man", AddNodes: huge})},
		{"a huge new cluster", quota.Plan{Create: []quota.NewCluster{{Kind: quota.Managed, Nodes: huge}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vs := quota.Check(quota.ProductDefaults(), u, tt.plan)
			if len(vs) == 0 || vs[0].ID != quota.LimitNodes || vs[0].Need <= 0 {
				t.Fatalf("Check = %v, want the node limit broken", vs)
			}
		})
	}
}

// yuan is n whole yuan.
func yuan(n int64) ack.Money { return fen(n * 100) }

// fen is n fen (hundredths of a yuan).
func fen(n int64) ack.Money {
	m, err := ack.MoneyFromMinor(n, ack.CNY)
	if err != nil {
		panic(err)
	}
	return m
}
