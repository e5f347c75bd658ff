package fake

import (
	"cmp"
	"maps"
	"slices"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/nodepool"
)

// Loading the changes in progress of a State: each kind that a restore
// continues, the states its resource is in meanwhile, and the data its
// end is built from (changeData).

// clusterChangeStates is the state a cluster is in while a change of each
// kind a restore continues runs.
var clusterChangeStates = map[Change]cluster.State{
	ChangeCreateDedicated: cluster.StateInitial, ChangeCreateManaged: cluster.StateInitial,
	ChangeCreateServerless: cluster.StateInitial, ChangeDeleteCluster: cluster.StateDeleting,
	ChangeModifyCluster: cluster.StateUpdating, ChangeScaleOutCluster: cluster.StateScaling,
	ChangeRemoveClusterNodes: cluster.StateRemoving,
}

// poolChangeStates are the states a pool may be in while a change of each
// kind runs.
var poolChangeStates = map[Change][]nodepool.State{
	ChangeCreateNodePool: {nodepool.StateInitial}, ChangeScaleNodePool: {nodepool.StateScaling},
	ChangeModifyNodePool: {nodepool.StateUpdating}, ChangeRemoveNodes: {nodepool.StateRemoving},
	ChangeDeleteNodePool: {nodepool.StateDeleting}, ChangeAutoScale: {nodepool.StateScaling, nodepool.StateRemoving},
	ChangeUpgradeNodePool: {nodepool.StateUpgrading},
}

// transient reports whether a cluster in state st needs a change to leave
// it.
func transient(st cluster.State) bool {
	return st == cluster.StateUpgrading || slices.Contains(slices.Collect(maps.Values(clusterChangeStates)), st)
}

// clusterChange loads the change in progress of rec, or checks that its
// state needs none.
func (ld *loader) clusterChange(path string, rec *clusterRec, ch *ChangeState) error {
	if ch == nil {
		if rec.state == cluster.StateUpgrading && rec.activeUpgrade() != nil {
			return nil
		}
		if transient(rec.state) {
			return stateRule(path, RuleStateChange, "change", "cluster %s is %s, which only a change in progress leaves; give its change", rec.id, rec.state)
		}
		return nil
	}
	path += ".change"
	if ch.Kind == ChangeUpgradeCluster {
		return stateRule(path, RuleStateChange, "kind", "the change of an upgrade (kind %s) goes in the cluster's upgrade.change, with the upgrade it makes", ch.Kind)
	}
	want, ok := clusterChangeStates[ch.Kind]
	switch {
	case !ok:
		return stateRule(path, RuleStateKnown, "kind", "%q is not a kind of change of a cluster", ch.Kind)
	case want != rec.state:
		return stateRule(path, RuleStateChange, "kind", "a change of kind %s runs on a %s cluster, not a %s one", ch.Kind, want, rec.state)
	case ch.Kind.isCreate() && ch.Kind != createChange(rec.spec.Form):
		return stateRule(path, RuleStateChange, "kind", "a %s cluster is created by a change of kind %s, not %s", rec.spec.Form, createChange(rec.spec.Form), ch.Kind)
	}
	d, err := ld.changeData(path, rec, nil, ch)
	if err != nil {
		return err
	}
	if ch.Kind == ChangeModifyCluster {
		if ch.Spec == nil || ch.Extra == nil {
			return stateRule(path, RuleStateChange, "spec", "a change of kind %s needs the spec and extra the cluster holds once it succeeds", ch.Kind)
		}
		next := ch.Spec.WithDefaults().WithZones(ld.s.net.zoneOf)
		next.KubernetesVersion = cmp.Or(next.KubernetesVersion, rec.spec.KubernetesVersion)
		if e := ld.s.checkSpecChangeLocked(rec.spec, next); e != nil {
			return refused(path, e)
		}
		extra, field, err := extraOf(*ch.Extra, next.KubernetesVersion)
		if err != nil {
			return stateRule(path, RuleStateKnown, field, "%v", err)
		}
		d.spec, d.extra = &next, &extra
	}
	op, err := ld.pending(path, rec, nil, ch, d)
	if err != nil {
		return err
	}
	rec.op = op
	if ch.Kind == ChangeDeleteCluster {
		ld.s.idx.deleting[rec] = struct{}{}
	}
	return nil
}

