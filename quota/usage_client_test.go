package quota_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/quota"
	"github.com/google/go-cmp/cmp"
)

// The call log entries of the reads, as the testServer writes them.
const callQuota = "DescribeUserQuota /quota"

func callList(page int) string {
	return fmt.Sprintf("DescribeClustersV1 /api/v1/clusters?page_number=%d&page_size=50", page)
}

func callKind(id string) string {
	return "DescribeClustersV1 /api/v1/clusters?cluster_id=" + id + "&page_number=1&page_size=1"
}

func callNodes(id string) string { return callNodesPage(id, 1, 1) }

func callNodesPage(id string, page, size int) string {
	return fmt.Sprintf("DescribeClusterNodes /clusters/%s/nodes?pageNumber=%d&pageSize=%d", id, page, size)
}

func callPools(id string) string { return "DescribeClusterNodePools /clusters/" + id + "/nodepools" }

// teamUsage is the usage of teamAccount with nodes and node pools counted
// for the clusters named.
func teamUsage(account quota.Account, counted ...string) quota.Usage {
	kinds := []struct {
		id   string
		kind quota.ClusterKind
	}{
		{"c-ded-1", quota.Dedicated}, {"c-ded-2", quota.Dedicated}, {"c-ded-3", quota.Dedicated},
		{"c-ded-4", quota.Dedicated}, {"c-ded-5", quota.Dedicated}, {"c-ded-6", quota.Dedicated},
		{"c-prod", quota.Managed}, {"c-staging", quota.Managed}, {"c-edge", quota.Managed}, {"c-lingjun", quota.Managed},
		{"c-ci", quota.Serverless}, {"c-batch", quota.Serverless}, {"c-onprem", quota.OtherCluster},
	}
	counts := map[string][2]int{
		"c-ded-1": {6, 1}, "c-ded-2": {6, 1}, "c-ded-3": {6, 1}, "c-ded-4": {6, 1}, "c-ded-5": {6, 1}, "c-ded-6": {6, 1},
		"c-prod": {38, 4}, "c-staging": {12, 1}, "c-edge": {4, 1}, "c-lingjun": {2, 1},
		"c-ci": {0, 0}, "c-batch": {0, 0}, "c-onprem": {5, 1},
	}
	u := quota.Usage{Account: account}
	for _, k := range kinds {
		cu := quota.ClusterUsage{ID: k.id, Kind: k.kind}
		for _, id := range counted {
			if id == k.id {
				cu.Nodes, cu.NodePools = counts[k.id][0], counts[k.id][1]
			}
		}
		u.Clusters = append(u.Clusters, cu)
	}
	return u
}

