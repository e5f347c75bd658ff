package fake

import (
	"context"
	"time"

	"github.com/ackgo/ack/internal/vclock"
)

// ClockMode selects how the fake's virtual time moves. It is the virtual
// clock's own mode type, shared with the SDK's tests.
type ClockMode = vclock.Mode

const (
	// AutoAdvance (the default of New): time moves only when someone
	// sleeps on the clock. A sleep of d that starts at virtual time s
	// returns at once and moves now to max(now, s+d), so concurrent
	// sleepers do not add up (see Clock.Hold) and a client waiting out a
	// ten-minute creation returns in microseconds.
	AutoAdvance = vclock.AutoAdvance
	// Scaled (the default of NewServer and ackfake): virtual time runs a
	// fixed number of times faster than the wall clock (WithScaledClock).
	Scaled = vclock.Scaled
	// Manual: time moves only on Advance; sleepers block until an Advance
	// passes the end of their sleep.
	Manual = vclock.Manual
)

// Clock is the fake's virtual clock, an ack.Clock: a Config built by
// Cloud.Config sleeps on it. Every timestamp the fake writes comes from
// it; signature freshness is judged on the wall clock instead. It is safe
// for concurrent use. Its methods:
//
//	Now()                 the virtual time
//	Sleep(ctx, d)         waits d of virtual time as the mode says
//	Advance(d)            moves the clock forward by d, in any mode
//	Set(t)                moves the clock to t if t is later than now
//	Hold()                makes auto-advance sleeps wait until the returned release
//	                      is called, so that several start at one instant
//	Sleepers()            how many goroutines block in a manual (or held) sleep
//	BlockUntil(ctx, n)    waits until n goroutines block in such a sleep
//	Mode()                the ClockMode
type Clock = vclock.Clock

// newClock returns a clock in mode starting at start (vclock's default
// start when zero), running speed times faster than the wall when Scaled.
func newClock(mode ClockMode, start time.Time, speed float64) *Clock {
	return vclock.New(mode, start, speed)
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
