package fake

import (
	"fmt"

	"github.com/ackgo/ack"
)

// The fake's own rules for a State, besides the rules of the API's
// writes. They appear in refusals as the Rule of an *ack.Violation.
const (
	// RuleStateID: every cluster, node pool, node, task and container
	// instance has an ID, once; node addresses are unique in a cluster.
	RuleStateID = "fake.state.id"
	// RuleStateKnown: cluster, node pool, node and task states, node
	// roles, form fields and change kinds are ones that exist (a deleted
	// cluster is not in a State).
	RuleStateKnown = "fake.state.known"
	// RuleStateReference: nodes name pools of their cluster, changes name
	// nodes and pools of their resource, a serverless cluster has neither
	// nodes nor pools, container instances run on running serverless
	// clusters.
	RuleStateReference = "fake.state.reference"
	// RuleStateChange: a cluster or pool in a state that only a change
	// leaves (initial, updating, scaling, removing, deleting, upgrading)
	// has that change; a change fits its resource's state and tracks a
	// running task of that resource, and every running task is tracked by
	// a change.
	RuleStateChange = "fake.state.change"
	// RuleStateNetwork: VPC and vSwitch IDs and CIDRs are well formed.
	RuleStateNetwork = "fake.state.network"
	// RuleStateSpecPools: a cluster's node pools are in
	// ClusterState.NodePools, not in its Spec.
	RuleStateSpecPools = "fake.state.spec-node-pools"
)

// StateError is a State that Restore (or WithState, or PUT /_fake/state)
// refused. Err is why: an *ack.ValidationError for the domain packages'
// rules and the fake's state rules (RuleStateID, ...), or the *Error the
// API would have answered the write with (the network's admission, the
// quotas).
type StateError struct {
	// Path names the refused part, for example "clusters[3].node_pools[0]".
	Path string
	// Err is the refusal.
	Err error
}

// Error returns "fake: state <path>: <refusal>".
func (e *StateError) Error() string { return "fake: state " + e.Path + ": " + e.Err.Error() }

// Unwrap returns the refusal.
func (e *StateError) Unwrap() error { return e.Err }

// stateRule returns a StateError at path breaking one of the fake's state
// rules, for field.
func stateRule(path, rule, field, format string, args ...any) *StateError {
	return &StateError{Path: path, Err: &ack.ValidationError{Resource: "state", Violations: []ack.Violation{{
		Rule: rule, Field: field, Message: fmt.Sprintf(format, args...)}}}}
}

// refused wraps the API's answer to a write as a StateError at path.
func refused(path string, e *Error) *StateError { return &StateError{Path: path, Err: e} }
