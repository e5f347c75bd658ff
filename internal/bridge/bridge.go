package bridge

import (
	"reflect"
	"sync"

	"github.com/ackgo/ack/internal/wire"
)

// Cluster is what package cluster lends: S is cluster.Spec, O cluster.ValidationOption
// and F cluster.Form.
type Cluster[S, O, F any] struct {
	// CreateRequest is the CreateCluster body of a Spec.
	CreateRequest func(s S) *wire.CreateClusterRequest
	// SpecFromCreate reads a CreateCluster body back into a Spec.
	SpecFromCreate func(req *wire.CreateClusterRequest) (S, error)
	// ValidateCreate runs the create rules on a CreateCluster body.
	ValidateCreate func(req *wire.CreateClusterRequest, opts ...O) error
	// CheckCreate reads a CreateCluster body into a Spec and runs the
	// create rules on it, reading the body once: the Spec, and the
	// *ack.ValidationError listing every broken rule (nil when none).
	CheckCreate func(req *wire.CreateClusterRequest, opts ...O) (S, error)
	// ValidateScaleOut runs the scale-out rules on a ScaleOutCluster body.
	ValidateScaleOut func(req *wire.ScaleOutClusterRequest, clusterID string, f F, opts ...O) error
	// SpecFromDetail reads the Spec of a DescribeClusterDetail answer.
	SpecFromDetail func(d *wire.ClusterDetail) S
	// ModifyRequest is the ModifyCluster body that turns from into to.
	ModifyRequest func(from, to S) (*wire.ModifyClusterRequest, error)
	// TagsRequest is the ModifyClusterTags body that turns from's tags
	// into to's, and whether they differ.
	TagsRequest func(from, to S) ([]wire.Tag, bool)
}

// NodePool is what package nodepool lends: S is nodepool.Spec, P
// nodepool.Pool and N nodepool.Node.
type NodePool[S, P, N any] struct {
	// CreateRequest is the CreateClusterNodePool body of a Spec.
	CreateRequest func(s S) *wire.Nodepool
	// SpecFromCreate reads a CreateClusterNodePool body back into a Spec.
	SpecFromCreate func(req *wire.Nodepool) (S, error)
	// ValidateCreate runs the create rules on a CreateClusterNodePool body.
	ValidateCreate func(req *wire.Nodepool) error
	// CheckCreate reads a CreateClusterNodePool body into a Spec and runs
	// the create rules on it, reading the body once: the Spec, and the
	// *ack.ValidationError listing every broken rule (nil when none).
	CheckCreate func(req *wire.Nodepool) (S, error)
	// ApplyModify applies a ModifyClusterNodePool body to a Spec.
	ApplyModify func(s S, req *wire.ModifyNodePoolRequest) S
	// ModifyRequest is the ModifyClusterNodePool body that turns old into
	// next.
	ModifyRequest func(old, next S) *wire.ModifyNodePoolRequest
	// PoolFromDetail reads a DescribeClusterNodePoolDetail answer.
	PoolFromDetail func(d *wire.NodePoolDetail) (P, error)
	// SpecFromDetail reads the Spec of a DescribeClusterNodePoolDetail
	// answer.
	SpecFromDetail func(d *wire.NodePoolDetail) (S, error)
	// NodeFromWire reads one node of DescribeClusterNodes.
	NodeFromWire func(w wire.Node) (N, error)
	// ValidateScale runs the request rules on a ScaleClusterNodePool body
	// for pool poolID.
	ValidateScale func(poolID string, req *wire.ScaleNodePoolRequest) error
	// ValidateModify runs the request rules on a ModifyClusterNodePool
	// body for pool poolID.
	ValidateModify func(poolID string, req *wire.ModifyNodePoolRequest) error
}

// Quota is what package quota lends: L is quota.Limits.
type Quota[L any] struct {
	// LimitsFromWire reads a DescribeUserQuota answer over base.
	LimitsFromWire func(q *wire.UserQuota, base L) L
	// Wire is the DescribeUserQuota answer of limits.
	Wire func(l L) *wire.UserQuota
}

var provided sync.Map // reflect.Type → the value of that type

// Provide records v, the functions of one domain package.
func Provide[T any](v T) { provided.Store(reflect.TypeFor[T](), v) }

// Get returns what was provided as a T. It panics when nothing was: the
// package that provides it is not linked in, or it was asked for with other
// type arguments than it provides.
func Get[T any]() T {
	v, ok := provided.Load(reflect.TypeFor[T]())
	if !ok {
		panic("bridge: nothing provides " + reflect.TypeFor[T]().String() + "; import the domain package that does")
	}
	return v.(T)
}

// FakeControl is what package fake lends the repository's own tests: the
// control endpoints it serves under /_fake/, so that a test outside the
// package (the README's, at the root) can hold documentation to them
// without the fake exporting its dispatch.
type FakeControl struct {
	// Routes lists the control endpoints, in the fake's order.
	Routes func() []ControlRoute
}

// ControlRoute is one control endpoint of the fake.
type ControlRoute struct {
	// Name is the path below /_fake/, such as "clock" or "faults/{id}"
	// ("{id}" stands for one path segment).
	Name string
	// Methods are the HTTP methods it takes.
	Methods []string
}
