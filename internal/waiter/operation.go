package waiter

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/ackgo/ack"
)

// TaskPhase is the name of the phase in which an Operation waits for its
// task to succeed.
const TaskPhase = ack.PhaseTask

// Verdict is what one read of an Operation's resource says about the
// operation.
type Verdict int

// The verdicts of a read.
const (
	// Pending says the resource is not at its target yet: poll again.
	Pending Verdict = iota
	// Reached says the resource is at its target.
	Reached
	// Broken says the resource is in a state that ends the operation in
	// failure, whatever later polls would find.
	Broken
)

// Resource says what an Operation acts on and how it reads and judges it.
// The typed clients fill it in; its functions are called on the goroutine
// that calls Wait or Poll.
type Resource[T any] struct {
	// Kind names the resource in errors, for example "cluster" or
	// "nodepool": it is the Kind of the *ack.TaskFailedError and the
	// *ack.WaitTimeoutError a wait ends in.
	Kind string
	// Noun names the resource in the message of a TaskFailedError: "the
	// <Noun> is failed, not running".
	Noun string
	// ID is the resource's ID.
	ID string
	// TaskID is the task's ID; empty when it is not known, and the
	// operation then waits on the resource alone (unless StatusTask).
	TaskID string
	// StatusTask says ReadTask reads a status that needs no task ID (a
	// cluster's upgrade status): the task phase runs even when TaskID is
	// empty.
	StatusTask bool
	// Phase names the phase that waits for the resource.
	Phase string
	// Target is the state that phase waits for.
	Target string
	// Deletes says the operation deletes the resource: a read that finds
	// it gone (ack.ErrNotFound) reaches the target, with Gone's result.
	Deletes bool
	// ReadWhileTaskRuns makes Poll read the resource even when the task is
	// still running (a deletion then ends as soon as the resource is gone);
	// otherwise Poll reads the resource only once the task has succeeded.
	ReadWhileTaskRuns bool

	// ReadTask reads the task once.
	ReadTask func(ctx context.Context, taskID string) (TaskStatus, error)
	// Read reads the resource once.
	Read func(ctx context.Context) (T, error)
	// Gone returns the result of a deletion, given the request ID of the
	// read that found the resource gone (empty when the error had none).
	Gone func(requestID string) T
	// Judge returns the state a read found and its verdict.
	Judge func(T) (state string, v Verdict)
}

// Operation is the state of one operation that ACK runs as a task on a
// resource, and its wait: first the task until it succeeds, then the
// resource until it reaches its target. The typed clients' Operation types
// are thin wrappers over one.
//
// Wait and Poll may be called again after an error; once the operation is
// done they return its outcome without a call. Use one goroutine at a time
// for Wait and Poll; Done and Outcome are safe from any goroutine, and a
// nil *Operation is one that is not done and has no outcome.
type Operation[T any] struct {
	res Resource[T]

	mu       sync.Mutex
	taskDone bool
	last     T // the last read of the resource
	done     bool
	result   T
	err      error // the terminal error, once done
}

// New returns an operation to follow on r.
func New[T any](r Resource[T]) *Operation[T] {
	return &Operation[T]{res: r}
}

// Completed returns an operation that is already done: its Wait and Poll
// return result and err without any call.
func Completed[T any](result T, err error) *Operation[T] {
	return &Operation[T]{done: true, result: result, err: err}
}

