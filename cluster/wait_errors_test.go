package cluster_test

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
)

// TestWaitTaskFailed makes a change fail in the fake and checks that Wait
// surfaces the task's error code and message, and the cluster's state.
func TestWaitTaskFailed(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name      string
		change    fake.Change
		start     func(t *testing.T, c *cluster.Client) *cluster.Operation
		wantState string
	}{
		{"create", fake.ChangeCreateManaged, func(t *testing.T, c *cluster.Client) *cluster.Operation {
			op, err := c.Create(ctx, clientManaged("1"))
			if err != nil {
				t.Fatal(err)
			}
			return op
		}, "failed"},
		{"modify", fake.ChangeModifyCluster, func(t *testing.T, c *cluster.Client) *cluster.Operation {
			cl := createRunning(t, c, clientManaged("1"))
			op, err := c.Modify(ctx, cl.ID, func(s *cluster.Spec) { s.Timezone = "Asia/Tokyo" })
			if err != nil {
				t.Fatal(err)
			}
			return op
		}, "updating_failed"},
		{"delete", fake.ChangeDeleteCluster, func(t *testing.T, c *cluster.Client) *cluster.Operation {
			cl := createRunning(t, c, clientServerless("1"))
			op, err := c.Delete(ctx, cl.ID)
			if err != nil {
				t.Fatal(err)
			}
			return op
		}, "delete_failed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cloud := fake.New()
			cloud.FailNext(tt.change, "QuotaExceeded.Eip", "the account has no EIP left")
			c := newClient(cloud)
			op := tt.start(t, c)
			_, err := op.Wait(ctx)
			var tf *ack.TaskFailedError
			if !errors.As(err, &tf) {
				t.Fatalf("Wait = %v; want a TaskFailedError", err)
			}
			want := &ack.TaskFailedError{Kind: "cluster", ResourceID: op.ClusterID(), TaskID: op.TaskID(),
				Code: "QuotaExceeded.Eip", Message: "the account has no EIP left", State: tt.wantState}
			if diff := cmp.Diff(want, tf); diff != "" {
				t.Errorf("TaskFailedError (-want +got):\n%s", diff)
			}
			if !op.Done() {
				t.Error("Done() = false after the task failed")
			}
			// The outcome is kept: waiting again makes no call.
			n := len(cloud.Calls())
			if _, again := op.Wait(ctx); !errors.Is(again, tf) || len(cloud.Calls()) != n {
				t.Errorf("second Wait = %v with %d new calls; want the same error and no call", again, len(cloud.Calls())-n)
			}
		})
	}
}

// TestWaitTimeout bounds waits with MaxWait on the fake's clock and checks
// the WaitTimeoutError, then that the operation can still be waited for.
func TestWaitTimeout(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name       string
		start      func(c *cluster.Client, op *cluster.Operation) *cluster.Operation
		wantPhase  string
		wantTarget string
		wantState  string
	}{
		{"with its task", func(_ *cluster.Client, op *cluster.Operation) *cluster.Operation { return op }, cluster.PhaseTask, "success", "running"},
		{"on the cluster alone", func(c *cluster.Client, op *cluster.Operation) *cluster.Operation {
			token := base64.RawURLEncoding.EncodeToString([]byte(`{"v":1,"kind":"cluster.create","cluster_id":"` + op.ClusterID() + `"}`))
			resumed, err := c.ResumeOperation(token)
			if err != nil {
				t.Fatal(err)
			}
			return resumed
		}, cluster.PhaseCluster, "running", "initial"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cloud := fake.New()
			c := newClient(cloud)
			created, err := c.Create(ctx, clientManaged("1"))
			if err != nil {
				t.Fatal(err)
			}
			op := tt.start(c, created)
			start := cloud.Now()
			_, err = op.Wait(ctx, func(o *cluster.WaitOptions) { o.MaxWait = 2 * time.Minute })
			var to *ack.WaitTimeoutError
			if !errors.As(err, &to) {
				t.Fatalf("Wait = %v; want a WaitTimeoutError", err)
			}
			want := &ack.WaitTimeoutError{Kind: "cluster", ResourceID: op.ClusterID(), Phase: tt.wantPhase, TaskID: op.TaskID(),
				Target: tt.wantTarget, LastState: tt.wantState, Waited: 2 * time.Minute, MaxWait: 2 * time.Minute}
			if diff := cmp.Diff(want, to, cmpopts.IgnoreFields(ack.WaitTimeoutError{}, "Polls")); diff != "" {
				t.Errorf("WaitTimeoutError (-want +got):\n%s", diff)
			}
			if to.Polls < 2 || cloud.Now().Sub(start) != 2*time.Minute || op.Done() {
				t.Errorf("timed out after %d polls, %s on the clock, done %t; want several polls, 2m, not done",
					to.Polls, cloud.Now().Sub(start), op.Done())
			}
			if cl, err := op.Wait(ctx); err != nil || cl.State != cluster.StateRunning {
				t.Errorf("Wait after the timeout = %+v, %v; want running", cl, err)
			}
		})
	}
}

