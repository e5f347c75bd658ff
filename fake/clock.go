package fake

import (
	"context"
	"time"

	"github.com/ackgo/ack/internal/vclock"
)

// ClockMode selects how the fake's virtual time moves.
type ClockMode int

const (
	// AutoAdvance (the default of New): time moves only when someone
	// sleeps on the clock. A sleep of d that starts at virtual time s
	// returns at once and moves now to max(now, s+d), so concurrent
	// sleepers do not add up (see Clock.Hold) and a client waiting out a
	// ten-minute creation returns in microseconds.
	AutoAdvance ClockMode = iota
	// Scaled (the default of NewServer and ackfake): virtual time runs a
	// fixed number of times faster than the wall clock (WithScaledClock).
	Scaled
	// Manual: time moves only on Advance; sleepers block until an Advance
	// passes the end of their sleep.
	Manual
)

// String names the mode: "auto-advance", "scaled" or "manual".
func (m ClockMode) String() string { return m.vclock().String() }

// vclock is the virtual clock's mode of m.
func (m ClockMode) vclock() vclock.Mode {
	switch m {
	case AutoAdvance:
		return vclock.AutoAdvance
	case Scaled:
		return vclock.Scaled
	case Manual:
		return vclock.Manual
	}
	return vclock.Mode(m)
}

// Clock is the fake's virtual clock; it implements ack.Clock, and a Config
// built by Cloud.Config sleeps on it. Every timestamp the fake writes comes
// from it; signature freshness is judged on the wall clock instead. It is
// safe for concurrent use.
type Clock struct{ c *vclock.Clock }

// Now returns the virtual time.
func (c *Clock) Now() time.Time { return c.c.Now() }

// Sleep waits d of virtual time as the clock's mode says, or until ctx is
// done (then it returns ctx.Err()).
func (c *Clock) Sleep(ctx context.Context, d time.Duration) error { return c.c.Sleep(ctx, d) }

// Advance moves the clock forward by d, in any mode, waking the sleepers
// whose sleep ends by then.
func (c *Clock) Advance(d time.Duration) { c.c.Advance(d) }

// Set moves the clock to t if t is later than now; an earlier t is
// ignored, since virtual time never runs backwards.
func (c *Clock) Set(t time.Time) { c.c.Set(t) }

// Hold makes auto-advance sleeps wait until the returned release is
// called, so that several sleeps started at one instant end together at
// the latest of their ends instead of one after another.
func (c *Clock) Hold() (release func()) { return c.c.Hold() }

// Sleepers returns how many goroutines block in a manual (or held) sleep.
func (c *Clock) Sleepers() int { return c.c.Sleepers() }

// BlockUntil waits until n goroutines block in a manual (or held) sleep, or
// until ctx is done.
func (c *Clock) BlockUntil(ctx context.Context, n int) error { return c.c.BlockUntil(ctx, n) }

// Mode returns the clock's mode.
func (c *Clock) Mode() ClockMode {
	switch c.c.Mode() {
	case vclock.Scaled:
		return Scaled
	case vclock.Manual:
		return Manual
	}
	return AutoAdvance
}

// newClock returns a clock in mode starting at start (vclock's default
// start when zero), running speed times faster than the wall when Scaled.
func newClock(mode ClockMode, start time.Time, speed float64) *Clock {
	return &Clock{c: vclock.New(mode.vclock(), start, speed)}
}

// delay spends d of virtual time for a reaction's latency without touching
// the wall clock: an auto-advance sleep in AutoAdvance mode (so that
// overlapping latencies do not add up), an Advance in the other modes.
func delay(ctx context.Context, c *Clock, d time.Duration) error {
	if d <= 0 {
		return nil
	}
	if c.Mode() == AutoAdvance {
		return c.Sleep(ctx, d)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	c.Advance(d)
	return nil
}
