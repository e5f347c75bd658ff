package fake_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/cs"
	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/envelope"
	"github.com/ackgo/ack/internal/wire"
)

// faultRule is a rule as /_fake/faults answers it.
type faultRule struct {
	ID        string `json:"id"`
	Action    string `json:"action"`
	Code      string `json:"code"`
	Status    int    `json:"status"`
	Message   string `json:"message"`
	Throttle  bool   `json:"throttle"`
	Latency   string `json:"latency"`
	Lose      bool   `json:"lose"`
	Times     int    `json:"times"`
	Principal string `json:"principal"`
	Fired     int    `json:"fired"`
}

// controlJSON sends a control request over HTTP and decodes its 200
// answer into T.
func controlJSON[T any](t *testing.T, method, url, body string) T {
	t.Helper()
	status, b := httpDo(t, method, url, body)
	if status != http.StatusOK {
		t.Fatalf("%s %s: HTTP %d %s", method, url, status, b)
	}
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("%s %s: %v in %s", method, url, err, b)
	}
	return v
}

// serveLocal serves one request through c's handler as a loopback client
// of 127.0.0.1:9180 would send it.
func serveLocal(c *fake.Cloud, method, path, contentType, body string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, path, strings.NewReader(body))
	r.RemoteAddr, r.Host = "127.0.0.1:40000", "127.0.0.1:9180"
	if contentType != "" {
		r.Header.Set("Content-Type", contentType)
	}
	w := httptest.NewRecorder()
	c.Handler().ServeHTTP(w, r)
	return w
}

