package cluster

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/optfn"
	"github.com/ackgo/ack/internal/waiter"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/version"
)

// UpgradeOptions say how Client.Upgrade upgrades a cluster. The zero value
// upgrades the control plane and the node pools, judged only against the
// cluster's own version (the target must be newer).
type UpgradeOptions struct {
	// Catalog, when set, judges the target before UpgradeCluster is sent
	// (CheckUpgrade: the next minor only or a newer patch, not a
	// downgrade, neither minor retired, offered by the catalog). Read it
	// with version.Client.Catalog (Upgradable set), or synthesize it with
	// version.Timeline.Catalog.
	Catalog *version.Catalog
	// ControlPlaneOnly upgrades the control plane alone (master_only): the
	// node pools keep their version, for nodepool.Client.Upgrade.
	ControlPlaneOnly bool
}

// Upgrade upgrades the cluster to version target (UpgradeCluster) and
// returns an Operation to wait for the cluster to run it. The target is
// parsed before any call; then the cluster and its upgrade status are
// read, and the target judged against the cluster's version: newer, and,
// with UpgradeOptions.Catalog, as CheckUpgrade says. A refusal is a
// *ack.ValidationError whose rules are CheckUpgrade's (RuleUpgradeSkip,
// ...), whether this client or the server refused.
//
// A lost answer never starts a second upgrade: after an ambiguous outcome
// the retry step reads the cluster and its upgrade status before any
// re-send, and a cluster that is upgrading, runs the target already, or
// whose upgrade status changed since the first read counts as upgraded
// (the Operation then follows the upgrade status without the task's ID).
//
// Wait follows GetUpgradeStatus until the upgrade succeeds, then the
// cluster until it is running on target. A failed or cancelled upgrade
// ends in a *ack.TaskFailedError with the upgrade's error.
func (c *Client) Upgrade(ctx context.Context, id, target string, optFns ...func(*UpgradeOptions)) (*Operation, error) {
	fail := func(err error) (*Operation, error) { return nil, opError("cluster", id, "upgrade", err) }
	if err := checkID("cluster", id); err != nil {
		return fail(err)
	}
	o := optfn.Apply(optFns)
	to, err := ParseUpgradeTarget(id, target)
	if err != nil {
		return nil, err
	}
	before, err := c.describe(ctx, id)
	if err != nil {
		return fail(err)
	}
	if err := checkUpgradeOf(id, before.Spec.KubernetesVersion, to, o.Catalog); err != nil {
		return nil, err
	}
	// The status before the call tells a lost answer's upgrade from an
	// earlier one. A cluster ACK keeps no upgrade status for (an error
	// answer) is reconciled from its state and version alone.
	statusBefore, err := c.upgradeStatus(ctx, id)
	if _, answered := errors.AsType[*ack.APIError](err); err != nil && !answered {
		return fail(err)
	}
	req := wire.NewRequest(wire.ActionUpgradeCluster, id)
	if req.Body, err = json.Marshal(wire.UpgradeClusterRequest{NextVersion: to.String(), MasterOnly: o.ControlPlaneOnly}); err != nil {
		return fail(err)
	}
	req.Retry = ack.Reconcile
	req.Reconcile = func(ctx context.Context, _ error) (*ack.Response, error) {
		now, err := c.describe(ctx, id)
		if err != nil {
			return nil, err
		}
		started := now.State == StateUpgrading || sameVersion(now.Spec.KubernetesVersion, to)
		if !started && statusBefore != nil {
			st, err := c.upgradeStatus(ctx, id)
			if err != nil {
				return nil, err
			}
			started = !st.sameAs(statusBefore)
		}
		if !started {
			return nil, nil
		}
		return waiter.Answer(wire.UpgradeClusterResponse{ClusterID: id}, now.RequestID)
	}
	resp, err := c.do(ctx, req)
	if err != nil {
		return fail(fmt.Errorf("to %s: %w", to, err))
	}
	out, err := wire.Decode[wire.UpgradeClusterResponse](resp.Body)
	if err != nil {
		return fail(err)
	}
	return c.newUpgradeOperation(id, out.TaskID, resp.RequestID, to.String()), nil
}

