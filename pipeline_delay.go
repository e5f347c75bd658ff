package ack

import (
	"math/rand/v2"
	"time"

	"github.com/cenkalti/backoff/v4"
)

// retrySettings says how often and how long the retry step retries. The
// caller fills every field; the root package applies the defaults.
type retrySettings struct {
	// MaxAttempts bounds the sends of one call, the first included; 1 or
	// less means no retry.
	MaxAttempts int
	// BaseDelay is the shortest delay between attempts.
	BaseDelay time.Duration
	// MaxDelay is the longest delay between attempts, server-requested
	// delays included.
	MaxDelay time.Duration
	// Rand returns a number in [0, 1) for the jitter; nil uses math/rand/v2.
	Rand func() float64
}

// delays computes the delays of one call. Before retry n (n = 1 for the
// second attempt) it waits a uniformly random time between BaseDelay and
// min(MaxDelay, BaseDelay·2ⁿ) ("full jitter" over the exponential ceiling),
// or what the server asked for if that is longer, never more than MaxDelay.
// The ceiling comes from backoff's exponential policy with its own
// randomisation off; no backoff timer is used.
type delays struct {
	base, max time.Duration
	rand      func() float64
	ceiling   *backoff.ExponentialBackOff
}

func newDelays(p retrySettings, clock Clock) *delays {
	maxDelay := max(p.MaxDelay, p.BaseDelay)
	r := p.Rand
	if r == nil {
		r = rand.Float64
	}
	return &delays{
		base: p.BaseDelay,
		max:  maxDelay,
		rand: r,
		ceiling: backoff.NewExponentialBackOff(
			backoff.WithInitialInterval(2*p.BaseDelay),
			backoff.WithMultiplier(2),
			backoff.WithRandomizationFactor(0),
			backoff.WithMaxInterval(maxDelay),
			backoff.WithMaxElapsedTime(0),
			backoff.WithClockProvider(clock),
		),
	}
}

// next returns the delay before the next retry; hint is the delay the
// server asked for (zero for none).
func (d *delays) next(hint time.Duration) time.Duration {
	ceiling := min(d.ceiling.NextBackOff(), d.max)
	floor := min(d.base, ceiling)
	f := min(max(d.rand(), 0), 1)
	delay := floor + time.Duration(f*float64(ceiling-floor))
	return min(max(delay, hint), d.max)
}
