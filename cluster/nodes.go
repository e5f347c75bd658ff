package cluster

import (
	"context"
	"fmt"
	"iter"
	"slices"
	"time"

	"github.com/ackgo/ack/internal/paging"
	"github.com/ackgo/ack/internal/wire"
)

// Node is one ECS node of a cluster, as DescribeClusterNodes reports it.
type Node struct {
	// InstanceID is the ECS instance ID.
	InstanceID string
	// Name is the Kubernetes node name, for example
	// "cn-hangzhou.192.168.0.36".
	Name string
	// InstanceName and HostName are the ECS instance's names.
	InstanceName, HostName string
	// Role is "Master" or "Worker".
	Role string
	// State is the node's state: pending, running, starting, stopping,
	// stopped (and, as filters, initial, removing, failed).
	State string
	// Status is the Kubernetes node status: Ready, NotReady, Unknown,
	// Offline.
	Status string
	// InstanceStatus is the ECS status, for example "Running".
	InstanceStatus string
	// InstanceType is the ECS instance type.
	InstanceType string
	// IPs are the node's addresses.
	IPs []string
	// NodePoolID is the node pool the node belongs to, if any.
	NodePoolID string
	// ChargeType is "PrePaid" or "PostPaid".
	ChargeType string
	// Created is when the instance was created.
	Created time.Time
	// ErrorMessage says what went wrong with a failed node.
	ErrorMessage string
	// RequestID identifies the call that read the node's page.
	RequestID string
}

// NodesOptions filter and page Nodes. Zero fields do not filter.
type NodesOptions struct {
	// NodePoolID keeps the nodes of one node pool.
	NodePoolID string
	// State keeps the nodes in one state: running, removing, initial or
	// failed ("all" or empty keeps every node).
	State string
	// InstanceIDs keeps the nodes of these ECS instances.
	InstanceIDs []string
	// PageSize is how many nodes each call fetches: the client's page size
	// when zero, at most MaxPageSize.
	PageSize int
}

// Nodes returns an iterator over the cluster's nodes, fetched page by page
// from DescribeClusterNodes (whose paging parameters are camelCase:
// pageNumber, pageSize). An error ends the iteration: it is yielded once,
// with a nil node.
func (c *Client) Nodes(ctx context.Context, id string, optFns ...func(*NodesOptions)) iter.Seq2[*Node, error] {
	o := NodesOptions{PageSize: c.opts.PageSize}
	for _, fn := range optFns {
		if fn != nil {
			fn(&o)
		}
	}
	o.PageSize = min(max(o.PageSize, 1), MaxPageSize)
	q := wire.DescribeClusterNodesQuery{
		NodepoolID: o.NodePoolID, State: o.State, InstanceIDs: slices.Clone(o.InstanceIDs), PageSize: int64(o.PageSize),
	}
	return func(yield func(*Node, error) bool) {
		fail := func(page int64, err error) {
			yield(nil, opError("cluster", id, fmt.Sprintf("nodes, page %d", page), err))
		}
		if err := checkID("cluster", id); err != nil {
			fail(1, err)
			return
		}
		for page, err := range paging.ClusterNodes(ctx, c.do, id, q) {
			if err != nil {
				fail(page.Number, err)
				return
			}
			for i := range page.Nodes {
				if !yield(nodeFromWire(&page.Nodes[i], page.RequestID), nil) {
					return
				}
			}
		}
	}
}

// nodeFromWire converts one node of DescribeClusterNodes.
func nodeFromWire(n *wire.Node, requestID string) *Node {
	return &Node{
		InstanceID: n.InstanceID, Name: n.NodeName, InstanceName: n.InstanceName, HostName: n.HostName,
		Role: n.InstanceRole, State: n.State, Status: n.NodeStatus, InstanceStatus: n.InstanceStatus,
		InstanceType: n.InstanceType, IPs: slices.Clone(n.IPAddress), NodePoolID: n.NodepoolID,
		ChargeType: n.InstanceChargeType, Created: parseTime(n.CreationTime), ErrorMessage: n.ErrorMessage,
		RequestID: requestID,
	}
}
