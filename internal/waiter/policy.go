package waiter

import (
	"math/rand/v2"
	"time"

	"github.com/cenkalti/backoff/v4"

	"github.com/ackgo/ack"
)

// Defaults of a zero Policy. They suit clusters, whose tasks run for
// minutes; node pool and upgrade waits may choose shorter delays.
const (
	// DefaultMinDelay is the first delay between two polls.
	DefaultMinDelay = 5 * time.Second
	// DefaultMaxDelay caps every delay between two polls.
	DefaultMaxDelay = time.Minute
	// DefaultMultiplier is how much each delay grows over the one before.
	DefaultMultiplier = 1.5
	// DefaultJitter is the fraction by which a delay is randomised, up or
	// down.
	DefaultJitter = 0.2
)

// Policy says how long a Waiter waits between polls and for how long in
// all. The zero value uses the defaults above and no MaxWait.
//
// The n-th delay of a phase (n counted from 0) is
//
//	clamp(MinDelay × Multiplierⁿ × (1 + Jitter × (2×Rand() − 1)), MinDelay, MaxDelay)
//
// so delays start at MinDelay, grow exponentially, never exceed MaxDelay and
// never fall below MinDelay, whatever the jitter. A throttled poll whose
// error carries a RetryAfter waits at least that long (still capped at
// MaxDelay). Each phase starts again from MinDelay.
type Policy struct {
	// MinDelay is the first and the smallest delay; DefaultMinDelay when
	// zero or less.
	MinDelay time.Duration
	// MaxDelay is the largest delay; DefaultMaxDelay when zero or less, and
	// MinDelay when smaller than MinDelay.
	MaxDelay time.Duration
	// Multiplier is the growth of each delay; DefaultMultiplier when less
	// than 1.
	Multiplier float64
	// Jitter is the fraction, in [0, 1], by which a delay is randomised;
	// DefaultJitter when zero, none when negative, 1 when larger.
	Jitter float64
	// MaxWait bounds the whole wait, measured on the Waiter's clock; zero
	// means no bound but the context's.
	MaxWait time.Duration
	// Rand returns a number in [0, 1) for the jitter; math/rand/v2's
	// Float64 when nil. Tests set it to make delays exact.
	Rand func() float64
}

// withDefaults returns p with every zero field replaced by its default.
func (p Policy) withDefaults() Policy {
	if p.MinDelay <= 0 {
		p.MinDelay = DefaultMinDelay
	}
	if p.MaxDelay <= 0 {
		p.MaxDelay = DefaultMaxDelay
	}
	if p.MaxDelay < p.MinDelay {
		p.MaxDelay = p.MinDelay
	}
	if p.Multiplier < 1 {
		p.Multiplier = DefaultMultiplier
	}
	switch {
	case p.Jitter == 0:
		p.Jitter = DefaultJitter
	case p.Jitter < 0:
		p.Jitter = 0
	case p.Jitter > 1:
		p.Jitter = 1
	}
	if p.Rand == nil {
		p.Rand = rand.Float64
	}
	return p
}

// schedule yields the delays of one phase. The exponential growth comes
// from backoff's policy (with its own randomisation off, since it cannot be
// seeded); the jitter and the clamping are applied here.
type schedule struct {
	p Policy
	b *backoff.ExponentialBackOff
}

// newSchedule starts a schedule for p, which must have its defaults.
func newSchedule(p Policy, clock ack.Clock) *schedule {
	b := backoff.NewExponentialBackOff(
		backoff.WithInitialInterval(p.MinDelay),
		backoff.WithMaxInterval(p.MaxDelay),
		backoff.WithMultiplier(p.Multiplier),
		backoff.WithRandomizationFactor(0),
		backoff.WithMaxElapsedTime(0),
		backoff.WithClockProvider(clock),
	)
	return &schedule{p: p, b: b}
}

// next returns the next delay; atLeast is a delay the server asked for.
func (s *schedule) next(atLeast time.Duration) time.Duration {
	base := s.b.NextBackOff()
	d := time.Duration(float64(base) * (1 + s.p.Jitter*(2*s.p.Rand()-1)))
	if d < atLeast {
		d = atLeast
	}
	return min(max(d, s.p.MinDelay), s.p.MaxDelay)
}
