package fake

import "github.com/ackgo/ack/internal/wire"

// renderUpgradeStatus renders GetUpgradeStatus from a read of the
// cluster's last upgrade: status running, pause, success or fail, and the
// step prechecking, upgrading, pause or success (not_start, with an empty
// status, before any upgrade and after a cancel), with the upgrade's task.
func renderUpgradeStatus(u upgradeRead) wire.UpgradeStatus {
	if u.none {
		return wire.UpgradeStatus{Status: "", UpgradeStep: stepNotStart}
	}
	out := wire.UpgradeStatus{Status: u.status, UpgradeStep: u.step, ErrorMessage: u.message, PrecheckReportID: u.precheckID}
	task := &wire.UpgradeTaskStatus{Status: "running", Message: "upgrading the control plane of cluster " + u.clusterID + " to " + u.to}
	switch u.status {
	case upgradeSuccess:
		task.Status, task.Message = "Success", "the control plane runs "+u.to
	case upgradeFail:
		task.Status, task.Message = "Failed", u.message
	case upgradeRunning:
		if u.step == stepPrechecking {
			task.Message = "prechecking cluster " + u.clusterID + " for " + u.to
		}
	}
	out.UpgradeTask = task
	return out
}
