package fake

import (
	"slices"
	"time"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/nodepool"
)

// Task types of the node pool and node changes, as DescribeTaskInfo
// reports them.
const (
	// TaskTypeCreateNodePool is the task of CreateClusterNodePool.
	TaskTypeCreateNodePool = "nodepool_create"
	// TaskTypeScaleNodePool is the task of ScaleClusterNodePool.
	TaskTypeScaleNodePool = "nodepool_scaleout"
	// TaskTypeModifyNodePool is the task of ModifyClusterNodePool.
	TaskTypeModifyNodePool = "nodepool_update"
	// TaskTypeRemoveNodes is the task of RemoveNodePoolNodes.
	TaskTypeRemoveNodes = "nodepool_remove_nodes"
	// TaskTypeDeleteNodePool is the task of DeleteClusterNodepool.
	TaskTypeDeleteNodePool = "nodepool_delete"
	// TaskTypeAutoScale is the task of a step of a pool's autoscaler.
	TaskTypeAutoScale = "nodepool_autoscale"
	// TaskTypeScaleOutCluster is the task of ScaleOutCluster.
	TaskTypeScaleOutCluster = "cluster_scaleout"
	// TaskTypeRemoveClusterNodes is the task of DeleteClusterNodes and
	// RemoveClusterNodes.
	TaskTypeRemoveClusterNodes = "cluster_remove_nodes"
)

// poolRec is one node pool of a cluster.
type poolRec struct {
	id        string
	clusterID string
	// spec is the pool's configuration, password included (details never
	// show it). DesiredSize follows every accepted change at once, as
	// ACK's desired size does; the other fields change when a
	// modification completes.
	spec           nodepool.Spec
	scalingGroupID string
	isDefault      bool
	created        time.Time
	updated        time.Time
	state          nodepool.State
	op             *pending
	lastTask       string
	failNext       *Failure
	// demand is the node count the workload asks of an autoscaled pool
	// (Cloud.SetDemand); hasDemand says it was set.
	demand    int
	hasDemand bool
	// gone is set once the pool was deleted, with its cluster or alone.
	gone bool
}

// poolChange is a change of a node pool: its kind, its task, the pool's
// state while it runs, and what it does to the pool and its nodes
// (changeData: the nodes it adds and removes, the Spec or version it
// sets on success, the desired size a failure puts back). A delete
// (ChangeDeleteNodePool) removes the pool when it succeeds.
type poolChange struct {
	kind     Change
	taskType string
	// state is the pool's state while the change runs.
	state  nodepool.State
	params map[string]any
	data   changeData
}

// startPoolLocked begins a change on pool p of cluster c with a new task,
// and settles it at once when its progression is immediate.
func (s *store) startPoolLocked(c *clusterRec, p *poolRec, pc poolChange, now time.Time) started {
	t := s.newTaskLocked(c.id, pc.taskType, pc.params, now)
	t.poolID = p.id
	op := s.newPendingLocked(pc.kind, t, &p.failNext, now)
	s.attachPoolChangeLocked(c, p, op, pc.data)
	setState(pc.data.removed, nodeRemoving)
	p.op, p.lastTask, p.updated, p.state = op, t.id, now, pc.state
	s.meterSyncLocked(c, now)
	s.settlePoolLocked(c, p, now)
	return started{clusterID: c.id, poolID: p.id, taskID: t.id}
}

// attachPoolChangeLocked gives a change of pool p its data and the end
// built from them (completePool).
func (s *store) attachPoolChangeLocked(c *clusterRec, p *poolRec, op *pending, d changeData) {
	op.data = d
	op.complete = s.completePool(c, p, op.change, d)
}

// completePool returns how a change of kind ch ends on pool p: the pool
// records the instant as updated; on success its nodes run or go, what the
// change sets is applied and it is active again (or gone), on failure the
// nodes the change added fail, the nodes it was removing stay, the desired
// size is put back, and the pool is active again (failed, for a create).
func (s *store) completePool(c *clusterRec, p *poolRec, ch Change, d changeData) func(at time.Time, failure *Failure) {
	end := s.endPool(c, p, ch, d)
	return func(at time.Time, failure *Failure) {
		end(at, failure)
		s.meterSyncLocked(c, at)
	}
}

// endPool is completePool without the billing meter's record.
func (s *store) endPool(c *clusterRec, p *poolRec, ch Change, d changeData) func(at time.Time, failure *Failure) {
	return func(at time.Time, failure *Failure) {
		if p.gone {
			return
		}
		p.updated = at
		endNodes(d.added, d.removed, failure != nil, func(n *nodeRec) { s.dropNodeLocked(c, n) })
		if failure != nil {
			if size, ok := d.desired[p.id]; ok {
				p.spec.DesiredSize = size
			}
			p.state = nodepool.StateActive
			if ch == ChangeCreateNodePool {
				p.state = nodepool.StateFailed
			}
			return
		}
		applyPoolLocked(c, p, d)
		if ch == ChangeDeleteNodePool {
			s.removePoolLocked(c, p)
			return
		}
		p.state = nodepool.StateActive
	}
}

