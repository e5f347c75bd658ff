package fake

import (
	"cmp"
	"fmt"
	"time"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/version"
)

// The kinds of change of upgrades (see Change, Progression and FailNext).
const (
	// ChangeUpgradeCluster upgrades a cluster's control plane
	// (UpgradeCluster): the cluster is upgrading, first prechecking (the
	// first quarter of the progression), then upgrading, then running on
	// the new version.
	ChangeUpgradeCluster Change = "cluster-upgrade"
	// ChangeUpgradeNodePool upgrades a node pool (UpgradeClusterNodepool):
	// upgrading → active.
	ChangeUpgradeNodePool Change = "nodepool-upgrade"
)

// Task types of upgrades, as DescribeTaskInfo reports them.
const (
	// TaskTypeUpgrade is the task of a cluster upgrade.
	TaskTypeUpgrade = "cluster_upgrade"
	// TaskTypeUpgradeNodePool is the task of a node pool upgrade.
	TaskTypeUpgradeNodePool = "nodepool_upgrade"
)

// The statuses and steps of GetUpgradeStatus (API.md 8.2).
const (
	upgradeRunning = "running"
	upgradeSuccess = "success"
	upgradeFail    = "fail"
	upgradePause   = "pause"

	stepNotStart    = "not_start"
	stepPrechecking = "prechecking"
	stepUpgrading   = "upgrading"
	stepPause       = "pause"
	stepSuccess     = "success"
)

// CodeUpgradeCancelled is the error code of the task of an upgrade that
// CancelClusterUpgrade stopped.
const CodeUpgradeCancelled = "UpgradeCancelled"

// upgrades is what a cluster keeps of its upgrades: the last one, and the
// Kubernetes versions of its node pools that do not follow the control
// plane.
type upgrades struct {
	// run is the last upgrade, running, paused or ended; nil before the
	// first.
	run *upgradeRun
	// pools holds the version of each node pool that runs another version
	// than the control plane (after a control-plane-only upgrade); a pool
	// without an entry runs the control plane's.
	pools map[string]string
}

// upgradeRun is one upgrade of a cluster's control plane.
type upgradeRun struct {
	from, to   string
	masterOnly bool
	task       *taskRec
	// op is the change; while the upgrade is paused it is detached from
	// the cluster and the task, so that nothing settles it.
	op       *pending
	paused   bool
	pausedAt time.Time
	// status, step and message are what GetUpgradeStatus answers once the
	// upgrade ended (while it runs they follow the clock, see progress).
	status, step, message string
	precheckID            string
}

// upgradesOf returns the cluster's upgrade record, creating it.
func (rec *clusterRec) upgradesOf() *upgrades {
	if rec.upgrades == nil {
		rec.upgrades = &upgrades{pools: map[string]string{}}
	}
	return rec.upgrades
}

// activeUpgrade returns the cluster's upgrade that runs or is paused.
func (rec *clusterRec) activeUpgrade() *upgradeRun {
	if rec.upgrades == nil || rec.upgrades.run == nil {
		return nil
	}
	if run := rec.upgrades.run; run.status == upgradeRunning || run.status == upgradePause {
		return run
	}
	return nil
}

// poolVersion returns the Kubernetes version a node pool runs.
func (rec *clusterRec) poolVersion(poolID string) string {
	if rec.upgrades != nil {
		if v, ok := rec.upgrades.pools[poolID]; ok {
			return v
		}
	}
	return rec.extra.version
}

// noUpgrade refuses a call (action) that needs an upgrade in state want,
// which the cluster's last upgrade is not in.
func noUpgrade(rec *clusterRec, want, action string) *Error {
	if rec.upgrades == nil || rec.upgrades.run == nil {
		return NewError(ErrorClusterState, "cluster %s has no upgrade; %s needs one %s", rec.id, action, want)
	}
	run := rec.upgrades.run
	return NewError(ErrorClusterState, "the upgrade of cluster %s to %s is %s; %s needs it %s", rec.id, run.to, run.status, action, want)
}

// upgradeCatalog is the catalog the world judges upgrades with at now:
// its timeline's, retired minors included.
func (s *store) upgradeCatalog(now time.Time) version.Catalog {
	return s.settings.timeline().FullCatalog(now)
}

