package fake_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
	"github.com/google/go-cmp/cmp"
)

type httpBill struct {
	Currency string `json:"currency"`
	Total    string `json:"total"`
	Lines    []struct {
		Item     string `json:"item"`
		Resource string `json:"resource"`
		Amount   string `json:"amount"`
	} `json:"lines"`
}

// The meter over HTTP: container instances started, listed and stopped,
// and the bill, on a real socket.
func TestMeterOverHTTP(t *testing.T) {
	c := fake.New(fake.WithClock(fake.Manual), fake.WithStart(meterStart))
	sls := create2(t, c, serverlessRequest("sls"))
	c.Advance(10 * time.Minute) // 10:10
	srv := httptest.NewServer(c.Handler())
	defer srv.Close()
	do := func(method, path, body string) (int, []byte) {
		t.Helper()
		req, err := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, b
	}
	status, body := do(http.MethodPost, "/_fake/container-instances", `{"cluster_id":"`+sls+`","count":2,"vcpu":"2","memory_gib":"4"}`)
	if status != http.StatusOK {
		t.Fatalf("start: HTTP %d %s", status, body)
	}
	var started []struct {
		ID        string `json:"id"`
		VCPU      string `json:"vcpu"`
		MemoryGiB string `json:"memory_gib"`
		Started   string `json:"started"`
	}
	if err := json.Unmarshal(body, &started); err != nil || len(started) != 2 || started[0].VCPU != "2" || started[0].MemoryGiB != "4" || started[0].Started != "2026-03-02T10:10:00+08:00" {
		t.Fatalf("start answer %s (%v)", body, err)
	}
	c.Advance(50 * time.Second)
	if status, body := do(http.MethodPost, "/_fake/container-instances/stop", `{"cluster_id":"`+sls+`","ids":["`+started[0].ID+`"]}`); status != http.StatusOK {
		t.Fatalf("stop: HTTP %d %s", status, body)
	}
	status, body = do(http.MethodGet, "/_fake/container-instances?cluster_id="+sls, "")
	var listed []map[string]string
	if err := json.Unmarshal(body, &listed); status != http.StatusOK || err != nil || len(listed) != 2 || listed[0]["stopped"] != "2026-03-02T10:10:50+08:00" || listed[1]["stopped"] != "" {
		t.Fatalf("list: HTTP %d %s", status, body)
	}
	c.Advance(49*time.Minute + 10*time.Second) // 11:00
	q := url.Values{"from": {"2026-03-02T10:00:00+08:00"}, "to": {"2026-03-02T11:00:00+08:00"}}
	status, body = do(http.MethodGet, "/_fake/bill?"+q.Encode(), "")
	if status != http.StatusOK {
		t.Fatalf("bill: HTTP %d %s", status, body)
	}
	var b httpBill
	if err := json.Unmarshal(body, &b); err != nil {
		t.Fatal(err)
	}
	type line struct{ Item, Amount string }
	var got []line
	for _, l := range b.Lines {
		got = append(got, line{l.Item, l.Amount})
	}
	// 50 s of 2 vCPU / 4 GiB: 0.006126 → 0.01; 3000 s: 0.36756 → 0.37;
	// the CLB has no fee.
	want := []line{{"eci", "0.01"}, {"eci", "0.37"}, {"clb.internal", "0.00"}}
	if diff := cmp.Diff(want, got); diff != "" || b.Total != "0.38" || b.Currency != "CNY" {
		t.Errorf("bill %s (-want +got):\n%s", body, diff)
	}
	if status, body := do(http.MethodGet, "/_fake/bill?from=yesterday", ""); status != http.StatusBadRequest || !strings.Contains(string(body), "RFC 3339") {
		t.Errorf("a bad time: HTTP %d %s", status, body)
	}
	if status, body := do(http.MethodPost, "/_fake/bill", ""); status != http.StatusMethodNotAllowed {
		t.Errorf("POST /_fake/bill: HTTP %d %s", status, body)
	}
	if status, body := do(http.MethodPost, "/_fake/container-instances", `{"cluster_id":"`+sls+`","count":1,"vcpu":"1e3","memory_gib":"4"}`); status != http.StatusBadRequest {
		t.Errorf("vcpu 1e3: HTTP %d %s", status, body)
	}
}

// The meter's endpoints have the control endpoints' protections: a
// foreign peer, Host or Origin, or a body that is not JSON, is refused and
// starts nothing.
func TestMeterEndpointsRefuseForeignRequests(t *testing.T) {
	tests := []struct {
		name, method, target, remote, host, origin, contentType, body string
		status                                                        int
	}{
		{"foreign peer", http.MethodGet, "/_fake/bill", "192.0.2.1:4000", "127.0.0.1:9180", "", "", "", http.StatusForbidden},
		{"rebound host", http.MethodGet, "/_fake/bill", "127.0.0.1:4000", "attacker.example:9180", "", "", "", http.StatusForbidden},
		{"foreign origin", http.MethodGet, "/_fake/bill", "127.0.0.1:4000", "127.0.0.1:9180", "https://attacker.example", "", "", http.StatusForbidden},
		{"cross-site start", http.MethodPost, "/_fake/container-instances", "127.0.0.1:4000", "127.0.0.1:9180", "", "text/plain",
			`{"cluster_id":"%s","count":5,"vcpu":"1","memory_gib":"1"}`, http.StatusUnsupportedMediaType},
		{"foreign start", http.MethodPost, "/_fake/container-instances", "127.0.0.1:4000", "attacker.example", "", "application/json",
			`{"cluster_id":"%s","count":5,"vcpu":"1","memory_gib":"1"}`, http.StatusForbidden},
		{"local start", http.MethodPost, "/_fake/container-instances", "127.0.0.1:4000", "localhost:9180", "", "application/json",
			`{"cluster_id":"%s","count":5,"vcpu":"1","memory_gib":"1"}`, http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := fake.New(fake.WithClock(fake.Manual))
			id := decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, serverlessRequest("s"))).ClusterID
			c.Advance(5 * time.Minute)
			r := httptest.NewRequest(tt.method, tt.target, strings.NewReader(strings.ReplaceAll(tt.body, "%s", id)))
			r.RemoteAddr, r.Host = tt.remote, tt.host
			if tt.origin != "" {
				r.Header.Set("Origin", tt.origin)
			}
			if tt.contentType != "" {
				r.Header.Set("Content-Type", tt.contentType)
			}
			w := httptest.NewRecorder()
			c.Handler().ServeHTTP(w, r)
			if w.Code != tt.status {
				t.Fatalf("HTTP %d %s; want %d", w.Code, w.Body, tt.status)
			}
			wantRunning := 0
			if tt.status == http.StatusOK && tt.method == http.MethodPost {
				wantRunning = 5
			}
			if got := len(c.ContainerInstances(id)); got != wantRunning {
				t.Errorf("%d container instances; want %d", got, wantRunning)
			}
		})
	}
}
