package ack

import (
	"context"
	"errors"
	"fmt"
	"net"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/internal/vclock"
)

// reconcileHook says what a Reconcile request's hook does in a step row.
type reconcileHook int

const (
	noHook reconcileHook = iota
	hookFinds
	hookSafe
	hookFails
)

var errHook = errors.New("looking up the cluster by client token: boom")

// span is the allowed range of one delay between attempts.
type span struct{ lo, hi time.Duration }

func (s span) String() string { return fmt.Sprintf("[%s, %s]", s.lo, s.hi) }

const ms = time.Millisecond

var (
	reset      = fmt.Errorf("read tcp 10.0.0.1:443: %w", syscall.ECONNRESET)
	timeout    = fmt.Errorf("attempt: %w", context.DeadlineExceeded)
	notSent    = MarkNotSent(&net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED})
	unknownErr = errors.New("x509: certificate signed by unknown authority")
)

func TestRetrySteps(t *testing.T) {
	first := []span{{200 * ms, 400 * ms}, {200 * ms, 800 * ms}, {200 * ms, 1600 * ms}, {200 * ms, 3200 * ms}}
	tests := []struct {
		name     string
		mode     RetryMode
		hook     reconcileHook
		replies  []reply
		budget   budgetSettings // zero: testBudget()
		deadline time.Duration
		// maxAttempts overrides the policy's 5 when not zero.
		maxAttempts int

		attempts   int
		reconciles int
		gaps       []span
		budgetLeft int
		wantErr    error  // errors.Is target; nil: success
		wantStatus int    // the *APIError's status, when the error has one
		reason     string // the *RetryError's reason; "" means a bare error
	}{
		{
			name:     "throttling and 503 on a read, then success",
			mode:     Safe,
			replies:  []reply{answer(400, "Throttling.User"), answer(503, "ServiceUnavailable"), ok()},
			attempts: 3, gaps: first[:2], budgetLeft: 500 - 5 - 5 + 1,
		},
		{
			name:     "every throttling code on a write refused unprocessed is re-sent",
			mode:     IfNotSent,
			replies:  []reply{answer(400, "Throttling"), answer(400, "Throttling.Api"), answer(403, "Rejected.Throttling"), answer(400, "QPS Limit Exceeded"), ok()},
			attempts: 5, gaps: first, budgetLeft: 500 - 4*5 + 1,
		},
		{
			name:     "429 without a code is throttling",
			mode:     IfNotSent,
			replies:  []reply{answer(429, ""), ok()},
			attempts: 2, gaps: first[:1], budgetLeft: 496,
		},
		{
			name:     "a write that provably was not sent is re-sent",
			mode:     IfNotSent,
			replies:  []reply{fail(notSent), ok()},
			attempts: 2, gaps: first[:1], budgetLeft: 496,
		},
		{
			name:     "500 after a POST was written is not re-sent under IfNotSent",
			mode:     IfNotSent,
			replies:  []reply{answer(500, "InternalError"), ok()},
			attempts: 1, budgetLeft: 500,
			wantErr: &APIError{}, wantStatus: 500, reason: ReasonUnsafeWrite,
		},
		{
			name:     "a reset after a POST was written is not re-sent under IfNotSent",
			mode:     IfNotSent,
			replies:  []reply{fail(reset), ok()},
			attempts: 1, budgetLeft: 500,
			wantErr: syscall.ECONNRESET, reason: ReasonUnsafeWrite,
		},
		{
			name:     "a 500 after a POST was written is reconciled under Reconcile: the hook finds the result",
			mode:     Reconcile,
			hook:     hookFinds,
			replies:  []reply{answer(500, "InternalError"), ok()},
			attempts: 1, reconciles: 1, budgetLeft: 500 - 5 + 1,
		},
		{
			name:     "a 502 under Reconcile: the hook finds the result, no re-send",
			mode:     Reconcile,
			hook:     hookFinds,
			replies:  []reply{answer(502, ""), ok()},
			attempts: 1, reconciles: 1, budgetLeft: 500 - 5 + 1,
		},
		{
			name:     "a reset under Reconcile: the hook says safe, re-sent",
			mode:     Reconcile,
			hook:     hookSafe,
			replies:  []reply{fail(reset), ok()},
			attempts: 2, reconciles: 1, gaps: first[:1], budgetLeft: 500 - 5 + 1,
		},
		{
			name:     "a timeout under Reconcile costs the timeout cost",
			mode:     Reconcile,
			hook:     hookSafe,
			replies:  []reply{fail(timeout), ok()},
			attempts: 2, reconciles: 1, gaps: first[:1], budgetLeft: 500 - 10 + 1,
		},
		{
			name:     "a 504 under Reconcile: the hook fails, the call ends",
			mode:     Reconcile,
			hook:     hookFails,
			replies:  []reply{answer(504, ""), ok()},
			attempts: 1, reconciles: 1, budgetLeft: 495,
			wantErr: errHook, wantStatus: 504, reason: ReasonReconcile,
		},
		{
			name:     "throttling under Reconcile is re-sent without the hook",
			mode:     Reconcile,
			hook:     hookFails,
			replies:  []reply{answer(400, "Throttling"), ok()},
			attempts: 2, gaps: first[:1], budgetLeft: 496,
		},
		{
			name:     "a Reconcile request without a hook is IfNotSent",
			mode:     Reconcile,
			replies:  []reply{answer(500, ""), ok()},
			attempts: 1, budgetLeft: 500,
			wantErr: &APIError{}, wantStatus: 500, reason: ReasonUnsafeWrite,
		},
		{
			name:     "a read retries 500, 502, a reset and a timeout",
			mode:     Safe,
			replies:  []reply{answer(500, "InternalError"), answer(502, ""), fail(reset), fail(timeout), ok()},
			attempts: 5, gaps: first, budgetLeft: 500 - 5 - 5 - 5 - 10 + 1,
		},
		{
			name:     "validation error: one attempt",
			mode:     Safe,
			replies:  []reply{answer(400, "InvalidParameter"), ok()},
			attempts: 1, budgetLeft: 500, wantErr: ErrInvalid, wantStatus: 400,
		},
		{
			name:     "not found: one attempt",
			mode:     Safe,
			replies:  []reply{answer(404, "ErrorClusterNotFound"), ok()},
			attempts: 1, budgetLeft: 500, wantErr: ErrNotFound, wantStatus: 404,
		},
		{
			name:     "quota: one attempt",
			mode:     IfNotSent,
			replies:  []reply{answer(400, "QuotaExceeded.Cluster"), ok()},
			attempts: 1, budgetLeft: 500, wantErr: ErrQuotaExceeded, wantStatus: 400,
		},
		{
			name:     "auth: one attempt",
			mode:     Safe,
			replies:  []reply{answer(403, "ErrorCheckAcl"), ok()},
			attempts: 1, budgetLeft: 500, wantErr: ErrAuth, wantStatus: 403,
		},
		{
			name:     "an unknown transport error: one attempt",
			mode:     Safe,
			replies:  []reply{fail(unknownErr), ok()},
			attempts: 1, budgetLeft: 500, wantErr: unknownErr,
		},
		{
			name:     "Never: throttling is not retried",
			mode:     Never,
			replies:  []reply{answer(400, "Throttling"), ok()},
			attempts: 1, budgetLeft: 500, wantErr: ErrThrottled, wantStatus: 400,
		},
		{
			name:     "Never: a 500 is returned as it is",
			mode:     Never,
			replies:  []reply{answer(500, ""), ok()},
			attempts: 1, budgetLeft: 500, wantErr: &APIError{}, wantStatus: 500,
		},
		{
			name:     "gives up after MaxAttempts",
			mode:     Safe,
			replies:  []reply{answer(400, "Throttling")},
			attempts: 5, gaps: first, budgetLeft: 500 - 4*5,
			wantErr: ErrThrottled, wantStatus: 400, reason: ReasonMaxAttempts,
		},
		{
			name:        "a policy of one attempt returns the error as it is",
			mode:        Safe,
			maxAttempts: 1,
			replies:     []reply{answer(400, "Throttling"), ok()},
			attempts:    1, budgetLeft: 500, wantErr: ErrThrottled, wantStatus: 400,
		},
		{
			name:     "a small budget runs out",
			mode:     Safe,
			budget:   budgetSettings{Capacity: 12, RetryCost: 5, TimeoutCost: 10, SuccessRefill: 1},
			replies:  []reply{answer(503, "ServiceUnavailable")},
			attempts: 3, gaps: first[:2], budgetLeft: 2,
			wantErr: &APIError{}, wantStatus: 503, reason: ReasonBudget,
		},
		{
			name:     "a timeout costs more than the budget left",
			mode:     Safe,
			budget:   budgetSettings{Capacity: 9, RetryCost: 5, TimeoutCost: 10, SuccessRefill: 1},
			replies:  []reply{fail(timeout)},
			attempts: 1, budgetLeft: 9,
			wantErr: context.DeadlineExceeded, reason: ReasonBudget,
		},
		{
			name:     "Retry-After is honoured",
			mode:     Safe,
			replies:  []reply{answerWith(503, "ServiceUnavailable", "Retry-After", "7"), ok()},
			attempts: 2, gaps: []span{{7 * time.Second, 7 * time.Second}}, budgetLeft: 496,
		},
		{
			name:     "Retry-After is clamped to MaxDelay",
			mode:     Safe,
			replies:  []reply{answerWith(429, "Throttling", "Retry-After", "3600"), ok()},
			attempts: 2, gaps: []span{{20 * time.Second, 20 * time.Second}}, budgetLeft: 496,
		},
		{
			name:     "TimeLeft of x-ratelimit-user-api is honoured",
			mode:     IfNotSent,
			replies:  []reply{answerWith(400, "Throttling.Api", headerRateLimitUserAPI, "Limit:10,Remain:0,TimeLeft:4500"), ok()},
			attempts: 2, gaps: []span{{4500 * ms, 4500 * ms}}, budgetLeft: 496,
		},
		{
			name:     "TimeLeft of x-ratelimit-user is clamped to MaxDelay",
			mode:     IfNotSent,
			replies:  []reply{answerWith(400, "Throttling.User", headerRateLimitUser, "Limit:100,TimeLeft:600000"), ok()},
			attempts: 2, gaps: []span{{20 * time.Second, 20 * time.Second}}, budgetLeft: 496,
		},
		{
			name:     "a deadline sooner than the next delay ends the call at once",
			mode:     Safe,
			deadline: 10 * time.Second,
			replies:  []reply{answerWith(503, "ServiceUnavailable", "Retry-After", "15"), ok()},
			attempts: 1, budgetLeft: 500,
			wantErr: &APIError{}, wantStatus: 503, reason: ReasonDeadline,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := vclock.NewAuto()
			srv := &script{clock: clock, replies: tt.replies}
			bp := tt.budget
			if bp == (budgetSettings{}) {
				bp = testBudget()
			}
			budget := newTokenBucket(bp)
			policy := testPolicy()
			if tt.maxAttempts != 0 {
				policy.MaxAttempts = tt.maxAttempts
			}
			p := newTestPipeline(pipelineSettings{Transport: srv, Clock: clock, Budget: budget, Retry: policy})

			req := postRequest(tt.mode)
			reconciles := 0
			found := &Response{StatusCode: 200, RequestID: "found-by-token"}
			if tt.hook != noHook {
				req.Reconcile = func(ctx context.Context, cause error) (*Response, error) {
					reconciles++
					if cause == nil {
						t.Error("reconcile hook got a nil cause")
					}
					switch tt.hook {
					case hookFinds:
						return found, nil
					case hookFails:
						return nil, errHook
					}
					return nil, nil
				}
			}
			ctx := context.Background()
			if tt.deadline > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tt.deadline)
				defer cancel()
			}

			resp, err := p.RoundTrip(ctx, req)

			if got := srv.attempts(); got != tt.attempts {
				t.Errorf("attempts = %d, want %d", got, tt.attempts)
			}
			if reconciles != tt.reconciles {
				t.Errorf("reconcile calls = %d, want %d", reconciles, tt.reconciles)
			}
			if got := budget.Tokens(); got != tt.budgetLeft {
				t.Errorf("budget left = %d, want %d", got, tt.budgetLeft)
			}
			gaps := srv.gaps()
			if len(gaps) != len(tt.gaps) {
				t.Errorf("gaps = %v, want %d within %v", gaps, len(tt.gaps), tt.gaps)
			}
			for i := range min(len(gaps), len(tt.gaps)) {
				if gaps[i] < tt.gaps[i].lo || gaps[i] > tt.gaps[i].hi {
					t.Errorf("gap %d = %s, want within %v", i+1, gaps[i], tt.gaps[i])
				}
			}
			checkResult(t, resp, err, tt.wantErr, tt.wantStatus, tt.reason, tt.attempts)
			if tt.hook == hookFinds && resp != found {
				t.Errorf("response = %v, want the one the hook found", resp)
			}
		})
	}
}

