package fake_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
)

// TestCallLogLimit checks that the action log keeps the most recent calls,
// in order and numbered from 1 since the log was last cleared, while
// TotalCalls counts them all.
func TestCallLogLimit(t *testing.T) {
	tests := []struct {
		name     string
		opts     []fake.Option
		calls    int
		wantSeqs []int
	}{
		{"default keeps these", nil, 5, []int{1, 2, 3, 4, 5}},
		{"limit above the calls", []fake.Option{fake.WithCallLogLimit(10)}, 5, []int{1, 2, 3, 4, 5}},
		{"limit equal to the calls", []fake.Option{fake.WithCallLogLimit(5)}, 5, []int{1, 2, 3, 4, 5}},
		{"limit of three", []fake.Option{fake.WithCallLogLimit(3)}, 5, []int{3, 4, 5}},
		{"limit of three, wrapped twice", []fake.Option{fake.WithCallLogLimit(3)}, 8, []int{6, 7, 8}},
		{"limit of one", []fake.Option{fake.WithCallLogLimit(1)}, 4, []int{4}},
		{"zero keeps every call", []fake.Option{fake.WithCallLogLimit(0)}, 7, []int{1, 2, 3, 4, 5, 6, 7}},
		{"negative keeps every call", []fake.Option{fake.WithCallLogLimit(-2)}, 4, []int{1, 2, 3, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := fake.New(tt.opts...)
			// Alternate two actions, so that the order of the kept calls
			// shows in their actions too.
			action := func(seq int) string {
				if seq%2 == 1 {
					return wire.ActionDescribeUserQuota
				}
				return wire.ActionDescribeClustersV1
			}
			for i := 1; i <= tt.calls; i++ {
				call(t, c, action(i), nil, nil, nil)
			}
			var seqs []int
			for _, k := range c.Calls() {
				seqs = append(seqs, k.Seq)
				if k.Action != action(k.Seq) {
					t.Errorf("call #%d is %s, want %s", k.Seq, k.Action, action(k.Seq))
				}
			}
			if diff := cmp.Diff(tt.wantSeqs, seqs); diff != "" {
				t.Errorf("kept calls (-want +got):\n%s", diff)
			}
			if got := c.TotalCalls(); got != tt.calls {
				t.Errorf("TotalCalls() = %d, want %d", got, tt.calls)
			}

			c.ClearCalls()
			if got, n := len(c.Calls()), c.TotalCalls(); got != 0 || n != 0 {
				t.Fatalf("after ClearCalls: %d calls kept, TotalCalls() = %d; want none", got, n)
			}
			call(t, c, wire.ActionDescribeUserQuota, nil, nil, nil)
			if got := c.Calls(); len(got) != 1 || got[0].Seq != 1 || c.TotalCalls() != 1 {
				t.Fatalf("after ClearCalls and one call: %v, TotalCalls() = %d; want one call numbered 1", got, c.TotalCalls())
			}
		})
	}
}

// TestCallLogLimitSurvivesReset checks that Reset empties the log and
// keeps its limit.
func TestCallLogLimitSurvivesReset(t *testing.T) {
	c := fake.New(fake.WithCallLogLimit(2))
	for range 3 {
		call(t, c, wire.ActionDescribeUserQuota, nil, nil, nil)
	}
	c.Reset()
	if n := c.TotalCalls(); n != 0 {
		t.Fatalf("TotalCalls() after Reset = %d, want 0", n)
	}
	for range 3 {
		call(t, c, wire.ActionDescribeUserQuota, nil, nil, nil)
	}
	var seqs []int
	for _, k := range c.Calls() {
		seqs = append(seqs, k.Seq)
	}
	if diff := cmp.Diff([]int{2, 3}, seqs); diff != "" {
		t.Fatalf("kept calls after Reset (-want +got):\n%s", diff)
	}
}
