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

// TestScheduleJitter checks that the jitter moves each delay by up to
// ±Jitter of its exponential base, down as well as up, before the clamp to
// [MinDelay, MaxDelay].
func TestScheduleJitter(t *testing.T) {
	// Bases without jitter: 10s, 20s, 40s, then 60s (MaxDelay).
	base := Policy{MinDelay: 10 * time.Second, MaxDelay: time.Minute, Multiplier: 2, Jitter: 0.2}
	tests := []struct {
		name string
		rand float64
		want []time.Duration
	}{
		{"lowest draw: -20%, the first clamped up to MinDelay", 0,
			[]time.Duration{10 * time.Second, 16 * time.Second, 32 * time.Second, 48 * time.Second}},
		{"draw 0.25: -10%", 0.25,
			[]time.Duration{10 * time.Second, 18 * time.Second, 36 * time.Second, 54 * time.Second}},
		{"draw 0.75: +10%, the last clamped down to MaxDelay", 0.75,
			[]time.Duration{11 * time.Second, 22 * time.Second, 44 * time.Second, time.Minute}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := base
			p.Rand = func() float64 { return tt.rand }
			s := newSchedule(p.withDefaults(), vclock.NewAuto())
			var got []time.Duration
			for range tt.want {
				got = append(got, s.next(0))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("delays (-want +got):\n%s", diff)
			}
		})
	}

	// With a random source, delays of the same step differ between waits.
	r := rand.New(rand.NewPCG(3, 4))
	p := base
	p.Rand = r.Float64
	seen := map[time.Duration]bool{}
	for range 20 {
		s := newSchedule(p.withDefaults(), vclock.NewAuto())
		s.next(0)
		seen[s.next(0)] = true // the second step: 20s ± 4s
	}
	if len(seen) < 10 {
		t.Errorf("20 waits drew %d distinct second delays; want the jitter to spread them", len(seen))
	}
	for d := range seen {
		if d < 16*time.Second || d > 24*time.Second {
			t.Errorf("second delay %s outside 20s ± 20%%", d)
		}
	}
}
