package ack

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/ackgo/ack/internal/vclock"
)

// TestReconcileAfterRefusedResend covers a write whose first attempt was
// applied although the server answered 503, so that its re-send is refused
// for good: a Reconcile request asks its hook once more and ends with what
// the hook found; without a finding, or for other modes, the refusal stands.
func TestReconcileAfterRefusedResend(t *testing.T) {
	found := &Response{StatusCode: http.StatusOK, Body: []byte(`{"cluster_id":"c-1"}`), RequestID: "found"}
	tests := []struct {
		name       string
		mode       RetryMode
		hook       ReconcileFunc
		replies    []reply
		wantFound  bool
		wantCalls  int
		wantSends  int
		wantNotFnd bool
	}{
		{"hook finds the result", Reconcile,
			func(context.Context, error) (*Response, error) { return found, nil },
			[]reply{answer(503, "ServiceUnavailable"), answer(404, "ErrorClusterNotFound")}, true, 1, 2, false},
		{"hook finds nothing", Reconcile,
			func(context.Context, error) (*Response, error) { return nil, nil },
			[]reply{answer(503, "ServiceUnavailable"), answer(404, "ErrorClusterNotFound")}, false, 1, 2, true},
		{"hook fails", Reconcile,
			func(context.Context, error) (*Response, error) { return nil, errors.New("list failed") },
			[]reply{answer(503, "ServiceUnavailable"), answer(404, "ErrorClusterNotFound")}, false, 1, 2, true},
		{"first attempt refused: no reconcile", Reconcile,
			func(context.Context, error) (*Response, error) { return found, nil },
			[]reply{answer(404, "ErrorClusterNotFound")}, false, 0, 1, true},
		{"IfNotSent: no hook", IfNotSent, nil,
			[]reply{answer(503, "ServiceUnavailable"), answer(404, "ErrorClusterNotFound")}, false, 0, 2, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := vclock.NewAuto()
			s := &script{clock: clock, replies: tt.replies}
			p := newTestPipeline(pipelineSettings{Transport: s, Clock: clock})
			calls := 0
			req := &Request{Action: "DeleteCluster", Method: http.MethodDelete, Path: "/clusters/c-1", Retry: tt.mode}
			if tt.hook != nil {
				req.Reconcile = func(ctx context.Context, cause error) (*Response, error) {
					calls++
					return tt.hook(ctx, cause)
				}
			}
			resp, err := p.RoundTrip(context.Background(), req)
			if tt.wantFound {
				if err != nil || resp != found {
					t.Fatalf("RoundTrip = %v, %v; want the hook's response", resp, err)
				}
			} else if !errors.Is(err, ErrNotFound) {
				t.Fatalf("RoundTrip error %v; want the refusal (not found)", err)
			}
			if calls != tt.wantCalls {
				t.Errorf("hook called %d times, want %d", calls, tt.wantCalls)
			}
			if got := s.attempts(); got != tt.wantSends {
				t.Errorf("sent %d times, want %d", got, tt.wantSends)
			}
		})
	}
}