// Done reports whether the operation has ended, in success or failure.
func (o *Operation[T]) Done() bool {
	if o == nil {
		return false
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.done
}

// Outcome returns the operation's result and error, and whether it is
// done; the result and error are zero until it is.
func (o *Operation[T]) Outcome() (result T, err error, done bool) {
	if o == nil {
		return result, nil, false
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.result, o.err, o.done
}

// Wait polls until the operation ends, sleeping on clock between polls as
// p says, and returns the resource as last read. progress, when set, sees
// every change of state. It fails as Waiter.Wait does; a failure of the
// task or the resource (*ack.TaskFailedError) ends the operation, any
// other error leaves it to a later Wait or Poll.
func (o *Operation[T]) Wait(ctx context.Context, clock ack.Clock, p Policy, progress Progress) (T, error) {
	if res, err, done := o.Outcome(); done {
		return res, err
	}
	w := &Waiter{Clock: clock, Policy: p, Kind: o.res.Kind, ResourceID: o.res.ID, TaskID: o.res.TaskID, OnProgress: progress}
	var phases []Phase
	if o.taskPending() {
		phases = append(phases, Phase{Name: TaskPhase, Target: TaskSuccess, Poll: o.pollTask})
	}
	phases = append(phases, Phase{Name: o.res.Phase, Target: o.res.Target, Poll: o.pollResource})
	if _, err := w.Wait(ctx, phases...); err != nil {
		o.failIfTerminal(err)
		var zero T
		return zero, err
	}
	return o.finish()
}

// Poll reads the operation's state once, without waiting: the task while
// it runs, then the resource (see Resource.ReadWhileTaskRuns). It returns
// the resource as last read (zero before the first read) and the error
// that ended the operation, if it failed; Done reports whether it has
// ended.
func (o *Operation[T]) Poll(ctx context.Context) (T, error) {
	if res, err, done := o.Outcome(); done {
		return res, err
	}
	if o.taskPending() {
		if _, _, err := o.pollTask(ctx); err != nil {
			o.failIfTerminal(err)
			return o.lastRead(), err
		}
		if !o.res.ReadWhileTaskRuns && o.taskPending() {
			return o.lastRead(), nil
		}
	}
	_, reached, err := o.pollResource(ctx)
	if err != nil {
		o.failIfTerminal(err)
		return o.lastRead(), err
	}
	if reached && (o.res.Deletes || !o.taskPending()) {
		return o.finish()
	}
	return o.lastRead(), nil
}

// pollTask reads the task once: done when it succeeded, a
// *ack.TaskFailedError (with the resource's state, when a read of it
// succeeds) when it failed.
func (o *Operation[T]) pollTask(ctx context.Context) (string, bool, error) {
	t, err := o.res.ReadTask(ctx, o.res.TaskID)
	if err != nil {
		return "", false, err
	}
	switch {
	case t.Succeeded():
		o.mu.Lock()
		o.taskDone = true
		o.mu.Unlock()
		return t.State, true, nil
	case t.Failed():
		state := ""
		if r, err := o.res.Read(ctx); err == nil {
			o.setLast(r)
			state, _ = o.res.Judge(r)
		}
		return t.State, false, &ack.TaskFailedError{
			Kind: o.res.Kind, ResourceID: o.res.ID, TaskID: o.res.TaskID,
			Code: t.Code, Message: t.Message, State: state,
		}
	}
	return t.State, false, nil
}

// pollResource reads the resource once: done at its target, a
// *ack.TaskFailedError in a state that ends the operation.
func (o *Operation[T]) pollResource(ctx context.Context) (string, bool, error) {
	r, err := o.res.Read(ctx)
	if o.res.Deletes && errors.Is(err, ack.ErrNotFound) {
		requestID := ""
		if api, ok := errors.AsType[*ack.APIError](err); ok {
			requestID = api.RequestID
		}
		o.setLast(o.res.Gone(requestID))
		return o.res.Target, true, nil
	}
	if err != nil {
		return "", false, err
	}
	o.setLast(r)
	state, v := o.res.Judge(r)
	switch v {
	case Broken:
		return state, false, &ack.TaskFailedError{
			Kind: o.res.Kind, ResourceID: o.res.ID, TaskID: o.res.TaskID, State: state,
			Message: fmt.Sprintf("the %s is %s, not %s", o.res.Noun, state, o.res.Target),
		}
	case Reached:
		return state, true, nil
	}
	return state, false, nil
}

// finish records success with the last read of the resource.
func (o *Operation[T]) finish() (T, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.done, o.result, o.err = true, o.last, nil
	return o.result, nil
}

// failIfTerminal records err as the outcome when it is a failure of the
// task or the resource, which no later poll can change.
func (o *Operation[T]) failIfTerminal(err error) {
	if _, ok := errors.AsType[*ack.TaskFailedError](err); !ok {
		return
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	var zero T
	o.done, o.result, o.err = true, zero, err
}

// taskPending reports whether the task is known and has not succeeded yet.
func (o *Operation[T]) taskPending() bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	return (o.res.TaskID != "" || o.res.StatusTask) && !o.taskDone
}

func (o *Operation[T]) setLast(r T) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.last = r
}

func (o *Operation[T]) lastRead() T {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.last
}