// removePoolLocked forgets pool p and its nodes.
func (s *store) removePoolLocked(c *clusterRec, p *poolRec) {
	for _, n := range s.poolNodesLocked(c, p) {
		s.dropNodeLocked(c, n)
	}
	c.pools = slices.DeleteFunc(c.pools, func(x *poolRec) bool { return x == p })
	p.gone = true
}

// settlePoolLocked brings pool p up to now: a change that is due
// completes at its due instant, and the pool's autoscaler then takes its
// next step at that instant, which may itself be due.
func (s *store) settlePoolLocked(c *clusterRec, p *poolRec, now time.Time) {
	for p.op != nil && p.op.settle(now) {
		p.op = nil
		if !p.gone {
			s.autoscaleLocked(c, p, p.updated)
		}
	}
}

// poolLocked returns a living pool of cluster c, brought up to now, or
// ErrorNodePoolNotFound.
func (s *store) poolLocked(c *clusterRec, id string, now time.Time) (*poolRec, *Error) {
	i := slices.IndexFunc(c.pools, func(p *poolRec) bool { return p.id == id })
	if i < 0 {
		return nil, NewError(ErrorNodePoolNotFound, "node pool %s not found in cluster %s", id, c.id)
	}
	p := c.pools[i]
	s.settlePoolLocked(c, p, now)
	if p.gone {
		return nil, NewError(ErrorNodePoolNotFound, "node pool %s not found in cluster %s", id, c.id)
	}
	return p, nil
}

// poolStateLocked is the state a pool reports: deleting while its cluster
// is, removing while DeleteClusterNodes removes some of its nodes, its
// own otherwise.
func (s *store) poolStateLocked(c *clusterRec, p *poolRec) nodepool.State {
	switch {
	case c.state == cluster.StateDeleting:
		return nodepool.StateDeleting
	case p.op == nil && p.state == nodepool.StateActive && s.removingLocked(c, p):
		return nodepool.StateRemoving
	}
	return p.state
}

// removingLocked reports whether a node of pool p is being removed.
func (s *store) removingLocked(c *clusterRec, p *poolRec) bool {
	return slices.ContainsFunc(s.poolNodesLocked(c, p), func(n *nodeRec) bool { return n.state == nodeRemoving })
}

// busyPoolLocked refuses an operation on pool p unless the pool is active
// with nothing in progress.
func (s *store) busyPoolLocked(c *clusterRec, p *poolRec, action string) *Error {
	if st := s.poolStateLocked(c, p); p.op != nil || st != nodepool.StateActive {
		return NewError(ErrorNodePoolState, "node pool %s is %s; %s waits for it to be active", p.id, st, action)
	}
	return nil
}

// idlePoolLocked refuses an operation on pool p unless its cluster is
// running and the pool is active with nothing in progress.
func (s *store) idlePoolLocked(c *clusterRec, p *poolRec, action string) *Error {
	if e := runningLocked(c, action); e != nil {
		return e
	}
	return s.busyPoolLocked(c, p, action)
}

// runningLocked refuses an operation on the pools of cluster c unless the
// cluster is running.
func runningLocked(c *clusterRec, action string) *Error {
	if c.state != cluster.StateRunning {
		return NewError(ErrorClusterState, "cluster %s is %s; %s needs it running", c.id, c.state, action)
	}
	return nil
}

// initialSize is the number of nodes a pool is created with: its desired
// size, or its autoscaler's minimum.
func initialSize(s nodepool.Spec) int {
	if s.AutoScaling.Enabled {
		return max(s.AutoScaling.Min, 0)
	}
	return max(s.DesiredSize, 0)
}

// newPoolLocked creates a pool of cluster c in state initial, and its
// initial nodes.
func (s *store) newPoolLocked(c *clusterRec, spec nodepool.Spec, now time.Time) (*poolRec, []*nodeRec) {
	p := &poolRec{
		id: s.ids.nodepool(), clusterID: c.id, spec: spec.Clone(), scalingGroupID: s.ids.scalingGroup(),
		created: now, updated: now, state: nodepool.StateInitial,
	}
	c.pools = append(c.pools, p)
	nodes := s.addWorkersLocked(c, p.workerSpec(nodepool.OriginInitial), initialSize(spec), now)
	return p, nodes
}

// workerSpec describes the nodes the pool adds.
func (p *poolRec) workerSpec(origin nodepool.Origin) workerSpec {
	w := workerSpec{poolID: p.id, vswitchIDs: slices.Clone(p.spec.VSwitchIDs), chargeType: string(p.spec.ChargeType), origin: origin}
	if len(p.spec.InstanceTypes) > 0 {
		w.instanceType = p.spec.InstanceTypes[0]
	}
	return w
}
