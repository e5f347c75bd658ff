package fake

import (
	"context"
	"testing"
	"time"

	"github.com/ackgo/ack/internal/vclock"
)

func TestClockModes(t *testing.T) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name    string
		mode    ClockMode
		ctx     context.Context
		sleep   time.Duration
		advance time.Duration
		wantErr bool
		want    time.Duration // clock movement
	}{
		{"auto sleep moves the clock", AutoAdvance, context.Background(), 10 * time.Minute, 0, false, 10 * time.Minute},
		{"auto sleep with cancelled context", AutoAdvance, cancelled, time.Minute, 0, true, 0},
		{"manual advance", Manual, context.Background(), 0, 3 * time.Hour, false, 3 * time.Hour},
		{"auto advance", AutoAdvance, context.Background(), 0, time.Hour, false, time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newClock(tt.mode, time.Time{}, 1)
			if c.Mode() != tt.mode {
				t.Fatalf("mode %v, want %v", c.Mode(), tt.mode)
			}
			start := c.Now()
			if !start.Equal(vclock.DefaultStart) {
				t.Fatalf("start %v, want %v", start, vclock.DefaultStart)
			}
			if tt.sleep > 0 {
				err := c.Sleep(tt.ctx, tt.sleep)
				if (err != nil) != tt.wantErr {
					t.Fatalf("sleep error %v, want error %v", err, tt.wantErr)
				}
			}
			c.Advance(tt.advance)
			if got := c.Now().Sub(start); got != tt.want {
				t.Fatalf("clock moved %s, want %s", got, tt.want)
			}
		})
	}
}

func TestAutoAdvanceSequentialSleepsAddUp(t *testing.T) {
	c := newClock(AutoAdvance, time.Time{}, 1)
	start := c.Now()
	for range 3 {
		_ = c.Sleep(context.Background(), time.Minute)
	}
	if got := c.Now().Sub(start); got != 3*time.Minute {
		t.Fatalf("three sequential 1m sleeps moved the clock by %s, want 3m", got)
	}
}

func TestDelayNeverWaitsOnTheWall(t *testing.T) {
	for _, mode := range []ClockMode{AutoAdvance, Manual, Scaled} {
		t.Run(mode.String(), func(t *testing.T) {
			c := newClock(mode, time.Time{}, 1)
			before := c.Now()
			if err := c.delay(context.Background(), time.Hour); err != nil {
				t.Fatalf("delay: %v", err)
			}
			if got := c.Now().Sub(before); got < time.Hour {
				t.Fatalf("delay of 1h moved the clock by %s", got)
			}
		})
	}
}