// TestFaultsRefuseBadRequests sends bad and foreign requests to
// /_fake/faults: each is answered with a 4xx in ACK's error shape and
// adds no rule.
func TestFaultsRefuseBadRequests(t *testing.T) {
	const js = "application/json"
	tests := []struct {
		name, method, target, contentType, body string
		remote, host, origin                    string // "" for a local tool's
		status                                  int
		code                                    string
	}{
		{"text/plain body", "POST", "/_fake/faults", "text/plain", `{"action":"*","throttle":true}`, "", "", "", 415, fake.InvalidParameter},
		{"form body", "POST", "/_fake/faults", "application/x-www-form-urlencoded", "action=*", "", "", "", 415, fake.InvalidParameter},
		{"body without a type", "POST", "/_fake/faults", "", `{"action":"*","throttle":true}`, "", "", "", 415, fake.InvalidParameter},
		{"no body", "POST", "/_fake/faults", js, "", "", "", "", 400, fake.InvalidParameterFormat},
		{"malformed JSON", "POST", "/_fake/faults", js, `{"action":"*",`, "", "", "", 400, fake.InvalidParameterFormat},
		{"not an object", "POST", "/_fake/faults", js, `["*"]`, "", "", "", 400, fake.InvalidParameterFormat},
		{"two objects", "POST", "/_fake/faults", js, `{"action":"*","lose":true}{}`, "", "", "", 400, fake.InvalidParameterFormat},
		{"unknown field", "POST", "/_fake/faults", js, `{"action":"*","lose":true,"count":1}`, "", "", "", 400, fake.InvalidParameterFormat},
		{"unknown action", "POST", "/_fake/faults", js, `{"action":"CreateClusters","throttle":true}`, "", "", "", 400, fake.InvalidParameter},
		{"no action", "POST", "/_fake/faults", js, `{"throttle":true}`, "", "", "", 400, fake.InvalidParameter},
		{"status below 400", "POST", "/_fake/faults", js, `{"action":"*","code":"Busy","status":399}`, "", "", "", 400, fake.InvalidParameter},
		{"status above 599", "POST", "/_fake/faults", js, `{"action":"*","code":"Busy","status":600}`, "", "", "", 400, fake.InvalidParameter},
		{"negative times", "POST", "/_fake/faults", js, `{"action":"*","throttle":true,"times":-1}`, "", "", "", 400, fake.InvalidParameter},
		{"status without code", "POST", "/_fake/faults", js, `{"action":"*","status":503}`, "", "", "", 400, fake.InvalidParameter},
		{"two kinds", "POST", "/_fake/faults", js, `{"action":"*","throttle":true,"lose":true}`, "", "", "", 400, fake.InvalidParameter},
		{"no kind", "POST", "/_fake/faults", js, `{"action":"*"}`, "", "", "", 400, fake.InvalidParameter},
		{"negative latency", "POST", "/_fake/faults", js, `{"action":"*","latency":"-1s"}`, "", "", "", 400, fake.InvalidParameter},
		{"latency not a duration", "POST", "/_fake/faults", js, `{"action":"*","latency":"soon"}`, "", "", "", 400, fake.InvalidParameter},
		{"wrong method", "PUT", "/_fake/faults", js, `{"action":"*","lose":true}`, "", "", "", 405, fake.InvalidActionNotFound},
		{"GET one rule", "GET", "/_fake/faults/f-1", "", "", "", "", "", 405, fake.InvalidActionNotFound},
		{"DELETE an unknown rule", "DELETE", "/_fake/faults/f-99", "", "", "", "", "", 404, fake.InvalidActionNotFound},
		{"remote peer", "POST", "/_fake/faults", js, `{"action":"*","lose":true}`, "192.0.2.7:40000", "", "", 403, fake.ErrorCheckAcl},
		{"remote peer reads", "GET", "/_fake/faults", "", "", "192.0.2.7:40000", "", "", 403, fake.ErrorCheckAcl},
		{"rebound host", "POST", "/_fake/faults", js, `{"action":"*","lose":true}`, "", "attacker.example:9180", "", 403, fake.ErrorCheckAcl},
		{"foreign origin", "POST", "/_fake/faults", js, `{"action":"*","lose":true}`, "", "", "https://attacker.example", 403, fake.ErrorCheckAcl},
		{"foreign origin clears", "DELETE", "/_fake/faults", "", "", "", "", "https://attacker.example", 403, fake.ErrorCheckAcl},
		{"absolute form", "POST", "http://127.0.0.1:9180/_fake/faults", js, `{"action":"*","lose":true}`, "", "", "", 403, fake.ErrorCheckAcl},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := fake.New(fake.WithClock(fake.Manual))
			kept := serveLocal(c, "POST", "/_fake/faults", js, `{"action":"DeleteCluster","code":"Busy","times":1}`)
			if kept.Code != http.StatusOK {
				t.Fatalf("adding a rule: HTTP %d %s", kept.Code, kept.Body)
			}
			r := httptest.NewRequest(tt.method, tt.target, strings.NewReader(tt.body))
			r.RemoteAddr, r.Host = "127.0.0.1:40000", "127.0.0.1:9180"
			if tt.remote != "" {
				r.RemoteAddr = tt.remote
			}
			if tt.host != "" {
				r.Host = tt.host
			}
			if tt.origin != "" {
				r.Header.Set("Origin", tt.origin)
			}
			if tt.contentType != "" {
				r.Header.Set("Content-Type", tt.contentType)
			}
			w := httptest.NewRecorder()
			c.Handler().ServeHTTP(w, r)
			e, shaped := envelope.DecodeError(w.Body.Bytes())
			if w.Code != tt.status || !shaped || e.Code != tt.code || e.RequestID == "" {
				t.Fatalf("HTTP %d %s, want %d %s in ACK's error shape", w.Code, w.Body, tt.status, tt.code)
			}
			list := serveLocal(c, "GET", "/_fake/faults", "", "")
			var rules []faultRule
			if err := json.Unmarshal(list.Body.Bytes(), &rules); err != nil || len(rules) != 1 || rules[0].ID != "f-1" {
				t.Fatalf("rules after a refused request: %s, want the one rule f-1", list.Body)
			}
		})
	}
}

