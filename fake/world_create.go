package fake

import (
	"fmt"
	"math"
	"time"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/quota"
)

// What CreateCluster makes besides the cluster: its masters, its legacy
// workers and its node pools, how the quotas count them, and how they end
// when the cluster's creation does.

// endCreateLocked ends the creation of cluster rec for its nodes and the
// node pools created with it: they run and are active, or, when the
// creation failed, fail.
func (s *store) endCreateLocked(rec *clusterRec, f *Failure) {
	for _, n := range s.clusterNodesLocked(rec) {
		if n.state == nodeInitial {
			n.state = nodeRunning
			if f != nil {
				n.state = nodeFailed
			}
		}
	}
	for _, p := range rec.pools {
		if p.state == nodepool.StateInitial {
			p.state, p.updated = nodepool.StateActive, rec.updated
			if f != nil {
				p.state = nodepool.StateFailed
			}
		}
	}
}

// createPlan is what a CreateCluster asks of the quotas: a cluster of its
// kind with its masters, legacy workers and the initial nodes of its node
// pools, the pools, and the largest pods-per-node setting of the pools.
func createPlan(req *wire.CreateClusterRequest, spec cluster.Spec, pools []nodepool.Spec) quota.Plan {
	nc := quota.NewCluster{Name: req.Name, Kind: quota.ClassifyCluster(req.ClusterType, req.Profile), NodePools: len(pools)}
	if spec.Form == cluster.Dedicated && spec.Masters != nil {
		nc.Nodes = addNodes(nc.Nodes, spec.Masters.Count)
	}
	if spec.Workers != nil && spec.Form != cluster.Serverless {
		nc.Nodes = addNodes(nc.Nodes, spec.Workers.Count)
	}
	for _, p := range pools {
		nc.Nodes = addNodes(nc.Nodes, initialSize(p))
		nc.PodsPerNode = max(nc.PodsPerNode, p.MaxPods)
	}
	return quota.Plan{Create: []quota.NewCluster{nc}}
}

// addNodes adds a count of nodes (negative counts as zero) to a sum,
// saturating instead of wrapping around, so that pools whose sizes
// overflow when added up still exceed the node quota.
func addNodes(sum, n int) int {
	n = max(n, 0)
	if sum > math.MaxInt-n {
		return math.MaxInt
	}
	return sum + n
}

// addNodesLocked creates the nodes that come with a cluster besides those
// of its node pools: the masters of a dedicated cluster, and the workers
// of the legacy worker fields (num_of_nodes), both of origin initial.
func (s *store) addNodesLocked(c *clusterRec, now time.Time) {
	if m := c.spec.Masters; c.spec.Form == cluster.Dedicated && m != nil {
		for i := range m.Count {
			s.nodeSeq++
			n := &nodeRec{
				instanceID: s.ids.instance(), clusterID: c.id, role: roleMaster,
				name:       fmt.Sprintf("master-%02d-k8s-for-cs-%s", i+1, c.id),
				chargeType: m.ChargeType, created: now, seq: s.nodeSeq, origin: nodepool.OriginInitial,
			}
			if i < len(m.InstanceTypes) {
				n.instanceType = m.InstanceTypes[i]
			}
			if i < len(m.VSwitches) {
				n.vswitchID = m.VSwitches[i].ID
			}
			n.ip = s.net.hostIP(n.vswitchID, 10+i)
			c.nodes = append(c.nodes, n)
		}
	}
	w := c.spec.Workers
	if w == nil || w.Count <= 0 || c.spec.Form == cluster.Serverless {
		return
	}
	ws := workerSpec{chargeType: w.ChargeType, origin: nodepool.OriginInitial}
	for _, v := range w.VSwitches {
		ws.vswitchIDs = append(ws.vswitchIDs, v.ID)
	}
	if len(ws.vswitchIDs) == 0 {
		ws.vswitchIDs = []string{firstVSwitch(c.spec)}
	}
	if len(w.InstanceTypes) > 0 {
		ws.instanceType = w.InstanceTypes[0]
	}
	s.addWorkersLocked(c, ws, w.Count, now)
}
