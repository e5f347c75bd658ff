package vclock

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Mode selects how a Clock's time moves.
type Mode int

const (
	// AutoAdvance: time moves only when someone sleeps, to the end of that
	// sleep, at once.
	AutoAdvance Mode = iota
	// Scaled: time runs Speed times faster than the wall clock.
	Scaled
	// Manual: time moves only on Advance; sleepers block until then.
	Manual
)

// String names the mode.
func (m Mode) String() string {
	switch m {
	case AutoAdvance:
		return "auto-advance"
	case Scaled:
		return "scaled"
	case Manual:
		return "manual"
	}
	return fmt.Sprintf("Mode(%d)", int(m))
}

// DefaultStart is the virtual time a Clock starts at unless told otherwise.
var DefaultStart = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// Clock is a virtual clock; it implements the root package's Clock. It is safe for concurrent use.
type Clock struct {
	mode  Mode
	speed float64

	mu       sync.Mutex
	now      time.Time // AutoAdvance, Manual; Scaled: virtual time at wallBase
	wallBase time.Time // Scaled only
	sleepers []*sleeper
	held     int           // AutoAdvance: Hold calls not yet released
	changed  chan struct{} // closed and replaced whenever sleepers or now change
}

type sleeper struct {
	until time.Time
	done  chan struct{}
}

// New returns a clock in mode m starting at start (DefaultStart when zero).
// speed is used by Scaled only (virtual seconds per wall second; values
// below 1 are taken as 1).
func New(m Mode, start time.Time, speed float64) *Clock {
	if start.IsZero() {
		start = DefaultStart
	}
	if speed < 1 {
		speed = 1
	}
	return &Clock{mode: m, speed: speed, now: start, wallBase: time.Now(), changed: make(chan struct{})}
}

// NewAuto returns an auto-advance clock at DefaultStart.
func NewAuto() *Clock { return New(AutoAdvance, time.Time{}, 1) }

// NewManual returns a manual clock at DefaultStart.
func NewManual() *Clock { return New(Manual, time.Time{}, 1) }

// Mode returns the clock's mode.
func (c *Clock) Mode() Mode { return c.mode }

// Now returns the virtual time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.nowLocked()
}

func (c *Clock) nowLocked() time.Time {
	if c.mode == Scaled {
		el := time.Since(c.wallBase)
		return c.now.Add(time.Duration(float64(el) * c.speed))
	}
	return c.now
}

// Sleep waits d of virtual time as the mode says, or until ctx is done.
func (c *Clock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if d <= 0 {
		return nil
	}
	switch c.mode {
	case AutoAdvance:
		c.mu.Lock()
		if c.held == 0 {
			// The sleep starts now and ends at now+d: the clock moves
			// there at once (max(now, start+d), and start is now).
			c.now = c.now.Add(d)
			c.notifyLocked()
			c.mu.Unlock()
			return nil
		}
		// Held: the sleep starts now but waits for Release, so that
		// several sleepers started at one instant end together at the
		// latest of their ends, not at the sum.
		return c.blockLocked(ctx, d)
	case Scaled:
		return wallSleep(ctx, time.Duration(float64(d)/c.speed))
	default:
		c.mu.Lock()
		return c.blockLocked(ctx, d)
	}
}

// blockLocked registers a sleeper that ends at now+d, releases the lock and
// waits until Advance or Hold's release wakes it, or ctx ends.
func (c *Clock) blockLocked(ctx context.Context, d time.Duration) error {
	s := &sleeper{until: c.now.Add(d), done: make(chan struct{})}
	c.sleepers = append(c.sleepers, s)
	c.notifyLocked()
	c.mu.Unlock()
	select {
	case <-s.done:
		return nil
	case <-ctx.Done():
		c.mu.Lock()
		c.removeLocked(s)
		c.notifyLocked()
		c.mu.Unlock()
		return ctx.Err()
	}
}

// Advance moves the clock forward by d (any mode) and wakes the manual
// sleepers whose time has come.
func (c *Clock) Advance(d time.Duration) {
	if d < 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	kept := c.sleepers[:0]
	now := c.nowLocked()
	for _, s := range c.sleepers {
		if !s.until.After(now) {
			close(s.done)
			continue
		}
		kept = append(kept, s)
	}
	c.sleepers = kept
	c.notifyLocked()
}

// Set moves the clock to t if t is later than now.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	d := t.Sub(c.nowLocked())
	c.mu.Unlock()
	if d > 0 {
		c.Advance(d)
	}
}

// Hold makes auto-advance sleeps wait, each having taken its start, until
// the returned release function is called; release then moves the clock to
// max(now, start+d) over the waiting sleeps and wakes them all. Tests use it
// to start several sleeps at one virtual instant (wait for them with
// BlockUntil). In other modes Hold has no effect. Release is idempotent.
func (c *Clock) Hold() (release func()) {
	c.mu.Lock()
	c.held++
	c.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			c.mu.Lock()
			defer c.mu.Unlock()
			c.held--
			if c.mode != AutoAdvance || c.held > 0 {
				return
			}
			for _, s := range c.sleepers {
				if s.until.After(c.now) {
					c.now = s.until
				}
				close(s.done)
			}
			c.sleepers = nil
			c.notifyLocked()
		})
	}
}

// Sleepers returns how many goroutines are blocked in a Sleep (manual mode,
// or auto-advance while held).
func (c *Clock) Sleepers() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.sleepers)
}

// BlockUntil waits until at least n goroutines are blocked in a Sleep,
// or ctx is done. Tests use it to act while a caller is sleeping.
func (c *Clock) BlockUntil(ctx context.Context, n int) error {
	for {
		c.mu.Lock()
		if len(c.sleepers) >= n {
			c.mu.Unlock()
			return nil
		}
		ch := c.changed
		c.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

func (c *Clock) removeLocked(s *sleeper) {
	for i, x := range c.sleepers {
		if x == s {
			c.sleepers = append(c.sleepers[:i], c.sleepers[i+1:]...)
			return
		}
	}
}

func (c *Clock) notifyLocked() {
	close(c.changed)
	c.changed = make(chan struct{})
}

// wallSleep waits for d on a wall-clock timer, or until ctx is done.
func wallSleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
