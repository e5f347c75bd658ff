package waiter

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/internal/vclock"
)

func TestPolicyDefaults(t *testing.T) {
	tests := []struct {
		name string
		in   Policy
		want Policy // Rand is checked apart
	}{
		{"zero", Policy{}, Policy{MinDelay: DefaultMinDelay, MaxDelay: DefaultMaxDelay, Multiplier: DefaultMultiplier, Jitter: DefaultJitter}},
		{"kept", Policy{MinDelay: time.Second, MaxDelay: 10 * time.Second, Multiplier: 3, Jitter: 0.5, MaxWait: time.Hour},
			Policy{MinDelay: time.Second, MaxDelay: 10 * time.Second, Multiplier: 3, Jitter: 0.5, MaxWait: time.Hour}},
		{"max below min", Policy{MinDelay: 2 * time.Minute}, Policy{MinDelay: 2 * time.Minute, MaxDelay: 2 * time.Minute, Multiplier: DefaultMultiplier, Jitter: DefaultJitter}},
		{"no jitter", Policy{Jitter: -1, Multiplier: 0.5}, Policy{MinDelay: DefaultMinDelay, MaxDelay: DefaultMaxDelay, Multiplier: DefaultMultiplier}},
		{"jitter capped", Policy{Jitter: 7}, Policy{MinDelay: DefaultMinDelay, MaxDelay: DefaultMaxDelay, Multiplier: DefaultMultiplier, Jitter: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.in.withDefaults()
			if got.Rand == nil {
				t.Fatal("Rand is nil")
			}
			got.Rand = nil
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("withDefaults (-want +got):\n%s", diff)
			}
		})
	}
}

func TestScheduleGrowsWithoutJitterNoise(t *testing.T) {
	// Rand() = 0.5 puts the jitter factor at exactly 1.
	p := Policy{Rand: func() float64 { return 0.5 }}.withDefaults()
	s := newSchedule(p, vclock.NewAuto())
	var got []time.Duration
	for range 10 {
		got = append(got, s.next(0))
	}
	want := []time.Duration{
		5 * time.Second, 7500 * time.Millisecond, 11250 * time.Millisecond, 16875 * time.Millisecond,
		25312500 * time.Microsecond, 37968750 * time.Microsecond, 56953125 * time.Microsecond,
		time.Minute, time.Minute, time.Minute,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("delays (-want +got):\n%s", diff)
	}
}

func TestScheduleStaysInBounds(t *testing.T) {
	tests := []struct {
		name string
		p    Policy
	}{
		{"defaults", Policy{}},
		{"full jitter", Policy{Jitter: 1}},
		{"node pool", Policy{MinDelay: 2 * time.Second, MaxDelay: 30 * time.Second, Multiplier: 2, Jitter: 0.5}},
		{"min equals max", Policy{MinDelay: time.Second, MaxDelay: time.Second, Jitter: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(1, 2))
			tt.p.Rand = r.Float64
			p := tt.p.withDefaults()
			s := newSchedule(p, vclock.NewAuto())
			var sawMax bool
			for i := range 200 {
				d := s.next(0)
				if d < p.MinDelay || d > p.MaxDelay {
					t.Fatalf("delay %d = %s, outside [%s, %s]", i, d, p.MinDelay, p.MaxDelay)
				}
				sawMax = sawMax || d == p.MaxDelay
			}
			if !sawMax {
				t.Errorf("no delay reached MaxDelay %s in 200 draws", p.MaxDelay)
			}
		})
	}
}

func TestScheduleRetryAfter(t *testing.T) {
	p := exactPolicy.withDefaults()
	tests := []struct {
		name    string
		atLeast time.Duration
		want    time.Duration
	}{
		{"none", 0, 5 * time.Second},
		{"shorter than the delay", time.Second, 5 * time.Second},
		{"longer than the delay", 30 * time.Second, 30 * time.Second},
		{"capped at MaxDelay", 10 * time.Minute, time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSchedule(p, vclock.NewAuto())
			if got := s.next(tt.atLeast); got != tt.want {
				t.Errorf("next(%s) = %s, want %s", tt.atLeast, got, tt.want)
			}
		})
	}
}

func FuzzSchedule(f *testing.F) {
	f.Add(int64(5*time.Second), int64(time.Minute), 1.5, 0.2, 0.3, int64(0))
	f.Add(int64(time.Second), int64(0), 0.0, -1.0, 0.99, int64(time.Hour))
	f.Fuzz(func(t *testing.T, minD, maxD int64, mult, jitter, r float64, atLeast int64) {
		if r < 0 || r >= 1 || mult > 100 || minD > int64(24*time.Hour) || maxD > int64(24*time.Hour) {
			t.Skip()
		}
		p := Policy{MinDelay: time.Duration(minD), MaxDelay: time.Duration(maxD), Multiplier: mult, Jitter: jitter,
			Rand: func() float64 { return r }}.withDefaults()
		s := newSchedule(p, vclock.NewAuto())
		for i := range 50 {
			if d := s.next(time.Duration(atLeast)); d < p.MinDelay || d > p.MaxDelay {
				t.Fatalf("delay %d = %s, outside [%s, %s]", i, d, p.MinDelay, p.MaxDelay)
			}
		}
	})
}
