package quota_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/quota"
	"github.com/google/go-cmp/cmp"
)

// violation builds the expected violation of a count limit that a ticket
// raises.
func violation(id quota.LimitID, scope string, used, need, limit int64) quota.Violation {
	return quota.Violation{ID: id, Code: id.Code(), Scope: scope, Used: used, Need: need, Limit: limit, Adjustable: true}
}

// TestPreflight runs plans against the golden team account (the product
// defaults: 10 dedicated + managed clusters, 2 serverless, 40 nodes and
// 20 node pools per cluster; the account is at both cluster quotas, and
// c-prod has 38 nodes and 4 node pools). Each case lists the violations
// and the exact reads Preflight made.
func TestPreflight(t *testing.T) {
	tests := []struct {
		name      string
		quota     *wire.UserQuota
		opts      []func(*quota.ClientOptions)
		plan      quota.Plan
		want      quota.Violations
		wantCalls []string
	}{
		{
			name:      "11th managed cluster",
			plan:      quota.Plan{Create: []quota.NewCluster{{Name: "pro-2", Kind: quota.Managed, Nodes: 3, NodePools: 1}}},
			want:      quota.Violations{violation(quota.LimitClusters, "account", 10, 1, 10)},
			wantCalls: []string{callQuota, callList(1)},
		},
		{
			name:      "11th dedicated cluster",
			plan:      quota.Plan{Create: []quota.NewCluster{{Kind: quota.Dedicated, Nodes: 6}}},
			want:      quota.Violations{violation(quota.LimitClusters, "account", 10, 1, 10)},
			wantCalls: []string{callQuota, callList(1)},
		},
		{
			name:      "3rd serverless cluster",
			plan:      quota.Plan{Create: []quota.NewCluster{{Name: "ci-2", Kind: quota.Serverless}}},
			want:      quota.Violations{violation(quota.LimitServerlessClusters, "account", 2, 1, 2)},
			wantCalls: []string{callQuota, callList(1)},
		},
		{
			name:      "nodes past 40",
			plan:      quota.Plan{Change: []quota.ClusterChange{{ClusterID: "c-prod", AddNodes: 3}}},
			want:      quota.Violations{violation(quota.LimitNodes, "cluster c-prod", 38, 3, 40)},
			wantCalls: []string{callQuota, callNodes("c-prod")},
		},
		{
			name:      "nodes up to 40 fit",
			plan:      quota.Plan{Change: []quota.ClusterChange{{ClusterID: "c-prod", AddNodes: 2}}},
			wantCalls: []string{callQuota, callNodes("c-prod")},
		},
		{
			name:      "changes to one cluster add up",
			plan:      quota.Plan{Change: []quota.ClusterChange{{ClusterID: "c-prod", AddNodes: 1}, {ClusterID: "c-prod", AddNodes: 2}}},
			want:      quota.Violations{violation(quota.LimitNodes, "cluster c-prod", 38, 3, 40)},
			wantCalls: []string{callQuota, callNodes("c-prod")},
		},
		{
			name:      "node pools past 20",
			plan:      quota.Plan{Change: []quota.ClusterChange{{ClusterID: "c-prod", AddNodePools: 17}}},
			want:      quota.Violations{violation(quota.LimitNodePools, "cluster c-prod", 4, 17, 20)},
			wantCalls: []string{callQuota, callPools("c-prod")},
		},
		{
			name:      "pods per node cannot be raised",
			plan:      quota.Plan{Change: []quota.ClusterChange{{ClusterID: "c-prod", AddNodePools: 1, PodsPerNode: 300}}},
			want:      quota.Violations{{ID: quota.LimitPodsPerNode, Code: quota.CodePodsPerNodeQuota, Scope: "cluster c-prod", Need: 300, Limit: 256}},
			wantCalls: []string{callQuota, callPools("c-prod")},
		},
		{
			name: "two clusters, in order of their first change",
			plan: quota.Plan{Change: []quota.ClusterChange{
				{ClusterID: "c-staging", AddNodes: 30},
				{ClusterID: "c-prod", AddNodes: 1, AddNodePools: 1},
				{ClusterID: "c-staging", AddNodePools: 1},
			}},
			want:      quota.Violations{violation(quota.LimitNodes, "cluster c-staging", 12, 30, 40)},
			wantCalls: []string{callQuota, callNodes("c-staging"), callPools("c-staging"), callNodes("c-prod"), callPools("c-prod")},
		},
		{
			name:      "container instances on a serverless cluster",
			plan:      quota.Plan{Change: []quota.ClusterChange{{ClusterID: "c-ci", AddContainerInstances: 301}}},
			want:      quota.Violations{violation(quota.LimitContainerInstances, "cluster c-ci", 0, 301, 300)},
			wantCalls: []string{callQuota, callKind("c-ci")},
		},
		{
			name:      "container instances on a managed cluster are not capped per cluster",
			plan:      quota.Plan{Change: []quota.ClusterChange{{ClusterID: "c-prod", AddContainerInstances: 500}}},
			wantCalls: []string{callQuota, callKind("c-prod")},
		},
		{
			name: "create and change: the list tells the kinds",
			plan: quota.Plan{
				Create: []quota.NewCluster{{Name: "ci-2", Kind: quota.Serverless}},
				Change: []quota.ClusterChange{{ClusterID: "c-batch", AddContainerInstances: 400}, {ClusterID: "c-prod", AddNodes: 5}},
			},
			want: quota.Violations{
				violation(quota.LimitServerlessClusters, "account", 2, 1, 2),
				violation(quota.LimitContainerInstances, "cluster c-batch", 0, 400, 300),
				violation(quota.LimitNodes, "cluster c-prod", 38, 5, 40),
			},
			wantCalls: []string{callQuota, callList(1), callNodes("c-prod")},
		},
		{
			name: "account prerequisites come from the client's account",
			opts: []func(*quota.ClientOptions){quota.WithAccount(quota.Account{Balance: yuan(20)})},
			plan: quota.Plan{PayAsYouGo: true, Change: []quota.ClusterChange{{ClusterID: "c-staging", AddNodes: 1}}},
			want: quota.Violations{
				{ID: quota.LimitRealName, Code: quota.CodeRealNameRequired, Scope: "account"},
				{ID: quota.LimitPayAsYouGoFunds, Code: quota.CodeInsufficientBalance, Scope: "account", Used: 2000, Limit: 10000, Currency: ack.CNY, Adjustable: true},
			},
			wantCalls: []string{callQuota, callNodes("c-staging")},
		},
		{
			name:      "live limits: today's quotas fit an 11th cluster",
			quota:     quotaWire.Wire(quota.CurrentDefaults()),
			plan:      quota.Plan{Create: []quota.NewCluster{{Kind: quota.Managed}}, Change: []quota.ClusterChange{{ClusterID: "c-prod", AddNodes: 50}}},
			wantCalls: []string{callQuota, callList(1), callNodes("c-prod")},
		},
		{
			name:      "pay-as-you-go alone reads the quotas only",
			plan:      quota.Plan{PayAsYouGo: true},
			wantCalls: []string{callQuota},
		},
		{
			name: "a plan that adds nothing makes no call",
			plan: quota.Plan{Change: []quota.ClusterChange{{ClusterID: "c-prod", PodsPerNode: 300}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			acct := teamAccount(t)
			acct.quota = tt.quota
			srv := newTestServer(t, acct)
			err := quota.NewClient(srv.config(), tt.opts...).Preflight(context.Background(), tt.plan)

			var got quota.Violations
			var ex *quota.ExceededError
			switch {
			case errors.As(err, &ex):
				got = ex.Violations
				if !errors.Is(err, ack.ErrQuotaExceeded) || !ack.IsQuotaExceeded(err) {
					t.Errorf("error %v does not match ack.ErrQuotaExceeded", err)
				}
			case err != nil:
				t.Fatalf("Preflight: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("violations mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantCalls, srv.calls()); diff != "" {
				t.Errorf("calls mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestPreflightMessage checks the acceptance case end to end: an 11th
// dedicated + managed cluster, a 3rd serverless cluster and nodes past 40,
// each named with its limit, usage, need and how to raise it.
func TestPreflightMessage(t *testing.T) {
	srv := newTestServer(t, teamAccount(t))
	plan := quota.Plan{
		Create: []quota.NewCluster{{Name: "pro-2", Kind: quota.Managed}, {Name: "ci-2", Kind: quota.Serverless}},
		Change: []quota.ClusterChange{{ClusterID: "c-prod", AddNodes: 3}},
	}
	err := quota.NewClient(srv.config()).Preflight(context.Background(), plan)
	want := "quota exceeded (3 limits): " +
		"account: dedicated and managed clusters per account: 10 used + 1 needed exceeds the limit of 10 (submit a ticket) [quota.clusters]; " +
		"account: serverless clusters per account: 2 used + 1 needed exceeds the limit of 2 (submit a ticket) [quota.serverless_clusters]; " +
		"cluster c-prod: nodes per cluster (masters and workers): 38 used + 3 needed exceeds the limit of 40 (submit a ticket) [quota.nodes_per_cluster]"
	if err == nil || err.Error() != want {
		t.Errorf("Preflight error =\n%v\nwant\n%s", err, want)
	}
	if diff := cmp.Diff([]string{callQuota, callList(1), callNodes("c-prod")}, srv.calls()); diff != "" {
		t.Errorf("calls mismatch (-want +got):\n%s", diff)
	}
}

func TestPreflightErrors(t *testing.T) {
	tests := []struct {
		name      string
		fail      map[string]errAnswer
		plan      quota.Plan
		is        error
		wantMsg   string
		wantCalls []string
	}{
		{
			name:    "malformed plan: no call",
			plan:    quota.Plan{Change: []quota.ClusterChange{{AddNodes: 1}}},
			is:      ack.ErrInvalid,
			wantMsg: "quota plan: invalid: change[0].cluster_id: must name an existing cluster [quota.plan.cluster_id]",
		},
		{
			name:      "quota read fails: nothing else is read",
			fail:      map[string]errAnswer{callQuota: {status: http.StatusForbidden, code: "ErrorCheckAcl"}},
			plan:      quota.Plan{Create: []quota.NewCluster{{Kind: quota.Managed}}},
			is:        ack.ErrAuth,
			wantMsg:   "read quota limits: DescribeUserQuota: HTTP 403 ErrorCheckAcl",
			wantCalls: []string{callQuota},
		},
		{
			name:      "cluster list fails",
			fail:      map[string]errAnswer{callList(1): {status: http.StatusForbidden, code: "ErrorCheckAcl"}},
			plan:      quota.Plan{Create: []quota.NewCluster{{Kind: quota.Managed}}, Change: []quota.ClusterChange{{ClusterID: "c-prod", AddNodes: 1}}},
			is:        ack.ErrAuth,
			wantMsg:   "list clusters: page 1: DescribeClustersV1: HTTP 403 ErrorCheckAcl",
			wantCalls: []string{callQuota, callList(1)},
		},
		{
			name:      "changed cluster not found",
			plan:      quota.Plan{Change: []quota.ClusterChange{{ClusterID: "c-gone", AddNodes: 1}, {ClusterID: "c-prod", AddNodes: 1}}},
			is:        ack.ErrNotFound,
			wantMsg:   "cluster c-gone: count nodes: DescribeClusterNodes: HTTP 404 ErrorClusterNotFound",
			wantCalls: []string{callQuota, callNodes("c-gone")},
		},
		{
			name:      "kind read fails",
			fail:      map[string]errAnswer{callKind("c-ci"): {status: http.StatusBadRequest, code: "InvalidParameter"}},
			plan:      quota.Plan{Change: []quota.ClusterChange{{ClusterID: "c-ci", AddContainerInstances: 1}}},
			is:        ack.ErrInvalid,
			wantMsg:   "cluster c-ci: read kind: DescribeClustersV1: HTTP 400 InvalidParameter",
			wantCalls: []string{callQuota, callKind("c-ci")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newTestServer(t, teamAccount(t))
			for k, v := range tt.fail {
				srv.fail[k] = v
			}
			err := quota.NewClient(srv.config()).Preflight(context.Background(), tt.plan)
			if !errors.Is(err, tt.is) {
				t.Errorf("error %v does not match %v", err, tt.is)
			}
			if errors.Is(err, ack.ErrQuotaExceeded) {
				t.Errorf("error %v matches ack.ErrQuotaExceeded; a failed read is not a quota verdict", err)
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

// TestPreflightRetriesReads: every read is ack.Safe, so a transient
// refusal is retried and the verdict is the same.
func TestPreflightRetriesReads(t *testing.T) {
	srv := newTestServer(t, teamAccount(t))
	srv.fail[callQuota] = errAnswer{status: http.StatusServiceUnavailable, code: "ServiceUnavailable", times: 1}
	srv.fail[callNodes("c-prod")] = errAnswer{status: http.StatusTooManyRequests, code: "Throttling.User", times: 2}
	err := quota.NewClient(srv.config()).Preflight(context.Background(), quota.Plan{
		Change: []quota.ClusterChange{{ClusterID: "c-prod", AddNodes: 3}},
	})
	var ex *quota.ExceededError
	if !errors.As(err, &ex) || !ex.Violations.Has(quota.LimitNodes) {
		t.Errorf("Preflight = %v, want the node quota exceeded", err)
	}
	want := []string{callQuota, callQuota, callNodes("c-prod"), callNodes("c-prod"), callNodes("c-prod")}
	if diff := cmp.Diff(want, srv.calls()); diff != "" {
		t.Errorf("calls mismatch (-want +got):\n%s", diff)
	}
}

// TestPreflightHonoursCancellation: a cancelled context ends Preflight
// with the context's error.
func TestPreflightHonoursCancellation(t *testing.T) {
	srv := newTestServer(t, teamAccount(t))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := quota.NewClient(srv.config()).Preflight(ctx, quota.Plan{Create: []quota.NewCluster{{Kind: quota.Managed}}})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Preflight with a cancelled context = %v, want context.Canceled", err)
	}
}
