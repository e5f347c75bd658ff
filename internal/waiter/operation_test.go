package waiter

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/vclock"
)

// thing is the resource of the Operation tests.
type thing struct {
	state     string
	requestID string
}

// answer is one scripted read: a task state, or a resource state, or an
// error.
type answer struct {
	state string
	err   error
}

// world answers an Operation's reads from scripts, each read taking the
// next answer and the last one repeating, and counts the reads.
type world struct {
	tasks, things []answer
	taskReads     int
	thingReads    int
}

func next(script *[]answer) answer {
	a := (*script)[0]
	if len(*script) > 1 {
		*script = (*script)[1:]
	}
	return a
}

// resource describes the world's thing: "ready" is its target, "broken"
// ends the operation.
func (w *world) resource(taskID string, deletes, readWhileTaskRuns bool) Resource[*thing] {
	target := "ready"
	if deletes {
		target = "gone"
	}
	return Resource[*thing]{
		Kind: "thing", Noun: "thing", ID: "t-1", TaskID: taskID, Phase: "thing", Target: target,
		Deletes: deletes, ReadWhileTaskRuns: readWhileTaskRuns,
		ReadTask: func(_ context.Context, id string) (TaskStatus, error) {
			if id != taskID {
				return TaskStatus{}, errors.New("read of another task " + id)
			}
			w.taskReads++
			a := next(&w.tasks)
			return TaskStatus{State: a.state, Code: "Boom", Message: "the task broke"}, a.err
		},
		Read: func(context.Context) (*thing, error) {
			w.thingReads++
			a := next(&w.things)
			if a.err != nil {
				return nil, a.err
			}
			return &thing{state: a.state}, nil
		},
		Gone: func(requestID string) *thing { return &thing{state: "gone", requestID: requestID} },
		Judge: func(t *thing) (string, Verdict) {
			switch t.state {
			case "ready":
				return t.state, Reached
			case "broken":
				return t.state, Broken
			}
			return t.state, Pending
		},
	}
}

var errGone = &ack.APIError{Action: "DescribeThing", HTTPStatus: 404, Code: "ErrorThingNotFound", RequestID: "R-gone"}

// sameError compares errors by type and text, so that a test can name the
// *ack.TaskFailedError it expects.
var sameError = cmp.Comparer(func(a, b error) bool {
	if a == nil || b == nil {
		return a == b
	}
	return fmt.Sprintf("%T %v", a, a) == fmt.Sprintf("%T %v", b, b)
})

