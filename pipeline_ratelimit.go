package ack

import (
	"context"
	"fmt"
	"time"

	"golang.org/x/time/rate"
)

// limiterSet holds the rate limiters of one Config: one for every call and one
// per action that has its own limit. A call waits for both. It is safe for
// concurrent use; a nil *limiterSet limits nothing.
type limiterSet struct {
	all       *rate.Limiter
	perAction map[string]*rate.Limiter
}

// newLimiterSet builds the limiters for a limit on every call and limits per
// action; unlimited entries get no limiter. It returns nil when nothing is
// limited.
func newLimiterSet(all Limit, perAction map[string]Limit) *limiterSet {
	l := &limiterSet{all: newLimiter(all), perAction: make(map[string]*rate.Limiter)}
	for action, lim := range perAction {
		if rl := newLimiter(lim); rl != nil {
			l.perAction[action] = rl
		}
	}
	if l.all == nil && len(l.perAction) == 0 {
		return nil
	}
	return l
}

func newLimiter(l Limit) *rate.Limiter {
	if !(l.QPS > 0) {
		return nil
	}
	return rate.NewLimiter(rate.Limit(l.QPS), max(l.Burst, 1))
}

// Wait takes one token from each limiter that applies to action, sleeping on
// clock until the tokens are due. The tokens are reserved at clock.Now(),
// so the limiters run on the clock's time, never on the wall's. When ctx
// ends first, or its deadline is sooner than the tokens are due, the
// reservations are cancelled (the tokens go back) and the context's error
// is returned: as it is when no limit made the call wait, else wrapped in
// words that name the rate limit and the wait.
func (l *limiterSet) Wait(ctx context.Context, clock Clock, action string) error {
	if l == nil {
		return ctx.Err()
	}
	now := clock.Now()
	var (
		reserved [2]*rate.Reservation
		n        int
		delay    time.Duration
	)
	for _, lim := range [2]*rate.Limiter{l.all, l.perAction[action]} {
		if lim == nil {
			continue
		}
		r := lim.ReserveN(now, 1)
		reserved[n] = r
		n++
		delay = max(delay, r.DelayFrom(now))
	}
	cancel := func() {
		t := clock.Now()
		for _, r := range reserved[:n] {
			r.CancelAt(t)
		}
	}
	if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < delay {
		cancel()
		return fmt.Errorf("the rate limit's wait of %s would outlast the context deadline: %w", delay, context.DeadlineExceeded)
	}
	if err := clock.Sleep(ctx, delay); err != nil {
		cancel()
		if delay > 0 {
			return fmt.Errorf("%w while waiting %s for the rate limit", err, delay)
		}
		return err
	}
	return nil
}

// rateLimitStep is the first step: it waits for the Config's limiters, once per
// call (retries are paced by the retry step's delays and budget), then
// passes the call on.
type rateLimitStep struct {
	// Limiters are the Config's limiters; nil limits nothing.
	Limiters *limiterSet
	// Clock is the Config's clock, on which the limiters run.
	Clock Clock
	// Next is the retry step.
	Next Transport
}

// RoundTrip waits for the limiters, then calls Next. A context that ends
// first ends the call unsent; the error names the rate limit only when a
// limit made the call wait.
func (s *rateLimitStep) RoundTrip(ctx context.Context, req *Request) (*Response, error) {
	if err := s.Limiters.Wait(ctx, s.Clock, req.Action); err != nil {
		return nil, fmt.Errorf("%s: not sent: %w", req.Action, err)
	}
	return s.Next.RoundTrip(ctx, req)
}
