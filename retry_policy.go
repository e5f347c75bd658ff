package ack

import (
	"time"
)

// Defaults of the retry policy and its budget; see RetryPolicy and
// RetryBudget.
const (
	// DefaultMaxAttempts is RetryPolicy.MaxAttempts: one send and up to
	// four retries.
	DefaultMaxAttempts = 5
	// DefaultBaseDelay is RetryPolicy.BaseDelay.
	DefaultBaseDelay = 200 * time.Millisecond
	// DefaultMaxDelay is RetryPolicy.MaxDelay.
	DefaultMaxDelay = 20 * time.Second
	// DefaultBudgetTokens is RetryBudget.Capacity.
	DefaultBudgetTokens = 500
	// DefaultRetryCost is RetryBudget.RetryCost.
	DefaultRetryCost = 5
	// DefaultTimeoutCost is RetryBudget.TimeoutCost.
	DefaultTimeoutCost = 10
	// DefaultSuccessRefill is RetryBudget.SuccessRefill.
	DefaultSuccessRefill = 1
)

// RetryPolicy says how a failed call is retried. Which failures are
// retried is decided per request by its RetryMode; the policy bounds how
// often and how long. Zero fields take the defaults.
//
// Before retry n (n = 1 before the second attempt) the call sleeps, on the
// Config's clock, a random time between BaseDelay and
// min(MaxDelay, BaseDelay·2ⁿ), or what the server asked for (Retry-After,
// or the TimeLeft of the x-ratelimit headers) when that is longer, never
// more than MaxDelay. With the defaults: 200–400ms, 200–800ms, 200ms–1.6s,
// 200ms–3.2s.
type RetryPolicy struct {
	// MaxAttempts bounds the sends of one call, the first included: 1 means
	// no retry, zero the default (5), a negative value 1.
	MaxAttempts int
	// BaseDelay is the shortest delay between attempts (default 200ms).
	BaseDelay time.Duration
	// MaxDelay is the longest delay between attempts (default 20s),
	// server-requested delays included.
	MaxDelay time.Duration
	// Budget is the Config's retry budget. It is shared state of the
	// Config: it is read when the Config is built, and ignored in With and
	// in per-call options.
	Budget RetryBudget
	// Rand returns a number in [0, 1) for the jitter; nil uses
	// math/rand/v2. Tests set it to make delays exact.
	Rand func() float64
}

// RetryBudget is a token bucket shared by every call of a Config: each retry
// takes RetryCost tokens (TimeoutCost after a timeout) and each successful
// attempt puts SuccessRefill back, up to Capacity. When it is empty, calls
// fail after their first attempt instead of multiplying the load during an
// outage. Zero fields take the defaults (500, 5, 10, 1); a negative
// Capacity disables the budget.
type RetryBudget struct {
	// Capacity is the size of the bucket, which starts full.
	Capacity int
	// RetryCost is taken by a retry after a failure other than a timeout.
	RetryCost int
	// TimeoutCost is taken by a retry after a timeout.
	TimeoutCost int
	// SuccessRefill is put back by each successful attempt.
	SuccessRefill int
}

// RateLimitPolicy is the Config's client-side rate limit: a token bucket of
// QPS calls per second and Burst at once over every call, plus optional
// limits per action; a call waits, on the Config's clock, for every limit
// that applies to it. A QPS of zero (the default) is unlimited; a Burst
// below 1 is 1. The limiters are shared state of the Config: they are
// built when the Config is, and ignored in With and in per-call options.
//
// The limit counts calls, not attempts: retries are paced by the retry
// policy and its budget.
type RateLimitPolicy struct {
	// QPS is the limit over all calls, in calls per second.
	QPS float64
	// Burst is how many calls may go at once after a quiet spell.
	Burst int
	// PerAction holds limits for single actions, keyed by action name
	// (for example "DescribeClusterDetail").
	PerAction map[string]Limit
}

// Limit is a rate: QPS calls per second on average, Burst at once.
type Limit struct {
	// QPS is the sustained rate; zero or less is unlimited.
	QPS float64
	// Burst is how many calls may go at once; below 1 is 1.
	Burst int
}

func (p *RetryPolicy) setDefaults() {
	switch {
	case p.MaxAttempts == 0:
		p.MaxAttempts = DefaultMaxAttempts
	case p.MaxAttempts < 0:
		p.MaxAttempts = 1
	}
	if p.BaseDelay <= 0 {
		p.BaseDelay = DefaultBaseDelay
	}
	if p.MaxDelay <= 0 {
		p.MaxDelay = DefaultMaxDelay
	}
	p.MaxDelay = max(p.MaxDelay, p.BaseDelay)
	b := &p.Budget
	if b.Capacity == 0 {
		b.Capacity = DefaultBudgetTokens
	}
	if b.RetryCost <= 0 {
		b.RetryCost = DefaultRetryCost
	}
	if b.TimeoutCost <= 0 {
		b.TimeoutCost = DefaultTimeoutCost
	}
	if b.SuccessRefill <= 0 {
		b.SuccessRefill = DefaultSuccessRefill
	}
}

func (p RetryPolicy) pipeline() retrySettings {
	return retrySettings{MaxAttempts: p.MaxAttempts, BaseDelay: p.BaseDelay, MaxDelay: p.MaxDelay, Rand: p.Rand}
}

func (b RetryBudget) pipeline() budgetSettings {
	return budgetSettings{Capacity: b.Capacity, RetryCost: b.RetryCost, TimeoutCost: b.TimeoutCost, SuccessRefill: b.SuccessRefill}
}

func (r RateLimitPolicy) limiters() *limiterSet {
	per := make(map[string]Limit, len(r.PerAction))
	for action, l := range r.PerAction {
		per[action] = Limit{QPS: l.QPS, Burst: l.Burst}
	}
	return newLimiterSet(Limit{QPS: r.QPS, Burst: r.Burst}, per)
}