// TestWaitFailsFast checks that errors no retry can fix end the wait at
// the first poll, and that transient ones are polled through.
func TestWaitFailsFast(t *testing.T) {
	tests := []struct {
		name      string
		reaction  fake.ReactionFunc
		wantIs    error // nil: the wait succeeds
		wantPolls int   // DescribeTaskInfo calls that reached the fake, when failing
	}{
		{"access denied", fake.ReturnError(fake.ErrorCheckAcl, 0, "no permission"), ack.ErrAuth, 1},
		{"invalid", fake.ReturnError(fake.InvalidParameter, 0, "bad task id"), ack.ErrInvalid, 1},
		{"not found", fake.ReturnError(fake.ErrorTaskNotFound, 0, "no such task"), ack.ErrNotFound, 1},
		{"throttled", fake.Times(6, fake.ReturnError(fake.Throttling, 0, "slow down")), nil, 0},
		{"server errors", fake.Times(12, fake.ReturnError(fake.InternalError, 0, "boom")), nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			cloud := fake.New()
			c := newClient(cloud)
			op, err := c.Create(ctx, clientServerless("1"))
			if err != nil {
				t.Fatal(err)
			}
			cloud.PrependReactor("DescribeTaskInfo", tt.reaction)
			cl, err := op.Wait(ctx)
			if tt.wantIs == nil {
				if err != nil || cl.State != cluster.StateRunning {
					t.Fatalf("Wait = %+v, %v; want running", cl, err)
				}
				refused := 0
				for _, call := range cloud.Calls() {
					if call.Code != "" {
						refused++
					}
				}
				if refused == 0 {
					t.Error("no call was refused: the reaction never ran")
				}
				return
			}
			if !errors.Is(err, tt.wantIs) {
				t.Fatalf("Wait = %v; want an error matching %v", err, tt.wantIs)
			}
			polls := 0
			for _, a := range actions(cloud) {
				if a == "DescribeTaskInfo" {
					polls++
				}
			}
			if polls != tt.wantPolls || op.Done() {
				t.Errorf("%d task polls, done %t; want %d and not done", polls, op.Done(), tt.wantPolls)
			}
		})
	}
}

// TestWaitErrorMessages checks what the error of a wait that did not end
// says: what ended it (the context's deadline, its cancellation, MaxWait
// on the clock) and which object, the task or the cluster, is in which
// state.
func TestWaitErrorMessages(t *testing.T) {
	const maxWait = 2 * time.Minute
	tests := []struct {
		name string
		// alone waits on the cluster alone, as an operation resumed
		// without its task does.
		alone bool
		// ctx returns the wait's context; its cancel is called at the
		// first change of state when cancelAtFirstState.
		ctx                func() (context.Context, context.CancelFunc)
		cancelAtFirstState bool
		maxWait            time.Duration
		// want is the message, with %[1]s the cluster's ID, %[2]s the
		// task's and %[3]d the polls of a timeout.
		want string
	}{
		{"context deadline before the first poll", false,
			func() (context.Context, context.CancelFunc) {
				return context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
			}, false, 0,
			`cluster %[1]s: context deadline exceeded after 0s and 0 polls: no state of task %[2]s read yet, waiting for "success"`},
		{"context canceled during the task", false,
			func() (context.Context, context.CancelFunc) { return context.WithCancel(context.Background()) }, true, 0,
			`cluster %[1]s: context canceled after 0s and 1 poll: task %[2]s is "running", waiting for "success"`},
		{"context canceled during the cluster", true,
			func() (context.Context, context.CancelFunc) { return context.WithCancel(context.Background()) }, true, 0,
			`cluster %[1]s: context canceled after 0s and 1 poll: cluster %[1]s is "initial", waiting for "running"`},
		{"MaxWait during the task", false,
			func() (context.Context, context.CancelFunc) { return context.WithCancel(context.Background()) }, false, maxWait,
			`cluster %[1]s: MaxWait 2m0s passed on the clock after %[3]d polls: task %[2]s is "running", waiting for "success"`},
		{"MaxWait during the cluster", true,
			func() (context.Context, context.CancelFunc) { return context.WithCancel(context.Background()) }, false, maxWait,
			`cluster %[1]s: MaxWait 2m0s passed on the clock after %[3]d polls: cluster %[1]s is "initial", waiting for "running"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cloud := fake.New()
			c := newClient(cloud)
			op, err := c.Create(context.Background(), clientManaged("1"))
			if err != nil {
				t.Fatal(err)
			}
			taskID := op.TaskID()
			if tt.alone {
				token := base64.RawURLEncoding.EncodeToString([]byte(`{"v":1,"kind":"cluster.create","cluster_id":"` + op.ClusterID() + `"}`))
				if op, err = c.ResumeOperation(token); err != nil {
					t.Fatal(err)
				}
			}
			ctx, cancel := tt.ctx()
			defer cancel()
			_, err = op.Wait(ctx, func(o *cluster.WaitOptions) {
				o.MaxWait = tt.maxWait
				if tt.cancelAtFirstState {
					o.OnProgress = func(cluster.Progress) { cancel() }
				}
			})
			if err == nil {
				t.Fatal("Wait succeeded")
			}
			polls := 0
			if to, ok := errors.AsType[*ack.WaitTimeoutError](err); ok {
				polls = to.Polls
			}
			if want := fmt.Sprintf(tt.want, op.ClusterID(), taskID, polls); err.Error() != want {
				t.Errorf("Wait:\n got %v\nwant %s", err, want)
			}
		})
	}
}
