package fake

import (
	"errors"
	"fmt"
	"time"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/nodepool"
)

// SetDemand tells the autoscaler of an autoscaled pool how many nodes the
// workload needs, and lets it act at once. The pool follows the demand
// within its auto scaling minimum and maximum, one step at a time: a step
// is a ChangeAutoScale change (the pool is scaling or removing, then
// active) with a task of type TaskTypeAutoScale.
//
//   - Scaling out adds nodes of origin scale-out (kept in the fake, told
//     by Cloud.Nodes; on the wire their source is "ess_attach", as every
//     pool node's),
//     never past the cluster's node quota: the autoscaler stops at the
//     limit (and adds nothing while an account prerequisite fails).
//   - Scaling in removes the nodes nodepool.ChooseScaleIn picks: only
//     scale-out nodes, newest first. The nodes created with the pool, and
//     any attached by hand, remain, so a pool may stay above the demand.
//
// A step waits while another change runs on the pool and is taken when it
// ends; the pool and its cluster must be living, the pool autoscaled (a
// pool whose auto scaling is turned off keeps its size). A demand outside
// the range is clamped to it. State is computed when read: no step runs
// in the background.
func (c *Cloud) SetDemand(clusterID, poolID string, nodes int) error {
	if nodes < 0 {
		return fmt.Errorf("node pool %s: %s", poolID, negativeDemand(nodes))
	}
	c.st.mu.Lock()
	defer c.st.mu.Unlock()
	now := c.st.clock.Now()
	rec, e := c.st.clusterLocked(clusterID, now, false)
	if e != nil {
		return fmt.Errorf("node pool %s: set demand: %w", poolID, e)
	}
	p, e := c.st.poolLocked(rec, poolID, now)
	if e != nil {
		return fmt.Errorf("node pool %s: set demand: %w", poolID, e)
	}
	if !p.spec.AutoScaling.Enabled {
		return fmt.Errorf("node pool %s: set demand: %s", poolID, demandWithoutAutoscaling(p))
	}
	p.demand, p.hasDemand = nodes, true
	c.st.autoscaleLocked(rec, p, now)
	return nil
}

// negativeDemand and demandWithoutAutoscaling say why a demand is
// refused, by SetDemand and in a State.
func negativeDemand(nodes int) string {
	return fmt.Sprintf("demand of %d nodes: it cannot be negative", nodes)
}

func demandWithoutAutoscaling(p *poolRec) string {
	return fmt.Sprintf("auto scaling is off; the pool keeps its desired size of %d", p.spec.DesiredSize)
}

// autoscaleLocked takes the next step of pool p's autoscaler at instant
// at, if it has one: towards the demand (or just into its range, without
// one), when the pool is autoscaled, idle and active and its cluster
// running.
func (s *store) autoscaleLocked(c *clusterRec, p *poolRec, at time.Time) {
	a := p.spec.AutoScaling
	if !a.Enabled || p.gone || p.op != nil || c.state != cluster.StateRunning || s.poolStateLocked(c, p) != nodepool.StateActive {
		return
	}
	nodes := s.poolNodesLocked(c, p)
	cur := len(nodes)
	target := cur
	if p.hasDemand {
		target = p.demand
	}
	target = min(max(target, a.Min), a.Max)
	switch {
	case target > cur:
		k := s.nodeRoomLocked(c, target-cur)
		if k == 0 {
			return
		}
		added := s.addWorkersLocked(c, p.workerSpec(nodepool.OriginScaleOut), k, at)
		s.startPoolLocked(c, p, poolChange{
			kind: ChangeAutoScale, taskType: TaskTypeAutoScale, state: nodepool.StateScaling,
			params: map[string]any{"scale_out": k}, data: changeData{added: added},
		}, at)
	case target < cur:
		removed := s.scaleInLocked(c, nodes, cur-target, a.Min)
		if len(removed) == 0 {
			return
		}
		s.startPoolLocked(c, p, poolChange{
			kind: ChangeAutoScale, taskType: TaskTypeAutoScale, state: nodepool.StateRemoving,
			params: map[string]any{"scale_in": len(removed)}, data: changeData{removed: removed},
		}, at)
	}
}

// scaleInLocked returns the nodes a scale-in of up to k nodes removes,
// chosen by nodepool.ChooseScaleIn: k of them, or every scale-out node
// when there are fewer.
func (s *store) scaleInLocked(c *clusterRec, nodes []*nodeRec, k, minSize int) []*nodeRec {
	views := make([]nodepool.Node, len(nodes))
	byID := make(map[string]*nodeRec, len(nodes))
	for i, n := range nodes {
		views[i] = n.scaleNode(c.spec.Region)
		byID[n.instanceID] = n
	}
	chosen, err := nodepool.ChooseScaleIn(views, k, minSize)
	if errors.Is(err, nodepool.ErrNotEnoughScaleOut) {
		chosen, err = nodepool.ChooseScaleIn(views, len(nodepool.ScaleInOrder(views)), minSize)
	}
	if err != nil {
		return nil
	}
	out := make([]*nodeRec, len(chosen))
	for i, n := range chosen {
		out[i] = byID[n.InstanceID]
	}
	return out
}
