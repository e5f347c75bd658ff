package wire_test

import (
	"math"
	"testing"

	"github.com/ackgo/ack/internal/wire"
)

// TestPageBounds covers pages inside, at the end of and far past a list,
// up to the largest page number and size an int64 holds.
func TestPageBounds(t *testing.T) {
	tests := []struct {
		number, size int64
		n            int
		lo, hi       int
	}{
		{1, 10, 25, 0, 10},
		{3, 10, 25, 20, 25},
		{4, 10, 25, 25, 25},
		{1, 10, 0, 0, 0},
		{math.MaxInt64, 100, 25, 25, 25},
		{math.MaxInt64, 1, 25, 25, 25},
		{math.MaxInt64 / 100, 100, 25, 25, 25},
		{2, math.MaxInt64, 25, 25, 25},
		{1, math.MaxInt64, 25, 0, 25},
		{0, 10, 25, 0, 0},
		{1, 0, 25, 0, 0},
	}
	for _, tt := range tests {
		if lo, hi := wire.PageBounds(tt.number, tt.size, tt.n); lo != tt.lo || hi != tt.hi {
			t.Errorf("PageBounds(%d, %d, %d) = [%d, %d), want [%d, %d)", tt.number, tt.size, tt.n, lo, hi, tt.lo, tt.hi)
		}
	}
}

// TestLastPage covers short pages, totals reached, and page numbers and
// totals whose product would overflow.
func TestLastPage(t *testing.T) {
	tests := []struct {
		number, size int64
		got          int
		total        int64
		want         bool
	}{
		{1, 50, 0, 0, true},
		{1, 50, 49, 0, true},
		{1, 50, 50, 0, false},
		{1, 50, 50, 50, true},
		{1, 50, 50, 51, false},
		{2, 50, 50, 100, true},
		{2, 50, 50, 120, false},
		{3, 50, 20, 120, true},
		{math.MaxInt64, 100, 100, math.MaxInt64, true},
		{math.MaxInt64 / 50, 100, 100, math.MaxInt64, true},
		{1, 100, 100, math.MaxInt64, false},
	}
	for _, tt := range tests {
		if got := wire.LastPage(tt.number, tt.size, tt.got, tt.total); got != tt.want {
			t.Errorf("LastPage(%d, %d, %d, %d) = %v, want %v", tt.number, tt.size, tt.got, tt.total, got, tt.want)
		}
	}
}