// TestFaultsThrottleOverHTTP adds a rule over HTTP that throttles the next
// three CreateCluster calls signed by testAK: this SDK's cluster client
// sees a throttling error (ack.IsThrottled), the official SDK
// Throttling.User twice, then the rule is used up and creates succeed; the
// list shows how often it fired, and DELETE clears it.
func TestFaultsThrottleOverHTTP(t *testing.T) {
	srv := startServer(t)
	url := srv.URL() + "/_fake/faults"
	added := controlJSON[faultRule](t, "POST", url, `{"action":"CreateCluster","throttle":true,"times":3,"principal":"`+testAK+`"}`)
	want := faultRule{ID: "f-1", Action: "CreateCluster", Throttle: true, Times: 3, Principal: testAK}
	if diff := cmp.Diff(want, added); diff != "" {
		t.Fatalf("added rule (-want +got):\n%s", diff)
	}
	cfg, err := ack.LoadConfig(context.Background(),
		ack.WithRegion(fake.DefaultRegion), ack.WithEndpoint(srv.URL()), ack.WithScheme("http"),
		ack.WithCredentials(testAK, testSecret), ack.WithRetry(ack.RetryPolicy{MaxAttempts: 1}))
	if err != nil {
		t.Fatal(err)
	}
	defer closeIdleConns(cfg)
	_, err = cluster.NewClient(cfg).Create(context.Background(), lostSpec("throttled"))
	if !ack.IsThrottled(err) {
		t.Fatalf("this SDK's Create: %v, want a throttling error", err)
	}
	sdk := newSDKClient(t, srv, testAK, testSecret)
	create := func(name string) error {
		req := cs.CreateCreateClusterRequest()
		sdk.point(req.RoaRequest)
		b, _ := json.Marshal(managedRequest(name))
		req.SetContent(b)
		_, err := sdk.CreateCluster(req)
		return err
	}
	for i := range 2 {
		se := serverError(t, create("throttled"))
		if se.HttpStatus() != http.StatusBadRequest || !strings.Contains(se.Message(), fake.ThrottlingUser) {
			t.Fatalf("create %d: HTTP %d %s, want 400 %s", i+1, se.HttpStatus(), se.Message(), fake.ThrottlingUser)
		}
	}
	if err := create("served"); err != nil {
		t.Fatalf("create after the rule ran out: %v", err)
	}
	if n := len(srv.Cloud().Clusters()); n != 1 {
		t.Fatalf("%d clusters, want the one created after the rule ran out", n)
	}
	want.Fired = 3
	if diff := cmp.Diff([]faultRule{want}, controlJSON[[]faultRule](t, "GET", url, "")); diff != "" {
		t.Fatalf("listed rules (-want +got):\n%s", diff)
	}
	type cleared struct {
		Cleared int `json:"cleared"`
	}
	if got := controlJSON[cleared](t, "DELETE", url, ""); got.Cleared != 1 {
		t.Fatalf("DELETE answered %v, want 1 cleared", got)
	}
	if got := controlJSON[[]faultRule](t, "GET", url, ""); len(got) != 0 {
		t.Fatalf("rules after DELETE: %+v", got)
	}
}

