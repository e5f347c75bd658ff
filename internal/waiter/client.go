package waiter

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/wire"
)

// Doer sends one request through a typed client's pipeline and returns
// its answer.
type Doer = func(ctx context.Context, req *ack.Request) (*ack.Response, error)

// Task is one read of a task (DescribeTaskInfo): the answer and the
// request ID of the call.
type Task struct {
	wire.TaskSummary
	// RequestID identifies the call that read the task.
	RequestID string
}

// Status is what an Operation needs of the task.
func (t Task) Status() TaskStatus {
	s := TaskStatus{State: t.State}
	if t.Error != nil {
		s.Code, s.Message = t.Error.Code, t.Error.Message
	}
	return s
}

// ReadTask reads task id once with do, without wrapping the error. An
// empty ID is refused before any call. The answer's task ID is id when
// the answer names none.
func ReadTask(ctx context.Context, do Doer, id string) (Task, error) {
	if id == "" {
		return Task{}, fmt.Errorf("the task ID is empty: %w", ack.ErrInvalid)
	}
	resp, err := do(ctx, wire.NewRequest(wire.ActionDescribeTaskInfo, id))
	if err != nil {
		return Task{}, err
	}
	ti, err := wire.DecodeTaskSummary(resp.Body)
	if err != nil {
		return Task{}, err
	}
	if ti.TaskID == "" {
		ti.TaskID = id
	}
	return Task{TaskSummary: ti, RequestID: resp.RequestID}, nil
}

// StatusReader returns a Resource.ReadTask that reads tasks with do.
func StatusReader(do Doer) func(ctx context.Context, id string) (TaskStatus, error) {
	return func(ctx context.Context, id string) (TaskStatus, error) {
		t, err := ReadTask(ctx, do, id)
		if err != nil {
			return TaskStatus{}, err
		}
		return t.Status(), nil
	}
}

// Answer returns a response that carries v as its JSON body, as a
// Reconcile hook returns it for a write it found already applied.
func Answer(v any, requestID string) (*ack.Response, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return &ack.Response{StatusCode: 200, Body: b, RequestID: requestID}, nil
}

// Gone reads a resource for a delete's Reconcile hook: it reports whether
// the resource is gone (a read answered ack.ErrNotFound) or, by deleting,
// being deleted, with the request ID of the read that told.
func Gone[T any](ctx context.Context, read func(context.Context) (T, error), deleting func(T) (bool, string)) (bool, string, error) {
	r, err := read(ctx)
	if errors.Is(err, ack.ErrNotFound) {
		if api, ok := errors.AsType[*ack.APIError](err); ok {
			return true, api.RequestID, nil
		}
		return true, "", nil
	}
	if err != nil {
		return false, "", err
	}
	ok, requestID := deleting(r)
	return ok, requestID, nil
}

// DeleteReconcile returns the Reconcile hook of a delete: after an
// ambiguous outcome it reads the resource with Gone, and answers with
// answer's JSON (the delete's answer without a task ID) when the resource
// is gone or being deleted, so that the delete is not sent again; else it
// says the delete may be sent again.
func DeleteReconcile[T any](read func(context.Context) (T, error), deleting func(T) (bool, string), answer any) ack.ReconcileFunc {
	return func(ctx context.Context, _ error) (*ack.Response, error) {
		gone, requestID, err := Gone(ctx, read, deleting)
		if err != nil || !gone {
			return nil, err
		}
		return Answer(answer, requestID)
	}
}

// Settings is a typed client's WaitOptions, whose Progress type is P: a
// package's WaitOptions converts to it.
type Settings[P any] struct {
	MinDelay, MaxDelay, MaxWait time.Duration
	OnProgress                  func(P)
}

// WaitWith waits for op as Operation.Wait does, with the delays and bound
// of s, reporting each change of state to s.OnProgress as progress turns
// it into the package's Progress.
func WaitWith[T, P any](ctx context.Context, op *Operation[T], clock ack.Clock, s Settings[P], progress func(Event) P) (T, error) {
	var on Progress
	if fn := s.OnProgress; fn != nil {
		on = func(e Event) { fn(progress(e)) }
	}
	return op.Wait(ctx, clock, Policy{MinDelay: s.MinDelay, MaxDelay: s.MaxDelay, MaxWait: s.MaxWait}, on)
}

// Detached returns the outcome of an operation that has no client to
// poll with: the one Completed gave it, or err.
func (o *Operation[T]) Detached(err error) (T, error) {
	if res, oerr, done := o.Outcome(); done {
		return res, oerr
	}
	var zero T
	return zero, err
}

// Lazy holds an Operation made by the first call that needs it, so that
// an operation no one waits on or polls makes none. Its zero value holds
// none; Complete gives it one that is already done.
type Lazy[T any] struct {
	once sync.Once
	op   *Operation[T]
}

// Complete makes l hold an operation that is already done (Completed);
// call it before any Get.
func (l *Lazy[T]) Complete(result T, err error) { l.op = Completed(result, err) }

// Get returns l's operation. The first call makes it from res when l
// holds none and res is not nil; with res nil, l holds none and Get
// returns nil (whose Done is false and whose Outcome is not done).
func (l *Lazy[T]) Get(res func() Resource[T]) *Operation[T] {
	l.once.Do(func() {
		if l.op == nil && res != nil {
			l.op = New(res())
		}
	})
	return l.op
}
