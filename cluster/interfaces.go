package cluster

import (
	"context"
	"iter"

	"github.com/ackgo/ack/nodepool"
)

// The narrow interfaces below have one method each, so that a consumer
// depends on (and mocks) exactly the calls it makes; *Client satisfies
// them all. Package clustermock holds mocks generated from them with
// go.uber.org/mock; regenerate them with `go generate ./cluster/`.

//go:generate go run go.uber.org/mock/mockgen@v0.6.0 -destination=clustermock/mocks.go -package=clustermock -write_package_comment=false . Creator,Getter,Lister,Deleter,Modifier,ScaleOuter,KubeconfigGetter,NodeLister,TaskGetter,Resumer,Upgrader,UpgradeStatusGetter,UpgradePauser,UpgradeResumer,UpgradeCanceller

// Creator creates clusters.
type Creator interface {
	Create(ctx context.Context, spec Spec, optFns ...func(*CreateOptions)) (*Operation, error)
}

// Getter reads one cluster.
type Getter interface {
	Get(ctx context.Context, id string) (*Cluster, error)
}

// Lister lists clusters.
type Lister interface {
	List(ctx context.Context, optFns ...func(*ListOptions)) iter.Seq2[*Cluster, error]
}

// Deleter deletes clusters.
type Deleter interface {
	Delete(ctx context.Context, id string, optFns ...func(*DeleteOptions)) (*Operation, error)
}

// Modifier modifies clusters.
type Modifier interface {
	Modify(ctx context.Context, id string, edit func(*Spec)) (*Operation, error)
}

// ScaleOuter adds legacy workers to dedicated clusters.
type ScaleOuter interface {
	ScaleOut(ctx context.Context, id string, req ScaleOutSpec) (*Operation, error)
}

// KubeconfigGetter fetches kubeconfigs.
type KubeconfigGetter interface {
	Kubeconfig(ctx context.Context, id string, optFns ...func(*KubeconfigOptions)) (*Kubeconfig, error)
}

// NodeLister lists a cluster's nodes.
type NodeLister interface {
	Nodes(ctx context.Context, id string, optFns ...func(*NodesOptions)) iter.Seq2[*nodepool.Node, error]
}

// TaskGetter reads tasks.
type TaskGetter interface {
	Task(ctx context.Context, id string) (*Task, error)
}

// Resumer rebuilds operations from resume tokens.
type Resumer interface {
	ResumeOperation(token string, kinds ...OperationKind) (*Operation, error)
}

// Upgrader upgrades clusters.
type Upgrader interface {
	Upgrade(ctx context.Context, id, target string, optFns ...func(*UpgradeOptions)) (*Operation, error)
}

// UpgradeStatusGetter reads the state of a cluster's last upgrade.
type UpgradeStatusGetter interface {
	UpgradeStatus(ctx context.Context, id string) (*UpgradeStatus, error)
}

// UpgradePauser pauses running upgrades.
type UpgradePauser interface {
	PauseUpgrade(ctx context.Context, id string) error
}

// UpgradeResumer continues paused upgrades.
type UpgradeResumer interface {
	ResumeUpgrade(ctx context.Context, id string) error
}

// UpgradeCanceller cancels running or paused upgrades.
type UpgradeCanceller interface {
	CancelUpgrade(ctx context.Context, id string) error
}
