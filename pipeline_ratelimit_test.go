package ack

import (
	"context"
	"errors"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ackgo/ack/internal/vclock"
)

// runConcurrently starts callers goroutines that each make one call with
// do, on a manual clock, and advances the clock in small steps whenever
// every caller is either asleep on the clock or done, until all are done.
func runConcurrently(t *testing.T, clock *vclock.Clock, callers int, do func(i int) error) {
	t.Helper()
	var done atomic.Int64
	errs := make(chan error, callers)
	for i := range callers {
		go func() {
			defer done.Add(1)
			errs <- do(i)
		}()
	}
	for done.Load() < int64(callers) {
		// Every caller is asleep or done: only then may time move.
		if int64(clock.Sleepers())+done.Load() == int64(callers) {
			clock.Advance(5 * time.Millisecond)
			continue
		}
		runtime.Gosched()
	}
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

// maxInWindow returns the most send times that fall in any window
// [t, t+w).
func maxInWindow(times []time.Time, w time.Duration) int {
	times = slices.Clone(times)
	slices.SortFunc(times, func(a, b time.Time) int { return a.Compare(b) })
	best, j := 0, 0
	for i := range times {
		for times[i].Sub(times[j]) >= w {
			j++
		}
		best = max(best, i-j+1)
	}
	return best
}

func TestRateLimitWindows(t *testing.T) {
	tests := []struct {
		name    string
		qps     float64
		burst   int
		callers int
		// sharing: each caller uses its own pipeline built on the same
		// limiters (two clients of one Config).
		perCallerPipeline bool
	}{
		{"10 qps, burst 1, one pipeline", 10, 1, 40, false},
		{"5 qps, burst 3, one pipeline", 5, 3, 30, false},
		{"8 qps, burst 2, a pipeline per caller on shared limiters", 8, 2, 40, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := vclock.NewManual()
			srv := &script{clock: clock, replies: []reply{ok()}}
			limiters := newLimiterSet(Limit{QPS: tt.qps, Burst: tt.burst}, nil)
			shared := newTestPipeline(pipelineSettings{Transport: srv, Clock: clock, Limiters: limiters})
			start := clock.Now()
			runConcurrently(t, clock, tt.callers, func(int) error {
				p := shared
				if tt.perCallerPipeline {
					p = newTestPipeline(pipelineSettings{Transport: srv, Clock: clock, Limiters: limiters})
				}
				_, err := p.RoundTrip(context.Background(), getRequest())
				return err
			})
			if got := srv.attempts(); got != tt.callers {
				t.Fatalf("%d sends, want %d", got, tt.callers)
			}
			limit := int(tt.qps) + tt.burst
			if got := maxInWindow(srv.sends, time.Second); got > limit {
				t.Errorf("%d sends in one second, want at most %d (qps + burst)", got, limit)
			}
			// The limiter spaces the calls out, so the last send comes no
			// earlier than (callers - burst) / qps seconds after the start.
			minSpan := time.Duration(float64(tt.callers-tt.burst) / tt.qps * float64(time.Second))
			if last := slices.MaxFunc(srv.sends, time.Time.Compare); last.Sub(start) < minSpan {
				t.Errorf("last send at +%s, want no earlier than +%s", last.Sub(start), minSpan)
			}
		})
	}
}

