package nodepool

import (
	"context"
	"fmt"
	"iter"
	"slices"

	"github.com/ackgo/ack/internal/paging"
	"github.com/ackgo/ack/internal/wire"
)

// NodeDetail is one node of a cluster as DescribeClusterNodes reports it:
// the Node that scaling decisions use, and the rest of what ACK says.
type NodeDetail struct {
	Node
	// PoolID is the node pool the node belongs to; empty for a node of no
	// pool (the masters of a dedicated cluster).
	PoolID string
	// Role is "Master" or "Worker".
	Role string
	// Status is the Kubernetes node status: Ready, NotReady, Unknown,
	// Offline.
	Status string
	// InstanceStatus is the ECS status, for example "Running".
	InstanceStatus string
	// IPs are the node's addresses.
	IPs []string
	// ChargeType is "PrePaid" or "PostPaid".
	ChargeType string
	// ErrorMessage says what went wrong with a failed node.
	ErrorMessage string
	// RequestID identifies the call that read the node's page.
	RequestID string
}

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
func (c *Client) Nodes(ctx context.Context, clusterID string, optFns ...func(*NodesOptions)) iter.Seq2[*NodeDetail, error] {
	o := applyOptions(optFns)
	size := int64(pageSize(o.PageSize, c.opts.PageSize))
	q := wire.DescribeClusterNodesQuery{
		NodepoolID: o.PoolID, State: o.State, InstanceIDs: slices.Clone(o.InstanceIDs), PageSize: size,
	}
	return func(yield func(*NodeDetail, error) bool) {
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
				n, err := nodeDetail(w, page.RequestID)
				if err != nil {
					fail(page.Number, err)
					return
				}
				seq++
				n.Seq = seq
				if !yield(n, nil) {
					return
				}
			}
		}
	}
}

// nodeDetail converts one node of DescribeClusterNodes.
func nodeDetail(w wire.Node, requestID string) (*NodeDetail, error) {
	n, err := nodeFromWire(w)
	if err != nil {
		return nil, err
	}
	return &NodeDetail{
		Node: n, PoolID: w.NodepoolID, Role: w.InstanceRole, Status: w.NodeStatus,
		InstanceStatus: w.InstanceStatus, IPs: slices.Clone(w.IPAddress), ChargeType: w.InstanceChargeType,
		ErrorMessage: w.ErrorMessage, RequestID: requestID,
	}, nil
}

// poolNodes reads every node of a pool, for the scale-in choice and the
// removal checks.
func (c *Client) poolNodes(ctx context.Context, clusterID, poolID string, instanceIDs []string) ([]*NodeDetail, error) {
	var out []*NodeDetail
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
