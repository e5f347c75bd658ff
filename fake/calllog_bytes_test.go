package fake_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/envelope"
	"github.com/ackgo/ack/internal/signing"
	"github.com/ackgo/ack/internal/wire"
)

// bodyBytes sums the bodies of calls.
func bodyBytes(calls []fake.Call) int {
	n := 0
	for _, k := range calls {
		n += len(k.Body)
	}
	return n
}

// TestCallLogIsBoundedInBytesByDefault logs more request bodies than the
// default byte bound holds: the log keeps the most recent calls that fit,
// in at most 64 MiB, while TotalCalls counts them all.
func TestCallLogIsBoundedInBytesByDefault(t *testing.T) {
	const calls, size = 17, 4<<20 - 1 // 68 MiB in all
	c := fake.New()
	body := bytes.Repeat([]byte{' '}, size)
	for range calls {
		req := wire.NewRequest(wire.ActionDescribeUserQuota)
		req.Body = body
		if _, err := c.Transport().RoundTrip(context.Background(), req); err != nil {
			t.Fatal(err)
		}
	}
	kept := c.Calls()
	if n := bodyBytes(kept); n > 64<<20 || n == 0 {
		t.Fatalf("the log keeps %d bytes of bodies in %d calls, want at most 64 MiB", n, len(kept))
	}
	if last := kept[len(kept)-1]; last.Seq != calls || len(last.Body) != size {
		t.Fatalf("newest kept call #%d with %d bytes, want #%d with its body", last.Seq, len(last.Body), calls)
	}
	if c.TotalCalls() != calls {
		t.Fatalf("TotalCalls() = %d, want %d", c.TotalCalls(), calls)
	}
}

// TestRefusedCallKeepsNoBody sends unsigned and wrongly signed writes with
// bodies to a fake with credentials: the log records each refusal, without
// its body.
func TestRefusedCallKeepsNoBody(t *testing.T) {
	c := fake.New(fake.WithCredential(testAK, testSecret))
	body := []byte(mustJSONf(managedRequest("unsigned")))
	tests := []struct {
		name string
		req  func() *http.Request
		code string
	}{
		{"unsigned", func() *http.Request {
			r := httptest.NewRequest(http.MethodPost, "/clusters", bytes.NewReader(body))
			r.Header.Set("Content-Type", "application/json")
			return r
		}, fake.MissingAuthorization},
		{"unknown key", func() *http.Request {
			r := signedRequest(t, http.MethodPost, "/clusters", body, signing.ACS3, time.Now(), "")
			r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), testAK, "LTAIunknownkey", 1))
			return r
		}, fake.InvalidAccessKeyIDNotFound},
		{"no route", func() *http.Request {
			return httptest.NewRequest(http.MethodPost, "/no/such/api", bytes.NewReader(body))
		}, fake.InvalidActionNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c.ClearCalls()
			w := httptest.NewRecorder()
			c.Handler().ServeHTTP(w, tt.req())
			if e, ok := envelope.DecodeError(w.Body.Bytes()); !ok || e.Code != tt.code {
				t.Fatalf("HTTP %d %s, want code %s", w.Code, w.Body, tt.code)
			}
			calls := c.Calls()
			if len(calls) != 1 || calls[0].Code != tt.code {
				t.Fatalf("calls %v, want the refusal logged", calls)
			}
			if len(calls[0].Body) != 0 {
				t.Fatalf("the refused call's body is kept: %d bytes", len(calls[0].Body))
			}
		})
	}
}

// TestOversizedBodyIsRefused sends a body one byte over the largest the
// fake reads: it is refused with 413 in ACK's error shape, before its
// signature is checked, and its body is not kept.
func TestOversizedBodyIsRefused(t *testing.T) {
	c := fake.New(fake.WithCredential(testAK, testSecret))
	srv, err := c.Server()
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	body := bytes.Repeat([]byte{' '}, fake.MaxRequestBody+1)
	resp, err := http.Post(srv.URL()+"/clusters", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	e, ok := envelope.DecodeError(out)
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !ok || e.Code != fake.InvalidParameter || e.RequestID == "" {
		t.Fatalf("HTTP %d %s, want 413 InvalidParameter in ACK's error shape", resp.StatusCode, out)
	}
	if calls := c.Calls(); len(calls) != 1 || len(calls[0].Body) != 0 {
		t.Fatalf("calls %v, want the refusal logged without its body", calls)
	}
}

// TestCallsEndpointCopiesNoBody lists a log of large bodies through GET
// /_fake/calls, which shows no bodies: serving it allocates far less than
// the bodies the log holds.
func TestCallsEndpointCopiesNoBody(t *testing.T) {
	const calls, size = 16, 1 << 20
	c := fake.New()
	body := bytes.Repeat([]byte{' '}, size)
	for range calls {
		req := wire.NewRequest(wire.ActionDescribeUserQuota)
		req.Body = body
		if _, err := c.Transport().RoundTrip(context.Background(), req); err != nil {
			t.Fatal(err)
		}
	}
	r := httptest.NewRequest(http.MethodGet, "/_fake/calls", nil)
	r.Host = "127.0.0.1:9180"
	r.RemoteAddr = "127.0.0.1:5000"
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	w := httptest.NewRecorder()
	c.Handler().ServeHTTP(w, r)
	runtime.ReadMemStats(&after)
	if w.Code != http.StatusOK {
		t.Fatalf("HTTP %d %s", w.Code, w.Body)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > calls*size/4 {
		t.Fatalf("GET /_fake/calls allocated %d bytes for a log of %d bytes of bodies, want far less", got, calls*size)
	}
}