func TestRateLimitPerAction(t *testing.T) {
	clock := vclock.NewAuto()
	srv := &script{clock: clock, replies: []reply{ok()}}
	limiters := newLimiterSet(Limit{}, map[string]Limit{"DescribeClusterDetail": {QPS: 2, Burst: 1}, "Unlimited": {}})
	p := newTestPipeline(pipelineSettings{Transport: srv, Clock: clock, Limiters: limiters})
	other := &Request{Action: "DescribeUserQuota", Method: "GET", Path: "/quota"}
	for range 3 {
		for _, req := range []*Request{getRequest(), other} {
			if _, err := p.RoundTrip(context.Background(), req); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Sends: detail, quota, (wait 0.5s) detail, quota, (wait 0.5s) detail,
	// quota. Only the limited action waits.
	want := []time.Duration{0, 500 * time.Millisecond, 0, 500 * time.Millisecond, 0}
	if got := srv.gaps(); !slices.Equal(got, want) {
		t.Errorf("gaps = %v, want %v", got, want)
	}
	if newLimiterSet(Limit{}, map[string]Limit{"A": {QPS: 0}}) != nil {
		t.Error("limiters without any limit should be nil")
	}
}

func TestRateLimitDeadlineSoonerThanToken(t *testing.T) {
	clock := vclock.NewManual()
	limiters := newLimiterSet(Limit{QPS: 1, Burst: 1}, nil)
	if err := limiters.Wait(context.Background(), clock, "A"); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	// The next token is due in one second of clock time, later than the
	// deadline: the wait fails at once and gives the token back.
	err := limiters.Wait(ctx, clock, "A")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want DeadlineExceeded", err)
	}
	if clock.Sleepers() != 0 {
		t.Error("the wait slept")
	}
	clock.Advance(time.Second)
	if got := limiters.all.TokensAt(clock.Now()); got != 1 {
		t.Errorf("tokens after a second = %v, want 1 (the cancelled reservation returned)", got)
	}
}

func TestRateLimitSharedByConcurrentPipelines(t *testing.T) {
	// Two pipelines (two clients of one Config), each called by several
	// goroutines, draw from one limiter.
	clock := vclock.NewManual()
	srv := &script{clock: clock, replies: []reply{ok()}}
	limiters := newLimiterSet(Limit{QPS: 4, Burst: 1}, nil)
	a := newTestPipeline(pipelineSettings{Transport: srv, Clock: clock, Limiters: limiters})
	b := newTestPipeline(pipelineSettings{Transport: srv, Clock: clock, Limiters: limiters})
	var mu sync.Mutex
	perClient := map[string]int{}
	runConcurrently(t, clock, 24, func(i int) error {
		p, name := a, "a"
		if i%2 == 1 {
			p, name = b, "b"
		}
		_, err := p.RoundTrip(context.Background(), getRequest())
		mu.Lock()
		perClient[name]++
		mu.Unlock()
		return err
	})
	if perClient["a"] != 12 || perClient["b"] != 12 {
		t.Fatalf("calls per client = %v", perClient)
	}
	if got := maxInWindow(srv.sends, time.Second); got > 4+1 {
		t.Errorf("%d sends in one second from two clients, want at most 5", got)
	}
}

// TestRateLimitErrorMessages checks that a call the context ends before it
// is sent says so, and names the rate limit only when a limit made it
// wait.
func TestRateLimitErrorMessages(t *testing.T) {
	// taken returns limiters of one call per ten seconds whose one token
	// is taken.
	taken := func() *limiterSet {
		l := newLimiterSet(Limit{QPS: 0.1, Burst: 1}, nil)
		l.all.ReserveN(vclock.DefaultStart, 1)
		return l
	}
	free := func() *limiterSet { return newLimiterSet(Limit{QPS: 0.1, Burst: 1}, nil) }
	none := func() *limiterSet { return nil }
	canceled := func() (context.Context, context.CancelFunc) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		return ctx, cancel
	}
	tests := []struct {
		name     string
		limiters func() *limiterSet
		ctx      func() (context.Context, context.CancelFunc)
		// cancelWhileAsleep cancels the context once the call sleeps on
		// the clock.
		cancelWhileAsleep bool
		want              string
		wantIs            error
	}{
		{"canceled, no rate limit", none, canceled, false,
			"DescribeClusterDetail: not sent: context canceled", context.Canceled},
		{"deadline passed, no rate limit", none, func() (context.Context, context.CancelFunc) {
			return context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
		}, false, "DescribeClusterDetail: not sent: context deadline exceeded", context.DeadlineExceeded},
		{"canceled, a token free", free, canceled, false,
			"DescribeClusterDetail: not sent: context canceled", context.Canceled},
		{"canceled while waiting for a token", taken, func() (context.Context, context.CancelFunc) {
			return context.WithCancel(context.Background())
		}, true, "DescribeClusterDetail: not sent: context canceled while waiting 10s for the rate limit", context.Canceled},
		{"deadline sooner than the token", taken, func() (context.Context, context.CancelFunc) {
			return context.WithTimeout(context.Background(), 5*time.Second)
		}, false, "DescribeClusterDetail: not sent: the rate limit's wait of 10s would outlast the context deadline: context deadline exceeded",
			context.DeadlineExceeded},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := vclock.NewManual()
			srv := &script{clock: clock, replies: []reply{ok()}}
			p := newTestPipeline(pipelineSettings{Transport: srv, Clock: clock, Limiters: tt.limiters()})
			ctx, cancel := tt.ctx()
			defer cancel()
			done := make(chan error, 1)
			go func() {
				_, err := p.RoundTrip(ctx, getRequest())
				done <- err
			}()
			if tt.cancelWhileAsleep {
				if err := clock.BlockUntil(context.Background(), 1); err != nil {
					t.Fatal(err)
				}
				cancel()
			}
			err := waitDone(t, done)
			if err == nil || err.Error() != tt.want {
				t.Errorf("err:\n got %v\nwant %s", err, tt.want)
			}
			if !errors.Is(err, tt.wantIs) {
				t.Errorf("err %v does not match %v", err, tt.wantIs)
			}
			if got := srv.attempts(); got != 0 {
				t.Errorf("%d attempts sent, want none", got)
			}
		})
	}
}
