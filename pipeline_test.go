package ack

import (
	"bytes"
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/internal/vclock"
)

// TestStepOrder asserts the chain rate limit → retry → log → send →
// transport, by its structure and by its behaviour.
func TestStepOrder(t *testing.T) {
	clock := vclock.NewAuto()
	srv := &script{clock: clock, replies: []reply{answer(503, "ServiceUnavailable"), answer(400, "Throttling"), ok()}}
	var buf bytes.Buffer
	p := newPipeline(pipelineSettings{
		Transport: srv, Clock: clock, Logger: jsonLogger(&buf), UserAgent: "ackgo/order",
		Retry:    retrySettings{MaxAttempts: 5, BaseDelay: 200 * time.Millisecond, MaxDelay: 20 * time.Second, Rand: func() float64 { return 0 }},
		Limiters: newLimiterSet(Limit{QPS: 1, Burst: 1}, nil),
	})

	// Structure.
	var steps []string
	for step := p; step != nil; {
		steps = append(steps, reflect.TypeOf(step).String())
		switch s := step.(type) {
		case *rateLimitStep:
			step = s.Next
		case *retryStep:
			step = s.Next
		case *logStep:
			step = s.Next
		case *sendStep:
			step = s.Transport
		default:
			step = nil
		}
	}
	want := []string{"*ack.rateLimitStep", "*ack.retryStep", "*ack.logStep", "*ack.sendStep", "*ack.script"}
	if diff := cmp.Diff(want, steps); diff != "" {
		t.Fatalf("steps (-want +got):\n%s", diff)
	}

	// Behaviour. Two calls; the first needs three attempts.
	for range 2 {
		if _, err := p.RoundTrip(context.Background(), getRequest()); err != nil {
			t.Fatal(err)
		}
	}
	// Rate limit outside retry: the first call's retries were not held to
	// one per second (they came 200ms apart), and the call took one token,
	// so the second call waited only until that token's second was up.
	gaps := srv.gaps()
	if diff := cmp.Diff([]time.Duration{200 * time.Millisecond, 200 * time.Millisecond, 600 * time.Millisecond}, gaps); diff != "" {
		t.Errorf("gaps between sends (-want +got):\n%s", diff)
	}
	// Log inside retry and above send: one record per attempt, each with
	// the code decoded by the send step.
	var codes []any
	for _, r := range records(t, &buf) {
		if r["msg"] == msgAttempt {
			codes = append(codes, r["code"])
		}
	}
	if diff := cmp.Diff([]any{"ServiceUnavailable", "Throttling", nil, nil}, codes); diff != "" {
		t.Errorf("codes of the attempt records (-want +got):\n%s", diff)
	}
	// Send on every attempt: each carries the User-Agent.
	for i, r := range srv.seen {
		if got := r.Header.Get("User-Agent"); got != "ackgo/order" {
			t.Errorf("attempt %d: User-Agent %q", i+1, got)
		}
	}
}

// A transport returning a fixed answer is a Transport, as is the
// pipeline.
var _ Transport = newPipeline(pipelineSettings{})
