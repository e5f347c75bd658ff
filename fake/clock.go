package fake

import (
	"context"
	"fmt"
	"time"

	"github.com/ackgo/ack/internal/vclock"
)

// ClockMode selects how the fake's virtual time moves.
type ClockMode int

const (
	// AutoAdvance (the default of New): time moves only when someone
	// sleeps on the clock. A sleep of d that starts at virtual time s
	// returns at once and moves now to max(now, s+d), so concurrent
	// sleepers do not add up and a client waiting out a ten-minute creation
	// returns in microseconds.
	AutoAdvance ClockMode = iota
	// Scaled (the default of NewServer and ackfake): virtual time runs a
	// fixed number of times faster than the wall clock.
	Scaled
	// Manual: time moves only on Advance; sleepers block until an Advance
	// passes the end of their sleep.
	Manual
)

// String names the mode: "auto-advance", "scaled" or "manual".
func (m ClockMode) String() string {
	switch m {
	case AutoAdvance:
		return "auto-advance"
	case Scaled:
		return "scaled"
	case Manual:
		return "manual"
	}
	return fmt.Sprintf("ClockMode(%d)", int(m))
}

// Clock is the fake's virtual clock. It implements ack.Clock, so that a
// Config built by Cloud.Config sleeps on it. Every timestamp the fake
// writes comes from it; signature freshness is judged on the wall clock
// instead. It is safe for concurrent use.
type Clock struct {
	mode ClockMode
	vc   *vclock.Clock
}

func newClock(mode ClockMode, start time.Time, speed float64) *Clock {
	vm := vclock.AutoAdvance
	switch mode {
	case Scaled:
		vm = vclock.Scaled
	case Manual:
		vm = vclock.Manual
	}
	return &Clock{mode: mode, vc: vclock.New(vm, start, speed)}
}

// Mode returns the clock's mode.
func (c *Clock) Mode() ClockMode { return c.mode }

// Now returns the virtual time.
func (c *Clock) Now() time.Time { return c.vc.Now() }

// Sleep waits d of virtual time as the mode says, or until ctx is done
// (then it returns ctx.Err()). In AutoAdvance mode it returns at once,
// having moved the clock to max(now, start+d) where start is the virtual
// time at which the sleep began (see Hold).
func (c *Clock) Sleep(ctx context.Context, d time.Duration) error { return c.vc.Sleep(ctx, d) }

// Hold makes AutoAdvance sleeps wait, each having taken its start, until
// the returned release is called; release moves the clock to the latest
// of their ends and wakes them. A test uses it (with BlockUntil) to start
// several sleeps at one virtual instant, so that two goroutines that each
// sleep five minutes move the clock by five minutes, not ten. It has no
// effect in the other modes.
func (c *Clock) Hold() (release func()) { return c.vc.Hold() }

// Advance moves the clock forward by d, in any mode, and wakes the manual
// sleepers whose time has come. A negative d does nothing.
func (c *Clock) Advance(d time.Duration) { c.vc.Advance(d) }

// Sleepers returns how many goroutines are blocked in a Manual (or held)
// sleep.
func (c *Clock) Sleepers() int { return c.vc.Sleepers() }

// BlockUntil waits until at least n goroutines are blocked in a Manual (or
// held) sleep, or ctx is done. A test calls it before Advance to be sure the
// client it drives is waiting.
func (c *Clock) BlockUntil(ctx context.Context, n int) error { return c.vc.BlockUntil(ctx, n) }

// delay spends d of virtual time for a reaction's latency without touching
// the wall clock: an auto-advance sleep in AutoAdvance mode (so overlapping
// latencies do not add up), an Advance in the other modes.
func (c *Clock) delay(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return nil
	}
	if c.mode == AutoAdvance {
		return c.Sleep(ctx, d)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	c.Advance(d)
	return nil
}
