package nodepool

import (
	"context"
	"fmt"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/waiter"
)

// OperationKind names what an Operation waits for. It is part of a resume
// token, so that a token is only ever resumed as what it was taken from.
type OperationKind string

// The kinds of node pool operations.
const (
	// KindCreate waits for a new pool to be active.
	KindCreate OperationKind = "nodepool.create"
	// KindModify waits for a modified pool to be active again.
	KindModify OperationKind = "nodepool.modify"
	// KindScale waits for a scaled pool to be active again.
	KindScale OperationKind = "nodepool.scale"
	// KindRemoveNodes waits for a pool whose nodes are being removed to be
	// active again.
	KindRemoveNodes OperationKind = "nodepool.remove_nodes"
	// KindUpgrade waits for an upgraded pool to be active again (see
	// Client.Upgrade).
	KindUpgrade OperationKind = "nodepool.upgrade"
	// KindDelete waits for a pool to be gone.
	KindDelete OperationKind = "nodepool.delete"
)

// allKinds lists every kind, in a stable order.
var allKinds = []OperationKind{KindCreate, KindModify, KindScale, KindRemoveNodes, KindDelete, KindUpgrade}

// Names of the phases of a wait, as Progress reports them.
const (
	// PhaseTask is the wait for the task (DescribeTaskInfo) to succeed.
	PhaseTask = ack.PhaseTask
	// PhasePool is the wait for the pool to be active, or gone for a
	// delete.
	PhasePool = "nodepool"
)

// stateGone is the state a wait reports for a deleted pool, which ACK
// answers with ErrorNodePoolNotFound.
const stateGone = "deleted"

// WaitOptions say how an Operation waits. Zero fields take the defaults:
//
//	field       default
//	MinDelay    3s (DefaultMinDelay)
//	MaxDelay    30s (DefaultMaxDelay)
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
	// ClusterID and PoolID identify the pool.
	ClusterID, PoolID string
	// Phase is PhaseTask or PhasePool.
	Phase string
	// From is the state before, empty at the first poll of a phase; To is
	// the new state ("deleted" once a deleted pool is gone).
	From, To string
	// At is the clock's time of the poll.
	At time.Time
	// Poll numbers the poll that saw the change, from 1 over the wait.
	Poll int
}

// Operation is a change that ACK runs as a task: a create, modify, scale,
// node removal or delete. Wait polls until it is done: first the task
// (DescribeTaskInfo) until it succeeds, then the pool until it is active,
// or gone for a delete. An operation whose task is not known (the task ID
// was lost with a response) waits on the pool alone; a scale or a removal
// then also waits for the pool's node count to reach the size it asked
// for, so that a pool still active before the change started does not end
// the wait.
//
// ResumeToken lets another process continue the wait
// (Client.ResumeOperation). Wait and Poll may be called again after an
// error; once the operation is done they return its outcome without a
// call. Use one goroutine at a time for Wait and Poll; Done, the accessors
// and ResumeToken are safe from any goroutine.
type Operation struct {
	client    *Client
	kind      OperationKind
	clusterID string
	poolID    string
	taskID    string
	requestID string
	// nodes is the node count a scale (at least) or a removal (at most)
	// waits for when its task is not known; hasNodes says it is set.
	nodes    int
	hasNodes bool

	// run is the state of the wait, made by the first call that needs it,
	// after withNodes.
	run waiter.Lazy[*Pool]
}

// newOperation returns an operation to follow.
func (c *Client) newOperation(kind OperationKind, clusterID, poolID, taskID, requestID string) *Operation {
	return &Operation{client: c, kind: kind, clusterID: clusterID, poolID: poolID, taskID: taskID, requestID: requestID}
}

// waiter returns the state of the wait, made on first use for an
// operation of a client (CompletedOperation's has it from the start).
func (op *Operation) waiter() *waiter.Operation[*Pool] {
	if op.client == nil {
		return op.run.Get(nil)
	}
	return op.run.Get(op.resource)
}

// resource says how the operation's wait reads and judges its pool.
func (op *Operation) resource() waiter.Resource[*Pool] {
	c, clusterID, poolID := op.client, op.clusterID, op.poolID
	return waiter.Resource[*Pool]{
		Kind: "nodepool", Noun: "node pool", ID: poolID, TaskID: op.taskID,
		Phase: PhasePool, Target: op.target(), Deletes: op.kind == KindDelete,
		ReadTask: waiter.StatusReader(c.do),
		Read:     func(ctx context.Context) (*Pool, error) { return c.describe(ctx, clusterID, poolID) },
		Gone: func(requestID string) *Pool {
			return &Pool{ID: poolID, ClusterID: clusterID, RequestID: requestID}
		},
		Judge: op.judge,
	}
}

