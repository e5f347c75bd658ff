package cluster

import (
	"context"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/wire"
)

// The statuses of an upgrade, UpgradeStatus.Status.
const (
	// UpgradeRunning: the upgrade is prechecking or upgrading.
	UpgradeRunning = "running"
	// UpgradeSucceeded: the upgrade ended in success.
	UpgradeSucceeded = "success"
	// UpgradeFailed: the upgrade failed, or was cancelled.
	UpgradeFailed = "fail"
	// UpgradePaused: the upgrade is paused (PauseUpgrade).
	UpgradePaused = "pause"
)

// The steps of an upgrade, UpgradeStatus.Step.
const (
	// StepNotStarted: no upgrade has started (or the last was cancelled).
	StepNotStarted = "not_start"
	// StepPrechecking: ACK checks the cluster before it upgrades.
	StepPrechecking = "prechecking"
	// StepUpgrading: the control plane (and the nodes) are upgraded.
	StepUpgrading = "upgrading"
	// StepPaused: the upgrade is paused.
	StepPaused = "pause"
	// StepSucceeded: the upgrade is done.
	StepSucceeded = "success"
)

// UpgradeStatus is the state of a cluster's last upgrade, as
// GetUpgradeStatus reports it.
type UpgradeStatus struct {
	// ClusterID identifies the cluster.
	ClusterID string
	// Status is UpgradeRunning, UpgradeSucceeded, UpgradeFailed or
	// UpgradePaused; empty when the cluster was never upgraded.
	Status string
	// Step is StepPrechecking, StepUpgrading, StepPaused, StepSucceeded or
	// StepNotStarted.
	Step string
	// Error says why a failed upgrade failed.
	Error string
	// PrecheckReportID identifies the report of the upgrade's precheck.
	PrecheckReportID string
	// TaskStatus and TaskMessage are the upgrade task's (upgrade_task):
	// running, Success or Failed, and what it does.
	TaskStatus, TaskMessage string
	// RequestID identifies the call that read the status.
	RequestID string
}

// Running reports whether the upgrade runs (prechecking or upgrading).
func (s *UpgradeStatus) Running() bool { return s.Status == UpgradeRunning }

// Paused reports whether the upgrade is paused.
func (s *UpgradeStatus) Paused() bool { return s.Status == UpgradePaused }

// Succeeded reports whether the upgrade ended in success.
func (s *UpgradeStatus) Succeeded() bool { return s.Status == UpgradeSucceeded }

// Failed reports whether the upgrade failed or was cancelled.
func (s *UpgradeStatus) Failed() bool { return s.Status == UpgradeFailed || s.Status == TaskFailed }

// sameAs reports whether two reads saw the same upgrade in the same
// state (the request IDs aside).
func (s *UpgradeStatus) sameAs(o *UpgradeStatus) bool {
	a, b := *s, *o
	a.RequestID, b.RequestID = "", ""
	return a == b
}

// UpgradeStatus reads the state of the cluster's last upgrade
// (GetUpgradeStatus).
func (c *Client) UpgradeStatus(ctx context.Context, id string) (*UpgradeStatus, error) {
	st, err := c.upgradeStatus(ctx, id)
	if err != nil {
		return nil, opError("cluster", id, "upgrade status", err)
	}
	return st, nil
}

// upgradeStatus reads the upgrade status without wrapping the error.
func (c *Client) upgradeStatus(ctx context.Context, id string) (*UpgradeStatus, error) {
	if err := checkID("cluster", id); err != nil {
		return nil, err
	}
	resp, err := c.do(ctx, wire.NewRequest(wire.ActionGetUpgradeStatus, id))
	if err != nil {
		return nil, err
	}
	w, err := wire.Decode[wire.UpgradeStatus](resp.Body)
	if err != nil {
		return nil, err
	}
	st := &UpgradeStatus{ClusterID: id, Status: w.Status, Step: w.UpgradeStep, Error: w.ErrorMessage,
		PrecheckReportID: w.PrecheckReportID, RequestID: resp.RequestID}
	if t := w.UpgradeTask; t != nil {
		st.TaskStatus, st.TaskMessage = t.Status, t.Message
	}
	return st, nil
}

// PauseUpgrade pauses the cluster's running upgrade
// (PauseClusterUpgrade); ResumeUpgrade continues it. A lost answer is
// reconciled from the upgrade status: a paused upgrade counts as paused.
func (c *Client) PauseUpgrade(ctx context.Context, id string) error {
	return c.upgradeControl(ctx, id, wire.ActionPauseClusterUpgrade, "pause upgrade", (*UpgradeStatus).Paused)
}

// ResumeUpgrade continues the cluster's paused upgrade
// (ResumeUpgradeCluster). A lost answer is reconciled from the upgrade
// status: an upgrade that runs or has ended counts as resumed.
func (c *Client) ResumeUpgrade(ctx context.Context, id string) error {
	return c.upgradeControl(ctx, id, wire.ActionResumeUpgradeCluster, "resume upgrade",
		func(s *UpgradeStatus) bool { return !s.Paused() })
}

// CancelUpgrade stops the cluster's running or paused upgrade
// (CancelClusterUpgrade): the cluster keeps its version, and a wait on the
// upgrade ends in a *ack.TaskFailedError. A lost answer is reconciled from
// the upgrade status: a failed upgrade counts as cancelled.
func (c *Client) CancelUpgrade(ctx context.Context, id string) error {
	return c.upgradeControl(ctx, id, wire.ActionCancelClusterUpgrade, "cancel upgrade", (*UpgradeStatus).Failed)
}

// upgradeControl sends one of the bodiless upgrade calls; after an
// ambiguous outcome, done says from the upgrade status whether it took
// effect.
func (c *Client) upgradeControl(ctx context.Context, id, action, what string, done func(*UpgradeStatus) bool) error {
	if err := checkID("cluster", id); err != nil {
		return opError("cluster", id, what, err)
	}
	req := wire.NewRequest(action, id)
	req.Retry = ack.Reconcile
	req.Reconcile = func(ctx context.Context, _ error) (*ack.Response, error) {
		st, err := c.upgradeStatus(ctx, id)
		if err != nil {
			return nil, err
		}
		if !done(st) {
			return nil, nil
		}
		return &ack.Response{StatusCode: 200, RequestID: st.RequestID}, nil
	}
	if _, err := c.do(ctx, req); err != nil {
		return opError("cluster", id, what, err)
	}
	return nil
}
