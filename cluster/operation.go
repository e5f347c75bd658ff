package cluster

import (
	"context"
	"fmt"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/optfn"
	"github.com/ackgo/ack/internal/waiter"
)

// OperationKind names what an Operation waits for. It is part of a resume
// token, so that a token is only ever resumed as what it was taken from.
type OperationKind string

// The kinds of cluster operations.
const (
	// KindCreate waits for a new cluster to be running.
	KindCreate OperationKind = "cluster.create"
	// KindModify waits for a modified cluster to be running again.
	KindModify OperationKind = "cluster.modify"
	// KindScaleOut waits for a scaled-out cluster to be running again.
	KindScaleOut OperationKind = "cluster.scale_out"
	// KindDelete waits for a cluster to be gone.
	KindDelete OperationKind = "cluster.delete"
	// KindUpgrade waits for an upgraded cluster to run its new version
	// (see Client.Upgrade).
	KindUpgrade OperationKind = "cluster.upgrade"
)

// allKinds lists every kind, in a stable order.
var allKinds = []OperationKind{KindCreate, KindModify, KindScaleOut, KindDelete, KindUpgrade}

// target is the state the kind's cluster phase waits for.
func (k OperationKind) target() State {
	if k == KindDelete {
		return StateDeleted
	}
	return StateRunning
}

// Names of the phases of a wait, as Progress reports them.
const (
	// PhaseTask is the wait for the task (DescribeTaskInfo) to succeed.
	PhaseTask = ack.PhaseTask
	// PhaseCluster is the wait for the cluster to reach its target state.
	PhaseCluster = "cluster"
)

// WaitOptions say how an Operation waits. Zero fields take the defaults:
//
//	field       default
//	MinDelay    5s (DefaultMinDelay)
//	MaxDelay    1m (DefaultMaxDelay)
//	MaxWait     none: only the context bounds the wait
//	OnProgress  none
//
// Delays grow exponentially (×1.5) from MinDelay to MaxDelay with ±20%
// jitter, and are slept on the Config's clock; MaxWait is measured on that
// clock too.
type WaitOptions struct {
	// MinDelay is the first and smallest delay between two polls.
	MinDelay time.Duration
	// MaxDelay is the largest delay between two polls.
	MaxDelay time.Duration
	// MaxWait bounds the whole wait on the Config's clock; past it, Wait
	// returns a *ack.WaitTimeoutError. Zero means no bound.
	MaxWait time.Duration
	// OnProgress, when set, sees every change of state that a poll finds.
	// It is called on the waiting goroutine.
	OnProgress func(Progress)
}

// Progress is one change of state seen while waiting.
type Progress struct {
	// Kind is the operation's kind.
	Kind OperationKind
	// ClusterID identifies the cluster.
	ClusterID string
	// Phase is PhaseTask or PhaseCluster.
	Phase string
	// From is the state before, empty at the first poll of a phase; To is
	// the new state.
	From, To string
	// At is the clock's time of the poll.
	At time.Time
	// Poll numbers the poll that saw the change, from 1 over the wait.
	Poll int
}

// Operation is a change that ACK runs as a task: a create, modify, scale
// out, delete or upgrade. Wait polls until it is done: first the task
// (DescribeTaskInfo) until it succeeds, then the cluster until it is
// running, or gone for a delete. An operation whose task is not known
// (the task ID was lost with a response) waits on the cluster alone. An
// upgrade follows GetUpgradeStatus instead of the task, with or without
// its ID, then the cluster until it runs the new version.
//
// ResumeToken lets another process continue the wait (Client.
// ResumeOperation). Wait and Poll may be called again after an error; once
// the operation is done they return its outcome without a call. Use one
// goroutine at a time for Wait and Poll; Done, the accessors and
// ResumeToken are safe from any goroutine.
type Operation struct {
	client    *Client
	kind      OperationKind
	clusterID string
	taskID    string
	requestID string
	// target is the version an upgrade waits for; empty for other kinds.
	target string

	// run is the state of the wait, made by the first call that needs it:
	// most operations a fleet starts are never waited on here.
	run waiter.Lazy[*Cluster]
}

// newOperation returns an operation to follow.
func (c *Client) newOperation(kind OperationKind, clusterID, taskID, requestID string) *Operation {
	return &Operation{client: c, kind: kind, clusterID: clusterID, taskID: taskID, requestID: requestID}
}

// waiter returns the state of the wait, made on first use for an
// operation of a client (CompletedOperation's has it from the start).
func (op *Operation) waiter() *waiter.Operation[*Cluster] {
	if op.client == nil {
		return op.run.Get(nil)
	}
	return op.run.Get(op.resource)
}

