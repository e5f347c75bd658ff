package quota

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

func TestParseQuotaValue(t *testing.T) {
	tests := []struct {
		in     string
		want   int64
		wantOK bool
	}{
		{"1", 1, true},
		{"50", 50, true},
		{"0", 0, true},
		{" 20\t", 20, true},
		{"007", 7, true},
		{"50.0", 50, true},
		{"50.000", 50, true},
		{"9223372036854775807", math.MaxInt64, true},
		{"9223372036854775808", 0, false},
		{"", 0, false},
		{"  ", 0, false},
		{"-1", 0, false},
		{"+1", 0, false},
		{"1.5", 0, false},
		{"50.", 0, false},
		{".0", 0, false},
		{"1e3", 0, false},
		{"1_000", 0, false},
		{"0x10", 0, false},
		{"unlimited", 0, false},
	}
	for _, tt := range tests {
		t.Run(strconv.Quote(tt.in), func(t *testing.T) {
			got, ok := parseQuotaValue(tt.in)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("parseQuotaValue(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func FuzzParseQuotaValue(f *testing.F) {
	for _, s := range []string{"1", "50", " 20 ", "50.0", "-1", "1.5", "9223372036854775808", "", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := parseQuotaValue(s)
		if !ok {
			if v != 0 {
				t.Fatalf("parseQuotaValue(%q) = %d with ok false, want 0", s, v)
			}
			return
		}
		if v < 0 {
			t.Fatalf("parseQuotaValue(%q) = %d, negative", s, v)
		}
		// The whole part, read by strconv, must agree.
		whole, _, _ := strings.Cut(strings.TrimSpace(s), ".")
		if w, err := strconv.ParseInt(whole, 10, 64); err != nil || w != v {
			t.Fatalf("parseQuotaValue(%q) = %d, but strconv reads %q as %d, %v", s, v, whole, w, err)
		}
		// The canonical form parses back to the same value.
		if back, ok := parseQuotaValue(strconv.FormatInt(v, 10)); !ok || back != v {
			t.Fatalf("parseQuotaValue(%q) = %d, %v; want %d", strconv.FormatInt(v, 10), back, ok, v)
		}
	})
}

func TestClampInt(t *testing.T) {
	tests := []struct {
		in   int64
		want int
	}{
		{0, 0}, {42, 42}, {-7, -7}, {math.MaxInt64, math.MaxInt}, {math.MinInt64, math.MinInt},
	}
	for _, tt := range tests {
		if got := clampInt(tt.in); got != tt.want {
			t.Errorf("clampInt(%d) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
