package pipeline

import "sync"

// BudgetPolicy sizes a retry budget.
type BudgetPolicy struct {
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

// Budget is a token bucket shared by every call of a Config: each retry
// takes tokens, each success puts some back. When a storm of failures has
// emptied it, calls fail after their first attempt instead of multiplying
// the load on a struggling server; successes refill it. A nil *Budget is
// unlimited. It is safe for concurrent use.
type Budget struct {
	policy BudgetPolicy

	mu     sync.Mutex
	tokens int
}

// NewBudget returns a full budget, or nil (unlimited) when p.Capacity is not
// positive.
func NewBudget(p BudgetPolicy) *Budget {
	if p.Capacity <= 0 {
		return nil
	}
	return &Budget{policy: p, tokens: p.Capacity}
}

// Take takes the cost of one retry (TimeoutCost after a timeout, RetryCost
// otherwise) and reports whether there were enough tokens; when there were
// not, it takes nothing.
func (b *Budget) Take(timeout bool) bool {
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
func (b *Budget) Succeeded() {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.tokens = min(b.tokens+b.policy.SuccessRefill, b.policy.Capacity)
}

// Tokens returns the tokens left, or -1 for an unlimited budget.
func (b *Budget) Tokens() int {
	if b == nil {
		return -1
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.tokens
}