// resource says how the operation's wait reads and judges its cluster
// (an upgrade's: upgradeResource).
func (op *Operation) resource() waiter.Resource[*Cluster] {
	if op.kind == KindUpgrade {
		return op.upgradeResource()
	}
	c, kind, clusterID := op.client, op.kind, op.clusterID
	return waiter.Resource[*Cluster]{
		Kind: "cluster", Noun: "cluster", ID: clusterID, TaskID: op.taskID,
		Phase: PhaseCluster, Target: string(kind.target()), Deletes: kind == KindDelete, ReadWhileTaskRuns: true,
		ReadTask: waiter.StatusReader(c.do),
		Read:     func(ctx context.Context) (*Cluster, error) { return c.describe(ctx, clusterID) },
		Gone: func(requestID string) *Cluster {
			return &Cluster{ID: clusterID, State: StateDeleted, RequestID: requestID}
		},
		Judge: kind.judge,
	}
}

// CompletedOperation returns an operation that is already done: its Wait
// and Poll return c and err without any call. It lets tests of code that
// uses the narrow interfaces (with the mocks of clustermock) return
// finished operations.
func CompletedOperation(kind OperationKind, c *Cluster, err error) *Operation {
	op := &Operation{kind: kind}
	op.run.Complete(c, err)
	if c != nil {
		op.clusterID = c.ID
	}
	return op
}

// Kind returns what the operation waits for.
func (op *Operation) Kind() OperationKind { return op.kind }

// ClusterID returns the cluster's ID.
func (op *Operation) ClusterID() string { return op.clusterID }

// TaskID returns the task's ID; empty when it is not known.
func (op *Operation) TaskID() string { return op.taskID }

// RequestID returns the request ID of the call that started the operation
// (or of the read that found its result after a lost response).
func (op *Operation) RequestID() string { return op.requestID }

// Done reports whether the operation has ended, in success or failure.
func (op *Operation) Done() bool { return op.waiter().Done() }

// Wait polls until the operation ends and returns the cluster: running
// for a create, modify or scale out; for a delete, a Cluster holding only
// the ID and StateDeleted.
//
// It fails with a *ack.TaskFailedError (the task's error code and message,
// the cluster's state) when the task or the cluster failed, with a
// *ack.WaitTimeoutError (the last state, the number of polls) when MaxWait
// passed on the Config's clock or the context's deadline passed, and at
// once with the call's error on authentication, validation and not-found
// errors (a cluster gone while it is created). Throttling and server
// errors are polled through. optFns change the client's WaitOptions for
// this call.
func (op *Operation) Wait(ctx context.Context, optFns ...func(*WaitOptions)) (*Cluster, error) {
	if op.client == nil {
		return op.detached()
	}
	s := waiter.Settings[Progress](optfn.ApplyTo(op.client.opts.Wait, optFns))
	return waiter.WaitWith(ctx, op.waiter(), op.client.cfg.Clock(), s, func(e waiter.Event) Progress {
		return Progress{Kind: op.kind, ClusterID: op.clusterID, Phase: e.Phase, From: e.From, To: e.To, At: e.At, Poll: e.Poll}
	})
}

// Poll reads the operation's state once, without waiting: the task while
// it runs, then the cluster. It returns the cluster as last read (nil
// before the first read, and for a delete a Cluster in StateDeleted once
// it is gone) and the error that ended the operation, if it failed. Done
// reports whether it has ended.
func (op *Operation) Poll(ctx context.Context) (*Cluster, error) {
	if op.client == nil {
		return op.detached()
	}
	return op.waiter().Poll(ctx)
}

// detached returns the outcome of an operation without a client: the one
// CompletedOperation gave it, or an error.
func (op *Operation) detached() (*Cluster, error) {
	return op.waiter().Detached(fmt.Errorf("cluster %s: %s operation has no client: build it with a Client", op.clusterID, op.kind))
}

// judge reads the state of a cluster the kind's operation waits on: at its
// target, or in a state that ends the operation (failed, or going away
// when it should run).
func (k OperationKind) judge(cl *Cluster) (string, waiter.Verdict) {
	s := cl.State
	switch {
	case s.Failed(), k != KindDelete && (s == StateDeleting || s == StateDeleted):
		return string(s), waiter.Broken
	case k != KindDelete && s == k.target():
		return string(s), waiter.Reached
	}
	return string(s), waiter.Pending
}
