package fake

import (
	"time"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/nodepool"
)

// upgradeCluster starts UpgradeCluster: the target (next_version, or the
// deprecated version) is judged by cluster.CheckUpgrade against the
// fake's catalog at its clock, retired minors included: the next minor
// only (or a newer patch), not a downgrade, neither minor retired. The
// cluster must be running: a second upgrade while one runs or is paused
// is refused with ErrorClusterState.
func (c *Cloud) upgradeCluster(r *request) answer {
	var body wire.UpgradeClusterRequest
	return c.onCluster(r, &body, func(rec *clusterRec, now time.Time) answer {
		target := body.NextVersion
		if target == "" {
			target = body.Version
		}
		if target == "" {
			return fail(NewError(InvalidParameter, "UpgradeCluster of cluster %s: next_version is required", rec.id))
		}
		if run := rec.activeUpgrade(); run != nil {
			status, step := run.progress(now)
			return fail(NewError(ErrorClusterState, "cluster %s is already upgrading from %s to %s (status %s, step %s); wait for it, or cancel it, before another upgrade",
				rec.id, run.from, run.to, status, step))
		}
		if e := runningLocked(rec, r.route.Action); e != nil {
			return fail(e)
		}
		to, err := cluster.ParseUpgradeTarget(rec.id, target)
		if err != nil {
			return fail(refusal(err))
		}
		from, err := cluster.ParseUpgradeTarget(rec.id, rec.extra.version)
		if err != nil {
			return fail(NewError(ErrorClusterState, "cluster %s runs %q, which the fake cannot upgrade: %v", rec.id, rec.extra.version, err))
		}
		if err := cluster.CheckUpgrade(rec.id, c.upgradeCatalog(now), from, to); err != nil {
			return fail(refusal(err))
		}
		params := map[string]any{"from_version": rec.extra.version, "next_version": to.String(), "master_only": body.MasterOnly}
		run := c.st.startUpgradeLocked(rec, to.String(), body.MasterOnly, params, now)
		return ok(wire.UpgradeClusterResponse{ClusterID: rec.id, TaskID: run.task.id, RequestID: r.id})
	})
}

// getUpgradeStatus answers GetUpgradeStatus for the cluster's last
// upgrade at the clock: status running, pause, success or fail, and the
// step prechecking, upgrading, pause or success (not_start, with an empty
// status, before any upgrade and after a cancel). A read counts as a poll
// of the cluster.
func (c *Cloud) getUpgradeStatus(r *request) answer {
	c.st.mu.Lock()
	defer c.st.mu.Unlock()
	now := c.now()
	rec, e := c.st.clusterLocked(r.params[wire.ParamClusterID], now, true)
	if e != nil {
		return fail(e)
	}
	var run *upgradeRun
	if rec.upgrades != nil {
		run = rec.upgrades.run
	}
	if run == nil {
		return ok(wire.UpgradeStatus{Status: "", UpgradeStep: stepNotStart})
	}
	status, step := run.progress(now)
	out := wire.UpgradeStatus{Status: status, UpgradeStep: step, ErrorMessage: run.message, PrecheckReportID: run.precheckID}
	task := &wire.UpgradeTaskStatus{Status: "running", Message: "upgrading the control plane of cluster " + rec.id + " to " + run.to}
	switch status {
	case upgradeSuccess:
		task.Status, task.Message = "Success", "the control plane runs "+run.to
	case upgradeFail:
		task.Status, task.Message = "Failed", run.message
	case upgradeRunning:
		if step == stepPrechecking {
			task.Message = "prechecking cluster " + rec.id + " for " + run.to
		}
	}
	out.UpgradeTask = task
	return ok(out)
}

// pauseClusterUpgrade pauses the running upgrade; an upgrade that is not
// running (none, paused, ended) is refused with ErrorClusterState.
func (c *Cloud) pauseClusterUpgrade(r *request) answer {
	return c.onCluster(r, nil, func(rec *clusterRec, now time.Time) answer {
		run := rec.activeUpgrade()
		if run == nil || run.paused {
			return fail(c.noUpgrade(rec, "running", "PauseClusterUpgrade"))
		}
		run.pauseLocked(rec, now)
		return answer{status: 200}
	})
}

