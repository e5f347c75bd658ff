package nodepool

import (
	"context"
	"fmt"
	"iter"
	"slices"

	"github.com/ackgo/ack/internal/paging"
	"github.com/ackgo/ack/internal/wire"
)

// NodesOptions filter and page Nodes. Zero fields do not filter.
type NodesOptions struct {
	// PoolID keeps the nodes of one node pool.
	PoolID string
	// State keeps the nodes in one state: running, removing, initial or
	// failed ("all" or empty keeps every node).
	State string
	// InstanceIDs keeps the nodes of these ECS instances.
	InstanceIDs []string
	// PageSize is how many nodes each call fetches: the client's page size
	// (DefaultPageSize) when zero, at most MaxPageSize.
	PageSize int
}

// Nodes returns an iterator over the cluster's nodes, fetched page by page
// from DescribeClusterNodes (whose paging parameters are camelCase:
// pageNumber, pageSize) as the loop asks for them. An error ends the
// iteration: it is yielded once, with a nil node. Pages are read at
// different instants, so a node added or removed during the loop may be
// missed or seen twice.
//
// The wire has no creation order beyond creation_time, whose resolution
// is one second, so the nodes of one scale-out share it. Nodes therefore
// numbers the nodes it yields in the order DescribeClusterNodes lists them
// (Node.Seq = 1, 2, ...): the fake lists them in creation order, and so
// ChooseScaleIn breaks ties between nodes created in the same second by
// creation order. ACK documents no order for the list; on ACK, ties follow
// the order it lists the nodes in.
func (c *Client) Nodes(ctx context.Context, clusterID string, optFns ...func(*NodesOptions)) iter.Seq2[*Node, error] {
	o := applyOptions(optFns)
	size := int64(pageSize(o.PageSize, c.opts.PageSize))
	q := wire.DescribeClusterNodesQuery{
		NodepoolID: o.PoolID, State: o.State, InstanceIDs: slices.Clone(o.InstanceIDs), PageSize: size,
	}
	return func(yield func(*Node, error) bool) {
		fail := func(page int64, err error) {
			yield(nil, fmt.Errorf("cluster %s: nodes: page %d: %w", clusterID, page, err))
		}
		if err := checkIDs(clusterID); err != nil {
			fail(1, err)
			return
		}
		var seq int64
		for page, err := range paging.ClusterNodes(ctx, c.do, clusterID, q) {
			if err != nil {
				fail(page.Number, err)
				return
			}
			for _, w := range page.Nodes {
				n, err := nodeFromWire(w)
				if err != nil {
					fail(page.Number, err)
					return
				}
				seq++
				n.Seq, n.RequestID = seq, page.RequestID
				if !yield(&n, nil) {
					return
				}
			}
		}
	}
}

// poolNodes reads every node of a pool, for the scale-in choice and the
// removal checks.
func (c *Client) poolNodes(ctx context.Context, clusterID, poolID string, instanceIDs []string) ([]*Node, error) {
	var out []*Node
	for n, err := range c.Nodes(ctx, clusterID, func(o *NodesOptions) {
		o.PoolID, o.InstanceIDs, o.PageSize = poolID, instanceIDs, MaxPageSize
	}) {
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}
