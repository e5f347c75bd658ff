package fake

import (
	"fmt"
	"time"

	"github.com/ackgo/ack/cluster"
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

// upgradeCatalog is the catalog the fake judges upgrades with at now:
// its timeline's, retired minors included.
func (c *Cloud) upgradeCatalog(now time.Time) version.Catalog {
	return c.Timeline().FullCatalog(now)
}

// startUpgradeLocked begins an upgrade of rec from its version to to; the
// caller has judged it.
func (s *store) startUpgradeLocked(rec *clusterRec, to string, masterOnly bool, params map[string]any, now time.Time) *upgradeRun {
	run := &upgradeRun{from: rec.extra.version, to: to, masterOnly: masterOnly, status: upgradeRunning,
		precheckID: "precheck-" + s.ids.hexID("precheck", 16)}
	rec.upgradesOf().run = run
	t := s.newTaskLocked(rec.id, TaskTypeUpgrade, params, now)
	op := s.newPendingLocked(ChangeUpgradeCluster, t, &rec.failNext, now)
	op.complete = func(at time.Time, failure *Failure) { s.endUpgradeLocked(rec, run, at, failure) }
	run.task, run.op = t, op
	rec.op, rec.lastTask, rec.updated, rec.state = op, t.id, now, cluster.StateUpgrading
	s.settleLocked(rec, now)
	return run
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

// resumeLocked continues a paused upgrade at now: the time it was paused
// does not count.
func (s *store) resumeUpgradeLocked(rec *clusterRec, run *upgradeRun, now time.Time) {
	run.op.started = run.op.started.Add(now.Sub(run.pausedAt))
	run.paused = false
	run.status, run.step = upgradeRunning, ""
	rec.op, run.task.op, rec.updated = run.op, run.op, now
	s.settleLocked(rec, now)
}

// cancelLocked stops an upgrade at now: its task fails with
// CodeUpgradeCancelled, and the cluster runs on, on its old version.
func (s *store) cancelUpgradeLocked(rec *clusterRec, run *upgradeRun, now time.Time) {
	msg := fmt.Sprintf("the upgrade of cluster %s to %s was cancelled (CancelClusterUpgrade)", rec.id, run.to)
	run.op.done = true
	s.gen++
	t := run.task
	t.state, t.err, t.updated, t.op, t.answer = cluster.TaskFailed, &Failure{Code: CodeUpgradeCancelled, Message: msg}, now, nil, nil
	rec.op = nil
	rec.state, rec.updated = cluster.StateRunning, now
	run.paused = false
	run.status, run.step, run.message = upgradeFail, stepNotStart, msg
}

// NodePoolVersion returns the Kubernetes version the fake's node pool
// runs: the control plane's, unless a control-plane-only upgrade left it
// behind or UpgradeClusterNodepool set it. ok is false when the cluster
// or the pool does not exist.
func (c *Cloud) NodePoolVersion(clusterID, poolID string) (v string, ok bool) {
	c.st.mu.Lock()
	defer c.st.mu.Unlock()
	now := c.clock.Now()
	rec, e := c.st.clusterLocked(clusterID, now, false)
	if e != nil {
		return "", false
	}
	if _, e := c.st.poolLocked(rec, poolID, now); e != nil {
		return "", false
	}
	return rec.poolVersion(poolID), true
}
