package quota_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/quota"
	"github.com/google/go-cmp/cmp"
)

func TestViolationString(t *testing.T) {
	tests := []struct {
		v    quota.Violation
		want string
	}{
		{
			acct(quota.LimitClusters, 10, 1, 10, true),
			"account: dedicated and managed clusters per account: 10 used + 1 needed exceeds the limit of 10 (submit a ticket) [quota.clusters]",
		},
		{
			in("cluster c-1", quota.LimitNodes, 39, 2, 40, false),
			"cluster c-1: nodes per cluster (masters and workers): 39 used + 2 needed exceeds the limit of 40 (cannot be raised) [quota.nodes_per_cluster]",
		},
		{
			in(`new cluster "dense"`, quota.LimitPodsPerNode, 0, 300, 256, false),
			`new cluster "dense": pods per node: 300 requested exceeds the limit of 256 (cannot be raised) [quota.pods_per_node]`,
		},
		{
			quota.Violation{ID: quota.LimitRealName, Scope: "account"},
			"account: real-name verification: required, but the account is not verified (cannot be raised) [account.real_name]",
		},
		{
			quota.Violation{ID: quota.LimitPayAsYouGoFunds, Scope: "account", Used: 42_50, Limit: 100_00, Currency: ack.CNY, Adjustable: true},
			"account: balance, vouchers and credit for pay-as-you-go resources: 42.50 CNY available is below the minimum of 100.00 CNY (submit a ticket) [account.pay_as_you_go_funds]",
		},
		{
			quota.Violation{ID: quota.LimitPodsPerNode, Need: 257, Limit: 256},
			"pods per node: 257 requested exceeds the limit of 256 (cannot be raised) [quota.pods_per_node]",
		},
	}
	for _, tt := range tests {
		t.Run(string(tt.v.ID), func(t *testing.T) {
			if got := tt.v.String(); got != tt.want {
				t.Errorf("String() =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestViolationsErr(t *testing.T) {
	one := quota.Violations{in("cluster c-1", quota.LimitNodePools, 20, 1, 20, true)}
	two := quota.Violations{acct(quota.LimitServerlessClusters, 2, 1, 2, true), in("cluster c-1", quota.LimitNodes, 40, 1, 40, true)}
	tests := []struct {
		name     string
		vs       quota.Violations
		wantNil  bool
		wantMsg  string
		wantCode string
	}{
		{name: "none", vs: nil, wantNil: true},
		{name: "empty", vs: quota.Violations{}, wantNil: true},
		{
			name:     "one",
			vs:       one,
			wantMsg:  "quota exceeded: cluster c-1: node pools per cluster: 20 used + 1 needed exceeds the limit of 20 (submit a ticket) [quota.nodepools_per_cluster]",
			wantCode: "QuotaExceeded.NodePool",
		},
		{
			name: "two",
			vs:   two,
			wantMsg: "quota exceeded (2 limits): account: serverless clusters per account: 2 used + 1 needed exceeds the limit of 2 (submit a ticket) [quota.serverless_clusters]; " +
				"cluster c-1: nodes per cluster (masters and workers): 40 used + 1 needed exceeds the limit of 40 (submit a ticket) [quota.nodes_per_cluster]",
			wantCode: "QuotaExceeded.ServerlessCluster",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.vs.Err()
			if tt.wantNil {
				if err != nil {
					t.Fatalf("Err() = %v, want nil", err)
				}
				return
			}
			wrapped := fmt.Errorf("create cluster %q: %w", "web", err)
			var ee *quota.ExceededError
			if !errors.As(wrapped, &ee) {
				t.Fatalf("errors.As(%v, *ExceededError) = false", wrapped)
			}
			got := []any{err.Error(), ee.Code(), errors.Is(wrapped, ack.ErrQuotaExceeded), errors.Is(wrapped, ack.ErrInvalid)}
			want := []any{tt.wantMsg, tt.wantCode, true, false}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("[message code is-quota is-invalid] mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.vs, ee.Violations); diff != "" {
				t.Errorf("violations mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestExceededErrorEmptyCode(t *testing.T) {
	if got := (&quota.ExceededError{}).Code(); got != "" {
		t.Errorf("Code() of an empty error = %q, want empty", got)
	}
}

func TestCodesAreQuotaCodes(t *testing.T) {
	// The fake answers with these codes; the client must classify each as a
	// quota refusal.
	ids := []quota.LimitID{
		quota.LimitRealName, quota.LimitPayAsYouGoFunds, quota.LimitClusters, quota.LimitManagedClusters,
		quota.LimitServerlessClusters, quota.LimitNodes, quota.LimitNodePools, quota.LimitContainerInstances,
		quota.LimitPodsPerNode,
	}
	for _, id := range ids {
		t.Run(string(id), func(t *testing.T) {
			err := &ack.APIError{Action: "CreateCluster", HTTPStatus: 400, Code: id.Code()}
			if !errors.Is(err, ack.ErrQuotaExceeded) {
				t.Errorf("APIError with code %q does not match ErrQuotaExceeded", id.Code())
			}
		})
	}
}

func TestCheckPodsPerNode(t *testing.T) {
	tests := []struct {
		n           int
		wantQuota   bool
		wantInvalid bool
		want        quota.Violations
	}{
		{n: -1, wantInvalid: true},
		{n: 0},
		{n: 1},
		{n: 110},
		{n: quota.MaxPodsPerNode},
		{n: quota.MaxPodsPerNode + 1, wantQuota: true, want: quota.Violations{
			{ID: quota.LimitPodsPerNode, Code: "QuotaExceeded.PodsPerNode", Need: 257, Limit: 256},
		}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.n), func(t *testing.T) {
			err := quota.CheckPodsPerNode(tt.n)
			got := []bool{errors.Is(err, ack.ErrQuotaExceeded), errors.Is(err, ack.ErrInvalid)}
			if diff := cmp.Diff([]bool{tt.wantQuota, tt.wantInvalid}, got); diff != "" {
				t.Fatalf("CheckPodsPerNode(%d) = %v; [quota invalid] mismatch (-want +got):\n%s", tt.n, err, diff)
			}
			var ee *quota.ExceededError
			if errors.As(err, &ee) {
				if diff := cmp.Diff(tt.want, ee.Violations); diff != "" {
					t.Errorf("violations mismatch (-want +got):\n%s", diff)
				}
			}
		})
	}
}