// checkResult checks the error of a call against the row's expectations.
func checkResult(t *testing.T, resp *Response, err, wantErr error, wantStatus int, reason string, attempts int) {
	t.Helper()
	if wantErr == nil {
		if err != nil {
			t.Fatalf("err = %v, want success", err)
		}
		if resp == nil || resp.StatusCode/100 != 2 {
			t.Fatalf("resp = %v, want a 2xx", resp)
		}
		return
	}
	if err == nil {
		t.Fatalf("err = nil, want %v", wantErr)
	}
	var apiErr *APIError
	if _, isAPI := wantErr.(*APIError); isAPI {
		if !errors.As(err, &apiErr) {
			t.Errorf("err = %v, want an *APIError", err)
		}
	} else if !errors.Is(err, wantErr) {
		t.Errorf("err = %v, want errors.Is %v", err, wantErr)
	}
	if wantStatus != 0 {
		if !errors.As(err, &apiErr) {
			t.Fatalf("err = %v, want an *APIError", err)
		}
		if apiErr.HTTPStatus != wantStatus {
			t.Errorf("status = %d, want %d", apiErr.HTTPStatus, wantStatus)
		}
		if apiErr.Action != "CreateCluster" {
			t.Errorf("action = %q, want CreateCluster", apiErr.Action)
		}
		if apiErr.RequestID == "" {
			t.Error("the *APIError has no request ID")
		}
	}
	var re *RetryError
	switch {
	case reason == "" && errors.As(err, &re):
		t.Errorf("err = %v, want the bare error, not a *RetryError", err)
	case reason != "" && !errors.As(err, &re):
		t.Errorf("err = %v, want a *RetryError (%s)", err, reason)
	case reason != "":
		if diff := cmp.Diff([]any{reason, attempts}, []any{re.Reason, re.Attempts}); diff != "" {
			t.Errorf("reason, attempts (-want +got):\n%s", diff)
		}
	}
}