// upgradeCluster starts UpgradeCluster on cluster id: the target
// (next_version, or the deprecated version) is judged by
// cluster.CheckUpgrade against the world's catalog at its clock, retired
// minors included: the next minor only (or a newer patch), not a
// downgrade, neither minor retired. The cluster must be running: a second
// upgrade while one runs or is paused is refused with ErrorClusterState.
// action names the API in refusals.
func (s *store) upgradeCluster(id string, body *wire.UpgradeClusterRequest, action string) (started, *Error) {
	return s.onCluster(id, func(rec *clusterRec, now time.Time) (started, *Error) {
		target := cmp.Or(body.NextVersion, body.Version)
		if target == "" {
			return started{}, NewError(InvalidParameter, "UpgradeCluster of cluster %s: next_version is required", rec.id)
		}
		if run := rec.activeUpgrade(); run != nil {
			status, step := run.progress(now)
			return started{}, NewError(ErrorClusterState, "cluster %s is already upgrading from %s to %s (status %s, step %s); wait for it, or cancel it, before another upgrade",
				rec.id, run.from, run.to, status, step)
		}
		if e := runningLocked(rec, action); e != nil {
			return started{}, e
		}
		to, err := cluster.ParseUpgradeTarget(rec.id, target)
		if err != nil {
			return started{}, refusal(err)
		}
		from, err := cluster.ParseUpgradeTarget(rec.id, rec.extra.version)
		if err != nil {
			return started{}, NewError(ErrorClusterState, "cluster %s runs %q, which the fake cannot upgrade: %v", rec.id, rec.extra.version, err)
		}
		if err := cluster.CheckUpgrade(rec.id, s.upgradeCatalog(now), from, to); err != nil {
			return started{}, refusal(err)
		}
		params := map[string]any{"from_version": rec.extra.version, "next_version": to.String(), "master_only": body.MasterOnly}
		run := s.startUpgradeLocked(rec, to.String(), body.MasterOnly, params, now)
		return started{clusterID: rec.id, taskID: run.task.id}, nil
	})
}

// upgradeRead is a copy of what GetUpgradeStatus answers of a cluster's
// last upgrade at the clock (render_upgrade.go renders it).
type upgradeRead struct {
	clusterID string
	// none is set before the cluster's first upgrade.
	none bool
	// status and step are the upgrade's at the clock (see
	// upgradeRun.progress); to is its target.
	status, step, to, message, precheckID string
}

// upgradeStatus reads the last upgrade of cluster id for
// GetUpgradeStatus; the read is a poll of the cluster's change.
func (s *store) upgradeStatus(id string) (upgradeRead, *Error) {
	return read(s, func(now time.Time) (upgradeRead, *Error) {
		rec, e := s.clusterLocked(id, now, true)
		if e != nil {
			return upgradeRead{}, e
		}
		out := upgradeRead{clusterID: rec.id}
		if rec.upgrades == nil || rec.upgrades.run == nil {
			out.none = true
			return out, nil
		}
		run := rec.upgrades.run
		out.status, out.step = run.progress(now)
		out.to, out.message, out.precheckID = run.to, run.message, run.precheckID
		return out, nil
	})
}

// pauseUpgrade pauses the running upgrade of cluster id; an upgrade that
// is not running (none, paused, ended) is refused with ErrorClusterState.
func (s *store) pauseUpgrade(id, action string) *Error {
	_, e := s.onCluster(id, func(rec *clusterRec, now time.Time) (started, *Error) {
		run := rec.activeUpgrade()
		if run == nil || run.paused {
			return started{}, noUpgrade(rec, "running", action)
		}
		run.pauseLocked(rec, now)
		return started{clusterID: rec.id, taskID: run.task.id}, nil
	})
	return e
}

// resumeUpgrade continues the paused upgrade of cluster id; the time it
// was paused does not count towards its progression.
func (s *store) resumeUpgrade(id, action string) *Error {
	_, e := s.onCluster(id, func(rec *clusterRec, now time.Time) (started, *Error) {
		run := rec.activeUpgrade()
		if run == nil || !run.paused {
			return started{}, noUpgrade(rec, "paused", action)
		}
		s.resumeUpgradeLocked(rec, run, now)
		return started{clusterID: rec.id, taskID: run.task.id}, nil
	})
	return e
}

// cancelUpgrade stops the running or paused upgrade of cluster id: its
// task fails with CodeUpgradeCancelled and the cluster runs on its old
// version.
func (s *store) cancelUpgrade(id, action string) *Error {
	_, e := s.onCluster(id, func(rec *clusterRec, now time.Time) (started, *Error) {
		run := rec.activeUpgrade()
		if run == nil {
			return started{}, noUpgrade(rec, "running or paused", action)
		}
		s.cancelUpgradeLocked(rec, run, now)
		return started{clusterID: rec.id, taskID: run.task.id}, nil
	})
	return e
}

