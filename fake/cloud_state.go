package fake

// WithState starts the Cloud from a State instead of an empty world, as
// Restore loads it: New panics, like for any malformed option, when the
// State is refused (a test's mistake); NewServer returns the error. Reset
// empties the world as usual; it does not load s again (Restore does).
func WithState(s State) Option {
	return func(set *settings) { set.state = &s }
}

// Snapshot returns the Cloud's world as a State: a deep copy taken at the
// clock's now, after every change due by then has completed. Nothing done
// to the Cloud afterwards changes it, and nothing done to it changes the
// Cloud.
func (c *Cloud) Snapshot() State { return c.st.snapshotState() }

// Restore replaces the Cloud's world (clusters, node pools, nodes, tasks,
// changes in progress, container instances, network, account, limits,
// injected failures) with s, at once, or refuses s and changes nothing.
// Reactors, fault rules, the call log and the principal are not part of
// the world and stay.
//
// s is checked with the rules of the API's writes that would have made
// it: a cluster's Spec by the cluster package's create rules and the
// fake's region rule, a pool's by the nodepool package's create rules, the
// network by the admission CreateCluster and CreateClusterNodePool run
// (unknown vSwitches in a strict network, vSwitches of another VPC,
// overlapping CIDRs), the sizes by the account's limits (not its
// prerequisites, which judge purchases), and the fake's state rules
// (RuleStateID and the others). A refusal is a *StateError wrapping the
// *ack.ValidationError or the *Error of the broken rule.
//
// A change in progress continues on the clock from where s left it: its
// end is built from its data by the code the API's change uses; a
// control-plane upgrade goes on (or stays paused) from its UpgradeState.
// The clock moves forward to s.Now, never back: a change due by then has
// completed when next read. The counters never go below the Cloud's own,
// so no ID is handed out twice. The billing meter restarts from what s
// holds: each cluster's state from its last change, each node from its
// creation, each container instance from its start; what ended before s
// was taken is not billed again.
func (c *Cloud) Restore(s State) error { return c.st.restoreState(s) }