func TestRetryDelaysExact(t *testing.T) {
	tests := []struct {
		name   string
		policy retrySettings
		rand   float64
		want   []time.Duration
	}{
		{"no jitter: the base", testPolicy(), 0, []time.Duration{200 * ms, 200 * ms, 200 * ms, 200 * ms}},
		{"top of the range: the doubling ceiling", testPolicy(), 1, []time.Duration{400 * ms, 800 * ms, 1600 * ms, 3200 * ms}},
		{"half way", testPolicy(), 0.5, []time.Duration{300 * ms, 500 * ms, 900 * ms, 1700 * ms}},
		{
			"the ceiling stops at MaxDelay",
			retrySettings{MaxAttempts: 6, BaseDelay: time.Second, MaxDelay: 5 * time.Second}, 1,
			[]time.Duration{2 * time.Second, 4 * time.Second, 5 * time.Second, 5 * time.Second, 5 * time.Second},
		},
		{
			"a base above the maximum is the maximum",
			retrySettings{MaxAttempts: 3, BaseDelay: 10 * time.Second, MaxDelay: time.Second}, 0.3,
			[]time.Duration{10 * time.Second, 10 * time.Second},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := vclock.NewAuto()
			srv := &script{clock: clock, replies: []reply{answer(503, "ServiceUnavailable")}}
			pol := tt.policy
			pol.Rand = func() float64 { return tt.rand }
			p := newTestPipeline(pipelineSettings{Transport: srv, Clock: clock, Retry: pol})
			_, err := p.RoundTrip(context.Background(), getRequest())
			if err == nil {
				t.Fatal("want an error")
			}
			if diff := cmp.Diff(tt.want, srv.gaps()); diff != "" {
				t.Errorf("delays (-want +got):\n%s", diff)
			}
		})
	}
}
