package version

import "fmt"

// SkewError says that nodes would run a newer minor than their control
// plane: a node pool may run the control plane's minor or an older one,
// never a newer one, so the control plane is upgraded first.
// CheckNodeVersion returns it; reach it with errors.As.
type SkewError struct {
	// ControlPlane is the control plane's version.
	ControlPlane Version
	// Nodes is the version asked for the nodes.
	Nodes Version
}

// Error names both versions and the rule.
func (e *SkewError) Error() string {
	return fmt.Sprintf("version: nodes on %s would run a newer minor than their control plane on %s; upgrade the control plane to %s first",
		e.Nodes, e.ControlPlane, e.Nodes.MinorString())
}

// CheckNodeVersion reports whether nodes may run version nodes under a
// control plane on controlPlane: nil when nodes' minor is not newer than
// the control plane's (patches do not count), else a *SkewError. The
// node pool client checks an upgrade with it before the call, and the
// fake judges UpgradeClusterNodepool with it.
func CheckNodeVersion(controlPlane, nodes Version) error {
	if controlPlane.MinorVersion().Less(nodes.MinorVersion()) {
		return &SkewError{ControlPlane: controlPlane, Nodes: nodes}
	}
	return nil
}
