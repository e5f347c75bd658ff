package quota_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/quota"
	"github.com/google/go-cmp/cmp"
)

func TestNewClientOptions(t *testing.T) {
	high := quota.ProductDefaults()
	high.PayAsYouGoFunds.Min = yuan(500)
	unverified := quota.Account{Balance: yuan(3)}
	tests := []struct {
		name        string
		opts        []func(*quota.ClientOptions)
		wantBase    quota.Limits
		wantAccount quota.Account
	}{
		{"defaults", nil, quota.ProductDefaults(),
			quota.Account{RealNameVerified: true, Balance: yuan(100)}},
		{"nil option ignored", []func(*quota.ClientOptions){nil}, quota.ProductDefaults(),
			quota.Account{RealNameVerified: true, Balance: yuan(100)}},
		{"today", []func(*quota.ClientOptions){quota.WithBase(quota.CurrentDefaults())}, quota.CurrentDefaults(),
			quota.Account{RealNameVerified: true, Balance: yuan(100)}},
		{"default account meets a higher floor", []func(*quota.ClientOptions){quota.WithBase(high)}, high,
			quota.Account{RealNameVerified: true, Balance: yuan(500)}},
		{"account", []func(*quota.ClientOptions){quota.WithAccount(unverified)}, quota.ProductDefaults(), unverified},
		{"last option wins", []func(*quota.ClientOptions){quota.WithAccount(unverified), quota.WithBase(high), quota.WithBase(quota.CurrentDefaults())},
			quota.CurrentDefaults(), unverified},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := quota.NewClient(nil, tt.opts...)
			if diff := cmp.Diff(tt.wantBase, c.Base()); diff != "" {
				t.Errorf("Base mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantAccount, c.Account()); diff != "" {
				t.Errorf("Account mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDefaultAccountMeetsPrerequisites(t *testing.T) {
	for _, base := range []quota.Limits{quota.ProductDefaults(), quota.CurrentDefaults()} {
		usage := quota.Usage{Account: quota.DefaultAccount(base)}
		plan := quota.Plan{PayAsYouGo: true}
		if vs := quota.Check(base, usage, plan); len(vs) != 0 {
			t.Errorf("Check of a pay-as-you-go plan with the default account = %v, want none", vs)
		}
	}
}

// TestDescribeLimits reads ACK's documented answer (served verbatim): the
// flat fields, the quotas map's cluster item over cluster_quota, and the
// fields the package does not model kept in Raw.
func TestDescribeLimits(t *testing.T) {
	golden, err := os.ReadFile(filepath.Join("testdata", "client", "describe_user_quota.json"))
	if err != nil {
		t.Fatal(err)
	}
	over := func(base quota.Limits) quota.Limits {
		base.Clusters = quota.Count{Max: 30, Adjustable: true} // the quotas map's item, not cluster_quota (50)
		base.ManagedClusters.Max = 20
		base.ServerlessClusters.Max = 3
		base.NodesPerCluster.Max = 100
		base.NodePoolsPerCluster.Max = 10
		return base
	}
	tests := []struct {
		name string
		opts []func(*quota.ClientOptions)
		want quota.Limits
	}{
		{"over the product defaults", nil, over(quota.ProductDefaults())},
		{"over today", []func(*quota.ClientOptions){quota.WithBase(quota.CurrentDefaults())}, over(quota.CurrentDefaults())},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newTestServer(t, testAccount{})
			srv.raw["DescribeUserQuota"] = "describe_user_quota.json"
			c := quota.NewClient(srv.config(), tt.opts...)

			got, err := c.DescribeLimits(context.Background())
			if err != nil {
				t.Fatalf("DescribeLimits: %v", err)
			}
			if diff := cmp.Diff(tt.want, got.Limits); diff != "" {
				t.Errorf("Limits mismatch (-want +got):\n%s", diff)
			}
			if got.RequestID != "req-1" {
				t.Errorf("RequestID = %q, want req-1", got.RequestID)
			}
			if !json.Valid(got.Raw) || string(got.Raw) != string(golden) {
				t.Errorf("Raw is not the answer as sent:\n%s", got.Raw)
			}

			limits, err := c.Limits(context.Background())
			if err != nil {
				t.Fatalf("Limits: %v", err)
			}
			if diff := cmp.Diff(tt.want, limits); diff != "" {
				t.Errorf("Limits mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff([]string{"DescribeUserQuota /quota", "DescribeUserQuota /quota"}, srv.calls()); diff != "" {
				t.Errorf("calls mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDescribeLimitsRawIsACopy checks that a caller who edits Raw does not
// edit the transport's body.
func TestDescribeLimitsRawIsACopy(t *testing.T) {
	body := []byte(`{"cluster_quota":7}`)
	tr := ack.TransportFunc(func(context.Context, *ack.Request) (*ack.Response, error) {
		return &ack.Response{StatusCode: http.StatusOK, Body: body}, nil
	})
	r, err := quota.NewClient(ack.NewConfig(ack.WithTransport(tr))).DescribeLimits(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	r.Raw[2] = 'X'
	if string(body) != `{"cluster_quota":7}` {
		t.Errorf("editing Raw changed the response body: %s", body)
	}
	if r.Limits.Clusters.Max != 7 {
		t.Errorf("Clusters.Max = %d, want 7", r.Limits.Clusters.Max)
	}
}

func TestLimitsErrors(t *testing.T) {
	tests := []struct {
		name    string
		cfg     func(*testServer) *ack.Config
		fail    errAnswer
		is      error
		wantMsg string
	}{
		{"refused", (*testServer).config, errAnswer{status: http.StatusForbidden, code: "ErrorCheckAcl"}, ack.ErrAuth,
			"read quota limits: DescribeUserQuota: HTTP 403 ErrorCheckAcl"},
		{"no config", func(*testServer) *ack.Config { return nil }, errAnswer{}, ack.ErrNoTransport,
			"read quota limits: DescribeUserQuota: ack config has no transport"},
		{"no transport", func(*testServer) *ack.Config { return ack.NewConfig() }, errAnswer{}, ack.ErrNoTransport,
			"read quota limits: DescribeUserQuota: ack config has no transport"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newTestServer(t, testAccount{})
			if tt.fail.status != 0 {
				srv.fail["DescribeUserQuota /quota"] = tt.fail
			}
			_, err := quota.NewClient(tt.cfg(srv)).Limits(context.Background())
			if err == nil {
				t.Fatal("Limits succeeded, want an error")
			}
			if !errors.Is(err, tt.is) {
				t.Errorf("error %v does not match %v", err, tt.is)
			}
			if !strings.HasPrefix(err.Error(), tt.wantMsg) {
				t.Errorf("error = %q, want it to start with %q", err, tt.wantMsg)
			}
		})
	}
}

func TestLimitsUndecodable(t *testing.T) {
	tests := []struct {
		name string
		body string
	}{
		{"not JSON", `<html>gateway</html>`},
		{"array", `[1,2]`},
		{"wrong type", `{"cluster_quota":"fifty"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := ack.TransportFunc(func(context.Context, *ack.Request) (*ack.Response, error) {
				return &ack.Response{StatusCode: http.StatusOK, Body: []byte(tt.body)}, nil
			})
			_, err := quota.NewClient(ack.NewConfig(ack.WithTransport(tr))).Limits(context.Background())
			if err == nil || !strings.HasPrefix(err.Error(), "read quota limits: decode UserQuota: ") {
				t.Errorf("Limits of %s = %v, want a decode error", tt.body, err)
			}
		})
	}
}
