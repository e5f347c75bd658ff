package sdktransport

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"go.uber.org/goleak"

	"github.com/ackgo/ack/internal/signing"
)

func TestCancelWhileServerHoldsRequest(t *testing.T) {
	// Registered first, so it runs last: after the transport's idle
	// connections and the server are closed.
	t.Cleanup(func() { goleak.VerifyNone(t) })

	started := make(chan struct{})
	observed := make(chan struct{})
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-r.Context().Done()
		close(observed)
	})
	tr := newTransport(t, srv.Listener.Addr().String(), signing.ACS3, staticTestCredentials())

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	errc := make(chan error, 1)
	go func() {
		_, err := tr.Send(ctx, &Call{Action: "DescribeClusterDetail", Method: "GET", Path: "/clusters/c-1"})
		errc <- err
	}()
	<-started
	cancel()
	err := <-errc
	<-observed // the handler saw its request's context end

	if !errors.Is(err, context.Canceled) {
		t.Fatalf("RoundTrip: %v, want context.Canceled", err)
	}
	if IsNotSent(err) {
		t.Errorf("IsNotSent(%v) = true, but the server had the request", err)
	}
	assertNoSecret(t, "error", err.Error())
}
