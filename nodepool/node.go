package nodepool

import "time"

// Node is one node of a pool, as far as scaling cares.
type Node struct {
	// InstanceID is the ECS instance ID, for example "i-bp1...".
	InstanceID string
	// Name is the Kubernetes node name, for example
	// "cn-hangzhou.192.168.0.36".
	Name string
	// InstanceType is the ECS instance type.
	InstanceType string
	// Origin says how the node came into the pool.
	Origin Origin
	// Created is when the node was created.
	Created time.Time
	// Seq is the node's place in the order its pool created nodes: a node
	// created later has a larger Seq. It breaks ties between equal Created
	// times, which a clock of one-second resolution makes common.
	Seq int64
	// State is the node's state as ACK reports it (pending, running,
	// starting, stopping, stopped, ...).
	State string
}

// Origin says how a node came into its pool. Only OriginScaleOut nodes
// are ever removed by a scale-in.
type Origin string

// The origins.
const (
	// OriginUnknown: the node's origin is not known, for example a node
	// read from ACK, whose source values OriginFromSource cannot
	// interpret. Such a node is never removed by a scale-in.
	OriginUnknown Origin = ""
	// OriginInitial: created with the cluster or with its pool.
	OriginInitial Origin = "initial"
	// OriginAttached: an existing ECS instance added to the pool by hand.
	OriginAttached Origin = "attached"
	// OriginScaleOut: added by a manual scale-out or by the autoscaler.
	OriginScaleOut Origin = "scale-out"
)

// Origins returns every known origin.
func Origins() []Origin {
	return []Origin{OriginInitial, OriginAttached, OriginScaleOut}
}

// Removable reports whether a scale-in may remove the node: only nodes a
// scale-out added.
func (n Node) Removable() bool { return n.Origin == OriginScaleOut }