// checkUpgradeOf judges an upgrade of cluster id, which runs current, to
// to: with a catalog by CheckUpgrade, without one only that to is newer.
// A current version that does not parse leaves the judgement to ACK.
func checkUpgradeOf(id, current string, to version.Version, cat *version.Catalog) error {
	from, err := version.Parse(current)
	if err != nil {
		return nil
	}
	if cat != nil {
		return CheckUpgrade(id, *cat, from, to)
	}
	if to.Compare(from) <= 0 {
		ue := &version.UpgradeError{From: from, To: to, Hop: version.Hop{From: from, To: to}, Reason: version.ReasonDowngrade, Minor: to.MinorVersion()}
		return upgradeRefusal(id, RuleUpgradeDowngrade, strings.TrimPrefix(ue.Error(), "version: "))
	}
	return nil
}

// sameVersion reports whether version string s is v.
func sameVersion(s string, v version.Version) bool {
	p, err := version.Parse(s)
	return err == nil && p == v
}

// newUpgradeOperation returns an upgrade to follow: its task phase reads
// GetUpgradeStatus (with or without the task's ID), its cluster phase
// waits for the cluster to run target.
func (c *Client) newUpgradeOperation(clusterID, taskID, requestID, target string) *Operation {
	return &Operation{client: c, kind: KindUpgrade, clusterID: clusterID, taskID: taskID, requestID: requestID, target: target}
}

// upgradeResource says how an upgrade's wait reads its status and judges
// its cluster.
func (op *Operation) upgradeResource() waiter.Resource[*Cluster] {
	c, clusterID, target := op.client, op.clusterID, op.target
	want, _ := version.Parse(target)
	return waiter.Resource[*Cluster]{
		Kind: "cluster", Noun: "cluster", ID: clusterID, TaskID: op.taskID, StatusTask: true,
		Phase: PhaseCluster, Target: runningOn(target),
		ReadTask: func(ctx context.Context, taskID string) (waiter.TaskStatus, error) {
			return c.upgradeTask(ctx, clusterID, taskID)
		},
		Read: func(ctx context.Context) (*Cluster, error) { return c.describe(ctx, clusterID) },
		Judge: func(cl *Cluster) (string, waiter.Verdict) {
			s := cl.State
			switch {
			case s.Failed(), s == StateDeleting, s == StateDeleted:
				return string(s), waiter.Broken
			case s != StateRunning:
				return string(s), waiter.Pending
			case sameVersion(cl.Spec.KubernetesVersion, want):
				return runningOn(target), waiter.Reached
			}
			return runningOn(cl.Spec.KubernetesVersion), waiter.Broken
		},
	}
}

// runningOn is the state of a running cluster on version v, as an
// upgrade's wait reports it: "running on 1.34.1-aliyun.1".
func runningOn(v string) string { return string(StateRunning) + " on " + v }

// CodeUpgradeFailed is the Code of the *ack.TaskFailedError of an upgrade
// whose status is fail when its task's own error is not known.
const CodeUpgradeFailed = "UpgradeFailed"

// upgradeTask reads the upgrade status as the state of the upgrade's
// task: success, failed (with the task's error code when its ID is known,
// else CodeUpgradeFailed, and the status's error message), or the step
// the upgrade is at (prechecking, upgrading, pause).
func (c *Client) upgradeTask(ctx context.Context, clusterID, taskID string) (waiter.TaskStatus, error) {
	st, err := c.upgradeStatus(ctx, clusterID)
	if err != nil {
		return waiter.TaskStatus{}, err
	}
	switch {
	case st.Succeeded():
		return waiter.TaskStatus{State: TaskSuccess}, nil
	case st.Failed():
		ts := waiter.TaskStatus{State: TaskFailed, Code: CodeUpgradeFailed, Message: st.Error}
		if ts.Message == "" {
			ts.Message = st.TaskMessage
		}
		if taskID != "" {
			if t, err := waiter.ReadTask(ctx, c.do, taskID); err == nil && t.Status().Code != "" {
				ts.Code = t.Status().Code
				if m := t.Status().Message; m != "" {
					ts.Message = m
				}
			}
		}
		return ts, nil
	case st.Step != "":
		return waiter.TaskStatus{State: st.Step}, nil
	}
	return waiter.TaskStatus{State: st.Status}, nil
}
