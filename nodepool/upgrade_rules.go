package nodepool

import (
	"strings"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/version"
)

// The rules of a node pool upgrade's Kubernetes version, reported at field
// "kubernetes_version" of UpgradeClusterNodepool's body.
const (
	// RuleUpgradeControlPlane: a node pool may not run a newer minor than
	// its cluster's control plane; upgrade the control plane first.
	RuleUpgradeControlPlane = "nodepool.upgrade.control_plane"
	// RuleUpgradeDowngrade: the version is older than the one the pool
	// runs.
	RuleUpgradeDowngrade = "nodepool.upgrade.downgrade"
	// RuleUpgradeVersion: the version is not a version string.
	RuleUpgradeVersion = "nodepool.upgrade.version"
)

// CheckUpgrade judges the Kubernetes version target asked for node pool
// poolID, which runs current, in a cluster whose control plane runs
// controlPlane: nil, or a *ack.ValidationError with one violation at
// field "kubernetes_version": RuleUpgradeVersion when target does not
// parse, RuleUpgradeControlPlane when its minor is newer than the control
// plane's (version.CheckNodeVersion), RuleUpgradeDowngrade when it is
// older than current. An empty target (an upgrade of the image or the
// runtime only) passes; so does a current or controlPlane that is empty
// or does not parse, for the rule that needs it. Client.Upgrade runs it
// before the call, the fake on every UpgradeClusterNodepool.
func CheckUpgrade(poolID, controlPlane, current, target string) error {
	if target == "" {
		return nil
	}
	refuse := func(rule, msg string) error {
		return &ack.ValidationError{Resource: "node pool " + poolID + " upgrade",
			Violations: []ack.Violation{{Rule: rule, Field: "kubernetes_version", Message: msg}}}
	}
	to, err := version.Parse(target)
	if err != nil {
		return refuse(RuleUpgradeVersion, strings.TrimPrefix(err.Error(), "version: "))
	}
	if cp, err := version.Parse(controlPlane); err == nil {
		if err := version.CheckNodeVersion(cp, to); err != nil {
			return refuse(RuleUpgradeControlPlane, strings.TrimPrefix(err.Error(), "version: "))
		}
	}
	if cur, err := version.Parse(current); err == nil && to.Less(cur) {
		return refuse(RuleUpgradeDowngrade, "is "+to.String()+", older than "+cur.String()+", the version the pool runs; downgrades are not supported")
	}
	return nil
}