// startUpgradeLocked begins an upgrade of rec from its version to to; the
// caller has judged it.
func (s *store) startUpgradeLocked(rec *clusterRec, to string, masterOnly bool, params map[string]any, now time.Time) *upgradeRun {
	run := &upgradeRun{from: rec.extra.version, to: to, masterOnly: masterOnly, status: upgradeRunning,
		precheckID: "precheck-" + s.ids.hexID("precheck", 16)}
	rec.upgradesOf().run = run
	t := s.newTaskLocked(rec.id, TaskTypeUpgrade, params, now)
	op := s.newPendingLocked(ChangeUpgradeCluster, t, &rec.failNext, now)
	s.attachUpgradeLocked(rec, run, op)
	run.task, run.op = t, op
	rec.op, rec.lastTask, rec.updated, rec.state = op, t.id, now, cluster.StateUpgrading
	s.settleLocked(rec, now)
	return run
}

// attachUpgradeLocked gives the change of upgrade run of rec its end
// (endUpgradeLocked), on the API path and after a restore alike.
func (s *store) attachUpgradeLocked(rec *clusterRec, run *upgradeRun, op *pending) {
	op.complete = func(at time.Time, failure *Failure) { s.endUpgradeLocked(rec, run, at, failure) }
}

// endUpgradeLocked applies the end of an upgrade at instant at: on success
// the cluster runs the new version (and its node pools too, unless the
// upgrade was of the control plane only: then they keep the old one); on
// failure it runs on, on the old version, and the status says why.
func (s *store) endUpgradeLocked(rec *clusterRec, run *upgradeRun, at time.Time, failure *Failure) {
	rec.updated, rec.state = at, cluster.StateRunning
	if failure != nil {
		run.status, run.step, run.message = upgradeFail, stepUpgrading, failure.Message
		return
	}
	u := rec.upgradesOf()
	for _, p := range rec.pools {
		if _, pinned := u.pools[p.id]; pinned {
			continue
		}
		if run.masterOnly {
			u.pools[p.id] = run.from
		}
	}
	if !run.masterOnly {
		clear(u.pools)
	}
	rec.extra.version = run.to
	rec.spec.KubernetesVersion = run.to
	run.status, run.step, run.message = upgradeSuccess, stepSuccess, ""
}

// progress returns the upgrade's status and step at now. The cluster has
// been settled, so an upgrade whose change is due has already ended.
func (run *upgradeRun) progress(now time.Time) (status, step string) {
	switch {
	case run.status != upgradeRunning:
		return run.status, run.step
	case run.op.prog.Polls > 0:
		if run.op.polls < (run.op.prog.Polls+1)/2 {
			return upgradeRunning, stepPrechecking
		}
	case now.Sub(run.op.started) < run.op.prog.After/4:
		return upgradeRunning, stepPrechecking
	}
	return upgradeRunning, stepUpgrading
}

// pauseLocked pauses a running upgrade at now: the change stops where it
// is, and the cluster stays upgrading.
func (run *upgradeRun) pauseLocked(rec *clusterRec, now time.Time) {
	run.paused, run.pausedAt = true, now
	run.status, run.step = upgradePause, stepPause
	rec.op, run.task.op = nil, nil
	rec.updated = now
}

// resumeUpgradeLocked continues a paused upgrade at now: the time it was
// paused does not count.
func (s *store) resumeUpgradeLocked(rec *clusterRec, run *upgradeRun, now time.Time) {
	run.op.started = run.op.started.Add(now.Sub(run.pausedAt))
	run.paused = false
	run.status, run.step = upgradeRunning, ""
	rec.op, run.task.op, rec.updated = run.op, run.op, now
	s.settleLocked(rec, now)
}

// cancelUpgradeLocked stops an upgrade at now: its task fails with
// CodeUpgradeCancelled, and the cluster runs on, on its old version. The
// change is done without settling, so nothing applies it; the operation
// that calls this (update) counts the change of the store.
func (s *store) cancelUpgradeLocked(rec *clusterRec, run *upgradeRun, now time.Time) {
	msg := fmt.Sprintf("the upgrade of cluster %s to %s was cancelled (CancelClusterUpgrade)", rec.id, run.to)
	run.op.done = true
	t := run.task
	t.state, t.err, t.updated, t.op, t.answer = cluster.TaskFailed, &Failure{Code: CodeUpgradeCancelled, Message: msg}, now, nil, nil
	rec.op = nil
	rec.state, rec.updated = cluster.StateRunning, now
	run.paused = false
	run.status, run.step, run.message = upgradeFail, stepNotStart, msg
}
