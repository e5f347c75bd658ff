package vclock

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestAutoAdvanceConcurrentSleepersDoNotAddUp(t *testing.T) {
	c := NewAuto()
	start := c.Now()
	var wg sync.WaitGroup
	// Both goroutines start their sleep at the same virtual instant (Hold
	// makes sure neither ends before the other has begun): the clock ends
	// five minutes later, not ten.
	release := c.Hold()
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := c.Sleep(context.Background(), 5*time.Minute); err != nil {
				t.Error(err)
			}
		}()
	}
	if err := c.BlockUntil(context.Background(), 2); err != nil {
		t.Fatal(err)
	}
	release()
	wg.Wait()
	if got := c.Now().Sub(start); got != 5*time.Minute {
		t.Fatalf("clock moved %s, want 5m", got)
	}
}

func TestAutoAdvanceSequentialSleepsAddUp(t *testing.T) {
	c := NewAuto()
	start := c.Now()
	for _, d := range []time.Duration{time.Minute, 2 * time.Minute, 0, -time.Second} {
		if err := c.Sleep(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	if got := c.Now().Sub(start); got != 3*time.Minute {
		t.Fatalf("clock moved %s, want 3m", got)
	}
}

func TestSleepOnDoneContext(t *testing.T) {
	for _, m := range []Mode{AutoAdvance, Scaled, Manual} {
		t.Run(m.String(), func(t *testing.T) {
			c := New(m, time.Time{}, 1000)
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			before := c.Now()
			if err := c.Sleep(ctx, time.Hour); !errors.Is(err, context.Canceled) {
				t.Fatalf("Sleep = %v, want context.Canceled", err)
			}
			if m != Scaled && !c.Now().Equal(before) {
				t.Fatalf("a cancelled sleep moved the clock")
			}
		})
	}
}

func TestManualSleepWakesOnAdvance(t *testing.T) {
	c := NewManual()
	done := make(chan error, 1)
	go func() { done <- c.Sleep(context.Background(), 10*time.Second) }()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := c.BlockUntil(ctx, 1); err != nil {
		t.Fatal(err)
	}
	c.Advance(9 * time.Second)
	select {
	case err := <-done:
		t.Fatalf("sleep returned early: %v", err)
	default:
	}
	if got := c.Sleepers(); got != 1 {
		t.Fatalf("Sleepers = %d, want 1", got)
	}
	c.Advance(time.Second)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got := c.Sleepers(); got != 0 {
		t.Fatalf("Sleepers = %d after wake, want 0", got)
	}
}

func TestManualSleepCancel(t *testing.T) {
	c := NewManual()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- c.Sleep(ctx, time.Hour) }()
	if err := c.BlockUntil(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("Sleep = %v, want context.Canceled", err)
	}
	if got := c.Sleepers(); got != 0 {
		t.Fatalf("Sleepers = %d after cancel, want 0", got)
	}
}

func TestScaledRunsFaster(t *testing.T) {
	c := New(Scaled, time.Time{}, 3600) // an hour per second
	start := c.Now()
	if err := c.Sleep(context.Background(), 36*time.Second); err != nil { // 10ms of wall time
		t.Fatal(err)
	}
	if got := c.Now().Sub(start); got < 36*time.Second {
		t.Fatalf("clock moved %s, want at least 36s", got)
	}
}

func TestSetAndAdvance(t *testing.T) {
	c := NewManual()
	start := c.Now()
	c.Set(start.Add(-time.Hour)) // never backwards
	if !c.Now().Equal(start) {
		t.Fatalf("Set moved the clock backwards")
	}
	c.Set(start.Add(time.Hour))
	c.Advance(-time.Minute) // ignored
	if got := c.Now().Sub(start); got != time.Hour {
		t.Fatalf("clock moved %s, want 1h", got)
	}
}

func TestAutoAdvanceHeldSleepsEndAtTheLatest(t *testing.T) {
	c := NewAuto()
	start := c.Now()
	release := c.Hold()
	durations := []time.Duration{3 * time.Minute, 5 * time.Minute, time.Minute}
	var wg sync.WaitGroup
	for _, d := range durations {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := c.Sleep(context.Background(), d); err != nil {
				t.Error(err)
			}
		}()
	}
	if err := c.BlockUntil(context.Background(), len(durations)); err != nil {
		t.Fatal(err)
	}
	release()
	release() // idempotent
	wg.Wait()
	if got := c.Now().Sub(start); got != 5*time.Minute {
		t.Fatalf("clock moved %s, want 5m", got)
	}
	// Released: sleeps no longer wait.
	if err := c.Sleep(context.Background(), time.Minute); err != nil {
		t.Fatal(err)
	}
	if got := c.Now().Sub(start); got != 6*time.Minute {
		t.Fatalf("clock moved %s, want 6m", got)
	}
}