// TestOperationPoll checks one Poll in each situation: what it reads, what
// it returns, and whether the operation is done.
func TestOperationPoll(t *testing.T) {
	tests := []struct {
		name       string
		taskID     string
		deletes    bool
		readWhile  bool
		tasks      []answer
		things     []answer
		want       *thing
		wantErr    error // compared with cmp; nil for none
		wantDone   bool
		taskReads  int
		thingReads int
	}{
		{name: "the task runs: the thing is not read", taskID: "T-1",
			tasks: []answer{{state: TaskRunning}}, taskReads: 1},
		{name: "the task runs: the thing is read too", taskID: "T-1", readWhile: true,
			tasks: []answer{{state: TaskRunning}}, things: []answer{{state: "creating"}},
			want: &thing{state: "creating"}, taskReads: 1, thingReads: 1},
		{name: "a thing at its target waits for its task", taskID: "T-1", readWhile: true,
			tasks: []answer{{state: TaskRunning}}, things: []answer{{state: "ready"}},
			want: &thing{state: "ready"}, taskReads: 1, thingReads: 1},
		{name: "the task succeeded and the thing is ready", taskID: "T-1",
			tasks: []answer{{state: TaskSuccess}}, things: []answer{{state: "ready"}},
			want: &thing{state: "ready"}, wantDone: true, taskReads: 1, thingReads: 1},
		{name: "a deleted thing ends the deletion while its task runs", taskID: "T-1", deletes: true, readWhile: true,
			tasks: []answer{{state: TaskRunning}}, things: []answer{{err: errGone}},
			want: &thing{state: "gone", requestID: "R-gone"}, wantDone: true, taskReads: 1, thingReads: 1},
		{name: "a deletion without a task ends when the thing is gone", deletes: true,
			things: []answer{{err: errGone}}, want: &thing{state: "gone", requestID: "R-gone"}, wantDone: true, thingReads: 1},
		{name: "a thing read without a task", things: []answer{{state: "creating"}},
			want: &thing{state: "creating"}, thingReads: 1},
		{name: "a failed task fails with the thing's state", taskID: "T-1",
			tasks: []answer{{state: TaskFailed}}, things: []answer{{state: "broken"}},
			want: &thing{state: "broken"}, wantDone: true, taskReads: 1, thingReads: 1,
			wantErr: &ack.TaskFailedError{Kind: "thing", ResourceID: "t-1", TaskID: "T-1", Code: "Boom", Message: "the task broke", State: "broken"}},
		{name: "a broken thing fails the operation", taskID: "T-1",
			tasks: []answer{{state: TaskSuccess}}, things: []answer{{state: "broken"}},
			want: &thing{state: "broken"}, wantDone: true, taskReads: 1, thingReads: 1,
			wantErr: &ack.TaskFailedError{Kind: "thing", ResourceID: "t-1", TaskID: "T-1", State: "broken", Message: "the thing is broken, not ready"}},
		{name: "a lasting error of the thing is returned, the operation goes on",
			things: []answer{{err: errGone}}, wantErr: errGone, thingReads: 1},
		{name: "an error of the task is returned, the operation goes on", taskID: "T-1",
			tasks: []answer{{err: errThrottled}}, wantErr: errThrottled, taskReads: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := &world{tasks: tt.tasks, things: tt.things}
			op := New(w.resource(tt.taskID, tt.deletes, tt.readWhile))
			got, err := op.Poll(context.Background())
			if diff := cmp.Diff(tt.wantErr, err, sameError); diff != "" {
				t.Errorf("Poll error (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(thing{})); diff != "" {
				t.Errorf("Poll result (-want +got):\n%s", diff)
			}
			if op.Done() != tt.wantDone {
				t.Errorf("Done = %t, want %t", op.Done(), tt.wantDone)
			}
			if w.taskReads != tt.taskReads || w.thingReads != tt.thingReads {
				t.Errorf("%d task and %d thing reads, want %d and %d", w.taskReads, w.thingReads, tt.taskReads, tt.thingReads)
			}
			if tt.wantDone {
				// A success keeps its result; a failure keeps its error
				// and no result.
				wantAgain := got
				if err != nil {
					wantAgain = nil
				}
				reads := w.taskReads + w.thingReads
				again, againErr := op.Poll(context.Background())
				if again != wantAgain || againErr != err || w.taskReads+w.thingReads != reads {
					t.Errorf("a Poll after the end = %v, %v after %d more reads; want %v, %v and no read",
						again, againErr, w.taskReads+w.thingReads-reads, wantAgain, err)
				}
			}
		})
	}
}

