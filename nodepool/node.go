package nodepool

import "time"

// Node is one ECS node of a cluster, as DescribeClusterNodes reports it:
// the one node type of both clients (cluster.Client.Nodes and
// Client.Nodes list it) and of a scale-in choice (ChooseScaleIn, which
// reads its Origin, Created and Seq).
type Node struct {
	// InstanceID is the ECS instance ID, for example "i-bp1...".
	InstanceID string
	// Name is the Kubernetes node name, for example
	// "cn-hangzhou.192.168.0.36".
	Name string
	// InstanceName and HostName are the ECS instance's names.
	InstanceName, HostName string
	// InstanceType is the ECS instance type.
	InstanceType string
	// PoolID is the node pool the node belongs to; empty for a node of no
	// pool (the masters of a dedicated cluster).
	PoolID string
	// Role is "Master" or "Worker".
	Role string
	// State is the node's state as ACK reports it (pending, running,
	// starting, stopping, stopped, ...; and, as filters, initial,
	// removing, failed).
	State string
	// Status is the Kubernetes node status: Ready, NotReady, Unknown,
	// Offline.
	Status string
	// InstanceStatus is the ECS status, for example "Running".
	InstanceStatus string
	// IPs are the node's addresses.
	IPs []string
	// ChargeType is "PrePaid" or "PostPaid".
	ChargeType string
	// Created is when the node was created.
	Created time.Time
	// Origin says how the node came into the pool. ACK's node list does
	// not tell it (see SourceESSAttach), so a Node read by a client has
	// OriginUnknown; the fake's Go view (fake.Cloud.Nodes) and nodes built
	// by hand for ChooseScaleIn carry it.
	Origin Origin
	// Seq is the node's place in the order its pool created nodes: a node
	// created later has a larger Seq. It breaks ties between equal Created
	// times, which a clock of one-second resolution makes common.
	Seq int64
	// ErrorMessage says what went wrong with a failed node.
	ErrorMessage string
	// RequestID identifies the call that read the node's page.
	RequestID string
}

// NodeDetail is the earlier name of Node, whose fields it now holds.
//
// Deprecated: use Node; NodeDetail will be removed in the next release.
type NodeDetail = Node

// Origin says how a node came into its pool. Only OriginScaleOut nodes
// are ever removed by a scale-in (ChooseScaleIn, the rule the fake's
// autoscaler follows). It is not on ACK's wire: see SourceESSAttach.
type Origin string

// The origins.
const (
	// OriginUnknown: the node's origin is not known, as for every node
	// read from ACK's or the fake's DescribeClusterNodes, whose source
	// does not tell it. Such a node is never removed by a scale-in.
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
