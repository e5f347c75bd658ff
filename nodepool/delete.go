package nodepool

import (
	"context"
	"fmt"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/waiter"
	"github.com/ackgo/ack/internal/wire"
)

// DeleteOptions adjust one Delete. The zero value takes ACK's defaults.
type DeleteOptions struct {
	// Force deletes the pool even when it still has nodes (query
	// force=true); without it ACK refuses to delete a pool with nodes.
	Force bool
}

// Delete asks ACK to delete the node pool (DeleteClusterNodepool) and
// returns an Operation to wait until it is gone.
//
// A delete whose response is lost still ends in success: after an
// ambiguous outcome the retry step reads the pool before sending again,
// and a pool that is gone or being deleted counts as deleted (the
// Operation then waits on the pool alone, its task unknown); a re-sent
// delete answered not-found or "wrong state" counts the same once a read
// confirms it. A pool that does not exist at the first attempt is an error
// matching ack.ErrNotFound.
func (c *Client) Delete(ctx context.Context, clusterID, poolID string, optFns ...func(*DeleteOptions)) (*Operation, error) {
	o := applyOptions(optFns)
	fail := func(err error) (*Operation, error) {
		return nil, fmt.Errorf("node pool %s: delete: %w", poolID, err)
	}
	if err := checkIDs(clusterID, poolID); err != nil {
		return fail(err)
	}
	req := wire.NewRequest(wire.ActionDeleteClusterNodepool, clusterID, poolID)
	req.Query = wire.DeleteNodePoolQuery{Force: o.Force}.Query()
	req.Retry = ack.Reconcile
	req.Reconcile = waiter.DeleteReconcile(func(ctx context.Context) (*Pool, error) { return c.describe(ctx, clusterID, poolID) },
		func(d *Pool) (bool, string) { return d.State == StateDeleting, d.RequestID },
		wire.DeleteNodePoolResponse{})
	resp, err := c.do(ctx, req)
	if err != nil {
		return fail(err)
	}
	out, err := wire.Decode[wire.DeleteNodePoolResponse](resp.Body)
	if err != nil {
		return fail(err)
	}
	return c.newOperation(KindDelete, clusterID, poolID, out.TaskID, resp.RequestID), nil
}
