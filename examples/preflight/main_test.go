package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/quota"
)

// TestRunOnTheFake tells the story on the embedded fake and checks that
// every step is reported, in order: the refusal with each violation and
// its fix, then the fixed plan passing and being created.
func TestRunOnTheFake(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), nil, &out); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	got := out.String()
	steps := []string{
		"the account runs cluster prod",
		"with 36 nodes; quotas: 10 clusters, 40 nodes per cluster, 256 pods per node",
		"85.50 CNY of funds",
		"the plan: ",
		"preflight read DescribeUserQuota, DescribeClustersV1, DescribeClusterNodes, DescribeClusterNodePools\n",
		"refused before anything was created (quota exceeded: true, code InsufficientBalance):",
		"85.50 CNY available is below the minimum of 100.00 CNY (submit a ticket) [account.pay_as_you_go_funds]",
		"fix: top up the account to at least 100.00 CNY",
		`new cluster "staging": pods per node: 300 requested exceeds the limit of 256 (cannot be raised) [quota.pods_per_node]`,
		"fix: ask for at most 256 pods per node",
		"36 used + 6 needed exceeds the limit of 40 (submit a ticket) [quota.nodes_per_cluster]",
		"fix: put the new pool in the new cluster, or submit a ticket",
		"the fixed plan: ",
		"topped up to 225.50 CNY",
		"preflight read DescribeUserQuota, DescribeClustersV1\n",
		"passed: every limit holds",
		"created cluster staging (",
		"with 2 node pools",
		"the account now uses 2 of 10 clusters:",
		": 36 of 40 nodes, 1 of 20 node pools",
		": 9 of 40 nodes, 2 of 20 node pools",
	}
	rest := got
	for _, step := range steps {
		i := strings.Index(rest, step)
		if i < 0 {
			t.Fatalf("output lacks %q after the steps before it:\n%s", step, got)
		}
		rest = rest[i+len(step):]
	}
}

// TestQuotaPlan checks what a plan of specs adds in the quota package's
// terms.
func TestQuotaPlan(t *testing.T) {
	pool := func(size, maxPods int) nodepool.Spec {
		return nodepool.Spec{Name: "p", DesiredSize: size, MaxPods: maxPods}
	}
	autoscaled := nodepool.Spec{Name: "a", DesiredSize: 7, AutoScaling: nodepool.AutoScaling{Enabled: true, Min: 2, Max: 9}}
	tests := []struct {
		name string
		plan plan
		want quota.Plan
	}{
		{"nothing", plan{}, quota.Plan{}},
		{
			"a managed cluster with two pools",
			plan{clusters: []cluster.Spec{{Name: "s", Form: cluster.ManagedPro, NodePools: []nodepool.Spec{pool(3, 128), pool(6, 0)}}}},
			quota.Plan{Create: []quota.NewCluster{{Name: "s", Kind: quota.Managed, Nodes: 9, NodePools: 2, PodsPerNode: 128}}},
		},
		{
			"a serverless cluster",
			plan{clusters: []cluster.Spec{{Name: "ci", Form: cluster.Serverless}}},
			quota.Plan{Create: []quota.NewCluster{{Name: "ci", Kind: quota.Serverless}}},
		},
		{
			"pools on existing clusters, one autoscaled",
			plan{pools: []newPool{{"c-1", pool(4, 64)}, {"c-2", autoscaled}}},
			quota.Plan{Change: []quota.ClusterChange{
				{ClusterID: "c-1", AddNodes: 4, AddNodePools: 1, PodsPerNode: 64},
				{ClusterID: "c-2", AddNodes: 2, AddNodePools: 1},
			}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, quotaPlan(tt.plan)); diff != "" {
				t.Errorf("quotaPlan (-want +got):\n%s", diff)
			}
		})
	}
}

// TestFixes checks that every violation gets a fix that matches whether
// its limit can be raised.
func TestFixes(t *testing.T) {
	tests := []struct {
		v    quota.Violation
		want string
	}{
		{quota.Violation{ID: quota.LimitNodes, Adjustable: true}, "submit a ticket"},
		{quota.Violation{ID: quota.LimitPodsPerNode, Limit: 256}, "at most 256 pods per node"},
		{quota.Violation{ID: quota.LimitPayAsYouGoFunds, Limit: 100_00, Currency: ack.CNY, Adjustable: true}, "at least 100.00 CNY"},
		{quota.Violation{ID: quota.LimitRealName}, "real-name verification"},
		{quota.Violation{ID: quota.LimitClusters, Adjustable: true}, "plan less, or submit a ticket"},
		{quota.Violation{ID: "quota.other"}, "cannot be raised"},
	}
	for _, tt := range tests {
		if got := fix(tt.v); !strings.Contains(got, tt.want) {
			t.Errorf("fix(%s) = %q; want it to say %q", tt.v.ID, got, tt.want)
		}
	}
}

// TestRunRefuses checks the arguments refused before anything is created.
func TestRunRefuses(t *testing.T) {
	for _, args := range [][]string{{"-frobnicate"}, {"now"}} {
		var out bytes.Buffer
		if err := run(context.Background(), args, &out); err == nil || strings.Contains(out.String(), "the account runs") {
			t.Errorf("run(%q) = %v after\n%s\nwant a refusal before anything is created", args, err, out.String())
		}
	}
	if err := run(context.Background(), []string{"-h"}, &bytes.Buffer{}); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("run(-h) = %v; want flag.ErrHelp", err)
	}
}
