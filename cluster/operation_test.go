package cluster_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
)

// TestPollByHand drives a create and a delete with Poll, moving the fake's
// clock between polls.
func TestPollByHand(t *testing.T) {
	ctx := context.Background()
	cloud := fake.New()
	c := newClient(cloud)
	op, err := c.Create(ctx, clientManaged("1"))
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		advance   time.Duration
		wantState cluster.State
		wantDone  bool
	}{
		{0, cluster.StateInitial, false},
		{7 * time.Minute, cluster.StateInitial, false},
		{time.Minute, cluster.StateRunning, true},
	}
	for i, s := range steps {
		cloud.Advance(s.advance)
		cl, err := op.Poll(ctx)
		if err != nil || cl.State != s.wantState || op.Done() != s.wantDone {
			t.Fatalf("step %d: Poll = %v, %v (done %t); want %s (done %t)", i, cl, err, op.Done(), s.wantState, s.wantDone)
		}
	}
	n := len(cloud.Calls())
	if cl, err := op.Wait(ctx); err != nil || cl.State != cluster.StateRunning || len(cloud.Calls()) != n {
		t.Errorf("Wait after Poll finished = %+v, %v with %d calls; want running and no call", cl, err, len(cloud.Calls())-n)
	}

	del, err := c.Delete(ctx, op.ClusterID())
	if err != nil {
		t.Fatal(err)
	}
	if cl, err := del.Poll(ctx); err != nil || cl.State != cluster.StateDeleting || del.Done() {
		t.Fatalf("Poll of the delete = %+v, %v; want deleting", cl, err)
	}
	cloud.Advance(3 * time.Minute)
	if cl, err := del.Poll(ctx); err != nil || cl.State != cluster.StateDeleted || !del.Done() {
		t.Fatalf("Poll of the finished delete = %+v, %v (done %t); want deleted and done", cl, err, del.Done())
	}
}

// TestWaitSchedule waits with fixed delays and checks every change of
// state the progress callback sees, at the instant it happens.
func TestWaitSchedule(t *testing.T) {
	ctx := context.Background()
	cloud := fake.New()
	c := newClient(cloud, func(o *cluster.ClientOptions) {
		o.Wait = cluster.WaitOptions{MinDelay: time.Minute, MaxDelay: time.Minute}
	})
	start := cloud.Now()
	op, err := c.Create(ctx, clientManaged("1"))
	if err != nil {
		t.Fatal(err)
	}
	var got []cluster.Progress
	if _, err := op.Wait(ctx, func(o *cluster.WaitOptions) {
		o.OnProgress = func(p cluster.Progress) { got = append(got, p) }
	}); err != nil {
		t.Fatal(err)
	}
	at := func(d time.Duration) time.Time { return start.Add(d) }
	id := op.ClusterID()
	want := []cluster.Progress{
		{Kind: cluster.KindCreate, ClusterID: id, Phase: cluster.PhaseTask, To: "running", At: at(0), Poll: 1},
		{Kind: cluster.KindCreate, ClusterID: id, Phase: cluster.PhaseTask, From: "running", To: "success", At: at(8 * time.Minute), Poll: 9},
		{Kind: cluster.KindCreate, ClusterID: id, Phase: cluster.PhaseCluster, To: "running", At: at(8 * time.Minute), Poll: 10},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("progress (-want +got):\n%s", diff)
	}
}

// TestDefaultDelays checks that, with the defaults, polls are between 5s
// and 1m apart on the Config's clock.
func TestDefaultDelays(t *testing.T) {
	cloud := fake.New()
	c := newClient(cloud)
	createRunning(t, c, clientDedicated("1")) // 12 minutes
	var last time.Time
	polls := 0
	for _, call := range cloud.Calls() {
		if call.Action != wire.ActionDescribeTaskInfo {
			continue
		}
		if polls > 0 {
			if gap := call.At.Sub(last); gap < cluster.DefaultMinDelay || gap > cluster.DefaultMaxDelay {
				t.Errorf("poll %d came %s after the one before; want %s to %s", polls+1, gap, cluster.DefaultMinDelay, cluster.DefaultMaxDelay)
			}
		}
		last = call.At
		polls++
	}
	if polls < 5 || polls > 30 {
		t.Errorf("%d task polls for a 12-minute create; want a handful", polls)
	}
}

// TestCompletedOperation checks the operations that tests of consumers
// return from mocks.
func TestCompletedOperation(t *testing.T) {
	ctx := context.Background()
	cl := &cluster.Cluster{ID: "c-1", State: cluster.StateRunning}
	op := cluster.CompletedOperation(cluster.KindCreate, cl, nil)
	if got, err := op.Wait(ctx); got != cl || err != nil || !op.Done() || op.ClusterID() != "c-1" {
		t.Errorf("Wait = %v, %v; want the cluster given", got, err)
	}
	failed := &ack.TaskFailedError{Kind: "cluster", ResourceID: "c-2", Code: "X"}
	op = cluster.CompletedOperation(cluster.KindDelete, nil, failed)
	if _, err := op.Poll(ctx); !errors.Is(err, failed) {
		t.Errorf("Poll = %v; want the error given", err)
	}
}
