package fake_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/envelope"
)

// controlFixture is a fake with something for every control endpoint to
// act on: a running serverless cluster with one container instance, and a
// running managed cluster with an autoscaled pool.
type controlFixture struct {
	c                *fake.Cloud
	sls, mk, np, eci string
}

func newControlFixture(t *testing.T, opts ...fake.Option) controlFixture {
	t.Helper()
	c := fake.New(append([]fake.Option{fake.WithClock(fake.Manual)}, opts...)...)
	f := controlFixture{c: c}
	f.sls = runningCluster(t, c, serverlessRequest("sls"))
	f.mk = runningCluster(t, c, managedRequest("mk"))
	f.np, _ = createPool(t, c, f.mk, autoscaledBody("auto", 1, 5))
	c.Advance(15 * time.Minute)
	ids, err := c.StartContainerInstances(f.sls, 1, fake.ContainerSize{MilliCPU: 1000, MemoryMiB: 2048})
	if err != nil {
		t.Fatal(err)
	}
	f.eci = ids[0]
	return f
}

// fill puts the fixture's IDs in place of {sls}, {mk}, {np} and {eci}.
func (f controlFixture) fill(s string) string {
	return strings.NewReplacer("{sls}", f.sls, "{mk}", f.mk, "{np}", f.np, "{eci}", f.eci).Replace(s)
}

// fingerprint is what a control request may change, in words.
func (f controlFixture) fingerprint(t *testing.T) string {
	t.Helper()
	running := 0
	for _, ci := range f.c.ContainerInstances(f.sls) {
		if ci.Stopped.IsZero() {
			running++
		}
	}
	w := serveLocal(f.c, "GET", "/_fake/faults", "", "")
	var rules []json.RawMessage
	if err := json.Unmarshal(w.Body.Bytes(), &rules); err != nil {
		t.Fatalf("GET /_fake/faults: %s", w.Body)
	}
	return fmt.Sprintf("account %v; limits %v; now %s; %d clusters; %d instances; %d nodes; %d rules",
		f.c.Account(), f.c.Limits(), f.c.Now(), len(f.c.Clusters()), running, len(f.c.Nodes(f.mk)), len(rules))
}

// controlEndpoint is one control endpoint and a request it serves.
type controlEndpoint struct {
	method, target, body string // body "" for none
}

// controlEndpoints lists every control endpoint, old and new, with a
// request each serves.
var controlEndpoints = []controlEndpoint{
	{"GET", "/_fake/clock", ""},
	{"POST", "/_fake/advance", `{"duration":"1s"}`},
	{"GET", "/_fake/calls", ""},
	{"POST", "/_fake/reset", `{}`},
	{"GET", "/_fake/state", ""},
	{"PUT", "/_fake/state", `{}`},
	{"GET", "/_fake/faults", ""},
	{"POST", "/_fake/faults", `{"action":"CreateCluster","throttle":true,"times":1}`},
	{"DELETE", "/_fake/faults", ""},
	{"GET", "/_fake/bill", ""},
	{"GET", "/_fake/account", ""},
	{"POST", "/_fake/account", `{"balance":"5.00 CNY","real_name_verified":false}`},
	{"GET", "/_fake/limits", ""},
	{"POST", "/_fake/limits", `{"clusters":{"max":3},"pay_as_you_go_funds":{"min":"10.00 CNY"}}`},
	{"GET", "/_fake/instances?cluster_id={sls}", ""},
	{"POST", "/_fake/instances", `{"cluster_id":"{sls}","count":1,"vcpu":"1","memory_gib":"2"}`},
	{"POST", "/_fake/instances/stop", `{"cluster_id":"{sls}","ids":["{eci}"]}`},
	{"DELETE", "/_fake/instances/{eci}?cluster_id={sls}", ""},
	{"GET", "/_fake/container-instances?cluster_id={sls}", ""},
	{"POST", "/_fake/container-instances", `{"cluster_id":"{sls}","count":1,"vcpu":"1","memory_gib":"2"}`},
	{"POST", "/_fake/container-instances/stop", `{"cluster_id":"{sls}","ids":["{eci}"]}`},
	{"POST", "/_fake/demand", `{"cluster_id":"{mk}","nodepool_id":"{np}","nodes":3}`},
}

