package cluster

import (
	"errors"
	"strings"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/version"
)

// The rules of an upgrade's target, one per reason of version.UpgradeError.
// CheckUpgrade reports them at field "next_version", the field of
// UpgradeCluster's body.
const (
	// RuleUpgradeDowngrade: the target is not newer than the cluster's
	// version.
	RuleUpgradeDowngrade = "cluster.upgrade.downgrade"
	// RuleUpgradeSkip: the target skips a minor; upgrades go to the next
	// minor only.
	RuleUpgradeSkip = "cluster.upgrade.skip"
	// RuleUpgradeRetired: the cluster's minor, or the target's, is
	// retired: no support, upgrade channel closed.
	RuleUpgradeRetired = "cluster.upgrade.retired"
	// RuleUpgradeUnreleased: the target's minor is not released yet.
	RuleUpgradeUnreleased = "cluster.upgrade.unreleased"
	// RuleUpgradeNotOffered: the catalog does not offer the target as an
	// upgrade of the cluster's version (a patch it does not list, or a
	// minor whose upgrade path has not shipped).
	RuleUpgradeNotOffered = "cluster.upgrade.not_offered"
	// RuleUpgradeUnknown: the catalog holds no release of the cluster's
	// minor or of the target's.
	RuleUpgradeUnknown = "cluster.upgrade.unknown"
	// RuleUpgradeVersion: the target is not a version string.
	RuleUpgradeVersion = "cluster.upgrade.version"
)

// upgradeRules maps the reasons of version.UpgradeError to the rules.
var upgradeRules = map[version.Reason]string{
	version.ReasonDowngrade:        RuleUpgradeDowngrade,
	version.ReasonSkip:             RuleUpgradeSkip,
	version.ReasonRetired:          RuleUpgradeRetired,
	version.ReasonUnreleased:       RuleUpgradeUnreleased,
	version.ReasonNoUpgradePathYet: RuleUpgradeNotOffered,
	version.ReasonNotOffered:       RuleUpgradeNotOffered,
	version.ReasonUnknown:          RuleUpgradeUnknown,
}

// CheckUpgrade judges an upgrade of cluster clusterID from version from
// to version to, as catalog cat stands (version.Catalog.CanUpgrade: the
// next minor only, or a newer patch of the same minor; not a downgrade;
// neither minor retired; a target the catalog offers). It returns nil or
// a *ack.ValidationError with one violation at field "next_version",
// rule RuleUpgradeSkip, RuleUpgradeDowngrade, ... and the
// version.UpgradeError's text, for example
//
//	cluster c-1 upgrade: invalid: next_version: upgrade 1.30.7-aliyun.1 to 1.34.1-aliyun.1: the hop skips 1.32; upgrades go one minor at a time [cluster.upgrade.skip]
//
// Client.Upgrade runs it before UpgradeCluster when given a catalog; the
// fake runs it on every UpgradeCluster, with the catalog of its clock
// (retired minors included, version.Timeline.FullCatalog).
func CheckUpgrade(clusterID string, cat version.Catalog, from, to version.Version) error {
	err := cat.CanUpgrade(from, to)
	if err == nil {
		return nil
	}
	rule := RuleUpgradeNotOffered
	if ue, ok := errors.AsType[*version.UpgradeError](err); ok {
		if r, ok := upgradeRules[ue.Reason]; ok {
			rule = r
		}
	}
	return upgradeRefusal(clusterID, rule, strings.TrimPrefix(err.Error(), "version: "))
}

// upgradeRefusal is the validation error of an upgrade of a cluster.
func upgradeRefusal(clusterID, rule, msg string) error {
	return &ack.ValidationError{
		Resource:   "cluster " + clusterID + " upgrade",
		Violations: []ack.Violation{{Rule: rule, Field: "next_version", Message: msg}},
	}
}

// ParseUpgradeTarget reads the target of an upgrade of cluster clusterID,
// or refuses it with rule RuleUpgradeVersion at field "next_version".
func ParseUpgradeTarget(clusterID, target string) (version.Version, error) {
	v, err := version.Parse(target)
	if err != nil {
		return version.Version{}, upgradeRefusal(clusterID, RuleUpgradeVersion, strings.TrimPrefix(err.Error(), "version: "))
	}
	return v, nil
}
