package ack

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/internal/vclock"
)

func TestBudget(t *testing.T) {
	type step struct {
		op      string // "retry", "timeout", "success"
		want    bool   // Take's answer, for retry and timeout
		balance int
	}
	tests := []struct {
		name   string
		policy budgetSettings
		steps  []step
	}{
		{
			name:   "costs and refills",
			policy: budgetSettings{Capacity: 20, RetryCost: 5, TimeoutCost: 10, SuccessRefill: 1},
			steps: []step{
				{"retry", true, 15}, {"timeout", true, 5}, {"timeout", false, 5}, {"retry", true, 0},
				{"retry", false, 0}, {"success", false, 1}, {"success", false, 2},
			},
		},
		{
			name:   "refills stop at the capacity",
			policy: budgetSettings{Capacity: 3, RetryCost: 1, TimeoutCost: 2, SuccessRefill: 2},
			steps:  []step{{"success", false, 3}, {"timeout", true, 1}, {"success", false, 3}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newTokenBucket(tt.policy)
			for i, s := range tt.steps {
				switch s.op {
				case "success":
					b.Succeeded()
				default:
					if got := b.Take(s.op == "timeout"); got != s.want {
						t.Errorf("step %d (%s): Take = %t, want %t", i, s.op, got, s.want)
					}
				}
				if got := b.Tokens(); got != s.balance {
					t.Errorf("step %d (%s): tokens = %d, want %d", i, s.op, got, s.balance)
				}
			}
		})
	}
}

func TestBudgetUnlimited(t *testing.T) {
	b := newTokenBucket(budgetSettings{Capacity: 0, RetryCost: 5})
	if b != nil {
		t.Fatalf("NewBudget with no capacity = %v, want nil (unlimited)", b)
	}
	b.Succeeded()
	if !b.Take(true) || b.Tokens() != -1 {
		t.Error("a nil budget must allow every retry and report -1 tokens")
	}
}

func TestBudgetConcurrent(t *testing.T) {
	b := newTokenBucket(budgetSettings{Capacity: 100, RetryCost: 1, TimeoutCost: 1, SuccessRefill: 1})
	var wg sync.WaitGroup
	var mu sync.Mutex
	taken := 0
	for range 8 {
		wg.Go(func() {
			for range 50 {
				if b.Take(false) {
					mu.Lock()
					taken++
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	if taken != 100 || b.Tokens() != 0 {
		t.Errorf("taken %d with %d left, want exactly the capacity (100) taken", taken, b.Tokens())
	}
}

func TestBudgetStormAndRefill(t *testing.T) {
	clock := vclock.NewAuto()
	budget := newTokenBucket(budgetSettings{Capacity: 20, RetryCost: 5, TimeoutCost: 10, SuccessRefill: 1})
	down := &script{clock: clock, replies: []reply{answer(503, "ServiceUnavailable")}}
	up := &script{clock: clock, replies: []reply{ok()}}
	policy := retrySettings{MaxAttempts: 3, BaseDelay: 200 * ms, MaxDelay: 20 * time.Second}
	pDown := newTestPipeline(pipelineSettings{Transport: down, Clock: clock, Budget: budget, Retry: policy})
	pUp := newTestPipeline(pipelineSettings{Transport: up, Clock: clock, Budget: budget, Retry: policy})

	// A storm: ten calls to a failing server. The first two may retry
	// (2 × 2 × 5 tokens); every later call stops after one attempt.
	var reasons []string
	for range 10 {
		_, err := pDown.RoundTrip(context.Background(), getRequest())
		var re *RetryError
		if !errors.As(err, &re) {
			t.Fatalf("err = %v, want a *RetryError", err)
		}
		reasons = append(reasons, re.Reason)
	}
	if got, want := down.attempts(), 3+3+8; got != want {
		t.Errorf("attempts during the storm = %d, want %d (without a budget: 30)", got, want)
	}
	wantReasons := []string{ReasonMaxAttempts, ReasonMaxAttempts}
	for range 8 {
		wantReasons = append(wantReasons, ReasonBudget)
	}
	if diff := cmp.Diff(wantReasons, reasons); diff != "" {
		t.Errorf("reasons (-want +got):\n%s", diff)
	}
	if got := budget.Tokens(); got != 0 {
		t.Fatalf("budget after the storm = %d, want 0", got)
	}

	// Seven successes put seven tokens back: enough for one retry.
	for range 7 {
		if _, err := pUp.RoundTrip(context.Background(), getRequest()); err != nil {
			t.Fatal(err)
		}
	}
	if got := budget.Tokens(); got != 7 {
		t.Fatalf("budget after 7 successes = %d, want 7", got)
	}
	before := down.attempts()
	_, err := pDown.RoundTrip(context.Background(), getRequest())
	var re *RetryError
	if !errors.As(err, &re) || re.Attempts != 2 || re.Reason != ReasonBudget {
		t.Errorf("err = %v, want a *RetryError after 2 attempts for %q", err, ReasonBudget)
	}
	if got := down.attempts() - before; got != 2 {
		t.Errorf("attempts after the refill = %d, want 2", got)
	}
	if got := budget.Tokens(); got != 2 {
		t.Errorf("budget left = %d, want 2", got)
	}
}

func TestRetryWithoutBudget(t *testing.T) {
	clock := vclock.NewAuto()
	srv := &script{clock: clock, replies: []reply{answer(http.StatusServiceUnavailable, "")}}
	p := newTestPipeline(pipelineSettings{Transport: srv, Clock: clock, Budget: newTokenBucket(budgetSettings{Capacity: -1})})
	if _, err := p.RoundTrip(context.Background(), getRequest()); err == nil {
		t.Fatal("want an error")
	}
	if got := srv.attempts(); got != 5 {
		t.Errorf("attempts = %d, want 5", got)
	}
}