// resumeUpgradeCluster continues a paused upgrade; the time it was paused
// does not count towards its progression.
func (c *Cloud) resumeUpgradeCluster(r *request) answer {
	return c.onCluster(r, nil, func(rec *clusterRec, now time.Time) answer {
		run := rec.activeUpgrade()
		if run == nil || !run.paused {
			return fail(c.noUpgrade(rec, "paused", "ResumeUpgradeCluster"))
		}
		c.st.resumeUpgradeLocked(rec, run, now)
		return answer{status: 200}
	})
}

// cancelClusterUpgrade stops a running or paused upgrade: its task fails
// with CodeUpgradeCancelled and the cluster runs on its old version.
func (c *Cloud) cancelClusterUpgrade(r *request) answer {
	return c.onCluster(r, nil, func(rec *clusterRec, now time.Time) answer {
		run := rec.activeUpgrade()
		if run == nil {
			return fail(c.noUpgrade(rec, "running or paused", "CancelClusterUpgrade"))
		}
		c.st.cancelUpgradeLocked(rec, run, now)
		return answer{status: 200}
	})
}

// noUpgrade refuses a call that needs an upgrade in a state the cluster's
// last upgrade is not in.
func (c *Cloud) noUpgrade(rec *clusterRec, want, action string) *Error {
	if rec.upgrades == nil || rec.upgrades.run == nil {
		return NewError(ErrorClusterState, "cluster %s has no upgrade; %s needs one %s", rec.id, action, want)
	}
	run := rec.upgrades.run
	return NewError(ErrorClusterState, "the upgrade of cluster %s to %s is %s; %s needs it %s", rec.id, run.to, run.status, action, want)
}

// upgradeClusterNodepool upgrades a node pool (UpgradeClusterNodepool):
// the body is judged by nodepool.UpgradeOptions.Validate (the rolling
// policy) and the Kubernetes version by nodepool.CheckUpgrade (not a newer
// minor than the control plane, not a downgrade); an image or runtime
// given replaces the pool's. The cluster must be running and the pool
// active; the pool is upgrading until the change completes.
func (c *Cloud) upgradeClusterNodepool(r *request) answer {
	var body wire.UpgradeNodePoolRequest
	return c.onPool(r, &body, func(rec *clusterRec, p *poolRec, now time.Time) answer {
		st := c.st
		opts, err := nodepool.UpgradeOptionsFromRequest(r.body)
		if err != nil {
			return fail(NewError(InvalidParameterFormat, "UpgradeClusterNodepool body: %v", err))
		}
		if err := opts.Validate(p.id); err != nil {
			return fail(refusal(err))
		}
		if err := nodepool.CheckUpgrade(p.id, rec.extra.version, rec.poolVersion(p.id), body.KubernetesVersion); err != nil {
			return fail(refusal(err))
		}
		if e := runningLocked(rec, r.route.Action); e != nil {
			return fail(e)
		}
		if e := st.busyPoolLocked(rec, p, r.route.Action); e != nil {
			return fail(e)
		}
		target := body.KubernetesVersion
		if target == "" {
			target = rec.poolVersion(p.id)
		}
		params := map[string]any{"nodepool_id": p.id, "kubernetes_version": target}
		t := st.startPoolLocked(rec, p, poolChange{
			kind: ChangeUpgradeNodePool, taskType: TaskTypeUpgradeNodePool, state: nodepool.StateUpgrading, params: params,
			apply: func() {
				u := rec.upgradesOf()
				if target == rec.extra.version {
					delete(u.pools, p.id)
				} else {
					u.pools[p.id] = target
				}
				if body.RuntimeType != "" {
					p.spec.Runtime = nodepool.Runtime(body.RuntimeType)
				}
				if body.RuntimeVersion != "" {
					p.spec.RuntimeVersion = body.RuntimeVersion
				}
			},
		}, now)
		return ok(wire.UpgradeNodePoolResponse{RequestID: r.id, TaskID: t.id})
	})
}
