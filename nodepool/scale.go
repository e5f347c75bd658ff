package nodepool

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/waiter"
	"github.com/ackgo/ack/internal/wire"
)

// ErrAutoScaled is the error of Scale on a pool whose autoscaler sizes it.
var ErrAutoScaled = errors.New("the node pool is sized by its autoscaler")

// Scale sets the number of nodes of the pool to desired and returns an
// Operation to wait for the pool to be active at that size. The pool's
// size is its desired size, or its node count when ACK reports no desired
// size (see Pool.Size). A pool already at desired returns a completed
// Operation without a mutating call.
//
// Scaling out sends ScaleClusterNodePool, whose count is the number of
// nodes to add, in parts of at most MaxScaleCount nodes; it waits for each
// part (with the client's WaitOptions) before sending the next, and
// returns the Operation of the last. Each part is exact under faults:
// after an ambiguous outcome the retry step reads the pool, and only a
// pool still at the part's starting size is sent the part again; a pool at
// the part's final size (or, sized by node count, scaling) has it. Anything
// else is an error matching ack.ErrConflict: the pool changed under the
// call, and re-sending could add nodes twice.
//
// Scaling in a pool that has a desired size (every pool ACK creates today,
// Pool.HasDesiredSize) lowers that size with ModifyClusterNodePool
// (scaling_group.desired_size), as ACK offers it: ACK, not this client,
// chooses which nodes go. The call is exact under faults: the size is
// absolute, and after an ambiguous outcome the retry step reads the pool
// and re-sends only while its desired size is still the one before.
//
// A legacy pool without a desired size (sized by its node count) cannot
// be scaled in this way, and its nodes cannot be chosen by the scale-in
// rule either: ACK's node list does not tell which nodes a scale-out
// added (see SourceESSAttach). Scale refuses it before any call, with an
// error matching ErrNotEnoughScaleOut; choose the nodes yourself with
// RemoveNodes.
//
// A pool with auto scaling on is refused with an error matching
// ErrAutoScaled: change its AutoScaling range with Modify instead. A
// negative desired size is refused before any call.
func (c *Client) Scale(ctx context.Context, clusterID, poolID string, desired int) (*Operation, error) {
	fail := func(err error) (*Operation, error) {
		return nil, fmt.Errorf("node pool %s: scale to %d nodes: %w", poolID, desired, err)
	}
	if err := checkIDs(clusterID, poolID); err != nil {
		return fail(err)
	}
	if desired < 0 {
		return fail(fmt.Errorf("the size cannot be negative: %w", ack.ErrInvalid))
	}
	d, err := c.describe(ctx, clusterID, poolID)
	if err != nil {
		return fail(err)
	}
	if a := d.Spec.AutoScaling; a.Enabled {
		return fail(fmt.Errorf("auto scaling is on and keeps the pool between %d and %d nodes; change that range with Modify: %w",
			a.Min, a.Max, ErrAutoScaled))
	}
	cur := d.Size()
	if cur != desired && !d.HasDesiredSize && !d.State.Active() {
		return fail(fmt.Errorf("the pool is %s and reports no desired size, so its node count is not settled; wait until it is active: %w",
			d.State, ack.ErrConflict))
	}
	var op *Operation
	switch {
	case desired == cur:
		return CompletedOperation(KindScale, d, nil), nil
	case desired < cur && d.HasDesiredSize:
		op, err = c.scaleDesired(ctx, d, cur, desired)
	case desired < cur:
		err = scaleIn(cur - desired)
	default:
		op, err = c.scaleOut(ctx, d, cur, desired)
	}
	if err != nil {
		return fail(err)
	}
	return op, nil
}

// scaleOut adds to-from nodes in parts of at most MaxScaleCount, waiting
// for each part before sending the next.
func (c *Client) scaleOut(ctx context.Context, d *Pool, from, to int) (*Operation, error) {
	var op *Operation
	for at := from; at < to; {
		n := min(to-at, MaxScaleCount)
		if op != nil {
			if _, err := op.Wait(ctx); err != nil {
				return nil, fmt.Errorf("waiting for the pool to reach %d nodes before adding more: %w", at, err)
			}
		}
		var err error
		if op, err = c.scalePart(ctx, d, at, at+n); err != nil {
			return nil, fmt.Errorf("adding %d nodes to %d: %w", n, at, err)
		}
		at += n
	}
	return op, nil
}

