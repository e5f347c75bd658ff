package fake

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// The clock itself is internal/vclock's, tested there; these tests cover
// what the fake adds: the names /_fake/clock reports and reaction latency.

func TestClockModeNames(t *testing.T) {
	got := []string{AutoAdvance.String(), Scaled.String(), Manual.String()}
	if diff := cmp.Diff([]string{"auto-advance", "scaled", "manual"}, got); diff != "" {
		t.Fatalf("mode names (-want +got):\n%s", diff)
	}
}

func TestDelayNeverWaitsOnTheWall(t *testing.T) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		mode    ClockMode
		ctx     context.Context
		d       time.Duration
		wantErr bool
		want    time.Duration // least clock movement
	}{
		// On a manual clock a real sleep would never return: delay must
		// advance the clock instead.
		{Manual, context.Background(), time.Hour, false, time.Hour},
		{AutoAdvance, context.Background(), time.Hour, false, time.Hour},
		{Scaled, context.Background(), time.Hour, false, time.Hour},
		{Manual, cancelled, time.Hour, true, 0},
		{AutoAdvance, cancelled, time.Hour, true, 0},
		{Manual, context.Background(), 0, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.mode.String(), func(t *testing.T) {
			c := newClock(tt.mode, time.Time{}, 1)
			before := c.Now()
			err := delay(tt.ctx, c, tt.d)
			if (err != nil) != tt.wantErr {
				t.Fatalf("delay error %v, want error %v", err, tt.wantErr)
			}
			got := c.Now().Sub(before)
			if got < tt.want || (tt.mode != Scaled && got != tt.want) {
				t.Fatalf("delay of %s moved the clock by %s, want %s", tt.d, got, tt.want)
			}
		})
	}
}
