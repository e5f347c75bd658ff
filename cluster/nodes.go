package cluster

import (
	"context"
	"iter"

	"github.com/ackgo/ack/nodepool"
)

// Node is one ECS node of a cluster: the node pool package's Node, the
// one node type both clients list.
//
// Deprecated: use nodepool.Node, which this names; the alias will be
// removed in the next release.
type Node = nodepool.Node

// NodesOptions filter and page Nodes: the node pool package's options, so
// that both clients filter nodes by the same names (PoolID, State,
// InstanceIDs, PageSize). A zero PageSize is the client's page size.
type NodesOptions = nodepool.NodesOptions

// Nodes returns an iterator over the cluster's nodes, fetched page by page
// from DescribeClusterNodes as the loop asks for them: the same listing
// as nodepool.Client.Nodes, through this client's Config and page size.
// An error ends the iteration: it is yielded once, with a nil node.
func (c *Client) Nodes(ctx context.Context, id string, optFns ...func(*NodesOptions)) iter.Seq2[*nodepool.Node, error] {
	return c.nodes.Nodes(ctx, id, optFns...)
}
