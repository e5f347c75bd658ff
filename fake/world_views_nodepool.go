package fake

import (
	"time"

	"github.com/ackgo/ack/nodepool"
)

// NodePool is a copy of a node pool as the fake holds it, for tests to
// inspect. Reading it brings the pool up to the clock but does not count
// as a poll.
type NodePool struct {
	// ID is the pool's ID.
	ID string
	// ClusterID is the pool's cluster.
	ClusterID string
	// Spec is the pool's configuration, password included; DesiredSize
	// is the pool's desired size now.
	Spec nodepool.Spec
	// State is the state the pool reports now.
	State nodepool.State
	// Default marks the first pool created with its cluster.
	Default bool
	// Created and Updated are virtual times; Updated is the instant of the
	// last change.
	Created, Updated time.Time
	// TaskID is the pool's latest task.
	TaskID string
	// Nodes counts the pool's nodes, those being created or removed
	// included.
	Nodes int
	// Demand is the demand set by SetDemand; HasDemand says one was set.
	Demand    int
	HasDemand bool
}

// Node is a copy of a node: what a scale-in decision looks at (the
// nodepool package's Node, with its origin and creation order), and where
// the node belongs.
type Node struct {
	nodepool.Node
	// ClusterID is the node's cluster; PoolID its pool, empty for a master
	// or a legacy worker.
	ClusterID, PoolID string
	// Role is "Master" or "Worker".
	Role string
	// IP is the node's address.
	IP string
	// ChargeType is "PostPaid" or "PrePaid".
	ChargeType string
}

// NodePool returns a copy of a living node pool of a living cluster.
func (c *Cloud) NodePool(clusterID, poolID string) (NodePool, bool) {
	v, e := read(c.st, func(now time.Time) (NodePool, *Error) {
		rec, p, e := c.st.poolTargetLocked(clusterID, poolID, now)
		if e != nil {
			return NodePool{}, e
		}
		return c.st.viewPoolLocked(rec, p), nil
	})
	return v, e == nil
}

// NodePools returns copies of a cluster's living node pools, by creation;
// none for an unknown cluster.
func (c *Cloud) NodePools(clusterID string) []NodePool {
	out, _ := read(c.st, func(now time.Time) ([]NodePool, *Error) {
		rec, e := c.st.clusterLocked(clusterID, now, false)
		if e != nil {
			return nil, e
		}
		out := make([]NodePool, 0, len(rec.pools))
		for _, p := range rec.pools {
			out = append(out, c.st.viewPoolLocked(rec, p))
		}
		return out, nil
	})
	return out
}

// Nodes returns copies of a cluster's nodes in creation order, each with
// the state DescribeClusterNodes reports; none for an unknown cluster.
func (c *Cloud) Nodes(clusterID string) []Node {
	out, _ := read(c.st, func(now time.Time) ([]Node, *Error) {
		rec, e := c.st.clusterLocked(clusterID, now, false)
		if e != nil {
			return nil, e
		}
		nodes := c.st.clusterNodesLocked(rec)
		out := make([]Node, 0, len(nodes))
		for _, n := range nodes {
			v := Node{
				Node: n.scaleNode(rec.spec.Region), ClusterID: rec.id, PoolID: n.nodepoolID,
				Role: n.role, IP: n.ip, ChargeType: n.chargeType,
			}
			v.State, _, _ = nodeState(*n, rec.state)
			out = append(out, v)
		}
		return out, nil
	})
	return out
}

// viewPoolLocked copies pool p of cluster c.
func (s *store) viewPoolLocked(c *clusterRec, p *poolRec) NodePool {
	return NodePool{
		ID: p.id, ClusterID: c.id, Spec: p.spec.Clone(), State: s.poolStateLocked(c, p), Default: p.isDefault,
		Created: p.created, Updated: p.updated, TaskID: p.lastTask, Nodes: len(s.poolNodesLocked(c, p)),
		Demand: p.demand, HasDemand: p.hasDemand,
	}
}