// controlVariant changes a request the endpoint serves into one to judge.
type controlVariant struct {
	name     string
	bodied   bool   // only for endpoints that take a body
	token    string // the server's control token; "" for none
	body     func(string) string
	method   string // "" keeps the endpoint's
	remote   string // "" for 127.0.0.1:40000
	host     string // "" for 127.0.0.1:9180
	origin   string
	ctype    string // "" for application/json when there is a body
	header   [2]string
	status   int
	codeWant string // "" for a success
}

const controlToken = "s3cret-t0ken"

var controlVariants = []controlVariant{
	{name: "local tool", status: 200},
	{name: "malformed JSON", bodied: true, body: func(string) string { return `{"` }, status: 400, codeWant: "InvalidParameter"},
	{name: "not JSON", bodied: true, body: func(string) string { return `hello` }, status: 400, codeWant: "InvalidParameter"},
	{name: "a JSON array", bodied: true, body: func(string) string { return `[]` }, status: 400, codeWant: "InvalidParameter"},
	{name: "unknown field", bodied: true, body: func(b string) string { return `{"bogus":1,` + strings.TrimPrefix(b, "{") }, status: 400, codeWant: "InvalidParameter"},
	{name: "two objects", bodied: true, body: func(b string) string { return b + `{}` }, status: 400, codeWant: "InvalidParameter"},
	{name: "text/plain", bodied: true, ctype: "text/plain", status: 415, codeWant: fake.InvalidParameter},
	{name: "form", bodied: true, ctype: "application/x-www-form-urlencoded", status: 415, codeWant: fake.InvalidParameter},
	{name: "wrong method", method: "PATCH", status: 405, codeWant: fake.InvalidActionNotFound},
	{name: "foreign Host", host: "attacker.example:9180", status: 403, codeWant: fake.ErrorCheckAcl},
	{name: "foreign Origin", origin: "https://attacker.example", status: 403, codeWant: fake.ErrorCheckAcl},
	{name: "remote without a token", remote: "192.0.2.7:5000", status: 403, codeWant: fake.ErrorCheckAcl},
	{name: "remote with a token the server lacks", remote: "192.0.2.7:5000", header: [2]string{fake.ControlTokenHeader, controlToken}, status: 403, codeWant: fake.ErrorCheckAcl},
	{name: "local with a token the server lacks", header: [2]string{fake.ControlTokenHeader, controlToken}, status: 403, codeWant: fake.ErrorCheckAcl},

	{name: "token server: local tool without the token", token: controlToken, status: 200},
	{name: "token server: remote without the token", token: controlToken, remote: "192.0.2.7:5000", status: 403, codeWant: fake.ErrorCheckAcl},
	{name: "token server: remote with a wrong token", token: controlToken, remote: "192.0.2.7:5000", header: [2]string{fake.ControlTokenHeader, "guess"}, status: 403, codeWant: fake.ErrorCheckAcl},
	{name: "token server: remote with a longer token", token: controlToken, remote: "192.0.2.7:5000", header: [2]string{fake.ControlTokenHeader, controlToken + "x"}, status: 403, codeWant: fake.ErrorCheckAcl},
	{name: "token server: local with a wrong token", token: controlToken, header: [2]string{"Authorization", "Bearer guess"}, status: 403, codeWant: fake.ErrorCheckAcl},
	{name: "token server: remote with the token", token: controlToken, remote: "192.0.2.7:5000", header: [2]string{fake.ControlTokenHeader, controlToken}, status: 200},
	{name: "token server: remote with the token as a bearer", token: controlToken, remote: "[2001:db8::7]:5000", header: [2]string{"Authorization", "Bearer " + controlToken}, status: 200},
	{name: "token server: remote with the token for a service name", token: controlToken, remote: "10.1.2.3:5000", host: "ackfake:9180", header: [2]string{fake.ControlTokenHeader, controlToken}, status: 200},
	{name: "token server: remote with the token and a foreign Origin", token: controlToken, remote: "192.0.2.7:5000", origin: "https://attacker.example", header: [2]string{fake.ControlTokenHeader, controlToken}, status: 403, codeWant: fake.ErrorCheckAcl},
	{name: "token server: remote with the token and text/plain", bodied: true, token: controlToken, remote: "192.0.2.7:5000", ctype: "text/plain", header: [2]string{fake.ControlTokenHeader, controlToken}, status: 415, codeWant: fake.InvalidParameter},
	{name: "token server: remote with the token and malformed JSON", bodied: true, token: controlToken, remote: "192.0.2.7:5000", body: func(string) string { return `{"` }, header: [2]string{fake.ControlTokenHeader, controlToken}, status: 400, codeWant: "InvalidParameter"},
}

