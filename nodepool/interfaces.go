package nodepool

import (
	"context"
	"iter"
)

// The narrow interfaces below have one method each, so that a consumer
// depends on (and mocks) exactly the calls it makes; *Client satisfies
// them all. Package nodepoolmock holds mocks generated from them with
// go.uber.org/mock; regenerate them with `go generate ./nodepool/`.

//go:generate go run go.uber.org/mock/mockgen@v0.6.0 -destination=nodepoolmock/mocks.go -package=nodepoolmock -write_package_comment=false . Creator,Getter,Lister,Modifier,Scaler,NodeRemover,Deleter,NodeLister,Resumer,Upgrader

// Creator creates node pools.
type Creator interface {
	Create(ctx context.Context, clusterID string, spec Spec) (*Operation, error)
}

// Getter reads one node pool.
type Getter interface {
	Get(ctx context.Context, clusterID, poolID string) (*Pool, error)
}

// Lister lists a cluster's node pools.
type Lister interface {
	List(ctx context.Context, clusterID string, optFns ...func(*ListOptions)) iter.Seq2[*Pool, error]
}

// Modifier modifies node pools.
type Modifier interface {
	Modify(ctx context.Context, clusterID, poolID string, edit func(*Spec)) (*Operation, error)
}

// Scaler sets the size of node pools.
type Scaler interface {
	Scale(ctx context.Context, clusterID, poolID string, desired int) (*Operation, error)
}

// NodeRemover removes nodes from node pools.
type NodeRemover interface {
	RemoveNodes(ctx context.Context, clusterID, poolID string, instanceIDs []string, optFns ...func(*RemoveOptions)) (*Operation, error)
}

// Deleter deletes node pools.
type Deleter interface {
	Delete(ctx context.Context, clusterID, poolID string, optFns ...func(*DeleteOptions)) (*Operation, error)
}

// NodeLister lists a cluster's nodes.
type NodeLister interface {
	Nodes(ctx context.Context, clusterID string, optFns ...func(*NodesOptions)) iter.Seq2[*Node, error]
}

// Resumer rebuilds operations from resume tokens.
type Resumer interface {
	ResumeOperation(token string, kinds ...OperationKind) (*Operation, error)
}

// Upgrader upgrades node pools.
type Upgrader interface {
	Upgrade(ctx context.Context, clusterID, poolID string, o UpgradeOptions) (*Operation, error)
}

// Compile-time checks that the Client satisfies every narrow interface.
var (
	_ Creator     = (*Client)(nil)
	_ Getter      = (*Client)(nil)
	_ Lister      = (*Client)(nil)
	_ Modifier    = (*Client)(nil)
	_ Scaler      = (*Client)(nil)
	_ NodeRemover = (*Client)(nil)
	_ Deleter     = (*Client)(nil)
	_ NodeLister  = (*Client)(nil)
	_ Resumer     = (*Client)(nil)
	_ Upgrader    = (*Client)(nil)
)