func TestUsage(t *testing.T) {
	verified := quota.DefaultAccount(quota.ProductDefaults())
	all := []string{"c-ded-1", "c-ded-2", "c-ded-3", "c-ded-4", "c-ded-5", "c-ded-6",
		"c-prod", "c-staging", "c-edge", "c-lingjun", "c-ci", "c-batch", "c-onprem"}
	var allCalls []string
	for _, id := range all {
		allCalls = append(allCalls, callNodes(id), callPools(id))
	}
	tests := []struct {
		name      string
		opts      []func(*quota.UsageOptions)
		want      quota.Usage
		wantCalls []string
	}{
		{"list only", nil, teamUsage(verified), []string{callList(1)}},
		{"one cluster", []func(*quota.UsageOptions){func(o *quota.UsageOptions) { o.ClusterIDs = []string{"c-prod"} }},
			teamUsage(verified, "c-prod"), []string{callList(1), callNodes("c-prod"), callPools("c-prod")}},
		{"all clusters", []func(*quota.UsageOptions){nil, func(o *quota.UsageOptions) { o.AllClusters = true }},
			teamUsage(verified, all...), append([]string{callList(1)}, allCalls...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newTestServer(t, teamAccount(t))
			got, err := quota.NewClient(srv.config()).Usage(context.Background(), tt.opts...)
			if err != nil {
				t.Fatalf("Usage: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Usage mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantCalls, srv.calls()); diff != "" {
				t.Errorf("calls mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestUsageGoldenAnswers reads the golden answers as ACK sends them,
// verbatim: the list's page_info, the nodes' "page" block with a total
// past the one node sent, and the node pool list.
func TestUsageGoldenAnswers(t *testing.T) {
	srv := newTestServer(t, teamAccount(t))
	srv.raw["DescribeClustersV1"] = "describe_clusters_v1.json"
	srv.raw["DescribeClusterNodes"] = "describe_cluster_nodes.json"
	srv.raw["DescribeClusterNodePools"] = "describe_cluster_nodepools.json"
	account := quota.Account{RealNameVerified: true, Balance: yuan(2500), Credit: yuan(1000)}
	got, err := quota.NewClient(srv.config(), quota.WithAccount(account)).Usage(context.Background(),
		func(o *quota.UsageOptions) { o.ClusterIDs = []string{"c-prod"} })
	if err != nil {
		t.Fatalf("Usage: %v", err)
	}
	if diff := cmp.Diff(teamUsage(account, "c-prod"), got); diff != "" {
		t.Errorf("Usage mismatch (-want +got):\n%s", diff)
	}
}

func TestUsagePaging(t *testing.T) {
	tests := []struct {
		name      string
		acct      testAccount
		opts      func(*quota.UsageOptions)
		wantKinds int
		wantNodes int
		wantCalls []string
	}{
		{"no clusters", manyClusters(0), nil, 0, 0, []string{callList(1)}},
		{"one short page", manyClusters(49), nil, 49, 0, []string{callList(1)}},
		{"exactly one page ends on the total", manyClusters(50), nil, 50, 0, []string{callList(1)}},
		{"three pages", manyClusters(120), nil, 120, 0, []string{callList(1), callList(2), callList(3)}},
		{"two full pages", manyClusters(100), nil, 100, 0, []string{callList(1), callList(2)}},
		{"node total", func() testAccount { a := manyClusters(1); a.nodes["c-0000"] = 250; return a }(),
			func(o *quota.UsageOptions) { o.ClusterIDs = []string{"c-0000"} }, 1, 250,
			[]string{callList(1), callNodes("c-0000"), callPools("c-0000")}},
		{"no node total: count every page", func() testAccount {
			a := manyClusters(1)
			a.nodes["c-0000"], a.noTotal = 250, true
			return a
		}(), func(o *quota.UsageOptions) { o.ClusterIDs = []string{"c-0000"} }, 1, 250,
			[]string{callList(1), callNodes("c-0000"),
				callNodesPage("c-0000", 1, 100), callNodesPage("c-0000", 2, 100), callNodesPage("c-0000", 3, 100),
				callPools("c-0000")}},
		{"no node total, no nodes", func() testAccount { a := manyClusters(1); a.noTotal = true; return a }(),
			func(o *quota.UsageOptions) { o.ClusterIDs = []string{"c-0000"} }, 1, 0,
			[]string{callList(1), callNodes("c-0000"), callPools("c-0000")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newTestServer(t, tt.acct)
			got, err := quota.NewClient(srv.config()).Usage(context.Background(), tt.opts)
			if err != nil {
				t.Fatalf("Usage: %v", err)
			}
			if n := got.CountKind(quota.Managed); n != tt.wantKinds {
				t.Errorf("managed clusters = %d, want %d", n, tt.wantKinds)
			}
			if cu, _ := got.Cluster("c-0000"); cu.Nodes != tt.wantNodes {
				t.Errorf("nodes of c-0000 = %d, want %d", cu.Nodes, tt.wantNodes)
			}
			if diff := cmp.Diff(tt.wantCalls, srv.calls()); diff != "" {
				t.Errorf("calls mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestUsageCountsAClusterOnce lists a cluster on two pages, as happens
// when a cluster is created between two page reads.
func TestUsageCountsAClusterOnce(t *testing.T) {
	acct := manyClusters(60)
	acct.clusters[55] = acct.clusters[3] // c-0003 is on page 1 and page 2
	srv := newTestServer(t, acct)
	got, err := quota.NewClient(srv.config()).Usage(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if n := got.CountKind(quota.Managed); n != 59 {
		t.Errorf("managed clusters = %d, want 59", n)
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name      string
		acct      testAccount
		fail      map[string]errAnswer
		opts      func(*quota.UsageOptions)
		is        error
		wantMsg   string
		wantCalls []string
	}{
		{"empty cluster ID", manyClusters(1), nil,
			func(o *quota.UsageOptions) { o.ClusterIDs = []string{"c-0000", ""} }, ack.ErrInvalid,
			"quota usage options: invalid: cluster_ids[1]: must name an existing cluster [quota.usage.cluster_id]", nil},
		{"second page fails", manyClusters(70), map[string]errAnswer{callList(2): {status: http.StatusBadRequest, code: "InvalidParameter"}},
			nil, ack.ErrInvalid, "list clusters: page 2: DescribeClustersV1: HTTP 400 InvalidParameter",
			[]string{callList(1), callList(2)}},
		{"cluster not found", manyClusters(1), nil,
			func(o *quota.UsageOptions) { o.ClusterIDs = []string{"c-gone"} }, ack.ErrNotFound,
			"cluster c-gone: count nodes: DescribeClusterNodes: HTTP 404 ErrorClusterNotFound",
			[]string{callList(1), callNodes("c-gone")}},
		{"node pools refused", manyClusters(1), map[string]errAnswer{callPools("c-0000"): {status: http.StatusForbidden, code: "ErrorCheckAcl"}},
			func(o *quota.UsageOptions) { o.ClusterIDs = []string{"c-0000"} }, ack.ErrAuth,
			"cluster c-0000: count node pools: DescribeClusterNodePools: HTTP 403 ErrorCheckAcl",
			[]string{callList(1), callNodes("c-0000"), callPools("c-0000")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newTestServer(t, tt.acct)
			for k, v := range tt.fail {
				srv.fail[k] = v
			}
			_, err := quota.NewClient(srv.config()).Usage(context.Background(), tt.opts)
			if !errors.Is(err, tt.is) {
				t.Errorf("error %v does not match %v", err, tt.is)
			}
			if err == nil || !strings.HasPrefix(err.Error(), tt.wantMsg) {
				t.Errorf("error = %v, want it to start with %q", err, tt.wantMsg)
			}
			if diff := cmp.Diff(tt.wantCalls, srv.calls()); diff != "" {
				t.Errorf("calls mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
