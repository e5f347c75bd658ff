package nodepool

import (
	"context"
	"fmt"
	"slices"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/waiter"
	"github.com/ackgo/ack/internal/wire"
)

// nodeRemoving is the state DescribeClusterNodes reports for a node being
// removed.
const nodeRemoving = "removing"

// RemoveOptions say what happens to the nodes RemoveNodes removes. The
// zero value keeps both ACK defaults: no drain, no release.
type RemoveOptions struct {
	// Drain evicts the nodes' pods before removing them (drain_node).
	Drain bool
	// Release releases the ECS instances (release_node); without it they
	// leave the cluster but keep running, and billing. ACK refuses to
	// release PrePaid instances.
	Release bool
}

// RemoveNodes asks ACK to remove the given ECS instances from the node
// pool (RemoveNodePoolNodes) and returns an Operation to wait for the pool
// to be active again. drain_node and release_node are always sent, as the
// options say.
//
// Before any mutating call it refuses, with an error matching
// ack.ErrInvalid, an empty list, an empty or repeated ID and an instance
// that is not a node of the pool. A removal whose response is lost is not
// sent twice: after an ambiguous outcome the retry step reads the nodes
// again, and a node gone or being removed means the request applied (the
// Operation then waits on the pool alone, until it has no more nodes than
// the removal leaves).
func (c *Client) RemoveNodes(ctx context.Context, clusterID, poolID string, instanceIDs []string, optFns ...func(*RemoveOptions)) (*Operation, error) {
	o := applyOptions(optFns)
	fail := func(err error) (*Operation, error) {
		return nil, fmt.Errorf("node pool %s: remove %d nodes: %w", poolID, len(instanceIDs), err)
	}
	if err := checkIDs(clusterID, poolID); err != nil {
		return fail(err)
	}
	if err := checkInstanceIDs(instanceIDs); err != nil {
		return fail(err)
	}
	d, err := c.describe(ctx, clusterID, poolID)
	if err != nil {
		return fail(err)
	}
	nodes, err := c.poolNodes(ctx, clusterID, poolID, instanceIDs)
	if err != nil {
		return fail(err)
	}
	for _, id := range instanceIDs {
		if !slices.ContainsFunc(nodes, func(n *Node) bool { return n.InstanceID == id }) {
			return fail(fmt.Errorf("instance %s is not a node of the pool: %w", id, ack.ErrInvalid))
		}
	}
	op, err := c.remove(ctx, d, instanceIDs, o)
	if err != nil {
		return fail(err)
	}
	return op, nil
}

// checkInstanceIDs refuses an empty list, an empty ID and a repeated one.
func checkInstanceIDs(ids []string) error {
	if len(ids) == 0 {
		return fmt.Errorf("no instance IDs: %w", ack.ErrInvalid)
	}
	for i, id := range ids {
		switch {
		case id == "":
			return fmt.Errorf("instance ID %d is empty: %w", i, ack.ErrInvalid)
		case slices.Contains(ids[:i], id):
			return fmt.Errorf("instance %s is named twice: %w", id, ack.ErrInvalid)
		}
	}
	return nil
}

// remove sends RemoveNodePoolNodes for nodes of the pool d, which the
// caller checked are in it.
func (c *Client) remove(ctx context.Context, d *Pool, ids []string, o RemoveOptions) (*Operation, error) {
	left := max(d.Nodes.Total-len(ids), 0)
	req := wire.NewRequest(wire.ActionRemoveNodePoolNodes, d.ClusterID, d.ID)
	req.Query = wire.RemoveNodePoolNodesRequest{
		InstanceIDs: slices.Clone(ids), DrainNode: wire.Bool(o.Drain), ReleaseNode: wire.Bool(o.Release),
	}.Query()
	req.Retry = ack.Reconcile
	req.Reconcile = func(ctx context.Context, _ error) (*ack.Response, error) {
		nodes, err := c.poolNodes(ctx, d.ClusterID, d.ID, ids)
		if err != nil {
			return nil, fmt.Errorf("reading the nodes to remove: %w", err)
		}
		present, removing, requestID := 0, false, ""
		for _, n := range nodes {
			if slices.Contains(ids, n.InstanceID) {
				present++
				removing = removing || n.State == nodeRemoving
				requestID = n.RequestID
			}
		}
		if present == len(ids) && !removing {
			return nil, nil // every node is still there, untouched
		}
		return waiter.Answer(wire.RemoveNodePoolNodesResponse{}, requestID)
	}
	resp, err := c.do(ctx, req)
	if err != nil {
		return nil, err
	}
	out, err := wire.Decode[wire.RemoveNodePoolNodesResponse](resp.Body)
	if err != nil {
		return nil, err
	}
	return c.newOperation(KindRemoveNodes, d.ClusterID, d.ID, out.TaskID, resp.RequestID).withNodes(left), nil
}
