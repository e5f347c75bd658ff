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
		l := newCallLog(tt.limit)
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
