package waiter

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ackgo/ack"
)

// Phase is one step of a wait: its Poll is called until it reports done.
type Phase struct {
	// Name names the phase in events and errors, for example "task" or
	// "cluster".
	Name string
	// Target is the state the phase waits for, for example "success" or
	// "running"; it is reported in a WaitTimeoutError.
	Target string
	// Poll reads the task or resource once. It returns the state it saw and
	// whether the phase is done, or an error: a *ack.TaskFailedError (or
	// any error that is not transient, see IsTransient) ends the wait, a
	// transient error is polled through.
	Poll func(ctx context.Context) (state string, done bool, err error)
	// NotFoundIsDone makes a not-found error (errors.Is ack.ErrNotFound)
	// end the phase successfully, with the state Target (or NotFoundState
	// when Target is empty). Deletes set it; for any other phase not-found
	// ends the wait with the error.
	NotFoundIsDone bool
}

// NotFoundState is the state reported for a NotFoundIsDone phase whose
// resource is gone and whose Target is empty.
const NotFoundState = "not found"

// Event is one change of state seen by a poll.
type Event struct {
	// Phase is the phase's Name.
	Phase string
	// From is the state before, empty at the first poll of a phase.
	From string
	// To is the new state.
	To string
	// At is the clock's time of the poll.
	At time.Time
	// Poll is the number of the poll that saw the change, counted from 1
	// over the whole wait.
	Poll int
}

// Progress receives events; it is called on the waiting goroutine and
// should return quickly.
type Progress func(Event)

// Result describes a finished wait.
type Result struct {
	// Polls is how many times a Poll function was called, over all phases.
	Polls int
	// Waited is how long the wait took, on the Waiter's clock.
	Waited time.Duration
	// LastState is the last state seen by the last phase that ran.
	LastState string
}

// Waiter runs phases in order, polling each until it is done. A Waiter holds
// no state between calls of Wait and may be used by several goroutines at
// once as long as its fields are not changed.
type Waiter struct {
	// Clock tells the time and sleeps between polls; ack.RealClock when
	// nil.
	Clock ack.Clock
	// Policy sets the delays and the MaxWait.
	Policy Policy
	// Kind and ResourceID name the resource in errors, for example
	// "cluster" and "c-123".
	Kind, ResourceID string
	// TaskID names the task that a phase named TaskPhase waits for, in
	// errors; empty when it is not known.
	TaskID string
	// OnProgress, when set, sees every change of state.
	OnProgress Progress
}

// Wait runs the phases in order. Each phase is polled at once, then after
// each delay of the Policy, until its Poll reports done; the next phase then
// starts at once with a fresh schedule of delays.
//
// It returns a nil error when every phase is done. Otherwise the error is:
//   - a *ack.TaskFailedError (or any other error) returned by a Poll that
//     retrying cannot fix, as IsTransient decides;
//   - a *ack.WaitTimeoutError when MaxWait passed on the clock, or when
//     the context's deadline passed (its Unwrap then returns
//     context.DeadlineExceeded);
//   - an error matching context.Canceled when the context was canceled.
//
// The Result counts the polls made, whatever the outcome.
func (w *Waiter) Wait(ctx context.Context, phases ...Phase) (Result, error) {
	clock := w.Clock
	if clock == nil {
		clock = ack.RealClock{}
	}
	r := run{w: w, clock: clock, policy: w.Policy.withDefaults(), start: clock.Now()}
	for _, ph := range phases {
		if err := r.phase(ctx, ph); err != nil {
			return r.res, err
		}
	}
	r.res.Waited = clock.Now().Sub(r.start)
	return r.res, nil
}

// run is the state of one call of Wait.
type run struct {
	w      *Waiter
	clock  ack.Clock
	policy Policy
	start  time.Time
	res    Result
}