// poolChange loads the change in progress of pool p, or checks that its
// state needs none.
func (ld *loader) poolChange(path string, rec *clusterRec, p *poolRec, ps NodePoolState) error {
	ch := ps.Change
	if ch == nil {
		creating := p.state == nodepool.StateInitial && rec.op != nil && rec.op.change.isCreate()
		if !creating && slices.ContainsFunc(slices.Collect(maps.Values(poolChangeStates)), func(sts []nodepool.State) bool { return slices.Contains(sts, p.state) }) {
			return stateRule(path, RuleStateChange, "change", "node pool %s is %s, which only a change in progress leaves; give its change", p.id, p.state)
		}
		return nil
	}
	path += ".change"
	want, ok := poolChangeStates[ch.Kind]
	switch {
	case !ok:
		return stateRule(path, RuleStateKnown, "kind", "%q is not a kind of change of a node pool", ch.Kind)
	case !slices.Contains(want, p.state):
		return stateRule(path, RuleStateChange, "kind", "a change of kind %s runs on a pool that is %v, not %s", ch.Kind, want, p.state)
	}
	d, err := ld.changeData(path, rec, p, ch)
	if err != nil {
		return err
	}
	switch ch.Kind {
	case ChangeModifyNodePool:
		if ch.PoolSpec == nil {
			return stateRule(path, RuleStateChange, "pool_spec", "a change of kind %s needs the spec the pool holds once it succeeds", ch.Kind)
		}
		next := ch.PoolSpec.Clone()
		if err := nodepool.CheckChange(p.spec, next); err != nil {
			return &StateError{Path: path, Err: err}
		}
		if err := nodepool.Validate(next); err != nil {
			return &StateError{Path: path, Err: err}
		}
		d.poolSpec = &next
	case ChangeUpgradeNodePool:
		if ch.Upgrade == nil {
			return stateRule(path, RuleStateChange, "upgrade", "a change of kind %s needs the version the pool runs once it succeeds", ch.Kind)
		}
		d.upgrade = &poolUpgrade{to: ch.Upgrade.Version, runtime: ch.Upgrade.Runtime, runtimeVersion: ch.Upgrade.RuntimeVersion}
	}
	op, err := ld.pending(path, rec, p, ch, d)
	if err != nil {
		return err
	}
	p.op = op
	return nil
}

// changeData resolves the nodes and pools a change names: nodes of rec
// (of pool p, for a pool's change), pools of rec.
func (ld *loader) changeData(path string, rec *clusterRec, p *poolRec, ch *ChangeState) (changeData, error) {
	var d changeData
	resolve := func(field string, ids []string) ([]*nodeRec, error) {
		var out []*nodeRec
		for _, id := range ids {
			i := slices.IndexFunc(rec.nodes, func(n *nodeRec) bool { return n.instanceID == id })
			if i < 0 || (p != nil && rec.nodes[i].nodepoolID != p.id) {
				return nil, stateRule(path, RuleStateReference, field, "node %s is not a node of the change's %s", id, ownerOf(rec, p))
			}
			out = append(out, rec.nodes[i])
		}
		return out, nil
	}
	var err error
	if d.added, err = resolve("added", ch.Added); err != nil {
		return d, err
	}
	if d.removed, err = resolve("removed", ch.Removed); err != nil {
		return d, err
	}
	for id := range ch.Desired {
		if !slices.ContainsFunc(rec.pools, func(x *poolRec) bool { return x.id == id }) {
			return d, stateRule(path, RuleStateReference, "desired", "node pool %s is not a pool of cluster %s", id, rec.id)
		}
	}
	d.desired = maps.Clone(ch.Desired)
	return d, nil
}

