// Package vclock is the virtual clock shared by the fake ACK and by the
// SDK's own tests. It implements core.Clock in three modes:
//
//	mode          Now                              Sleep(d)
//	AutoAdvance   virtual, moves only on Sleep     moves now to max(now, start+d), returns at once
//	Scaled        start + (wall elapsed) × speed   sleeps d/speed on the wall clock
//	Manual        virtual, moves only on Advance   blocks until Advance passes start+d
//
// Concurrent auto-advance sleepers do not add up: two goroutines that each
// sleep five minutes from the same instant move the clock by five minutes.
// No mode starts a goroutine or a timer of its own except Scaled's Sleep,
// which waits on a wall-clock timer for the scaled duration.
package vclock