// phase polls ph until it is done or the wait ends.
func (r *run) phase(ctx context.Context, ph Phase) error {
	if ph.Poll == nil {
		return fmt.Errorf("%s: phase %q has no poll function: %w", r.w.subject(), ph.Name, ack.ErrInvalid)
	}
	sched := newSchedule(r.policy, r.clock)
	r.res.LastState = ""
	for {
		if err := ctx.Err(); err != nil {
			return r.contextError(ph, err)
		}
		got, done, err := ph.Poll(ctx)
		r.res.Polls++
		now := r.clock.Now()
		r.res.Waited = now.Sub(r.start)
		if err != nil {
			if ctxErr := ctx.Err(); ctxErr != nil {
				return r.contextError(ph, ctxErr)
			}
			switch {
			case ph.NotFoundIsDone && errors.Is(err, ack.ErrNotFound):
				got, done, err = ph.Target, true, nil
				if got == "" {
					got = NotFoundState
				}
			case !IsTransient(err):
				return r.terminal(ph, err)
			}
		}
		if err == nil && got != r.res.LastState {
			if r.w.OnProgress != nil {
				r.w.OnProgress(Event{Phase: ph.Name, From: r.res.LastState, To: got, At: now, Poll: r.res.Polls})
			}
			r.res.LastState = got
		}
		if done {
			return nil
		}
		delay := sched.next(retryAfter(err))
		if limit := r.policy.MaxWait; limit > 0 {
			left := limit - r.res.Waited
			if left <= 0 {
				return r.timeout(ph, nil)
			}
			delay = min(delay, left)
		}
		if err := r.clock.Sleep(ctx, delay); err != nil {
			return r.contextError(ph, err)
		}
	}
}

// terminal wraps a poll's error that ends the wait. A TaskFailedError
// already names the resource and is returned as it is.
func (r *run) terminal(ph Phase, err error) error {
	if _, ok := errors.AsType[*ack.TaskFailedError](err); ok {
		return err
	}
	return fmt.Errorf("%s: waiting for %s %q: %w", r.w.subject(), ph.Name, ph.Target, err)
}

// timeout builds the WaitTimeoutError of a wait that ran out of time: on
// the clock (MaxWait) when ctxErr is nil, else by the context's deadline.
func (r *run) timeout(ph Phase, ctxErr error) error {
	t := r.ended(ph, ctxErr)
	if ctxErr == nil {
		t.MaxWait = r.policy.MaxWait
	}
	return t
}

// ended describes a wait that ended in phase ph before it was done.
func (r *run) ended(ph Phase, ctxErr error) *ack.WaitTimeoutError {
	r.res.Waited = r.clock.Now().Sub(r.start)
	return &ack.WaitTimeoutError{
		Kind: r.w.Kind, ResourceID: r.w.ResourceID, Phase: ph.Name, TaskID: r.w.TaskID,
		Target: ph.Target, LastState: r.res.LastState, Polls: r.res.Polls, Waited: r.res.Waited, Err: ctxErr,
	}
}

// contextError reports a wait ended by its context: a WaitTimeoutError for
// a deadline, a *canceledError otherwise.
func (r *run) contextError(ph Phase, err error) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return r.timeout(ph, err)
	}
	return &canceledError{wait: r.ended(ph, err)}
}

// canceledError reports a wait ended by the cancellation of its context.
// Its message reads as a WaitTimeoutError's does (what ended the wait,
// which object is in which state), but it is no timeout: it unwraps to
// the context's error alone.
type canceledError struct{ wait *ack.WaitTimeoutError }

func (e *canceledError) Error() string { return e.wait.Error() }
func (e *canceledError) Unwrap() error { return e.wait.Err }

// subject names the resource at the head of an error: "cluster c-123",
// or "wait" when the Waiter names nothing.
func (w *Waiter) subject() string {
	s := strings.TrimSpace(w.Kind + " " + w.ResourceID)
	if s == "" {
		return "wait"
	}
	return s
}
