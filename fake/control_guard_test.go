package fake_test

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/envelope"
	"github.com/ackgo/ack/internal/wire"
)

// TestControlEndpointsRefuseForeignRequests sends control requests from a
// loopback peer that a web page could make a browser send: a foreign Host
// (DNS rebinding), a foreign Origin, a cross-site text/plain or form POST,
// and an absolute-form request URI. Each is refused with a 4xx in ACK's
// error shape and leaves the fake as it was; the requests a local tool
// sends are served.
func TestControlEndpointsRefuseForeignRequests(t *testing.T) {
	tests := []struct {
		name        string
		method      string
		target      string // request-target: a path, or absolute form
		host        string
		origin      string
		contentType string
		body        string
		local       net.Addr // the address the connection arrived on
		status      int
	}{
		{"loopback IPv4 host", http.MethodPost, "/_fake/reset", "127.0.0.1:9180", "", "", "", nil, http.StatusOK},
		{"loopback host without port", http.MethodGet, "/_fake/clock", "127.0.0.1", "", "", "", nil, http.StatusOK},
		{"other 127 address", http.MethodGet, "/_fake/clock", "127.8.9.10:9180", "", "", "", nil, http.StatusOK},
		{"localhost", http.MethodGet, "/_fake/clock", "localhost:9180", "", "", "", nil, http.StatusOK},
		{"LOCALHOST", http.MethodGet, "/_fake/clock", "LOCALHOST:9180", "", "", "", nil, http.StatusOK},
		{"IPv6 loopback", http.MethodGet, "/_fake/clock", "[::1]:9180", "", "", "", nil, http.StatusOK},
		{"the listen address", http.MethodGet, "/_fake/clock", "192.0.2.10:9180", "", "", "",
			&net.TCPAddr{IP: net.ParseIP("192.0.2.10"), Port: 9180}, http.StatusOK},
		{"loopback origin", http.MethodPost, "/_fake/advance?d=1s", "localhost:9180", "http://localhost:3000", "", "", nil, http.StatusOK},
		{"JSON body", http.MethodPost, "/_fake/advance", "127.0.0.1:9180", "", "application/json", `{"duration":"1s"}`, nil, http.StatusOK},
		{"JSON body with charset", http.MethodPost, "/_fake/advance", "127.0.0.1:9180", "", "application/json; charset=utf-8", `{"duration":"1s"}`, nil, http.StatusOK},

		{"rebound host", http.MethodPost, "/_fake/reset", "attacker.example:9180", "", "", "", nil, http.StatusForbidden},
		{"localhost subdomain of a foreign name", http.MethodPost, "/_fake/reset", "localhost.attacker.example", "", "", "", nil, http.StatusForbidden},
		{"no host", http.MethodPost, "/_fake/reset", "", "", "", "", nil, http.StatusForbidden},
		{"another address than the listen one", http.MethodPost, "/_fake/reset", "192.0.2.11:9180", "", "", "",
			&net.TCPAddr{IP: net.ParseIP("192.0.2.10"), Port: 9180}, http.StatusForbidden},
		{"foreign origin", http.MethodPost, "/_fake/reset", "127.0.0.1:9180", "https://attacker.example", "", "", nil, http.StatusForbidden},
		{"null origin", http.MethodPost, "/_fake/reset", "127.0.0.1:9180", "null", "", "", nil, http.StatusForbidden},
		{"foreign origin on a read", http.MethodGet, "/_fake/calls", "127.0.0.1:9180", "https://attacker.example", "", "", nil, http.StatusForbidden},
		{"text/plain body", http.MethodPost, "/_fake/advance", "127.0.0.1:9180", "", "text/plain", `{"duration":"1h"}`, nil, http.StatusUnsupportedMediaType},
		{"form body", http.MethodPost, "/_fake/reset", "127.0.0.1:9180", "", "application/x-www-form-urlencoded", "a=b", nil, http.StatusUnsupportedMediaType},
		{"body without a type", http.MethodPost, "/_fake/advance", "127.0.0.1:9180", "", "", `{"duration":"1h"}`, nil, http.StatusUnsupportedMediaType},
		{"text/plain without a body", http.MethodPost, "/_fake/reset", "127.0.0.1:9180", "", "text/plain", "", nil, http.StatusUnsupportedMediaType},
		{"absolute form", http.MethodPost, "http://127.0.0.1:9180/_fake/reset", "127.0.0.1:9180", "", "", "", nil, http.StatusForbidden},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := fake.New(fake.WithClock(fake.Manual))
			id := decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, managedRequest("kept"))).ClusterID
			before := c.Now()

			r := httptest.NewRequest(tt.method, tt.target, strings.NewReader(tt.body))
			r.RemoteAddr = "127.0.0.1:40000"
			r.Host = tt.host
			if tt.origin != "" {
				r.Header.Set("Origin", tt.origin)
			}
			if tt.contentType != "" {
				r.Header.Set("Content-Type", tt.contentType)
			}
			if tt.local != nil {
				r = r.WithContext(context.WithValue(r.Context(), http.LocalAddrContextKey, tt.local))
			}
			w := httptest.NewRecorder()
			c.Handler().ServeHTTP(w, r)
			if w.Code != tt.status {
				t.Fatalf("HTTP %d %s, want %d", w.Code, w.Body, tt.status)
			}
			if tt.status == http.StatusOK {
				return
			}
			if e, ok := envelope.DecodeError(w.Body.Bytes()); !ok || e.Code == "" || e.RequestID == "" {
				t.Fatalf("body %s, want ACK's error shape", w.Body)
			}
			if _, ok := c.Cluster(id); !ok || !c.Now().Equal(before) {
				t.Fatal("a refused control request changed the fake")
			}
		})
	}
}

// TestControlEndpointsRefuseAbsoluteFormOverHTTP writes an absolute-form
// request line to a real server: it is refused and the fake is not reset.
func TestControlEndpointsRefuseAbsoluteFormOverHTTP(t *testing.T) {
	c := fake.New()
	call(t, c, wire.ActionCreateCluster, nil, nil, managedRequest("kept"))
	srv, err := c.Server()
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	conn, err := net.DialTimeout("tcp", srv.Addr(), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
	_, err = io.WriteString(conn, "POST http://"+srv.Addr()+"/_fake/reset HTTP/1.1\r\nHost: "+srv.Addr()+"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if e, ok := envelope.DecodeError(b); resp.StatusCode != http.StatusForbidden || !ok || e.Code != fake.ErrorCheckAcl {
		t.Fatalf("HTTP %d %s, want 403 ErrorCheckAcl", resp.StatusCode, b)
	}
	if len(c.Clusters()) != 1 {
		t.Fatal("the absolute-form request reset the fake")
	}
}
