package waiter

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"go.uber.org/goleak"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/vclock"
)

// expiringCtx is a context whose deadline passes when the test says so,
// without waiting on the wall clock.
type expiringCtx struct {
	context.Context
	// cause is the error the context ends with; context.DeadlineExceeded
	// when nil.
	cause error
	once  sync.Once
	done  chan struct{}
	err   atomic.Value
}

func newExpiringCtx() *expiringCtx {
	return &expiringCtx{Context: context.Background(), done: make(chan struct{})}
}

func (c *expiringCtx) expire() {
	c.once.Do(func() {
		err := c.cause
		if err == nil {
			err = context.DeadlineExceeded
		}
		c.err.Store(err)
		close(c.done)
	})
}
func (c *expiringCtx) Done() <-chan struct{} { return c.done }
func (c *expiringCtx) Err() error {
	if err, ok := c.err.Load().(error); ok {
		return err
	}
	return nil
}

func TestContextDeadlineIsAWaitTimeout(t *testing.T) {
	tests := []struct {
		name      string
		expireAt  int // the poll during which the deadline passes
		wantPolls int
		wantWait  time.Duration // polls at 0s, 5s, 15s, 35s
	}{
		{"before the first poll", 0, 0, 0},
		{"during the second poll", 2, 2, 5 * time.Second},
		{"during the fourth poll", 4, 4, 35 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := vclock.NewAuto()
			ctx := newExpiringCtx()
			if tt.expireAt == 0 {
				ctx.expire()
			}
			polls := 0
			w := &Waiter{Clock: clock, Policy: exactPolicy, Kind: "nodepool", ResourceID: "np-1"}
			_, err := w.Wait(ctx, Phase{Name: "nodepool", Target: "active", Poll: func(context.Context) (string, bool, error) {
				polls++
				if polls == tt.expireAt {
					ctx.expire()
					return "", false, context.DeadlineExceeded // the read itself was cut short
				}
				return "scaling", false, nil
			}})
			timeout, ok := errors.AsType[*ack.WaitTimeoutError](err)
			if !ok {
				t.Fatalf("Wait: %v, want a *WaitTimeoutError", err)
			}
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("Wait: %v does not match context.DeadlineExceeded", err)
			}
			want := &ack.WaitTimeoutError{Kind: "nodepool", ResourceID: "np-1", Phase: "nodepool", Target: "active", Polls: tt.wantPolls,
				Waited: tt.wantWait, Err: context.DeadlineExceeded}
			if tt.wantPolls > 1 {
				want.LastState = "scaling"
			}
			if diff := cmp.Diff(*want, *timeout); diff != "" {
				t.Errorf("timeout (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCancelDuringDelay(t *testing.T) {
	defer goleak.VerifyNone(t)
	clock := vclock.NewManual()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := &Waiter{Clock: clock, Policy: exactPolicy, Kind: "cluster", ResourceID: "c-1"}
	polls := 0
	type outcome struct {
		res Result
		err error
	}
	out := make(chan outcome, 1)
	go func() {
		res, err := w.Wait(ctx, Phase{Name: "task", Target: "success", Poll: func(context.Context) (string, bool, error) {
			polls++
			return "running", false, nil
		}})
		out <- outcome{res, err}
	}()

	if err := clock.BlockUntil(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	clock.Advance(2 * time.Second) // part of the 5s delay
	cancel()
	got := <-out

	if !errors.Is(got.err, context.Canceled) {
		t.Fatalf("Wait: %v, want context.Canceled", got.err)
	}
	if _, ok := errors.AsType[*ack.WaitTimeoutError](got.err); ok {
		t.Errorf("Wait: %v is a timeout; a cancel is not", got.err)
	}
	if diff := cmp.Diff(Result{Polls: 1, Waited: 2 * time.Second, LastState: "running"}, got.res); diff != "" {
		t.Errorf("result (-want +got):\n%s", diff)
	}
	if polls != 1 {
		t.Errorf("polled %d times, want 1", polls)
	}
	if n := clock.Sleepers(); n != 0 {
		t.Errorf("%d sleepers left on the clock", n)
	}
}

func TestCancelDuringPoll(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := &Waiter{Clock: vclock.NewAuto(), Policy: exactPolicy, Kind: "cluster", ResourceID: "c-1"}
	polls := 0
	_, err := w.Wait(ctx, Phase{Name: "task", Target: "success", Poll: func(ctx context.Context) (string, bool, error) {
		polls++
		if polls == 3 {
			cancel()
			return "", false, ctx.Err()
		}
		return "running", false, nil
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Wait: %v, want context.Canceled", err)
	}
	if polls != 3 {
		t.Errorf("polled %d times, want 3", polls)
	}
}