// upgrade loads the last upgrade of rec: an ended one as GetUpgradeStatus
// reports it, a running or paused one with its change, which goes on as
// UpgradeCluster's does (attachUpgradeLocked).
func (ld *loader) upgrade(path string, rec *clusterRec, u *UpgradeState) error {
	if u == nil {
		return nil
	}
	path += ".upgrade"
	run := &upgradeRun{from: u.From, to: u.To, masterOnly: u.MasterOnly, status: u.Status,
		step: u.Step, message: u.Message, precheckID: u.PrecheckID, task: ld.tasks[u.TaskID]}
	switch u.Status {
	case upgradeSuccess, upgradeFail:
		if u.Change != nil {
			return stateRule(path, RuleStateChange, "change", "an upgrade that ended (%s) has no change in progress", u.Status)
		}
	case upgradeRunning, upgradePause:
		switch {
		case rec.state != cluster.StateUpgrading:
			return stateRule(path, RuleStateChange, "status", "an upgrade that is %s runs on an upgrading cluster, not a %s one", u.Status, rec.state)
		case u.Change == nil || u.Change.Kind != ChangeUpgradeCluster:
			return stateRule(path, RuleStateChange, "change", "an upgrade that is %s needs its change, of kind %s", u.Status, ChangeUpgradeCluster)
		case u.Change.TaskID != u.TaskID && u.TaskID != "":
			return stateRule(path, RuleStateChange, "task_id", "the upgrade's task %s is not its change's %s", u.TaskID, u.Change.TaskID)
		}
		if err := ld.checkUpgrade(rec, u); err != nil {
			return &StateError{Path: path, Err: err}
		}
		op, err := ld.pending(path+".change", rec, nil, u.Change, changeData{})
		if err != nil {
			return err
		}
		ld.pendings[len(ld.pendings)-1].run = run
		run.task, run.op = op.task, op
		if u.Status == upgradePause {
			run.paused, run.pausedAt = true, cmp.Or(u.PausedAt, ld.now)
			op.task.op = nil // detached while paused: nothing settles it
		} else {
			rec.op = op
		}
	default:
		return stateRule(path, RuleStateKnown, "status", "upgrade status %q is none of running, pause, success, fail", u.Status)
	}
	rec.upgradesOf().run = run
	return nil
}

// checkUpgrade judges a running or paused upgrade as UpgradeCluster
// judged it when it started (cluster.CheckUpgrade on the catalog at its
// change's start): from the version the cluster runs to the next minor or
// a newer patch.
func (ld *loader) checkUpgrade(rec *clusterRec, u *UpgradeState) error {
	if u.From != rec.extra.version {
		return stateRule("", RuleStateChange, "upgrade.from", "the upgrade goes from %s, but cluster %s runs %s", u.From, rec.id, rec.extra.version).Err
	}
	from, err := cluster.ParseUpgradeTarget(rec.id, u.From)
	if err != nil {
		return err
	}
	to, err := cluster.ParseUpgradeTarget(rec.id, u.To)
	if err != nil {
		return err
	}
	return cluster.CheckUpgrade(rec.id, ld.s.upgradeCatalog(cmp.Or(u.Change.Started, ld.now)), from, to)
}

// ownerOf names a change's resource.
func ownerOf(rec *clusterRec, p *poolRec) string {
	if p != nil {
		return "node pool " + p.id
	}
	return "cluster " + rec.id
}

// pending builds a running change from its State, tracking its task.
func (ld *loader) pending(path string, rec *clusterRec, p *poolRec, ch *ChangeState, d changeData) (*pending, error) {
	t, ok := ld.tasks[ch.TaskID]
	poolID := ""
	if p != nil {
		poolID = p.id
	}
	switch {
	case !ok:
		return nil, stateRule(path, RuleStateReference, "task_id", "task %q is not a task of the State", ch.TaskID)
	case t.state != cluster.TaskRunning || t.clusterID != rec.id || t.poolID != poolID || ld.tracked[t.id]:
		return nil, stateRule(path, RuleStateChange, "task_id", "task %s is not a running task of %s that no other change tracks", t.id, ownerOf(rec, p))
	}
	ld.tracked[t.id] = true
	op := &pending{change: ch.Kind, started: cmp.Or(ch.Started, t.created), prog: Progression{After: ch.After, Polls: ch.PollsNeeded},
		polls: ch.Polls, fail: cloneFailure(ch.Failure), task: t, data: d}
	t.op = op
	ld.pendings = append(ld.pendings, restored{c: rec, p: p, op: op})
	return op, nil
}
