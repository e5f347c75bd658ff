package fake_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/envelope"
	"github.com/ackgo/ack/quota"
	"github.com/google/go-cmp/cmp"
)

// TestControlAccountAndLimitsWireShapes records GET /_fake/account and
// GET /_fake/limits of a fake with the default account and the product
// description's limits.
func TestControlAccountAndLimitsWireShapes(t *testing.T) {
	c := fake.New()
	golden(t, "control_account.json", serveLocal(c, "GET", "/_fake/account", "", "").Body.Bytes())
	golden(t, "control_limits.json", serveLocal(c, "GET", "/_fake/limits", "", "").Body.Bytes())
}

// TestControlAccountSets posts accounts to /_fake/account: the fields
// given change, the others keep their value, and the answer and
// Cloud.Account agree; a body the endpoint refuses changes nothing.
func TestControlAccountSets(t *testing.T) {
	yuan := func(s string) ack.Money { return ack.MustMoney(s, ack.CNY) }
	def := quota.DefaultAccount(quota.ProductDefaults())
	tests := []struct {
		name, body string
		want       quota.Account // on success
		refusal    string        // part of the message when refused
	}{
		{"balance", `{"balance":"5.00 CNY"}`, quota.Account{RealNameVerified: true, Balance: yuan("5.00")}, ""},
		{"unverified", `{"real_name_verified":false}`, quota.Account{Balance: def.Balance}, ""},
		{"every field", `{"real_name_verified":true,"balance":"-3.50 CNY","vouchers":"20 CNY","credit":"0.00"}`,
			quota.Account{RealNameVerified: true, Balance: yuan("-3.50"), Vouchers: yuan("20")}, ""},
		{"an empty object changes nothing", `{}`, def, ""},
		{"amount without a currency", `{"balance":"5"}`, quota.Account{}, "balance"},
		{"malformed amount", `{"vouchers":"five CNY"}`, quota.Account{}, "vouchers"},
		{"money as a number", `{"balance":5}`, quota.Account{}, "balance"},
		{"funds", `{"funds":"5.00 CNY"}`, quota.Account{}, "funds"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := fake.New()
			w := serveLocal(c, "POST", "/_fake/account", "application/json", tt.body)
			if tt.refusal != "" {
				b, ok := envelope.DecodeError(w.Body.Bytes())
				if w.Code != http.StatusBadRequest || !ok || !strings.Contains(b.Message, tt.refusal) {
					t.Fatalf("HTTP %d %s, want a 400 naming %s", w.Code, w.Body, tt.refusal)
				}
				if got := c.Account(); got.RealNameVerified != def.RealNameVerified || !got.Balance.Equal(def.Balance) {
					t.Fatalf("the account after a refusal is %v, want %v", got, def)
				}
				return
			}
			if w.Code != http.StatusOK {
				t.Fatalf("HTTP %d %s", w.Code, w.Body)
			}
			if diff := cmp.Diff(accountText(tt.want), accountText(c.Account())); diff != "" {
				t.Fatalf("Cloud.Account (-want +got):\n%s", diff)
			}
			if got := serveLocal(c, "GET", "/_fake/account", "", "").Body.String(); !sameAnswer(got, w.Body.String()) {
				t.Fatalf("GET answers %s, POST answered %s", got, w.Body)
			}
		})
	}
}

// accountText writes an account's amounts as text, for cmp.
func accountText(a quota.Account) [4]string {
	return [4]string{strings.ToLower(strings.TrimSpace(boolText(a.RealNameVerified))), a.Balance.String(), a.Vouchers.String(), a.Credit.String()}
}

func boolText(b bool) string {
	if b {
		return "verified"
	}
	return "unverified"
}

// sameAnswer compares two control answers without their request IDs.
func sameAnswer(a, b string) bool {
	strip := func(s string) string {
		i := strings.Index(s, `"request_id":"`)
		if i < 0 {
			return s
		}
		j := strings.Index(s[i+len(`"request_id":"`):], `"`)
		return s[:i] + s[i+len(`"request_id":"`)+j+1:]
	}
	return strip(a) == strip(b)
}

