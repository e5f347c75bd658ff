package fleet_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/examples/testing/fleet"
	"github.com/ackgo/ack/fake"
)

// The access key the fake's server accepts, and signs are checked with.
const (
	accessKeyID     = "LTAI-fleet-test"
	accessKeySecret = "fleet-test-secret"
)

// serve starts the fake on a free loopback port, accepting requests
// signed with the test's access key, and stops it when the test ends.
func serve(t *testing.T) (*fake.Cloud, *fake.Server) {
	t.Helper()
	cloud := fake.New(fake.WithCredential(accessKeyID, accessKeySecret))
	srv, err := cloud.Server()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := srv.Close(); err != nil {
			t.Errorf("close the fake's server: %v", err)
		}
	})
	return cloud, srv
}

// dial is the Config a user's program builds for ACK, pointed at the fake:
// ack.LoadConfig's real transport, signing every request with the access
// key given. The fake's clock is the client's too, so that the waits and
// retry delays of the SDK are spent on virtual time; against an ackfake
// process, leave the clock out and start ackfake with -polls 1 instead.
func dial(t *testing.T, cloud *fake.Cloud, srv *fake.Server, secret string) *ack.Config {
	t.Helper()
	cfg, err := ack.LoadConfig(context.Background(),
		ack.WithRegion(fake.DefaultRegion),
		ack.WithEndpoint(srv.URL()),
		ack.WithScheme("http"),
		ack.WithCredentials(accessKeyID, secret),
		ack.WithClock(cloud.Clock()),
	)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if c, ok := cfg.Options().Transport.(interface{ CloseIdleConnections() }); ok {
			c.CloseIdleConnections()
		}
	})
	return cfg
}

// control sends one request to a control endpoint of the fake's server,
// as curl or a test in any language would, and decodes its JSON answer
// into out (when not nil). It fails the test on any status but 200.
func control(t *testing.T, srv *fake.Server, method, path, body string, out any) {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL()+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s %s: HTTP %d: %s", method, path, resp.StatusCode, b)
	}
	if out != nil {
		if err := json.NewDecoder(bytes.NewReader(b)).Decode(out); err != nil {
			t.Fatalf("%s %s: %v in %s", method, path, err, b)
		}
	}
}

// faultRule is a rule as GET /_fake/faults lists it (the fields the test
// reads).
type faultRule struct {
	Action   string `json:"action"`
	Throttle bool   `json:"throttle,omitempty"`
	Lose     bool   `json:"lose,omitempty"`
	Times    int    `json:"times"`
	Fired    int    `json:"fired"`
}

// loggedCall is a call as GET /_fake/calls lists it (the fields the test
// reads).
type loggedCall struct {
	Action string `json:"action"`
	Status int    `json:"status"`
	Code   string `json:"code,omitempty"`
	Lost   bool   `json:"lost,omitempty"`
}

// TestEnsureOverHTTP runs the tool over HTTP, through the transport a
// program uses against ACK, with faults added by POST /_fake/faults: the
// way a test in any language drives the fake. The fleet is seeded in
// process (the same Cloud) to keep the setup short.
func TestEnsureOverHTTP(t *testing.T) {
	tests := []struct {
		name      string
		fault     string // the body of POST /_fake/faults; empty for none
		want      fleet.Report
		wantRules []faultRule // GET /_fake/faults after the run
		wantCalls []loggedCall
	}{
		{
			name:      "no fault",
			want:      fleet.Report{{ClusterName: "prod-a", State: cluster.StateRunning, Action: fleet.Created, To: 3}},
			wantRules: []faultRule{},
			wantCalls: []loggedCall{{Action: "CreateClusterNodePool", Status: 200}},
		},
		{
			name:      "throttled once, then served",
			fault:     `{"action":"CreateClusterNodePool","throttle":true,"times":1}`,
			want:      fleet.Report{{ClusterName: "prod-a", State: cluster.StateRunning, Action: fleet.Created, To: 3}},
			wantRules: []faultRule{{Action: "CreateClusterNodePool", Throttle: true, Times: 1, Fired: 1}},
			wantCalls: []loggedCall{{Action: "CreateClusterNodePool", Status: 400, Code: "Throttling.User"}, {Action: "CreateClusterNodePool", Status: 200}},
		},
		{
			// The create is applied and its answer lost: the SDK's
			// retrying client finds the pool it made instead of sending
			// the create again.
			name:      "the answer to the create is lost",
			fault:     `{"action":"CreateClusterNodePool","lose":true,"times":1}`,
			want:      fleet.Report{{ClusterName: "prod-a", State: cluster.StateRunning, Action: fleet.Created, To: 3}},
			wantRules: []faultRule{{Action: "CreateClusterNodePool", Lose: true, Times: 1, Fired: 1}},
			wantCalls: []loggedCall{{Action: "CreateClusterNodePool", Status: 200, Lost: true}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cloud, srv := serve(t)
			seed(t, cloud, cloud.Config(), member{name: "prod-a", pool: -1})
			if tt.fault != "" {
				control(t, srv, http.MethodPost, "/_fake/faults", tt.fault, nil)
			}

			got, err := fleet.ForConfig(dial(t, cloud, srv, accessKeySecret)).Ensure(context.Background(), policy())
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, ignoreIDs); diff != "" {
				t.Errorf("report (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(map[string]int{"prod-a": 3}, poolSizes(cloud)); diff != "" {
				t.Errorf("pool sizes in the fake (-want +got):\n%s", diff)
			}
			var rules []faultRule
			control(t, srv, http.MethodGet, "/_fake/faults", "", &rules)
			if diff := cmp.Diff(tt.wantRules, rules); diff != "" {
				t.Errorf("GET /_fake/faults (-want +got):\n%s", diff)
			}
			var calls []loggedCall
			control(t, srv, http.MethodGet, "/_fake/calls", "", &calls)
			creates := cmpopts.IgnoreSliceElements(func(c loggedCall) bool { return c.Action != "CreateClusterNodePool" })
			if diff := cmp.Diff(tt.wantCalls, calls, creates); diff != "" {
				t.Errorf("CreateClusterNodePool calls in GET /_fake/calls (-want +got):\n%s", diff)
			}
		})
	}
}

// TestEnsureOverHTTPWrongKey checks that the fake checks signatures: a
// program whose secret is wrong lists nothing, and the error says it is
// an authentication failure.
func TestEnsureOverHTTPWrongKey(t *testing.T) {
	cloud, srv := serve(t)
	seed(t, cloud, cloud.Config(), member{name: "prod-a", pool: -1})

	got, err := fleet.ForConfig(dial(t, cloud, srv, "not-the-secret")).Ensure(context.Background(), policy())
	if !ack.IsAuth(err) || len(got) != 0 {
		t.Errorf("Ensure with a wrong secret: %v, %v; want no results and an authentication error", got, err)
	}
	if diff := cmp.Diff(map[string]int{"prod-a": -1}, poolSizes(cloud)); diff != "" {
		t.Errorf("pool sizes in the fake (-want +got):\n%s", diff)
	}
}
