package pricing_test

import (
	"testing"
	"time"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/pricing"
)

// Every state of the API reference is marked, with the sources' billed
// states billed and their unbilled ones not.
func TestBilledStates(t *testing.T) {
	want := map[cluster.State]bool{
		cluster.StateRunning: true, cluster.StateUpgrading: true, cluster.StateDraining: true,
		cluster.StateRemoving: true, cluster.StateUpdating: true, cluster.StateScaling: true,
	}
	for _, s := range cluster.States() {
		if got := pricing.Billed(s); got != want[s] {
			t.Errorf("Billed(%s) = %v; want %v", s, got, want[s])
		}
	}
	if pricing.Billed("no-such-state") {
		t.Error("an unknown state is billed")
	}
}

func TestHours(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want int64
	}{
		{0, 0}, {-time.Minute, 0}, {time.Nanosecond, 1}, {time.Hour, 1}, {time.Hour + time.Second, 2},
		{90 * time.Minute, 2}, {3 * time.Hour, 3},
	}
	for _, tt := range tests {
		if got := pricing.Hours(tt.d); got != tt.want {
			t.Errorf("Hours(%s) = %d; want %d", tt.d, got, tt.want)
		}
	}
}

func TestManagementFeeHours(t *testing.T) {
	tests := []struct {
		name     string
		from, to time.Time
		want     int64
	}{
		{"10:20–13:40", at(10, 20, 0), at(13, 40, 0), 2},
		{"on the hour", at(10, 0, 0), at(13, 0, 0), 3},
		{"within one hour", at(10, 5, 0), at(10, 55, 0), 0},
		{"across one boundary only", at(10, 30, 0), at(11, 30, 0), 0},
		{"a second short", at(10, 0, 0), at(10, 59, 59), 0},
		{"backwards", at(13, 0, 0), at(10, 0, 0), 0},
		{"a day", at(0, 30, 0), at(0, 30, 0).Add(24 * time.Hour), 23},
	}
	for _, tt := range tests {
		if got := pricing.ManagementFeeHours(tt.from, tt.to); got != tt.want {
			t.Errorf("%s: %d hours; want %d", tt.name, got, tt.want)
		}
	}
}

// Settle cuts at clock hours and rounds each hour per instance.
func TestSettle(t *testing.T) {
	pod := eciSecond(t, 2000, 4096) // 0.00012252 CNY a second
	tests := []struct {
		name     string
		from, to time.Time
		want     string
	}{
		{"nothing", at(10, 0, 0), at(10, 0, 0), "0.00 CNY"},
		{"40 s is under half a fen", at(10, 0, 0), at(10, 0, 40), "0.00 CNY"},
		{"41 s is over", at(10, 0, 0), at(10, 0, 41), "0.01 CNY"},
		// 30 s each side of 11:00: two settlements of 0.0036756, each not
		// charged, although the minute together is 0.0073512.
		{"a minute across the hour", at(10, 59, 30), at(11, 0, 30), "0.00 CNY"},
		// 10:30–11:00 1800 s = 0.220536 → 0.22; 11–13 2 × 0.441072 → 0.44
		// each; 13:00–13:10 600 s = 0.073512 → 0.07.
		{"hours and parts", at(10, 30, 0), at(13, 10, 0), "1.17 CNY"},
		{"a partial second counts", at(10, 0, 0), at(10, 0, 40).Add(time.Millisecond), "0.01 CNY"},
	}
	for _, tt := range tests {
		if got := pricing.Settle(pod, tt.from, tt.to).String(); got != tt.want {
			t.Errorf("%s: %s; want %s", tt.name, got, tt.want)
		}
	}
}

func TestSubscription(t *testing.T) {
	hourly := cny("1.00")
	tests := []struct {
		months   int64
		discount string
		want     string
		wantErr  bool
	}{
		{1, "", "720.00 CNY", false},
		{1, "0", "720.00 CNY", false},
		{2, "0.15", "1224.00 CNY", false},
		{12, "0.333", "5762.88 CNY", false},
		{1, "1", "0.00 CNY", false},
		{1, "1.5", "", true},
		{1, "-0.1", "", true},
		{1, "15%", "", true},
		{-1, "", "", true},
	}
	for _, tt := range tests {
		got, err := pricing.Subscription(hourly, tt.months, tt.discount)
		if (err != nil) != tt.wantErr || (err == nil && got.String() != tt.want) {
			t.Errorf("Subscription(1.00, %d, %q) = %v, %v; want %s (error %v)", tt.months, tt.discount, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestPresets(t *testing.T) {
	for _, tt := range []struct {
		p    pricing.Preset
		name string
		fee  bool
	}{{pricing.Current, "Current", true}, {pricing.Product, "Product", false}} {
		if tt.p.String() != tt.name || tt.p.ChargesManagementFee() != tt.fee {
			t.Errorf("%v: name %s, fee %v; want %s, %v", tt.p, tt.p, tt.p.ChargesManagementFee(), tt.name, tt.fee)
		}
		got, err := pricing.ParsePreset(tt.name)
		if err != nil || got != tt.p {
			t.Errorf("ParsePreset(%s) = %v, %v", tt.name, got, err)
		}
	}
	if _, err := pricing.ParsePreset("Cheap"); err == nil {
		t.Error("ParsePreset(Cheap) has no error")
	}
}
