package ack

import "sync"

// budgetSettings sizes a retry budget.
type budgetSettings struct {
	// Capacity is the most tokens the bucket holds; it starts full.
	Capacity int
	// RetryCost is taken for each retry after a failure other than a
	// timeout.
	RetryCost int
	// TimeoutCost is taken for each retry after a timeout.
	TimeoutCost int
	// SuccessRefill is put back for each successful attempt.
	SuccessRefill int
}

// tokenBucket is a token bucket shared by every call of a Config: each retry
// takes tokens, each success puts some back. When a storm of failures has
// emptied it, calls fail after their first attempt instead of multiplying
// the load on a struggling server; successes refill it. A nil *tokenBucket is
// unlimited. It is safe for concurrent use.
type tokenBucket struct {
	policy budgetSettings

	mu     sync.Mutex
	tokens int
}

// newTokenBucket returns a full budget, or nil (unlimited) when p.Capacity is not
// positive.
func newTokenBucket(p budgetSettings) *tokenBucket {
	if p.Capacity <= 0 {
		return nil
	}
	return &tokenBucket{policy: p, tokens: p.Capacity}
}

// Take takes the cost of one retry (TimeoutCost after a timeout, RetryCost
// otherwise) and reports whether there were enough tokens; when there were
// not, it takes nothing.
func (b *tokenBucket) Take(timeout bool) bool {
	if b == nil {
		return true
	}
	cost := b.policy.RetryCost
	if timeout {
		cost = b.policy.TimeoutCost
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if cost > b.tokens {
		return false
	}
	b.tokens -= cost
	return true
}

// Succeeded puts SuccessRefill tokens back, up to Capacity.
func (b *tokenBucket) Succeeded() {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.tokens = min(b.tokens+b.policy.SuccessRefill, b.policy.Capacity)
}

// Tokens returns the tokens left, or -1 for an unlimited budget.
func (b *tokenBucket) Tokens() int {
	if b == nil {
		return -1
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.tokens
}
