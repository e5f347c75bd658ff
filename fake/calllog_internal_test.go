package fake

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCallLogRing fills logs past their limit, over several laps of the
// ring, and checks that each keeps its most recent calls, oldest first.
func TestCallLogRing(t *testing.T) {
	tests := []struct {
		limit, adds int
		wantFirst   int // Seq of the oldest kept call; 0 when none is kept
		wantKept    int
	}{
		{limit: DefaultCallLogLimit, adds: DefaultCallLogLimit + 2_500, wantFirst: 2_501, wantKept: DefaultCallLogLimit},
		{limit: 4, adds: 0, wantFirst: 0, wantKept: 0},
		{limit: 4, adds: 3, wantFirst: 1, wantKept: 3},
		{limit: 4, adds: 4, wantFirst: 1, wantKept: 4},
		{limit: 4, adds: 9, wantFirst: 6, wantKept: 4},
		{limit: 4, adds: 12, wantFirst: 9, wantKept: 4},
		{limit: 0, adds: 50, wantFirst: 1, wantKept: 50},
	}
	for _, tt := range tests {
		l := newCallLog(tt.limit, 0)
		for i := range tt.adds {
			l.add(Call{Action: "A", Body: []byte{byte(i)}})
		}
		got := l.all()
		var want []int
		for s := tt.wantFirst; tt.wantKept > 0 && s < tt.wantFirst+tt.wantKept; s++ {
			want = append(want, s)
		}
		var seqs []int
		for _, c := range got {
			seqs = append(seqs, c.Seq)
			// The body tells which add logged the call (modulo 256).
			if c.Body[0] != byte(c.Seq-1) {
				t.Fatalf("limit %d, %d adds: call %d has the body of another call", tt.limit, tt.adds, c.Seq)
			}
		}
		if diff := cmp.Diff(want, seqs); diff != "" {
			t.Errorf("limit %d, %d adds: kept (-want +got):\n%s", tt.limit, tt.adds, diff)
		}
		if l.count() != tt.adds {
			t.Errorf("limit %d, %d adds: count() = %d", tt.limit, tt.adds, l.count())
		}
		if tt.limit > 0 && cap(l.calls) > 2*tt.limit {
			t.Errorf("limit %d: the log holds room for %d calls", tt.limit, cap(l.calls))
		}
	}
}

// TestCallLogByteBound fills logs past their byte bound with calls of
// several sizes: each keeps the most recent calls whose sizes fit, oldest
// first, and a call larger than the bound alone is kept without its body.
func TestCallLogByteBound(t *testing.T) {
	sized := func(body int) Call { return Call{Action: "A", Body: make([]byte, body)} }
	one := sized(1000).size()
	tests := []struct {
		name      string
		maxBytes  int
		bodies    []int
		wantSeqs  []int
		wantBytes []int // the kept bodies' lengths
	}{
		{"all fit", 3 * one, []int{1000, 1000, 1000}, []int{1, 2, 3}, []int{1000, 1000, 1000}},
		{"oldest dropped", 3 * one, []int{1000, 1000, 1000, 1000, 1000}, []int{3, 4, 5}, []int{1000, 1000, 1000}},
		{"a large call drops several", 3 * one, []int{1000, 1000, 1000, 2000}, []int{3, 4}, []int{1000, 2000}},
		{"too large alone", 3 * one, []int{1000, 10_000}, []int{1, 2}, []int{1000, 0}},
		{"unbounded", 0, []int{1 << 20, 1 << 20}, []int{1, 2}, []int{1 << 20, 1 << 20}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := newCallLog(0, tt.maxBytes)
			for _, b := range tt.bodies {
				l.add(sized(b))
			}
			var seqs, lens []int
			total := 0
			for _, c := range l.all() {
				seqs = append(seqs, c.Seq)
				lens = append(lens, len(c.Body))
				total += c.size()
			}
			if diff := cmp.Diff(tt.wantSeqs, seqs); diff != "" {
				t.Errorf("kept (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantBytes, lens); diff != "" {
				t.Errorf("kept bodies (-want +got):\n%s", diff)
			}
			if total != l.bytes || tt.maxBytes > 0 && total > tt.maxBytes {
				t.Errorf("kept %d bytes, counted %d, bound %d", total, l.bytes, tt.maxBytes)
			}
		})
	}
}