// TestControlLimitsSets posts limits to /_fake/limits: the fields given
// change, the others (adjustable included) keep their value; limits no
// account can have are refused naming the field and the rule, and change
// nothing.
func TestControlLimitsSets(t *testing.T) {
	tests := []struct {
		name, body string
		edit       func(*quota.Limits)
		refusal    []string
	}{
		{"one count", `{"nodes_per_cluster":{"max":5}}`, func(l *quota.Limits) { l.NodesPerCluster.Max = 5 }, nil},
		{"a hard limit", `{"clusters":{"max":3,"adjustable":false}}`, func(l *quota.Limits) { l.Clusters = quota.Count{Max: 3} }, nil},
		{"prerequisites", `{"real_name_required":false,"pay_as_you_go_funds":{"min":"0.00"}}`,
			func(l *quota.Limits) { l.RealNameRequired, l.PayAsYouGoFunds.Min = false, ack.Money{} }, nil},
		{"every count", `{"clusters":{"max":1},"managed_clusters":{"max":1},"serverless_clusters":{"max":1},"nodes_per_cluster":{"max":1},"nodepools_per_cluster":{"max":1},"pods_per_node":{"max":1},"container_instances_per_cluster":{"max":1}}`,
			func(l *quota.Limits) {
				for _, c := range []*quota.Count{&l.Clusters, &l.ManagedClusters, &l.ServerlessClusters, &l.NodesPerCluster, &l.NodePoolsPerCluster, &l.PodsPerNode, &l.ContainerInstancesPerCluster} {
					c.Max = 1
				}
			}, nil},
		{"negative", `{"clusters":{"max":-1}}`, nil, []string{"clusters.max", quota.RuleLimitsNonNegative}},
		{"pods past the hard limit", `{"pods_per_node":{"max":300}}`, nil, []string{"pods_per_node.max", quota.RuleLimitsPodsPerNode}},
		{"negative floor", `{"pay_as_you_go_funds":{"min":"-1 CNY"}}`, nil, []string{"pay_as_you_go_funds.min", quota.RuleLimitsNonNegative}},
		{"malformed floor", `{"pay_as_you_go_funds":{"min":"lots"}}`, nil, []string{"pay_as_you_go_funds.min"}},
		{"a count as a string", `{"clusters":{"max":"3"}}`, nil, []string{"clusters.max"}},
		{"unknown limit", `{"vpcs":{"max":3}}`, nil, []string{"vpcs"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := fake.New()
			w := serveLocal(c, "POST", "/_fake/limits", "application/json", tt.body)
			want := quota.ProductDefaults()
			if tt.edit != nil {
				tt.edit(&want)
				if w.Code != http.StatusOK {
					t.Fatalf("HTTP %d %s", w.Code, w.Body)
				}
			} else {
				b, ok := envelope.DecodeError(w.Body.Bytes())
				if w.Code != http.StatusBadRequest || !ok {
					t.Fatalf("HTTP %d %s, want a 400 in ACK's error shape", w.Code, w.Body)
				}
				for _, s := range tt.refusal {
					if !strings.Contains(b.Message, s) {
						t.Errorf("message %q does not name %s", b.Message, s)
					}
				}
			}
			if diff := cmp.Diff(want, c.Limits(), cmp.Comparer(func(a, b ack.Money) bool { return a.Equal(b) })); diff != "" {
				t.Fatalf("Cloud.Limits (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSetLimits: the Go API takes limits an account can have, and
// refuses the others with the rule's *ack.ValidationError.
func TestSetLimits(t *testing.T) {
	c := fake.New()
	l := quota.CurrentDefaults()
	if err := c.SetLimits(l); err != nil {
		t.Fatal(err)
	}
	if got := c.Limits(); got.Clusters.Max != 50 {
		t.Fatalf("limits after SetLimits: %+v", got)
	}
	bad := l
	bad.NodesPerCluster.Max = -1
	err := c.SetLimits(bad)
	var ve *ack.ValidationError
	if !errors.As(err, &ve) || len(ve.Violations) != 1 || ve.Violations[0].Rule != quota.RuleLimitsNonNegative || ve.Violations[0].Field != "nodes_per_cluster.max" {
		t.Fatalf("SetLimits(negative) = %v, want the %s violation", err, quota.RuleLimitsNonNegative)
	}
	if got := c.Limits(); got.NodesPerCluster.Max != 100 {
		t.Fatalf("a refused SetLimits changed the limits to %+v", got)
	}
	c.Reset()
	if got := c.Limits(); got.Clusters.Max != 10 {
		t.Fatalf("after Reset the limits are %+v, want the configured ones", got)
	}
}

// TestControlLimitsLoweredRefuseCreateOverHTTP lowers the cluster quota
// and turns off the real-name verification with control requests to a
// server: this SDK's typed cluster client sees the next create refused
// with the same error as after the same change made with the Go API in
// process.
func TestControlLimitsLoweredRefuseCreateOverHTTP(t *testing.T) {
	tests := []struct {
		name, path, body string
		goAPI            func(*fake.Cloud) error // the same change in Go
		code             string
	}{
		{"cluster quota", "/_fake/limits", `{"clusters":{"max":0}}`, func(c *fake.Cloud) error {
			l := c.Limits()
			l.Clusters.Max = 0
			return c.SetLimits(l)
		}, quota.CodeClusterQuota},
		{"real name", "/_fake/account", `{"real_name_verified":false}`, func(c *fake.Cloud) error {
			c.SetAccount(quota.Account{Balance: ack.MustMoney("100", ack.CNY)})
			return nil
		}, quota.CodeRealNameRequired},
		{"funds", "/_fake/account", `{"balance":"99.99 CNY"}`, func(c *fake.Cloud) error {
			c.SetAccount(quota.Account{RealNameVerified: true, Balance: ack.MustMoney("99.99", ack.CNY)})
			return nil
		}, quota.CodeInsufficientBalance},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := startServer(t)
			cfg, err := ack.LoadConfig(context.Background(),
				ack.WithRegion(fake.DefaultRegion), ack.WithEndpoint(srv.URL()), ack.WithScheme("http"),
				ack.WithCredentials(testAK, testSecret), ack.WithRetry(ack.RetryPolicy{MaxAttempts: 1}))
			if err != nil {
				t.Fatal(err)
			}
			defer closeIdleConns(cfg)
			client := cluster.NewClient(cfg)
			if _, err := client.Create(context.Background(), lostSpec("before")); err != nil {
				t.Fatalf("create before the change: %v", err)
			}
			if status, b := httpDo(t, "POST", srv.URL()+tt.path, tt.body); status != http.StatusOK {
				t.Fatalf("POST %s: HTTP %d %s", tt.path, status, b)
			}
			_, err = client.Create(context.Background(), secondSpec())
			var got *ack.APIError
			if !errors.As(err, &got) || !ack.IsQuotaExceeded(err) || got.Code != tt.code {
				t.Fatalf("create after the change: %v, want %s", err, tt.code)
			}

			in := fake.New()
			if _, err := cluster.NewClient(in.Config()).Create(context.Background(), lostSpec("before")); err != nil {
				t.Fatalf("in process: %v", err)
			}
			if err := tt.goAPI(in); err != nil {
				t.Fatal(err)
			}
			_, err = cluster.NewClient(in.Config()).Create(context.Background(), secondSpec())
			var want *ack.APIError
			if !errors.As(err, &want) {
				t.Fatalf("in process: %v, want an *ack.APIError", err)
			}
			if got.Code != want.Code || got.HTTPStatus != want.HTTPStatus || got.Message != want.Message {
				t.Fatalf("over HTTP: %d %s %q\nin process: %d %s %q", got.HTTPStatus, got.Code, got.Message, want.HTTPStatus, want.Code, want.Message)
			}
		})
	}
}

// secondSpec is a cluster beside lostSpec's, in the same VPC without
// overlapping it.
func secondSpec() cluster.Spec {
	s := lostSpec("after")
	s.Network.PodCIDR, s.ServiceCIDR = "172.21.0.0/16", "172.19.16.0/20"
	return s
}
