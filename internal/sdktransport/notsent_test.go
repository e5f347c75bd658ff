package sdktransport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ackgo/ack/internal/signing"
)

// closedAddr returns an address on which nothing listens any more.
func closedAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	return addr
}

// hangUpServer reads each request whole and closes the connection without
// answering.
func hangUpServer(t *testing.T) string {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		conn, _, err := w.(http.Hijacker).Hijack()
		if err != nil {
			t.Errorf("hijack: %v", err)
			return
		}
		_ = conn.Close()
	})
	return srv.Listener.Addr().String()
}

func TestNotSent(t *testing.T) {
	create := Call{Action: "CreateCluster", Method: "POST", Path: "/clusters", Body: []byte(`{"name":"prod"}`)}
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name        string
		transport   func(t *testing.T) *Transport
		ctx         context.Context
		wantNotSent bool
		wantAuth    bool
		wantIs      error
	}{
		{
			name: "connection refused",
			transport: func(t *testing.T) *Transport {
				return newTransport(t, closedAddr(t), signing.ACS3, staticTestCredentials())
			},
			wantNotSent: true,
		},
		{
			name: "TLS handshake fails (unknown authority)",
			transport: func(t *testing.T) *Transport {
				srv := httptest.NewTLSServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
					t.Error("the handler ran although the handshake should fail")
				}))
				srv.Config.ErrorLog = discardLog()
				t.Cleanup(srv.Close)
				tr, err := New(Options{Endpoint: srv.Listener.Addr().String(), Signing: signing.ACS3, Credentials: staticTestCredentials()})
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(tr.CloseIdleConnections)
				return tr
			},
			wantNotSent: true,
		},
		{
			name: "no credentials",
			transport: func(t *testing.T) *Transport {
				return newTransport(t, closedAddr(t), signing.ROAv1, StaticCredentials("", "", ""))
			},
			wantNotSent: true,
			wantAuth:    true,
		},
		{
			name: "context canceled before sending",
			transport: func(t *testing.T) *Transport {
				return newTransport(t, hangUpServer(t), signing.ACS3, staticTestCredentials())
			},
			ctx:         canceled,
			wantNotSent: true,
			wantIs:      context.Canceled,
		},
		{
			name: "server hangs up after reading the request",
			transport: func(t *testing.T) *Transport {
				return newTransport(t, hangUpServer(t), signing.ACS3, staticTestCredentials())
			},
			wantNotSent: false,
			wantIs:      io.EOF,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := tt.transport(t)
			ctx := tt.ctx
			if ctx == nil {
				ctx = context.Background()
			}
			resp, err := tr.Send(ctx, create.Clone())
			if err == nil {
				t.Fatalf("Send = %v, want an error", resp)
			}
			if resp != nil {
				t.Errorf("Send returned a response with its error: %v", resp)
			}
			if got := IsNotSent(err); got != tt.wantNotSent {
				t.Errorf("IsNotSent(%v) = %v, want %v", err, got, tt.wantNotSent)
			}
			if got := IsCredentialFailure(err); got != tt.wantAuth {
				t.Errorf("IsCredentialFailure(%v) = %v, want %v", err, got, tt.wantAuth)
			}
			if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
				t.Errorf("error %v does not match %v", err, tt.wantIs)
			}
			if !strings.Contains(err.Error(), "CreateCluster") {
				t.Errorf("error %q does not name the action", err)
			}
			assertNoSecret(t, "error", err.Error())
		})
	}
}

// TestNoCredentialsSaysWhatToDo checks that a missing credential ends the
// call as an authentication failure whose text says how to provide one,
// and that a provider that merely ran out of time is not one.
func TestNoCredentialsSaysWhatToDo(t *testing.T) {
	tr := newTransport(t, closedAddr(t), signing.ACS3, StaticCredentials("", "", ""))
	_, err := tr.Send(context.Background(), &Call{Action: "DescribeClusterDetail", Method: "GET", Path: "/clusters/c-1"})
	if !IsCredentialFailure(err) {
		t.Fatalf("Send error %v is not a credential failure", err)
	}
	if !strings.HasPrefix(err.Error(), credentialsHint+". ") {
		t.Errorf("error %q does not start with the hint %q", err, credentialsHint)
	}
	for _, want := range []string{"ALIBABA_CLOUD_ACCESS_KEY_ID", "ack.WithCredentials", "DescribeClusterDetail (GET /clusters/c-1) was not sent", "static credentials"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %s", err, want)
		}
	}
	slow := &credentialsError{err: fmt.Errorf("refresh took longer than 1s: %w", context.DeadlineExceeded)}
	if IsCredentialFailure(slow) {
		t.Errorf("a credential timeout counts as an authentication failure: %v", slow)
	}
}
