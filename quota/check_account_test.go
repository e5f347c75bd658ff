package quota_test

import (
	"errors"
	"testing"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/quota"
	"github.com/google/go-cmp/cmp"
)

func TestCheckAccountPrerequisites(t *testing.T) {
	def := quota.ProductDefaults()
	noRealName := def
	noRealName.RealNameRequired = false
	lowFloor := def
	lowFloor.PayAsYouGoFunds.Min = fen(1)

	realName := quota.Violation{ID: quota.LimitRealName, Code: "Account.RealNameRequired", Scope: "account"}
	funds := func(have int64) quota.Violation {
		return quota.Violation{
			ID: quota.LimitPayAsYouGoFunds, Code: "InsufficientBalance", Scope: "account",
			Used: have, Limit: 100_00, Currency: ack.CNY, Adjustable: true,
		}
	}
	withFunds := func(a quota.Account) quota.Usage { a.RealNameVerified = true; return quota.Usage{Account: a} }
	addNodes := change(quota.ClusterChange{ClusterID: "c-1", AddNodes: 1})

	tests := []struct {
		name   string
		limits quota.Limits
		usage  quota.Usage
		plan   quota.Plan
		want   quota.Violations
	}{
		{"unverified, empty plan", def, quota.Usage{}, quota.Plan{}, nil},
		{"unverified, nodes only", def, quota.Usage{Account: quota.Account{Balance: yuan(500)}}, addNodes,
			quota.Violations{realName}},
		{"unverified, not required", noRealName, quota.Usage{Account: quota.Account{Balance: yuan(500)}}, addNodes, nil},
		{"verified", def, withFunds(quota.Account{Balance: yuan(500)}), addNodes, nil},
		{"funds below for a new cluster", def, withFunds(quota.Account{Balance: fen(99_99)}), create(quota.Managed),
			quota.Violations{funds(99_99)}},
		{"funds at", def, withFunds(quota.Account{Balance: yuan(100)}), create(quota.Managed), nil},
		{"funds above", def, withFunds(quota.Account{Balance: fen(100_01)}), create(quota.Managed), nil},
		{"balance, vouchers and credit add up", def,
			withFunds(quota.Account{Balance: yuan(50), Vouchers: yuan(30), Credit: yuan(20)}), create(quota.Serverless), nil},
		{"arrears", def, withFunds(quota.Account{Balance: yuan(-10), Vouchers: yuan(50)}), create(quota.Serverless),
			quota.Violations{funds(40_00)}},
		{"nodes alone may be subscriptions", def, withFunds(quota.Account{}), addNodes, nil},
		{"explicit pay-as-you-go purchase", def, withFunds(quota.Account{}), quota.Plan{PayAsYouGo: true},
			quota.Violations{funds(0)}},
		{"container instances are pay-as-you-go", def, withFunds(quota.Account{Balance: yuan(1)}),
			change(quota.ClusterChange{ClusterID: "c-s", AddContainerInstances: 1}), quota.Violations{funds(1_00)}},
		{"lowered floor", lowFloor, withFunds(quota.Account{Balance: fen(1)}), create(quota.Managed), nil},
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

func TestCheckReportsEveryViolationInOrder(t *testing.T) {
	u := quota.Usage{
		Account: quota.Account{Balance: yuan(20)},
		Clusters: append(append(fleet("m", quota.Managed, 10), fleet("s", quota.Serverless, 2)...),
			quota.ClusterUsage{ID: "c-big", Kind: quota.Dedicated, Nodes: 40, NodePools: 20}),
	}
	plan := quota.Plan{
		Create: []quota.NewCluster{
			{Name: "web", Kind: quota.Managed, Nodes: 50, PodsPerNode: 512},
			{Name: "ci", Kind: quota.Serverless, ContainerInstances: 400},
		},
		Change: []quota.ClusterChange{{ClusterID: "c-big", AddNodes: 3, AddNodePools: 1}},
	}
	want := quota.Violations{
		{ID: quota.LimitRealName, Code: "Account.RealNameRequired", Scope: "account"},
		{ID: quota.LimitPayAsYouGoFunds, Code: "InsufficientBalance", Scope: "account", Used: 20_00, Limit: 100_00, Currency: ack.CNY, Adjustable: true},
		acct(quota.LimitClusters, 11, 1, 10, true),
		acct(quota.LimitManagedClusters, 10, 1, 10, true),
		acct(quota.LimitServerlessClusters, 2, 1, 2, true),
		in(`new cluster "web"`, quota.LimitNodes, 0, 50, 40, true),
		in(`new cluster "web"`, quota.LimitPodsPerNode, 0, 512, 256, false),
		in(`new cluster "ci"`, quota.LimitContainerInstances, 0, 400, 300, true),
		in("cluster c-big", quota.LimitNodes, 40, 3, 40, true),
		in("cluster c-big", quota.LimitNodePools, 20, 1, 20, true),
	}
	got := quota.Check(quota.ProductDefaults(), u, plan)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Check mismatch (-want +got):\n%s", diff)
	}
	// The clusters count of the usage: 10 managed + 1 dedicated.
	if !got.Has(quota.LimitClusters) || got.Has(quota.LimitID("quota.nope")) {
		t.Errorf("Has: got %v for clusters and %v for an unknown ID, want true and false",
			got.Has(quota.LimitClusters), got.Has(quota.LimitID("quota.nope")))
	}
}

func TestViolationHowToRaise(t *testing.T) {
	// Every limit of the product description is either raised by ticket or
	// hard; the violations carry it from the Limits.
	u := quota.Usage{Clusters: fleet("s", quota.Serverless, 2)}
	plan := quota.Plan{Create: []quota.NewCluster{{Kind: quota.Serverless, PodsPerNode: 300}}}
	got := map[quota.LimitID]string{}
	for _, v := range quota.Check(quota.ProductDefaults(), u, plan) {
		got[v.ID] = v.HowToRaise()
	}
	want := map[quota.LimitID]string{
		quota.LimitRealName:           "cannot be raised",
		quota.LimitPayAsYouGoFunds:    "submit a ticket",
		quota.LimitServerlessClusters: "submit a ticket",
		quota.LimitPodsPerNode:        "cannot be raised",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("HowToRaise mismatch (-want +got):\n%s", diff)
	}
}

// Funds count only in the floor's currency: USD vouchers do not pay for a
// CNY floor, and Funds refuses to add the two.
func TestCheckFundsInOtherCurrencies(t *testing.T) {
	usd, err := ack.MoneyFromMinor(500_00, ack.USD)
	if err != nil {
		t.Fatal(err)
	}
	a := quota.Account{RealNameVerified: true, Balance: yuan(60), Vouchers: usd}
	vs := quota.Check(quota.ProductDefaults(), quota.Usage{Account: a}, quota.Plan{Create: []quota.NewCluster{{Kind: quota.Serverless}}})
	want := quota.Violations{{ID: quota.LimitPayAsYouGoFunds, Code: "InsufficientBalance", Scope: "account", Used: 60_00, Limit: 100_00, Currency: ack.CNY, Adjustable: true}}
	if diff := cmp.Diff(want, vs); diff != "" {
		t.Errorf("violations (-want +got):\n%s", diff)
	}
	if _, err := a.Funds(); !errors.Is(err, ack.ErrCurrencyMismatch) {
		t.Errorf("Funds of CNY and USD: err = %v; want ErrCurrencyMismatch", err)
	}
	a.Vouchers = yuan(40)
	if got, err := a.Funds(); err != nil || !got.Equal(yuan(100)) {
		t.Errorf("Funds = %v, %v; want 100.00 CNY", got, err)
	}
	if vs := quota.Check(quota.ProductDefaults(), quota.Usage{Account: a}, quota.Plan{Create: []quota.NewCluster{{Kind: quota.Serverless}}}); len(vs) != 0 {
		t.Errorf("60 + 40 CNY meets the floor, but: %v", vs)
	}
}