// TestOperationWait waits through the task and the thing on a virtual
// clock, and checks the events, the result and the outcome kept after the
// end.
func TestOperationWait(t *testing.T) {
	type seen struct{ Phase, From, To string }
	tests := []struct {
		name       string
		tasks      []answer
		things     []answer
		maxWait    time.Duration
		want       *thing
		wantEvents []seen
		wantDone   bool
		check      func(t *testing.T, err error)
	}{
		{
			name:   "succeeds",
			tasks:  []answer{{state: TaskRunning}, {state: TaskSuccess}},
			things: []answer{{state: "creating"}, {state: "ready"}},
			want:   &thing{state: "ready"}, wantDone: true,
			wantEvents: []seen{{"task", "", "running"}, {"task", "running", "success"}, {"thing", "", "creating"}, {"thing", "creating", "ready"}},
			check: func(t *testing.T, err error) {
				if err != nil {
					t.Errorf("Wait: %v", err)
				}
			},
		},
		{
			name:     "the thing breaks",
			tasks:    []answer{{state: TaskSuccess}},
			things:   []answer{{state: "creating"}, {state: "broken"}},
			wantDone: true, wantEvents: []seen{{"task", "", "success"}, {"thing", "", "creating"}},
			check: func(t *testing.T, err error) {
				if _, ok := errors.AsType[*ack.TaskFailedError](err); !ok {
					t.Errorf("Wait: %v, want a TaskFailedError", err)
				}
			},
		},
		{
			name:  "times out, not done",
			tasks: []answer{{state: TaskRunning}}, maxWait: time.Minute,
			wantEvents: []seen{{"task", "", "running"}},
			check: func(t *testing.T, err error) {
				to, ok := errors.AsType[*ack.WaitTimeoutError](err)
				if !ok || to.Kind != "thing" || to.ResourceID != "t-1" || to.Target != TaskSuccess || to.LastState != TaskRunning {
					t.Errorf("Wait: %v, want a WaitTimeoutError of thing t-1 waiting for success", err)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := &world{tasks: tt.tasks, things: tt.things}
			op := New(w.resource("T-1", false, false))
			var events []seen
			progress := func(e Event) { events = append(events, seen{e.Phase, e.From, e.To}) }
			p := Policy{MinDelay: time.Second, MaxDelay: time.Second, MaxWait: tt.maxWait}
			got, err := op.Wait(context.Background(), vclock.NewAuto(), p, progress)
			tt.check(t, err)
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(thing{})); diff != "" {
				t.Errorf("result (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantEvents, events); diff != "" {
				t.Errorf("events (-want +got):\n%s", diff)
			}
			if op.Done() != tt.wantDone {
				t.Errorf("Done = %t, want %t", op.Done(), tt.wantDone)
			}
			if tt.wantDone {
				reads := w.taskReads + w.thingReads
				again, againErr := op.Wait(context.Background(), vclock.NewAuto(), p, nil)
				if again != got || againErr != err || w.taskReads+w.thingReads != reads {
					t.Errorf("a Wait after the end = %v, %v; want the same outcome and no read", again, againErr)
				}
			}
		})
	}
}

// TestCompletedOperation checks that a completed operation returns its
// outcome without reading anything (its Resource has no functions), and
// that a nil one is not done.
func TestCompletedOperation(t *testing.T) {
	boom := errors.New("boom")
	done := &thing{state: "ready"}
	for _, tc := range []struct {
		result *thing
		err    error
	}{{done, nil}, {nil, boom}} {
		op := Completed(tc.result, tc.err)
		got, err := op.Wait(context.Background(), vclock.NewAuto(), Policy{}, nil)
		if got != tc.result || err != tc.err || !op.Done() {
			t.Errorf("Wait = %v, %v, done %t; want %v, %v, done", got, err, op.Done(), tc.result, tc.err)
		}
		if got, err := op.Poll(context.Background()); got != tc.result || err != tc.err {
			t.Errorf("Poll = %v, %v; want %v, %v", got, err, tc.result, tc.err)
		}
	}
	var none *Operation[*thing]
	if r, err, done := none.Outcome(); none.Done() || done || r != nil || err != nil {
		t.Errorf("a nil operation: Done %t, Outcome %v, %v, %t; want nothing", none.Done(), r, err, done)
	}
}

// TestTaskStatus checks which task states end a task, and how.
func TestTaskStatus(t *testing.T) {
	tests := []struct {
		state             string
		succeeded, failed bool
	}{
		{TaskRunning, false, false},
		{TaskSuccess, true, false},
		{TaskFailed, false, true},
		{"fail", false, true},
		{"", false, false},
		{"Success", false, false},
	}
	for _, tt := range tests {
		s := TaskStatus{State: tt.state}
		if s.Succeeded() != tt.succeeded || s.Failed() != tt.failed {
			t.Errorf("state %q: succeeded %t, failed %t; want %t, %t", tt.state, s.Succeeded(), s.Failed(), tt.succeeded, tt.failed)
		}
	}
}
