// Package vclock is the virtual clock shared by the fake ACK and by the
// SDK's own tests. It implements the root package's Clock in three modes:
//
//	mode          Now                              Sleep(d)
//	AutoAdvance   virtual, moves only on Sleep     moves now to max(now, start+d), returns at once
//	                                               (Hold lets several sleeps start at one instant)
//	Scaled        start + (wall elapsed) × speed   sleeps d/speed on the wall clock
//	Manual        virtual, moves only on Advance   blocks until Advance passes start+d
//
// Auto-advance sleeps that start at the same virtual instant do not add up:
// each moves the clock to max(now, its start + d), so two goroutines that
// each sleep five minutes from one instant move the clock by five minutes.
// A sleep takes its start when it is called; Hold lets a test make several
// sleeps start at one instant, deterministically.
// No mode starts a goroutine or a timer of its own except Scaled's Sleep,
// which waits on a wall-clock timer for the scaled duration.
//
// Defaults:
//
//	setting   default
//	start     DefaultStart, 2026-01-01T00:00:00Z (New with a zero start, NewAuto, NewManual)
//	speed     1 virtual second per wall second (Scaled only; a speed below 1 is 1)
package vclock
