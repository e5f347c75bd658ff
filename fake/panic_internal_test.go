package fake

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/ackgo/ack/internal/envelope"
	"github.com/ackgo/ack/internal/wire"
)

// TestPanicInActionIsInternalError makes an action panic while it holds
// the store's lock: over HTTP and in process, the call is answered 500
// InternalError in ACK's error shape and logged, and the next calls (an
// API call and a control endpoint) are served, so the lock was released.
func TestPanicInActionIsInternalError(t *testing.T) {
	const action = wire.ActionDescribeUserQuota
	saved := actions[action]
	actions[action] = func(c *Cloud, r *request) answer {
		_, e := update(c.st, func(time.Time) (struct{}, *Error) { panic("boom in the store") })
		return fail(e)
	}
	t.Cleanup(func() { actions[action] = saved })

	c := New()
	srv, err := c.Server()
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	client := &http.Client{Timeout: 5 * time.Second}

	resp, err := client.Get(srv.URL() + "/quota")
	if err != nil {
		t.Fatalf("over HTTP: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusInternalServerError {
		t.Fatalf("over HTTP: HTTP %d, want 500", resp.StatusCode)
	}

	r, err := c.Transport().RoundTrip(context.Background(), wire.NewRequest(action))
	if err != nil {
		t.Fatalf("in process: %v", err)
	}
	e, ok := envelope.DecodeError(r.Body)
	if r.StatusCode != http.StatusInternalServerError || !ok || e.Code != InternalError || e.RequestID == "" || e.RequestID != r.RequestID {
		t.Fatalf("in process: HTTP %d %s, want 500 InternalError with the request ID", r.StatusCode, r.Body)
	}
	calls := c.Calls()
	if len(calls) != 2 || calls[1].Status != http.StatusInternalServerError || calls[1].Code != InternalError {
		t.Fatalf("calls %+v, want both panicking calls logged as 500 InternalError", calls)
	}

	// The lock is free: a read of the store and a control endpoint answer.
	for _, path := range []string{"/api/v1/clusters", "/_fake/clock"} {
		resp, err := client.Get(srv.URL() + path)
		if err != nil {
			t.Fatalf("GET %s after the panic: %v", path, err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s after the panic: HTTP %d", path, resp.StatusCode)
		}
	}
}
