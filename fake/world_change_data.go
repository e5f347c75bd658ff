package fake

import (
	"time"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/nodepool"
)

// changeData is what a running change adds, removes and sets besides the
// state of its resource: the data its end is built from. The API path
// starts a change with it (startChangeLocked, startPoolLocked) and a
// restored State rebuilds a running change from it (world_state.go), so
// that both end a change with the same code (clusterDone, endPool).
type changeData struct {
	// added are the nodes the change creates, initial until it ends;
	// removed are the nodes it removes, removing until it ends.
	added, removed []*nodeRec
	// spec and extra are what a cluster holds once ModifyCluster
	// succeeds.
	spec  *cluster.Spec
	extra *clusterExtra
	// poolSpec is what a pool holds once ModifyClusterNodePool succeeds.
	poolSpec *nodepool.Spec
	// desired are the desired sizes of node pools, by pool ID, that a
	// failure of the change puts back.
	desired map[string]int
	// upgrade is what a node pool upgrade sets when it succeeds.
	upgrade *poolUpgrade
}

// poolUpgrade is the end of a node pool upgrade: the version the pool
// runs and, when given, its new runtime.
type poolUpgrade struct {
	to, runtime, runtimeVersion string
}

// startChangeLocked begins a change of kind ch on cluster c with a new
// task, and settles it at once when its progression is immediate. Its end
// is built from ch and d by clusterDone.
func (s *store) startChangeLocked(c *clusterRec, ch Change, taskType string, params map[string]any, now time.Time, d changeData) *taskRec {
	t := s.newTaskLocked(c.id, taskType, params, now)
	op := s.newPendingLocked(ch, t, &c.failNext, now)
	s.attachClusterChangeLocked(c, op, d)
	c.op, c.lastTask, c.updated = op, t.id, now
	s.meterSyncLocked(c, now)
	if ch == ChangeDeleteCluster {
		s.idx.deleting[c] = struct{}{}
	}
	s.settleLocked(c, now)
	return t
}

// attachClusterChangeLocked gives a change of cluster c its data and the
// end built from them.
func (s *store) attachClusterChangeLocked(c *clusterRec, op *pending, d changeData) {
	op.data = d
	op.complete = s.completeCluster(c, op.change, s.clusterDone(c, op.change, d))
}

// clusterDone is what a change of kind ch does to cluster c when it ends,
// besides the cluster's state, built from the change's data: a create
// ends its nodes and pools; a modification applies its Spec; a scale-out
// ends the nodes it added; a removal of nodes drops them (or, failed,
// puts them and their pools' desired sizes back). Other kinds do nothing
// more.
func (s *store) clusterDone(c *clusterRec, ch Change, d changeData) func(failure *Failure) {
	switch ch {
	case ChangeCreateDedicated, ChangeCreateManaged, ChangeCreateServerless:
		return func(f *Failure) { s.endCreateLocked(c, f) }
	case ChangeModifyCluster:
		return func(f *Failure) {
			if f == nil && d.spec != nil && d.extra != nil {
				c.spec, c.extra = d.spec.Clone(), d.extra.clone()
			}
		}
	case ChangeScaleOutCluster:
		return func(f *Failure) { endNodes(d.added, nil, f != nil, nil) }
	case ChangeRemoveClusterNodes:
		return func(f *Failure) {
			endNodes(nil, d.removed, f != nil, func(n *nodeRec) { s.dropNodeLocked(c, n) })
			if f != nil {
				s.restoreDesiredLocked(c, d.desired)
			}
		}
	}
	return nil
}

// restoreDesiredLocked puts back the desired sizes of cluster c's living
// pools named in desired.
func (s *store) restoreDesiredLocked(c *clusterRec, desired map[string]int) {
	for _, p := range c.pools {
		if size, ok := desired[p.id]; ok {
			p.spec.DesiredSize = size
		}
	}
}

// applyPoolLocked is what a successful change of pool p sets, built from
// its data: a new Spec, a new version and runtime.
func applyPoolLocked(c *clusterRec, p *poolRec, d changeData) {
	if d.poolSpec != nil {
		p.spec = d.poolSpec.Clone()
	}
	if u := d.upgrade; u != nil {
		upgradedPoolLocked(c, p, u.to, u.runtime, u.runtimeVersion)
	}
}