// TestFaultsLoseOverHTTP loses the answer of the first CreateCluster with
// a rule added over HTTP: the SDK's cluster client, on ack.LoadConfig's
// real transport, retries and creates exactly one cluster.
func TestFaultsLoseOverHTTP(t *testing.T) {
	srv := startServer(t)
	url := srv.URL() + "/_fake/faults"
	controlJSON[faultRule](t, "POST", url, `{"action":"CreateCluster","lose":true,"times":1}`)
	cfg, err := ack.LoadConfig(context.Background(),
		ack.WithRegion(fake.DefaultRegion), ack.WithEndpoint(srv.URL()), ack.WithScheme("http"),
		ack.WithCredentials(testAK, testSecret),
		ack.WithRetry(ack.RetryPolicy{BaseDelay: time.Millisecond, MaxDelay: 10 * time.Millisecond}))
	if err != nil {
		t.Fatal(err)
	}
	defer closeIdleConns(cfg)
	c := cluster.NewClient(cfg, func(o *cluster.ClientOptions) {
		o.Wait.MinDelay, o.Wait.MaxDelay, o.Wait.MaxWait = time.Millisecond, 5*time.Millisecond, 20*time.Second
	})
	ctx := context.Background()
	op, err := c.Create(ctx, lostSpec("lost-once"))
	if err != nil {
		t.Fatalf("Create with its answer lost once: %v", err)
	}
	if _, err := op.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	if n := len(srv.Cloud().Clusters()); n != 1 {
		t.Fatalf("the fake holds %d clusters, want exactly 1", n)
	}
	lost := 0
	for _, k := range srv.Cloud().Calls() {
		if k.Lost {
			lost++
		}
	}
	rules := controlJSON[[]faultRule](t, "GET", url, "")
	if lost != 1 || len(rules) != 1 || rules[0].Fired != 1 {
		t.Fatalf("%d answers lost, rules %+v; want one lost by the rule", lost, rules)
	}
}

// lostSpec is a managed cluster for the fault tests.
func lostSpec(name string) cluster.Spec {
	return cluster.Spec{
		Name: name, Region: fake.DefaultRegion, Form: cluster.ManagedPro,
		VPCID: "vpc-faults", VSwitches: []cluster.VSwitch{{ID: "vsw-faults"}},
		Network: cluster.Network{Plugin: cluster.Flannel, PodCIDR: "172.20.0.0/16"},
	}
}

// closeIdleConns closes the idle connections of a Config's real
// transport.
func closeIdleConns(cfg *ack.Config) {
	if c, ok := cfg.Options().Transport.(interface{ CloseIdleConnections() }); ok {
		c.CloseIdleConnections()
	}
}

// TestFaultsKinds adds rules of each kind in process and checks what the
// calls see, newest rule first: latency on the virtual clock, then an
// error with its code, status and message; a rule for another principal
// never fires. Deleting one rule by ID keeps the others, and Reset clears
// them all.
func TestFaultsKinds(t *testing.T) {
	c := fake.New(fake.WithClock(fake.Manual))
	add := func(body string) faultRule {
		t.Helper()
		w := serveLocal(c, "POST", "/_fake/faults", "application/json", body)
		var r faultRule
		if err := json.Unmarshal(w.Body.Bytes(), &r); w.Code != http.StatusOK || err != nil {
			t.Fatalf("POST %s: HTTP %d %s", body, w.Code, w.Body)
		}
		return r
	}
	list := func() []faultRule {
		t.Helper()
		var rules []faultRule
		if err := json.Unmarshal(serveLocal(c, "GET", "/_fake/faults", "", "").Body.Bytes(), &rules); err != nil {
			t.Fatal(err)
		}
		return rules
	}
	other := add(`{"action":"*","code":"Forbidden.Other","principal":"LTAIsomeoneelse"}`)
	busy := add(`{"action":"DescribeClustersV1","code":"ServiceUnavailable","status":503,"message":"try later","times":1}`)
	slow := add(`{"action":"DescribeClustersV1","latency":"10m","times":1}`)

	before := c.Now()
	if resp := call(t, c, wire.ActionDescribeClustersV1, nil, nil, nil); resp.StatusCode != http.StatusOK {
		t.Fatalf("first list: HTTP %d %s, want it served after the latency", resp.StatusCode, resp.Body)
	}
	if got := c.Now().Sub(before); got != 10*time.Minute {
		t.Fatalf("the latency rule moved the clock by %s, want 10m", got)
	}
	resp := call(t, c, wire.ActionDescribeClustersV1, nil, nil, nil)
	if e := errorBody(t, resp); resp.StatusCode != http.StatusServiceUnavailable || e.Code != "ServiceUnavailable" || e.Message != "try later" {
		t.Fatalf("second list: HTTP %d %+v, want 503 ServiceUnavailable: try later", resp.StatusCode, e)
	}
	if resp := call(t, c, wire.ActionDescribeClustersV1, nil, nil, nil); resp.StatusCode != http.StatusOK {
		t.Fatalf("third list: HTTP %d %s, want it served: both rules ran out and the third is another caller's", resp.StatusCode, resp.Body)
	}
	other.Status, busy.Fired, slow.Fired = http.StatusBadRequest, 1, 1
	if diff := cmp.Diff([]faultRule{other, busy, slow}, list()); diff != "" {
		t.Fatalf("rules (-want +got):\n%s", diff)
	}

	if w := serveLocal(c, "DELETE", "/_fake/faults/"+busy.ID, "", ""); w.Code != http.StatusOK {
		t.Fatalf("DELETE %s: HTTP %d %s", busy.ID, w.Code, w.Body)
	}
	if diff := cmp.Diff([]faultRule{other, slow}, list()); diff != "" {
		t.Fatalf("rules after deleting %s (-want +got):\n%s", busy.ID, diff)
	}
	c.Reset()
	if got := list(); len(got) != 0 {
		t.Fatalf("rules after Reset: %+v", got)
	}
}

