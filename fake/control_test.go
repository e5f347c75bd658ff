package fake_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ackgo/ack/fake"
)

func httpDo(t *testing.T, method, url, body string) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
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
	return resp.StatusCode, b
}

func TestControlEndpoints(t *testing.T) {
	c := fake.New(fake.WithClock(fake.Manual))
	srv, err := c.Server()
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if srv.Cloud() != c || !strings.HasPrefix(srv.URL(), "http://127.0.0.1:") {
		t.Fatalf("server %s", srv.URL())
	}

	// Without credentials any well-formed request is accepted, unsigned.
	if status, body := httpDo(t, http.MethodPost, srv.URL()+"/clusters", mustJSON(t, managedRequest("ctl"))); status != 200 {
		t.Fatalf("unsigned create: %d %s", status, body)
	}
	type clock struct{ Now, Mode string }
	tests := []struct {
		name, method, path, body string
		status                   int
		check                    func(t *testing.T, body []byte)
	}{
		{"clock", http.MethodGet, "/_fake/clock", "", 200, func(t *testing.T, b []byte) {
			var got clock
			_ = json.Unmarshal(b, &got)
			if got.Mode != "manual" || got.Now != "2026-01-01T08:00:00+08:00" {
				t.Fatalf("clock %s", b)
			}
		}},
		{"advance by query", http.MethodPost, "/_fake/advance?d=8m", "", 200, func(t *testing.T, b []byte) {
			if !strings.Contains(string(b), "08:08:00+08:00") {
				t.Fatalf("after advance: %s", b)
			}
		}},
		{"advance by body", http.MethodPost, "/_fake/advance", `{"duration":"1h"}`, 200, func(t *testing.T, b []byte) {
			if !strings.Contains(string(b), "09:08:00+08:00") {
				t.Fatalf("after advance: %s", b)
			}
		}},
		{"advance backwards", http.MethodPost, "/_fake/advance?d=-1m", "", 400, nil},
		{"advance without duration", http.MethodPost, "/_fake/advance", "", 400, nil},
		{"calls", http.MethodGet, "/_fake/calls", "", 200, func(t *testing.T, b []byte) {
			var calls []map[string]any
			if err := json.Unmarshal(b, &calls); err != nil || len(calls) != 1 || calls[0]["action"] != "CreateCluster" {
				t.Fatalf("calls %s", b)
			}
			if strings.Contains(string(b), "vpc-managed1") {
				t.Fatalf("the call log shows a body: %s", b)
			}
		}},
		{"wrong method", http.MethodGet, "/_fake/reset", "", 405, nil},
		{"unknown endpoint", http.MethodGet, "/_fake/nothing", "", 404, nil},
		{"reset", http.MethodPost, "/_fake/reset", "", 200, func(t *testing.T, b []byte) {
			if len(c.Clusters()) != 0 || len(c.Calls()) != 0 {
				t.Fatal("reset kept state")
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := httpDo(t, tt.method, srv.URL()+tt.path, tt.body)
			if status != tt.status {
				t.Fatalf("HTTP %d %s, want %d", status, body, tt.status)
			}
			if tt.check != nil {
				tt.check(t, body)
			}
		})
	}
	if got := c.Now().Sub(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)); got != 68*time.Minute {
		t.Fatalf("clock moved %s, want 68m", got)
	}
}

func TestControlEndpointsAreLoopbackOnly(t *testing.T) {
	c := fake.New()
	tests := []struct {
		remote string
		status int
	}{
		{"192.0.2.1:1234", http.StatusForbidden},
		{"127.0.0.1:1234", http.StatusOK},
		{"[::1]:1234", http.StatusOK},
		{"garbage", http.StatusForbidden},
	}
	for _, tt := range tests {
		t.Run(tt.remote, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, "/_fake/clock", nil)
			r.Host = "127.0.0.1:9180"
			r.RemoteAddr = tt.remote
			w := httptest.NewRecorder()
			c.Handler().ServeHTTP(w, r)
			if w.Code != tt.status {
				t.Fatalf("HTTP %d %s, want %d", w.Code, w.Body, tt.status)
			}
		})
	}
}

func TestServerLostResponseClosesTheConnection(t *testing.T) {
	c := fake.New()
	c.PrependReactor(fake.AllActions, fake.Once(fake.LoseResponse()))
	srv, err := c.Server()
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	req, _ := http.NewRequest(http.MethodPost, srv.URL()+"/clusters", strings.NewReader(mustJSON(t, managedRequest("lost"))))
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
		t.Fatalf("got HTTP %d, want the connection closed", resp.StatusCode)
	}
	if len(c.Clusters()) != 1 || !c.Calls()[0].Lost {
		t.Fatal("the create whose answer was lost was not applied and logged")
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