// TestControlEndpointsJudgeEveryRequest sends every control endpoint a
// request it serves, then the same request made malformed, of the wrong
// type or method, from a foreign site, from a remote client with and
// without the control token: each refusal is a 4xx in ACK's error shape
// that leaves the fake as it was and never shows the token; the requests
// a local tool or a token-bearing client sends are served.
func TestControlEndpointsJudgeEveryRequest(t *testing.T) {
	for _, e := range controlEndpoints {
		for _, v := range controlVariants {
			if v.bodied && e.body == "" {
				continue
			}
			t.Run(e.method+" "+e.target+": "+v.name, func(t *testing.T) {
				var opts []fake.Option
				if v.token != "" {
					opts = append(opts, fake.WithControlToken(v.token))
				}
				f := newControlFixture(t, opts...)
				before := f.fingerprint(t)
				w := httptest.NewRecorder()
				f.c.Handler().ServeHTTP(w, v.request(f, e))
				if w.Code != v.status {
					t.Fatalf("HTTP %d %s, want %d", w.Code, w.Body, v.status)
				}
				if strings.Contains(w.Body.String(), controlToken) {
					t.Fatalf("the answer shows the control token: %s", w.Body)
				}
				if v.codeWant == "" {
					return
				}
				if b, ok := envelope.DecodeError(w.Body.Bytes()); !ok || !strings.HasPrefix(b.Code, v.codeWant) || b.RequestID == "" {
					t.Fatalf("body %s, want ACK's error shape with a code %s...", w.Body, v.codeWant)
				}
				if after := f.fingerprint(t); after != before {
					t.Fatalf("a refused request changed the fake:\nbefore %s\nafter  %s", before, after)
				}
			})
		}
	}
}

// request builds the request of variant v to endpoint e.
func (v controlVariant) request(f controlFixture, e controlEndpoint) *http.Request {
	method, body := e.method, f.fill(e.body)
	if v.method != "" {
		method = v.method
	}
	if v.body != nil {
		body = v.body(body)
	}
	r := httptest.NewRequest(method, f.fill(e.target), strings.NewReader(body))
	r.RemoteAddr, r.Host = "127.0.0.1:40000", "127.0.0.1:9180"
	if v.remote != "" {
		r.RemoteAddr = v.remote
	}
	if v.host != "" {
		r.Host = v.host
	}
	if v.origin != "" {
		r.Header.Set("Origin", v.origin)
	}
	switch {
	case v.ctype != "":
		r.Header.Set("Content-Type", v.ctype)
	case body != "":
		r.Header.Set("Content-Type", "application/json")
	}
	if v.header[0] != "" {
		r.Header.Set(v.header[0], v.header[1])
	}
	return r
}

// TestControlUnknownEndpointListsThem: the refusal of an unknown control
// endpoint names every one there is.
func TestControlUnknownEndpointListsThem(t *testing.T) {
	w := serveLocal(fake.New(), "GET", "/_fake/nope", "", "")
	b, ok := envelope.DecodeError(w.Body.Bytes())
	if w.Code != http.StatusNotFound || !ok || b.Code != fake.InvalidActionNotFound {
		t.Fatalf("HTTP %d %s, want 404 InvalidAction.NotFound", w.Code, w.Body)
	}
	for _, name := range []string{"clock", "advance", "calls", "reset", "faults", "bill", "account", "limits", "instances", "instances/stop", "demand"} {
		if !strings.Contains(b.Message, " "+name+",") && !strings.Contains(b.Message, " "+name+" ") && !strings.HasSuffix(b.Message, " "+name) {
			t.Errorf("message %q does not name %s", b.Message, name)
		}
	}
}