// scalePart sends one ScaleClusterNodePool that takes the pool from
// before to after nodes, with the Reconcile hook that keeps it exact.
func (c *Client) scalePart(ctx context.Context, d *Pool, before, after int) (*Operation, error) {
	req := wire.NewRequest(wire.ActionScaleClusterNodePool, d.ClusterID, d.ID)
	scale := wire.ScaleNodePoolRequest{Count: int64(after - before)}
	if err := validateScaleRequest(d.ID, &scale); err != nil {
		return nil, err
	}
	body, err := json.Marshal(scale)
	if err != nil {
		return nil, err
	}
	req.Body = body
	req.Retry = ack.Reconcile
	req.Reconcile = func(ctx context.Context, _ error) (*ack.Response, error) {
		now, err := c.describe(ctx, d.ClusterID, d.ID)
		if err != nil {
			return nil, fmt.Errorf("reading the pool's size: %w", err)
		}
		applied, err := scaleApplied(d.HasDesiredSize, now, before, after)
		if err != nil || !applied {
			return nil, err
		}
		return waiter.Answer(wire.ScaleNodePoolResponse{NodepoolID: d.ID}, now.RequestID)
	}
	resp, err := c.do(ctx, req)
	if err != nil {
		return nil, err
	}
	out, err := wire.Decode[wire.ScaleNodePoolResponse](resp.Body)
	if err != nil {
		return nil, err
	}
	return c.newOperation(KindScale, d.ClusterID, d.ID, out.TaskID, resp.RequestID).withNodes(after), nil
}

// scaleApplied judges, from the pool as read after an ambiguous outcome,
// whether a scale-out from before to after nodes applied. byDesired says
// the pool is sized by its desired size, which ACK raises when it accepts
// the request; otherwise it is sized by its node count, and was active
// when the part was sent, so that a pool now scaling has the part.
func scaleApplied(byDesired bool, now *Pool, before, after int) (bool, error) {
	size := now.Nodes.Total
	if byDesired {
		size = now.Spec.DesiredSize
	}
	switch {
	case size == after:
		return true, nil
	case byDesired && size == before:
		return false, nil
	case !byDesired && now.State == StateScaling:
		return true, nil
	case !byDesired && size == before && now.State.Active():
		return false, nil
	}
	return false, fmt.Errorf("cannot tell whether %d nodes were added: the pool has %d (state %s), neither the %d before nor the %d after; it changed under this call: %w",
		after-before, size, now.State, before, after, ack.ErrConflict)
}

// scaleIn refuses to scale in a pool without a desired size by k nodes:
// only a choice of nodes could, and the nodes a scale-out added are not
// known from ACK's node list.
func scaleIn(k int) error {
	return fmt.Errorf("the pool reports no desired size for ACK to lower, and ACK's node list does not tell which nodes a scale-out added, so none of them can be chosen; remove the %d nodes you choose with RemoveNodes: %w",
		k, ErrNotEnoughScaleOut)
}

// scaleDesired lowers the desired size of pool d from before to after with
// ModifyClusterNodePool, with the Reconcile hook that keeps it exact: a
// pool already at after has the change, one still at before may be sent
// it again, anything else changed under the call.
func (c *Client) scaleDesired(ctx context.Context, d *Pool, before, after int) (*Operation, error) {
	size := int64(after)
	body := wire.ModifyNodePoolRequest{ScalingGroup: &wire.ScalingGroup{DesiredSize: &size}}
	if err := validateModifyRequest(d.ID, &body); err != nil {
		return nil, err
	}
	req := wire.NewRequest(wire.ActionModifyClusterNodePool, d.ClusterID, d.ID)
	b, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	req.Body = b
	req.Retry = ack.Reconcile
	req.Reconcile = func(ctx context.Context, _ error) (*ack.Response, error) {
		now, err := c.describe(ctx, d.ClusterID, d.ID)
		if err != nil {
			return nil, fmt.Errorf("reading the pool's desired size: %w", err)
		}
		switch now.Spec.DesiredSize {
		case after:
			return waiter.Answer(wire.ModifyNodePoolResponse{NodepoolID: d.ID}, now.RequestID)
		case before:
			return nil, nil
		}
		return nil, fmt.Errorf("cannot tell whether the desired size went from %d to %d: it is %d; the pool changed under this call: %w",
			before, after, now.Spec.DesiredSize, ack.ErrConflict)
	}
	resp, err := c.do(ctx, req)
	if err != nil {
		return nil, err
	}
	out, err := wire.Decode[wire.ModifyNodePoolResponse](resp.Body)
	if err != nil {
		return nil, err
	}
	return c.newOperation(KindScale, d.ClusterID, d.ID, out.TaskID, resp.RequestID).withNodes(after), nil
}
