package waiter

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/vclock"
)

// TestWaitEndMessages checks the message of every error that ends a wait
// before its phases are done: it names what ended the wait (the context's
// deadline, its cancellation, MaxWait on the clock) and which object (the
// task or the resource) was last seen in which state.
func TestWaitEndMessages(t *testing.T) {
	tests := []struct {
		name string
		// the operation: its resource, task ID and scripted reads
		kind, noun, id, taskID string
		tasks, things          []answer
		maxWait                time.Duration
		// end ends the context: "deadline" or "cancel", at the read
		// numbered endAt (0: before the first read).
		end    string
		endAt  int
		want   string
		wantIs error // nil: a WaitTimeoutError without a context error
	}{
		{
			name: "context deadline before the first poll", kind: "cluster", noun: "cluster", id: "c-1", taskID: "T-1",
			tasks: []answer{{state: TaskRunning}}, end: "deadline",
			want:   `cluster c-1: context deadline exceeded after 0s and 0 polls: no state of task T-1 read yet, waiting for "success"`,
			wantIs: context.DeadlineExceeded,
		},
		{
			name: "context deadline during the task", kind: "cluster", noun: "cluster", id: "c-1", taskID: "T-1",
			tasks: []answer{{state: TaskRunning}}, end: "deadline", endAt: 3,
			want:   `cluster c-1: context deadline exceeded after 2s and 3 polls: task T-1 is "running", waiting for "success"`,
			wantIs: context.DeadlineExceeded,
		},
		{
			name: "context deadline during the resource", kind: "nodepool", noun: "node pool", id: "np-1", taskID: "T-2",
			tasks: []answer{{state: TaskSuccess}}, things: []answer{{state: "scaling"}}, end: "deadline", endAt: 3,
			want:   `nodepool np-1: context deadline exceeded after 1s and 3 polls: node pool np-1 is "scaling", waiting for "ready"`,
			wantIs: context.DeadlineExceeded,
		},
		{
			name: "MaxWait during the task", kind: "cluster", noun: "cluster", id: "c-1", taskID: "T-1",
			tasks: []answer{{state: TaskRunning}}, maxWait: time.Minute,
			want: `cluster c-1: MaxWait 1m0s passed on the clock after 61 polls: task T-1 is "running", waiting for "success"`,
		},
		{
			name: "MaxWait during the resource, no task known", kind: "cluster", noun: "cluster", id: "c-1",
			things: []answer{{state: "initial"}}, maxWait: 3 * time.Second,
			want: `cluster c-1: MaxWait 3s passed on the clock after 4 polls: cluster c-1 is "initial", waiting for "ready"`,
		},
		{
			name: "MaxWait while every read fails", kind: "nodepool", noun: "node pool", id: "np-1", taskID: "T-2",
			tasks: []answer{{err: errUnavailable}}, maxWait: 2 * time.Second,
			want: `nodepool np-1: MaxWait 2s passed on the clock after 3 polls: no state of task T-2 read yet, waiting for "success"`,
		},
		{
			name: "context canceled before the first poll", kind: "nodepool", noun: "node pool", id: "np-1", taskID: "T-2",
			tasks: []answer{{state: TaskRunning}}, end: "cancel",
			want:   `nodepool np-1: context canceled after 0s and 0 polls: no state of task T-2 read yet, waiting for "success"`,
			wantIs: context.Canceled,
		},
		{
			name: "context canceled during the resource", kind: "cluster", noun: "cluster", id: "c-1", taskID: "T-1",
			tasks: []answer{{state: TaskSuccess}}, things: []answer{{state: "initial"}}, end: "cancel", endAt: 2,
			want:   `cluster c-1: context canceled after 0s and 2 polls: cluster c-1 is "initial", waiting for "ready"`,
			wantIs: context.Canceled,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := newExpiringCtx()
			if tt.end == "cancel" {
				ctx.cause = context.Canceled
			}
			if tt.end != "" && tt.endAt == 0 {
				ctx.expire()
			}
			w := &world{tasks: tt.tasks, things: tt.things}
			if w.tasks == nil {
				w.tasks = []answer{{state: TaskRunning}}
			}
			r := w.resource(tt.taskID, false, true)
			r.Kind, r.Noun, r.ID = tt.kind, tt.noun, tt.id
			reads := 0
			readTask, read := r.ReadTask, r.Read
			count := func() {
				if reads++; tt.end != "" && reads == tt.endAt {
					ctx.expire()
				}
			}
			r.ReadTask = func(ctx context.Context, id string) (TaskStatus, error) { count(); return readTask(ctx, id) }
			r.Read = func(ctx context.Context) (*thing, error) { count(); return read(ctx) }
			p := Policy{MinDelay: time.Second, MaxDelay: time.Second, Jitter: -1, MaxWait: tt.maxWait}
			_, err := New(r).Wait(ctx, vclock.NewAuto(), p, nil)
			if err == nil {
				t.Fatal("Wait succeeded")
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("error:\n got %s\nwant %s", got, tt.want)
			}
			if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
				t.Errorf("error %v does not match %v", err, tt.wantIs)
			}
			to, isTimeout := errors.AsType[*ack.WaitTimeoutError](err)
			if wantTimeout := tt.end != "cancel"; isTimeout != wantTimeout {
				t.Errorf("error %v is a WaitTimeoutError: %t, want %t", err, isTimeout, wantTimeout)
			}
			if isTimeout && tt.wantIs == nil && to.Err != nil {
				t.Errorf("a MaxWait timeout carries the context error %v", to.Err)
			}
		})
	}
}
