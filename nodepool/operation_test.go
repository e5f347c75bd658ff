package nodepool

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/wire"
)

// progressStep is what a test expects of a Progress event.
type progressStep struct{ Phase, From, To string }

func TestWaitSucceeds(t *testing.T) {
	ctx := context.Background()
	a := newTestACK()
	a.taskReads = 2
	c := a.client()
	op, err := c.Create(ctx, testCluster, clientSpec())
	if err != nil {
		t.Fatal(err)
	}
	var steps []progressStep
	d, err := op.Wait(ctx, func(o *WaitOptions) {
		o.OnProgress = func(p Progress) {
			if p.Kind != KindCreate || p.PoolID != op.PoolID() || p.ClusterID != testCluster {
				t.Errorf("progress names %s %s/%s", p.Kind, p.ClusterID, p.PoolID)
			}
			steps = append(steps, progressStep{p.Phase, p.From, p.To})
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []progressStep{{PhaseTask, "", "running"}, {PhaseTask, "running", "success"}, {PhasePool, "", "active"}}
	if diff := cmp.Diff(want, steps); diff != "" {
		t.Errorf("progress (-want +got):\n%s", diff)
	}
	if !op.Done() || d.State != StateActive || d.Nodes.Total != 2 {
		t.Errorf("Done = %v, pool %s with %d nodes; want done, active with 2", op.Done(), d.State, d.Nodes.Total)
	}
	calls := len(a.recorded())
	again, err := op.Wait(ctx)
	if err != nil || again != d || len(a.recorded()) != calls {
		t.Errorf("a second Wait = %p, %v after %d more calls; want the same result and no call", again, err, len(a.recorded())-calls)
	}
}

func TestWaitTaskFailed(t *testing.T) {
	ctx := context.Background()
	a := newTestACK()
	a.failTasks = &wire.TaskError{Code: "InsufficientInventory", Message: "no ecs.g7.xlarge left in the zone"}
	op, err := a.client().Create(ctx, testCluster, clientSpec())
	if err != nil {
		t.Fatal(err)
	}
	_, err = op.Wait(ctx)
	var tf *ack.TaskFailedError
	if !errors.As(err, &tf) {
		t.Fatalf("Wait: %v, want a *ack.TaskFailedError", err)
	}
	want := ack.TaskFailedError{Kind: "nodepool", ResourceID: op.PoolID(), TaskID: op.TaskID(),
		Code: "InsufficientInventory", Message: "no ecs.g7.xlarge left in the zone", State: "failed"}
	if diff := cmp.Diff(want, *tf); diff != "" {
		t.Errorf("TaskFailedError (-want +got):\n%s", diff)
	}
	if !op.Done() {
		t.Error("Done = false after the task failed")
	}
	calls := len(a.recorded())
	if _, again := op.Wait(ctx); again != err || len(a.recorded()) != calls {
		t.Errorf("a second Wait = %v after %d more calls; want the same error and no call", again, len(a.recorded())-calls)
	}
}

func TestWaitPoolStates(t *testing.T) {
	cases := []struct {
		name   string
		kind   OperationKind
		state  State
		gone   bool
		done   bool
		failed bool
	}{
		{"active ends a modify", KindModify, StateActive, false, true, false},
		{"scaling goes on", KindScale, StateScaling, false, false, false},
		{"failed fails", KindScale, StateFailed, false, false, true},
		{"deleting fails a modify", KindModify, StateDeleting, false, false, true},
		{"deleting goes on for a delete", KindDelete, StateDeleting, false, false, false},
		{"active goes on for a delete", KindDelete, StateActive, false, false, false},
		{"gone ends a delete", KindDelete, StateActive, true, true, false},
		{"an unknown state goes on", KindCreate, "migrating", false, false, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := newTestACK()
			p := a.seed(clientSpec(), 1, 0)
			p.state = tc.state
			if tc.gone {
				delete(a.pools, p.id)
			}
			op := a.client().newOperation(tc.kind, testCluster, p.id, "", "")
			d, err := op.Poll(context.Background())
			var tf *ack.TaskFailedError
			if got := errors.As(err, &tf); got != tc.failed {
				t.Errorf("Poll: %v; failed = %v, want %v", err, got, tc.failed)
			}
			if !tc.failed && err != nil {
				t.Errorf("Poll: %v", err)
			}
			if op.Done() != (tc.done || tc.failed) {
				t.Errorf("Done = %v, want %v", op.Done(), tc.done || tc.failed)
			}
			if tc.done && (d == nil || d.ID != p.id) {
				t.Errorf("Poll = %+v, want pool %s", d, p.id)
			}
		})
	}
}

func TestWaitWithoutTaskWaitsForTheSize(t *testing.T) {
	a := newTestACK()
	p := a.seed(clientSpec(), 2, 0)
	op := a.client().newOperation(KindScale, testCluster, p.id, "", "").withNodes(3)
	if _, err := op.Poll(context.Background()); err != nil || op.Done() {
		t.Fatalf("Poll: %v, Done %v; an active pool of 2 nodes has not reached 3", err, op.Done())
	}
	a.addNodes(p, 1)
	if d, err := op.Poll(context.Background()); err != nil || !op.Done() || d.Nodes.Total != 3 {
		t.Errorf("Poll = %+v, %v, Done %v; want done at 3 nodes", d, err, op.Done())
	}
}

func TestWaitTimesOut(t *testing.T) {
	ctx := context.Background()
	a := newTestACK()
	a.taskReads = 1 << 20
	c := NewClient(a.client().Config(), func(o *ClientOptions) { o.Wait.MaxWait = 10 * time.Minute })
	op, err := c.Scale(ctx, testCluster, a.seed(clientSpec(), 1, 0).id, 2)
	if err != nil {
		t.Fatal(err)
	}
	_, err = op.Wait(ctx)
	var to *ack.WaitTimeoutError
	if !errors.As(err, &to) {
		t.Fatalf("Wait: %v, want a *ack.WaitTimeoutError", err)
	}
	if to.Target != "success" || to.LastState != "running" || to.Waited != 10*time.Minute || to.Polls < 2 {
		t.Errorf("timeout %+v; want target success, last state running, 10m waited", to)
	}
	if op.Done() {
		t.Error("Done = true after a timeout; the operation may still finish")
	}
}

// TestWaitErrorMessages checks what the error of a wait that did not end
// says: what ended it (the context's deadline, its cancellation, MaxWait
// on the clock) and which object, the task or the node pool, is in which
// state.
func TestWaitErrorMessages(t *testing.T) {
	expired := func() (context.Context, context.CancelFunc) {
		return context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	}
	cancelable := func() (context.Context, context.CancelFunc) { return context.WithCancel(context.Background()) }
	tests := []struct {
		name string
		// alone waits on the pool alone, as an operation whose task was
		// lost does, on a pool left in state scaling.
		alone              bool
		ctx                func() (context.Context, context.CancelFunc)
		cancelAtFirstState bool
		maxWait            time.Duration
		// want is the message, with %[1]s the pool's ID, %[2]s the task's
		// and %[3]d the polls of a timeout.
		want string
	}{
		{"context deadline before the first poll", false, expired, false, 0,
			`nodepool %[1]s: context deadline exceeded after 0s and 0 polls: no state of task %[2]s read yet, waiting for "success"`},
		{"context canceled during the task", false, cancelable, true, 0,
			`nodepool %[1]s: context canceled after 0s and 1 poll: task %[2]s is "running", waiting for "success"`},
		{"context canceled during the pool", true, cancelable, true, 0,
			`nodepool %[1]s: context canceled after 0s and 1 poll: node pool %[1]s is "scaling", waiting for "active"`},
		{"MaxWait during the task", false, cancelable, false, 10 * time.Minute,
			`nodepool %[1]s: MaxWait 10m0s passed on the clock after %[3]d polls: task %[2]s is "running", waiting for "success"`},
		{"MaxWait during the pool", true, cancelable, false, 10 * time.Minute,
			`nodepool %[1]s: MaxWait 10m0s passed on the clock after %[3]d polls: node pool %[1]s is "scaling", waiting for "active"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newTestACK()
			a.taskReads = 1 << 20
			c := a.client()
			p := a.seed(clientSpec(), 1, 0)
			var op *Operation
			if tt.alone {
				p.state = StateScaling
				op = c.newOperation(KindScale, testCluster, p.id, "", "")
			} else {
				var err error
				if op, err = c.Scale(context.Background(), testCluster, p.id, 2); err != nil {
					t.Fatal(err)
				}
			}
			ctx, cancel := tt.ctx()
			defer cancel()
			_, err := op.Wait(ctx, func(o *WaitOptions) {
				o.MaxWait = tt.maxWait
				if tt.cancelAtFirstState {
					o.OnProgress = func(Progress) { cancel() }
				}
			})
			if err == nil {
				t.Fatal("Wait succeeded")
			}
			polls := 0
			if to, ok := errors.AsType[*ack.WaitTimeoutError](err); ok {
				polls = to.Polls
			}
			if want := fmt.Sprintf(tt.want, p.id, op.TaskID(), polls); err.Error() != want {
				t.Errorf("Wait:\n got %v\nwant %s", err, want)
			}
		})
	}
}

func TestWaitFailsFastWhenThePoolVanishes(t *testing.T) {
	ctx := context.Background()
	a := newTestACK()
	op, err := a.client().Modify(ctx, testCluster, a.seed(clientSpec(), 1, 0).id, func(s *Spec) { s.Name = "renamed" })
	if err != nil {
		t.Fatal(err)
	}
	delete(a.pools, op.PoolID()) // its task still runs, and succeeds
	if _, err := op.Wait(ctx); !ack.IsNotFound(err) {
		t.Errorf("Wait: %v, want not found", err)
	}
	calls := a.recorded()
	if last := calls[len(calls)-1]; last.Action != wire.ActionDescribeClusterNodePoolDetail {
		t.Errorf("the wait ended after %s, want after the one pool read that found it gone", last.Action)
	}
	reads := 0
	for _, c := range calls[2:] {
		if c.Action == wire.ActionDescribeClusterNodePoolDetail {
			reads++
		}
	}
	if reads != 1 {
		t.Errorf("%d pool reads after the modify, want 1", reads)
	}
}

func TestCompletedOperation(t *testing.T) {
	d := &Pool{ID: "np-1", ClusterID: "c-1"}
	boom := errors.New("boom")
	for _, tc := range []struct {
		d   *Pool
		err error
	}{{d, nil}, {nil, boom}} {
		op := CompletedOperation(KindScale, tc.d, tc.err)
		got, err := op.Wait(context.Background())
		if got != tc.d || err != tc.err || !op.Done() {
			t.Errorf("Wait = %v, %v; want %v, %v", got, err, tc.d, tc.err)
		}
		if _, err := op.ResumeToken(); err == nil {
			t.Error("a completed operation gave a resume token")
		}
	}
	if op := CompletedOperation(KindScale, d, nil); op.PoolID() != "np-1" || op.ClusterID() != "c-1" {
		t.Errorf("IDs %s/%s, want c-1/np-1", op.ClusterID(), op.PoolID())
	}
}

func TestResumeOperation(t *testing.T) {
	ctx := context.Background()
	a := newTestACK()
	a.taskReads = 3
	a.loseAnswer(wire.ActionScaleClusterNodePool, 1)
	first := a.client()
	op, err := first.Scale(ctx, testCluster, a.seed(clientSpec(), 2, 0).id, 4)
	if err != nil {
		t.Fatal(err)
	}
	token, err := op.ResumeToken()
	if err != nil {
		t.Fatal(err)
	}
	second := a.client()
	resumed, err := second.ResumeOperation(token, KindScale)
	if err != nil {
		t.Fatal(err)
	}
	if resumed.Kind() != KindScale || resumed.PoolID() != op.PoolID() || resumed.TaskID() != op.TaskID() ||
		resumed.nodes != 4 || !resumed.hasNodes {
		t.Errorf("resumed %s %s task %q nodes %d, want %s %s task %q nodes 4",
			resumed.Kind(), resumed.PoolID(), resumed.TaskID(), resumed.nodes, op.Kind(), op.PoolID(), op.TaskID())
	}
	d, err := resumed.Wait(ctx)
	if err != nil || d.Nodes.Total != 4 {
		t.Errorf("Wait = %v nodes, %v; want 4", d, err)
	}
}

func TestResumeOperationRefuses(t *testing.T) {
	c := newTestACK().client()
	encode := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	good := `{"v":1,"kind":"nodepool.scale","cluster_id":"c-1","nodepool_id":"np-1"}`
	cases := []struct {
		name, token string
		kinds       []OperationKind
	}{
		{"empty", "", nil},
		{"not base64", "%%%", nil},
		{"not JSON", encode("nope"), nil},
		{"another version", encode(`{"v":2,"kind":"nodepool.scale","cluster_id":"c-1","nodepool_id":"np-1"}`), nil},
		{"a cluster kind", encode(`{"v":1,"kind":"cluster.create","cluster_id":"c-1","nodepool_id":"np-1"}`), nil},
		{"no pool", encode(`{"v":1,"kind":"nodepool.scale","cluster_id":"c-1"}`), nil},
		{"a slash in an ID", encode(`{"v":1,"kind":"nodepool.scale","cluster_id":"c-1","nodepool_id":"np/1"}`), nil},
		{"negative nodes", encode(`{"v":1,"kind":"nodepool.scale","cluster_id":"c-1","nodepool_id":"np-1","nodes":-1}`), nil},
		{"unknown field", encode(`{"v":1,"kind":"nodepool.scale","cluster_id":"c-1","nodepool_id":"np-1","x":1}`), nil},
		{"trailing data", encode(good + `{}`), nil},
		{"another region", encode(`{"v":1,"kind":"nodepool.scale","cluster_id":"c-1","nodepool_id":"np-1","region":"us-west-1"}`), nil},
		{"an unexpected kind", encode(good), []OperationKind{KindCreate, KindDelete}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := c.ResumeOperation(tc.token, tc.kinds...); !errors.Is(err, ack.ErrInvalid) {
				t.Errorf("ResumeOperation: %v, want ack.ErrInvalid", err)
			}
		})
	}
	if _, err := c.ResumeOperation(encode(good), KindScale); err != nil {
		t.Errorf("the good token: %v", err)
	}
}

func FuzzParseResumeToken(f *testing.F) {
	c := newTestACK().client()
	for _, kind := range allKinds {
		op := c.newOperation(kind, "c-1", "np-1", "T-1", "").withNodes(3)
		token, err := op.ResumeToken()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(token)
	}
	f.Add("")
	f.Add("e30")
	f.Fuzz(func(t *testing.T, token string) {
		tok, err := parseResumeToken(token)
		if err != nil {
			if !errors.Is(err, ack.ErrInvalid) {
				t.Errorf("error %v does not match ack.ErrInvalid", err)
			}
			return
		}
		// A token that parses is one ResumeToken could have written.
		op := c.newOperation(tok.Kind, tok.ClusterID, tok.PoolID, tok.TaskID, "")
		if tok.Nodes != nil {
			op.withNodes(*tok.Nodes)
		}
		again, err := op.ResumeToken()
		if err != nil {
			t.Fatal(err)
		}
		back, err := parseResumeToken(again)
		if err != nil {
			t.Fatalf("a rewritten token does not parse: %v", err)
		}
		tok.Region = back.Region // the client's region, not the token's
		if diff := cmp.Diff(tok, back); diff != "" {
			t.Errorf("token changed on rewriting (-first +second):\n%s", diff)
		}
	})
}

func TestPollStepsThroughTheOperation(t *testing.T) {
	ctx := context.Background()
	a := newTestACK()
	a.taskReads = 2
	op, err := a.client().Scale(ctx, testCluster, a.seed(clientSpec(), 1, 0).id, 3)
	if err != nil {
		t.Fatal(err)
	}
	if op.RequestID() == "" || op.TaskID() == "" {
		t.Errorf("request ID %q, task ID %q; want both", op.RequestID(), op.TaskID())
	}
	var states []string
	for i := 0; !op.Done(); i++ {
		if i == 10 {
			t.Fatal("not done after 10 polls")
		}
		d, err := op.Poll(ctx)
		if err != nil {
			t.Fatalf("Poll %d: %v", i+1, err)
		}
		if d == nil {
			states = append(states, "-")
			continue
		}
		states = append(states, string(d.State))
	}
	// Two polls while the task runs (no pool read yet), then the task
	// succeeds and the same poll reads the active pool.
	if diff := cmp.Diff([]string{"-", "-", "active"}, states); diff != "" {
		t.Errorf("pool per poll (-want +got):\n%s", diff)
	}
	d, err := op.Wait(ctx)
	if err != nil || d.Nodes.Total != 3 {
		t.Errorf("Wait after done = %v, %v; want 3 nodes", d, err)
	}
}
