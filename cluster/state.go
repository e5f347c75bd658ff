package cluster

// State is a cluster's lifecycle state, the "state" field of
// DescribeClusterDetail and DescribeClustersV1. States this package does
// not know are kept as they are; every helper answers false for them.
type State string

// The states ACK reports (API reference, cluster states).
const (
	// StateInitial: the cluster is being created.
	StateInitial State = "initial"
	// StateFailed: creation (or another operation) failed.
	StateFailed State = "failed"
	// StateRunning: healthy, nothing in progress.
	StateRunning State = "running"
	// StateUpdating: a configuration change (ModifyCluster and others) is in
	// progress.
	StateUpdating State = "updating"
	// StateUpdatingFailed: a configuration change failed.
	StateUpdatingFailed State = "updating_failed"
	// StateUpgrading: a Kubernetes version upgrade is in progress.
	StateUpgrading State = "upgrading"
	// StateScaling: a scale-out is in progress.
	StateScaling State = "scaling"
	// StateRemoving: nodes are being removed.
	StateRemoving State = "removing"
	// StateDraining: pods are being evicted from nodes.
	StateDraining State = "draining"
	// StateMigrating: a Basic to Pro migration is in progress.
	StateMigrating State = "migrating"
	// StateWaiting: a registered cluster waits for its agent to connect.
	StateWaiting State = "waiting"
	// StateDisconnected: a registered cluster lost its agent.
	StateDisconnected State = "disconnected"
	// StateInactive: temporarily unusable (overdue payment, long idle).
	StateInactive State = "inactive"
	// StateUnavailable: unrecoverable, for example after the API server's
	// load balancer was released.
	StateUnavailable State = "unavailable"
	// StateStopped: the cluster is stopped.
	StateStopped State = "stopped"
	// StateDeleting: the cluster is being deleted.
	StateDeleting State = "deleting"
	// StateDeleteFailed: deletion failed.
	StateDeleteFailed State = "delete_failed"
	// StateDeleted: deleted. Users never see it: reads of a deleted cluster
	// answer ErrorClusterNotFound.
	StateDeleted State = "deleted"
)

// States returns every state this package knows, in the order of the API
// reference.
func States() []State {
	return []State{
		StateInitial, StateFailed, StateRunning, StateUpdating, StateUpdatingFailed,
		StateUpgrading, StateScaling, StateRemoving, StateDraining, StateMigrating,
		StateWaiting, StateDisconnected, StateInactive, StateUnavailable, StateStopped,
		StateDeleting, StateDeleteFailed, StateDeleted,
	}
}

// String returns the wire value.
func (s State) String() string { return string(s) }

// Known reports whether s is one of the states above.
func (s State) Known() bool {
	switch s {
	case StateInitial, StateFailed, StateRunning, StateUpdating, StateUpdatingFailed,
		StateUpgrading, StateScaling, StateRemoving, StateDraining, StateMigrating,
		StateWaiting, StateDisconnected, StateInactive, StateUnavailable, StateStopped,
		StateDeleting, StateDeleteFailed, StateDeleted:
		return true
	}
	return false
}

// InProgress reports whether an operation is running on the cluster, so
// that its state will change without any further call: initial, updating,
// upgrading, scaling, removing, draining, migrating, deleting.
func (s State) InProgress() bool {
	switch s {
	case StateInitial, StateUpdating, StateUpgrading, StateScaling, StateRemoving,
		StateDraining, StateMigrating, StateDeleting:
		return true
	}
	return false
}

// Failed reports whether the last operation failed: failed,
// updating_failed, delete_failed.
func (s State) Failed() bool {
	return s == StateFailed || s == StateUpdatingFailed || s == StateDeleteFailed
}

// Gone reports whether the cluster no longer exists: deleted.
func (s State) Gone() bool { return s == StateDeleted }

// Stable reports whether the cluster exists and nothing is in progress,
// so that its state changes only on a new call or an outside event:
// running, the failed states, waiting, disconnected, inactive, unavailable
// and stopped. A waiter that sees a stable state other than its target
// can stop waiting. Stable means the same in every package: nodepool's
// State.Stable is true for active and failed.
func (s State) Stable() bool { return s.Known() && !s.InProgress() && !s.Gone() }

// IsFailed is the earlier name of Failed.
//
// Deprecated: use Failed; IsFailed will be removed in the next release.
func (s State) IsFailed() bool { return s.Failed() }

// IsGone is the earlier name of Gone.
//
// Deprecated: use Gone; IsGone will be removed in the next release.
func (s State) IsGone() bool { return s.Gone() }

// IsStable is the earlier name of Stable.
//
// Deprecated: use Stable; IsStable will be removed in the next release.
func (s State) IsStable() bool { return s.Stable() }
