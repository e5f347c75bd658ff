package ack

import (
	"context"
	"errors"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/ackgo/ack/internal/vclock"
)

type result struct {
	resp *Response
	err  error
}

func TestCancelWhileWaiting(t *testing.T) {
	tests := []struct {
		name     string
		replies  []reply
		limiters func() *limiterSet
		// attempts is how many sends happen before the cancel.
		attempts int
		wantAPI  bool // the error still carries the last *APIError
	}{
		{
			name:     "during a retry delay",
			replies:  []reply{answer(503, "ServiceUnavailable"), ok()},
			limiters: func() *limiterSet { return nil },
			attempts: 1, wantAPI: true,
		},
		{
			name:    "during a rate-limit wait",
			replies: []reply{ok()},
			limiters: func() *limiterSet {
				l := newLimiterSet(Limit{QPS: 0.1, Burst: 1}, nil)
				l.all.ReserveN(vclock.DefaultStart, 1) // the one token is taken
				return l
			},
			attempts: 0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer goleak.VerifyNone(t)
			clock := vclock.NewManual()
			srv := &script{clock: clock, replies: tt.replies}
			limiters := tt.limiters()
			p := newTestPipeline(pipelineSettings{Transport: srv, Clock: clock, Limiters: limiters, Budget: newTokenBucket(testBudget())})
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			done := make(chan result, 1)
			go func() {
				resp, err := p.RoundTrip(ctx, getRequest())
				done <- result{resp, err}
			}()
			if err := clock.BlockUntil(context.Background(), 1); err != nil {
				t.Fatal(err)
			}
			cancel()
			r := waitDone(t, done)
			if !errors.Is(r.err, context.Canceled) {
				t.Fatalf("err = %v, want context.Canceled", r.err)
			}
			var apiErr *APIError
			if got := errors.As(r.err, &apiErr); got != tt.wantAPI {
				t.Errorf("error carries an *APIError: %t, want %t (%v)", got, tt.wantAPI, r.err)
			}
			if got := srv.attempts(); got != tt.attempts {
				t.Errorf("attempts = %d, want %d", got, tt.attempts)
			}
			if clock.Sleepers() != 0 {
				t.Errorf("%d sleepers left on the clock", clock.Sleepers())
			}
			// No time passed: the call returned at the cancel, not when the
			// delay or the token was due.
			if got := clock.Now(); !got.Equal(vclock.DefaultStart) {
				t.Errorf("clock moved to %s", got)
			}
			if limiters != nil {
				// The cancelled reservation went back: after ten seconds
				// there is one token again, not minus one.
				if got := limiters.all.TokensAt(clock.Now().Add(10 * time.Second)); got != 1 {
					t.Errorf("tokens ten seconds on = %v, want 1", got)
				}
			}
		})
	}
}

func TestCancelEndsRetriesBetweenAttempts(t *testing.T) {
	// The context ends while an attempt is in flight: the call stops
	// without another attempt, whatever the answer was.
	defer goleak.VerifyNone(t)
	clock := vclock.NewAuto()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	attempts := 0
	tr := TransportFunc(func(context.Context, *Request) (*Response, error) {
		attempts++
		cancel()
		return &Response{StatusCode: 503}, nil
	})
	p := newTestPipeline(pipelineSettings{Transport: tr, Clock: clock})
	_, err := p.RoundTrip(ctx, getRequest())
	var re *RetryError
	if !errors.Is(err, context.Canceled) || !errors.As(err, &re) || re.Reason != ReasonContextEnded {
		t.Fatalf("err = %v, want a *RetryError (%s) wrapping context.Canceled", err, ReasonContextEnded)
	}
	if attempts != 1 {
		t.Errorf("attempts = %d, want 1", attempts)
	}
}
