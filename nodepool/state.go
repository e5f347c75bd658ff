package nodepool

// State is a node pool's lifecycle state, the "status.state" field of
// DescribeClusterNodePoolDetail. States this package does not know are
// kept as they are; every helper answers false for them.
type State string

// The states ACK reports (API reference, node pool states). A deleted pool
// has no state: reads answer ErrorNodePoolNotFound.
const (
	// StateInitial: the pool is being created.
	StateInitial State = "initial"
	// StateActive: created and steady.
	StateActive State = "active"
	// StateScaling: nodes are being added.
	StateScaling State = "scaling"
	// StateRemoving: nodes are being removed.
	StateRemoving State = "removing"
	// StateUpdating: a configuration change is in progress.
	StateUpdating State = "updating"
	// StateUpgrading: the nodes are being upgraded.
	StateUpgrading State = "upgrading"
	// StateRepairing: nodes are being repaired.
	StateRepairing State = "repairing"
	// StateDeleting: the pool is being deleted.
	StateDeleting State = "deleting"
	// StateFailed: creation failed.
	StateFailed State = "failed"
)

// States returns every state this package knows.
func States() []State {
	return []State{
		StateInitial, StateActive, StateScaling, StateRemoving, StateUpdating,
		StateUpgrading, StateRepairing, StateDeleting, StateFailed,
	}
}

// Known reports whether this package knows the state.
func (s State) Known() bool {
	return s == StateActive || s == StateFailed || s.InProgress()
}

// Stable reports whether the pool exists and nothing is in progress, so
// that its state changes only on a new call or an outside event: active
// and failed. It means what cluster's State.Stable means; Active tells
// the steady, healthy state apart.
func (s State) Stable() bool { return s.Known() && !s.InProgress() }

// Active reports whether the pool is created and steady: nothing is in
// progress and it has not failed. Scale and the waits of an Operation
// wait for it.
func (s State) Active() bool { return s == StateActive }

// InProgress reports whether an operation is running on the pool, so that
// a wait goes on: initial, scaling, removing, updating, upgrading,
// repairing or deleting.
func (s State) InProgress() bool {
	switch s {
	case StateInitial, StateScaling, StateRemoving, StateUpdating,
		StateUpgrading, StateRepairing, StateDeleting:
		return true
	}
	return false
}

// Failed reports whether the pool failed; a wait ends with an error.
func (s State) Failed() bool { return s == StateFailed }