// TestFaultsClearKeepsGoReactors checks that DELETE /_fake/faults removes
// the rules' reactors only: a reactor added in Go still answers, and a
// cleared rule no longer does.
func TestFaultsClearKeepsGoReactors(t *testing.T) {
	c := fake.New(fake.WithClock(fake.Manual))
	c.PrependReactor(wire.ActionDescribeClustersV1, fake.ReturnError("GoReactor", 0, "from Go"))
	if w := serveLocal(c, "POST", "/_fake/faults", "application/json", `{"action":"*","code":"FromRule"}`); w.Code != http.StatusOK {
		t.Fatalf("POST: HTTP %d %s", w.Code, w.Body)
	}
	if e := errorBody(t, call(t, c, wire.ActionDescribeClustersV1, nil, nil, nil)); e.Code != "FromRule" {
		t.Fatalf("with the rule: %+v, want FromRule", e)
	}
	if w := serveLocal(c, "DELETE", "/_fake/faults", "", ""); w.Code != http.StatusOK {
		t.Fatalf("DELETE: HTTP %d %s", w.Code, w.Body)
	}
	if e := errorBody(t, call(t, c, wire.ActionDescribeClustersV1, nil, nil, nil)); e.Code != "GoReactor" {
		t.Fatalf("after clearing the rules: %+v, want the Go reactor's GoReactor", e)
	}
}

// TestFaultsWireShapes records the answers of POST and GET /_fake/faults
// in golden files: the newer error rule answers both calls, so the older
// latency rule never fires.
func TestFaultsWireShapes(t *testing.T) {
	c := fake.New(fake.WithClock(fake.Manual))
	if w := serveLocal(c, "POST", "/_fake/faults", "application/json", `{"action":"*","latency":"90s"}`); w.Code != http.StatusOK {
		t.Fatalf("POST: HTTP %d %s", w.Code, w.Body)
	}
	added := serveLocal(c, "POST", "/_fake/faults", "application/json",
		`{"action":"DescribeClustersV1","code":"ServiceUnavailable","status":503,"message":"try later","times":2,"principal":"in-process"}`)
	if added.Code != http.StatusOK {
		t.Fatalf("POST: HTTP %d %s", added.Code, added.Body)
	}
	golden(t, "faults_rule.json", added.Body.Bytes())
	before := c.Now()
	for range 2 {
		if resp := call(t, c, wire.ActionDescribeClustersV1, nil, nil, nil); resp.StatusCode != http.StatusServiceUnavailable {
			t.Fatalf("list: HTTP %d %s, want the error rule's 503", resp.StatusCode, resp.Body)
		}
	}
	if !c.Now().Equal(before) {
		t.Fatal("the latency rule fired although the newer error rule answered")
	}
	golden(t, "faults_list.json", serveLocal(c, "GET", "/_fake/faults", "", "").Body.Bytes())
}