// withNodes sets the node count the operation waits for when its task is
// not known.
func (op *Operation) withNodes(n int) *Operation {
	op.nodes, op.hasNodes = n, true
	return op
}

// CompletedOperation returns an operation that is already done: its Wait
// and Poll return d and err without any call. Scale returns one when the
// pool already has the size asked for; tests of code that uses the narrow
// interfaces return them from mocks.
func CompletedOperation(kind OperationKind, d *Pool, err error) *Operation {
	op := &Operation{kind: kind}
	op.run.Complete(d, err)
	if d != nil {
		op.clusterID, op.poolID = d.ClusterID, d.ID
	}
	return op
}

// Kind returns what the operation waits for.
func (op *Operation) Kind() OperationKind { return op.kind }

// ClusterID returns the cluster's ID.
func (op *Operation) ClusterID() string { return op.clusterID }

// PoolID returns the node pool's ID.
func (op *Operation) PoolID() string { return op.poolID }

// TaskID returns the task's ID; empty when it is not known.
func (op *Operation) TaskID() string { return op.taskID }

// RequestID returns the request ID of the call that started the operation
// (or of the read that found its result after a lost response).
func (op *Operation) RequestID() string { return op.requestID }

// Done reports whether the operation has ended, in success or failure.
func (op *Operation) Done() bool { return op.waiter().Done() }

// Wait polls until the operation ends and returns the pool, active; for a
// delete, a Pool holding only the IDs and the request ID of the read
// that found the pool gone.
//
// It fails with a *ack.TaskFailedError (the task's error code and message,
// the pool's state) when the task or the pool failed, or the pool is being
// deleted under another operation; with a *ack.WaitTimeoutError (the last
// state, the number of polls) when MaxWait passed on the Config's clock or
// the context's deadline passed; and at once with the call's error on
// authentication, validation and not-found errors (a pool gone while it is
// created or changed). Throttling and server errors are polled through.
// optFns change the client's WaitOptions for this call.
func (op *Operation) Wait(ctx context.Context, optFns ...func(*WaitOptions)) (*Pool, error) {
	if op.client == nil {
		return op.detached()
	}
	s := waiter.Settings[Progress](op.client.waitPolicy(optFns))
	return waiter.WaitWith(ctx, op.waiter(), op.client.cfg.Clock(), s, func(e waiter.Event) Progress {
		return Progress{Kind: op.kind, ClusterID: op.clusterID, PoolID: op.poolID, Phase: e.Phase,
			From: e.From, To: e.To, At: e.At, Poll: e.Poll}
	})
}

// Poll reads the operation's state once, without waiting: the task while
// it runs, then the pool. It returns the pool as last read (nil before the
// first read) and the error that ended the operation, if it failed. Done
// reports whether it has ended.
func (op *Operation) Poll(ctx context.Context) (*Pool, error) {
	if op.client == nil {
		return op.detached()
	}
	return op.waiter().Poll(ctx)
}

// detached returns the outcome of an operation without a client: the one
// CompletedOperation gave it, or an error.
func (op *Operation) detached() (*Pool, error) {
	return op.waiter().Detached(fmt.Errorf("node pool %s: %s operation has no client: build it with a Client", op.poolID, op.kind))
}

// target is the state the pool phase waits for.
func (op *Operation) target() string {
	if op.kind == KindDelete {
		return stateGone
	}
	return string(StateActive)
}

// judge reads the state of a pool the operation waits on: at its target
// (stable, and at the size asked for), or in a state that ends the
// operation (failed, or being deleted under another operation).
func (op *Operation) judge(d *Pool) (string, waiter.Verdict) {
	s := d.State
	switch {
	case s.Failed(), op.kind != KindDelete && s == StateDeleting:
		return string(s), waiter.Broken
	case op.kind != KindDelete && s.Active() && op.sizeReached(d):
		return string(s), waiter.Reached
	}
	return string(s), waiter.Pending
}

// sizeReached reports whether the pool has the node count the operation
// waits for. It is judged only when the task is not known: a task that
// succeeded says the nodes are there.
func (op *Operation) sizeReached(d *Pool) bool {
	if !op.hasNodes || op.taskID != "" {
		return true
	}
	if op.kind == KindRemoveNodes {
		return d.Nodes.Total <= op.nodes
	}
	return d.Nodes.Total >= op.nodes
}
