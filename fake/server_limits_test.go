package fake_test

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/envelope"
)

// shortLimits are HTTP limits short enough for tests to watch them act.
var shortLimits = fake.HTTPLimits{
	ReadHeaderTimeout: 200 * time.Millisecond,
	ReadTimeout:       400 * time.Millisecond,
	IdleTimeout:       300 * time.Millisecond,
}

// TestSlowConnectionsAreClosed holds connections the way a slowloris
// client does: headers that never end, a body that never ends, and an
// idle keep-alive connection. The server closes each once its timeout
// passes.
func TestSlowConnectionsAreClosed(t *testing.T) {
	srv, err := fake.NewServer("127.0.0.1:0", fake.WithHTTPLimits(shortLimits))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	tests := []struct {
		name string
		send string
	}{
		{"headers never end", "GET /quota HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "},
		{"body never ends", "POST /clusters HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"name\":"},
		{"idle after an answer", "GET /quota HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"},
		{"silent", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conn := dial(t, srv)
			if _, err := io.WriteString(conn, tt.send); err != nil {
				t.Fatal(err)
			}
			closedByServer(t, conn)
		})
	}
}

// TestConnectionCap opens as many connections as the cap allows and holds
// them: one more is not served until one of them closes.
func TestConnectionCap(t *testing.T) {
	limits := fake.HTTPLimits{MaxConns: 2}
	srv, err := fake.NewServer("127.0.0.1:0", fake.WithHTTPLimits(limits))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	get := func(conn net.Conn) error {
		if _, err := io.WriteString(conn, "GET /quota HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"); err != nil {
			return err
		}
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			return err
		}
		resp.Body.Close()
		return nil
	}
	held := []net.Conn{dial(t, srv), dial(t, srv)}
	for _, c := range held {
		if err := get(c); err != nil {
			t.Fatalf("a connection within the cap: %v", err)
		}
	}
	extra := dial(t, srv)
	_ = extra.SetDeadline(time.Now().Add(300 * time.Millisecond))
	var ne net.Error
	if err := get(extra); !errors.As(err, &ne) || !ne.Timeout() {
		t.Fatalf("a connection over the cap: %v, want no answer", err)
	}
	held[0].Close()
	_ = extra.SetDeadline(time.Now().Add(5 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(extra), nil)
	if err != nil {
		t.Fatalf("the waiting connection, once another closed: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("the waiting connection: HTTP %d", resp.StatusCode)
	}
}

// TestHeaderLimits sends more header fields than the handler takes, and
// more header bytes than the server reads: both are refused with 431.
func TestHeaderLimits(t *testing.T) {
	srv, err := fake.NewServer("127.0.0.1:0", fake.WithHTTPLimits(fake.HTTPLimits{MaxHeaderBytes: 8 << 10}))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	send := func(t *testing.T, fields, size int) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, srv.URL()+"/quota", nil)
		for i := range fields {
			req.Header.Set(fmt.Sprintf("X-Many-%d", i), strings.Repeat("v", size))
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, b
	}
	t.Run("too many fields", func(t *testing.T) {
		resp, b := send(t, fake.MaxRequestHeaders+1, 1)
		if e, ok := envelope.DecodeError(b); resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge || !ok || e.Code != fake.InvalidParameter {
			t.Fatalf("HTTP %d %s, want 431 InvalidParameter in ACK's error shape", resp.StatusCode, b)
		}
	})
	t.Run("too many bytes", func(t *testing.T) {
		if resp, b := send(t, 4, 4<<10); resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
			t.Fatalf("HTTP %d %s, want 431", resp.StatusCode, b)
		}
	})
	t.Run("within the limits", func(t *testing.T) {
		if resp, b := send(t, 20, 100); resp.StatusCode != http.StatusOK {
			t.Fatalf("HTTP %d %s, want 200", resp.StatusCode, b)
		}
	})
}
