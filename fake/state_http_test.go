package fake_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/envelope"
	"github.com/ackgo/ack/internal/wire"
)

// goldenWorld is a small deterministic world: a managed cluster with a
// pool whose nodes log in by password, and a pool being created.
func goldenWorld(t *testing.T) *fake.Cloud {
	t.Helper()
	c := fake.New(fake.WithClock(fake.Manual),
		fake.WithVSwitch(fake.VSwitch{ID: "vsw-managed1", VPCID: "vpc-managed1", ZoneID: "cn-hangzhou-k", CIDR: "192.168.0.0/24"}))
	id := runningCluster(t, c, managedRequest("golden"))
	body := poolBody("web", 1)
	body.ScalingGroup.KeyPair, body.ScalingGroup.LoginPassword = "", "Hello1234!"
	createPool(t, c, id, body)
	return c
}

// TestStateGoldenJSON records a small State's JSON in a golden file (the
// pool's password in clear: a state file is a secret) and reads the file
// back: a Cloud restored from it writes the same JSON.
func TestStateGoldenJSON(t *testing.T) {
	b, err := json.Marshal(goldenWorld(t).Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "state_small.json", b)
	if !bytes.Contains(b, []byte(`"login_password":"Hello1234!"`)) {
		t.Errorf("the state's JSON lost the pool's password: %s", b)
	}
	file, err := os.ReadFile(filepath.Join("testdata", "state_small.json"))
	if err != nil {
		t.Fatal(err)
	}
	var s fake.State
	if err := json.Unmarshal(file, &s); err != nil {
		t.Fatal(err)
	}
	again, err := json.Marshal(fake.New(fake.WithClock(fake.Manual), fake.WithState(s)).Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "state_small.json", again)
}

// TestStateOverHTTP reads the state with GET /_fake/state and puts it
// back with PUT into another Cloud, which then holds the same world; bad
// bodies, non-JSON content, foreign hosts and refused states are answered
// with a 4xx in ACK's error shape and change nothing.
func TestStateOverHTTP(t *testing.T) {
	const js = "application/json"
	src := goldenWorld(t)
	got := serveLocal(src, http.MethodGet, "/_fake/state", "", "")
	if got.Code != http.StatusOK {
		t.Fatalf("GET /_fake/state: HTTP %d %s", got.Code, got.Body)
	}
	state := got.Body.String()
	dst := fake.New(fake.WithClock(fake.Manual))
	if w := serveLocal(dst, http.MethodPut, "/_fake/state", js, state); w.Code != http.StatusOK {
		t.Fatalf("PUT /_fake/state: HTTP %d %s", w.Code, w.Body)
	}
	if d := stateDiff(src.Snapshot(), dst.Snapshot(), false); d != "" {
		t.Fatalf("the world put over HTTP (-source +destination):\n%s", d)
	}

	refused := strings.Replace(state, `"state":"running"`, `"state":"sleeping"`, 1)
	tests := []struct {
		name, method, host, contentType, body string
		status                                int
		code, says                            string
	}{
		{"malformed JSON", http.MethodPut, "", js, `{"clusters": [`, http.StatusBadRequest, fake.InvalidParameterFormat, "JSON state"},
		{"unknown field", http.MethodPut, "", js, `{"cluster": []}`, http.StatusBadRequest, fake.InvalidParameterFormat, "unknown field"},
		{"two objects", http.MethodPut, "", js, `{} {}`, http.StatusBadRequest, fake.InvalidParameterFormat, "nothing after it"},
		{"a spec the cluster package cannot read", http.MethodPut, "", js, `{"clusters":[{"id":"c1","spec":{"cluster_type":"Nope"}}]}`, http.StatusBadRequest, fake.InvalidParameterFormat, "cluster.form.known"},
		{"a refused state", http.MethodPut, "", js, refused, http.StatusBadRequest, fake.InvalidParameter, fake.RuleStateKnown},
		{"text/plain", http.MethodPut, "", "text/plain", state, http.StatusUnsupportedMediaType, fake.InvalidParameter, "application/json"},
		{"no content type", http.MethodPut, "", "", state, http.StatusUnsupportedMediaType, fake.InvalidParameter, "application/json"},
		{"foreign host", http.MethodGet, "attacker.example", "", "", http.StatusForbidden, fake.ErrorCheckAcl, "loopback host"},
		{"foreign host on a put", http.MethodPut, "attacker.example:9180", js, state, http.StatusForbidden, fake.ErrorCheckAcl, "loopback host"},
		{"another method", http.MethodPost, "", js, state, http.StatusMethodNotAllowed, fake.InvalidActionNotFound, "GET or PUT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := goldenWorld(t)
			before := c.Snapshot()
			w := serveHost(c, tt.method, "/_fake/state", tt.host, tt.contentType, tt.body)
			if w.Code != tt.status {
				t.Fatalf("HTTP %d %s, want %d", w.Code, w.Body, tt.status)
			}
			e, ok := envelope.DecodeError(w.Body.Bytes())
			if !ok || e.Code != tt.code || !strings.Contains(e.Message, tt.says) || e.RequestID == "" {
				t.Fatalf("answer %s, want code %s saying %q with a request ID", w.Body, tt.code, tt.says)
			}
			if d := stateDiff(before, c.Snapshot(), false); d != "" {
				t.Errorf("a refused request changed the world (-before +after):\n%s", d)
			}
		})
	}
}

// serveHost is serveLocal with a Host header of its own ("" keeps the
// loopback one).
func serveHost(c *fake.Cloud, method, path, host, contentType, body string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, path, strings.NewReader(body))
	r.RemoteAddr, r.Host = "127.0.0.1:40000", "127.0.0.1:9180"
	if host != "" {
		r.Host = host
	}
	if contentType != "" {
		r.Header.Set("Content-Type", contentType)
	}
	w := httptest.NewRecorder()
	c.Handler().ServeHTTP(w, r)
	return w
}

// TestStateSnapshotOfAnAdvancedClock restores a State whose time is
// before the Cloud's: the clock stays where it is (virtual time never runs
// back) and the State's changes that are due by then have completed.
func TestStateSnapshotOfAnAdvancedClock(t *testing.T) {
	c := fake.New(fake.WithClock(fake.Manual))
	resp := call(t, c, wire.ActionCreateCluster, nil, nil, managedRequest("late"))
	id := decode[wire.CreateClusterResponse](t, resp).ClusterID
	snap := c.Snapshot()
	c.Advance(time.Hour)
	now := c.Now()
	if err := c.Restore(snap); err != nil {
		t.Fatal(err)
	}
	if !c.Now().Equal(now) {
		t.Fatalf("clock at %v after restoring an older state, want %v", c.Now(), now)
	}
	if cl, _ := c.Cluster(id); cl.State != "running" {
		t.Fatalf("cluster %s an hour after its create started, want running", cl.State)
	}
}
