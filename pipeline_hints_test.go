package ack

import (
	"net/http"
	"testing"
	"time"
)

var hintNow = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func TestTimeLeft(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"Limit:100,Remain:0,TimeLeft:1200,Reset:1767225601", 1200 * time.Millisecond},
		{"TimeLeft:250", 250 * time.Millisecond},
		{" limit : 5 , timeleft : 3000 ", 3 * time.Second},
		{"TIMELEFT:1.5", 1500 * time.Microsecond},
		{"Limit:100,Remain:0", 0},
		{"TimeLeft:-5", 0},
		{"TimeLeft:soon", 0},
		{"TimeLeft", 0},
		{"TimeLeft:NaN", 0},
		{"TimeLeft:1e300", time.Duration(1<<63 - 1)},
		{"", 0},
	}
	for _, tt := range tests {
		if got := parseTimeLeft(tt.in); got != tt.want {
			t.Errorf("TimeLeft(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestRetryAfter(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"3", 3 * time.Second},
		{" 120 ", 2 * time.Minute},
		{"0", 0},
		{"-1", 0},
		{hintNow.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
		{hintNow.Add(-time.Minute).Format(http.TimeFormat), 0},
		{"tomorrow", 0},
		{"", 0},
		{"99999999999999999", time.Duration(1<<63 - 1)},
	}
	for _, tt := range tests {
		if got := parseRetryAfter(tt.in, hintNow); got != tt.want {
			t.Errorf("RetryAfter(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestServerDelay(t *testing.T) {
	tests := []struct {
		name   string
		header http.Header
		want   time.Duration
	}{
		{"none", http.Header{}, 0},
		{"Retry-After", http.Header{"Retry-After": {"4"}}, 4 * time.Second},
		{"user-api", http.Header{headerRateLimitUserAPI: {"Limit:1,TimeLeft:700"}}, 700 * time.Millisecond},
		{"user", http.Header{headerRateLimitUser: {"TimeLeft:900,Limit:1"}}, 900 * time.Millisecond},
		{"the longest wins", http.Header{
			"Retry-After":          {"1"},
			headerRateLimitUserAPI: {"TimeLeft:2500"},
			headerRateLimitUser:    {"TimeLeft:1200"},
		}, 2500 * time.Millisecond},
	}
	for _, tt := range tests {
		if got := headerDelay(tt.header, hintNow); got != tt.want {
			t.Errorf("%s: ServerDelay = %s, want %s", tt.name, got, tt.want)
		}
	}
	// Header names are matched without regard to case, as on the wire.
	h := http.Header{}
	h.Set("x-ratelimit-user-api", "TimeLeft:300")
	if got := headerDelay(h, hintNow); got != 300*time.Millisecond {
		t.Errorf("lower-case header: ServerDelay = %s, want 300ms", got)
	}
}

func FuzzTimeLeft(f *testing.F) {
	for _, s := range []string{"Limit:100,Remain:0,TimeLeft:1200", "TimeLeft:-1", "TimeLeft:1e308", ",,:", "TimeLeft:0x10"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d := parseTimeLeft(s); d < 0 {
			t.Errorf("TimeLeft(%q) = %s, want no negative delay", s, d)
		}
		if d := parseRetryAfter(s, hintNow); d < 0 {
			t.Errorf("RetryAfter(%q) = %s, want no negative delay", s, d)
		}
	})
}
