package fake

import (
	"slices"
	"time"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/quota"
)

// The world's changes of a cluster's nodes outside its node pools'
// changes: ScaleOutCluster, and DeleteClusterNodes and RemoveClusterNodes.

// scaleOut adds legacy workers to cluster id (ScaleOutCluster): count
// nodes of origin scale-out, of the first of worker_instance_types, placed
// round-robin in vswitch_ids. The body is judged by the cluster package's
// scale-out rules, the checks ScaleOut runs before sending it, with the
// cluster's form. The cluster is scaling until the change completes, then
// running.
func (s *store) scaleOut(id string, body *wire.ScaleOutClusterRequest, action string) (started, *Error) {
	return s.onCluster(id, func(rec *clusterRec, now time.Time) (started, *Error) {
		if err := clusterWire.ValidateScaleOut(body, rec.id, rec.spec.Form, s.validateOptionsLocked(rec.spec.VPCID)...); err != nil {
			return started{}, refusal(err)
		}
		if e := runningLocked(rec, action); e != nil {
			return started{}, e
		}
		nr := netRequest{clusterName: rec.spec.Name, vpcID: rec.spec.VPCID}
		nr.addVSwitches("vswitch_ids", body.VSwitchIDs)
		plan, e := s.net.admit(nr, nil, s.ids)
		if e != nil {
			return started{}, e
		}
		n := int(body.Count)
		if e := s.admitLocked(quota.Plan{Change: []quota.ClusterChange{{ClusterID: rec.id, AddNodes: n}}}); e != nil {
			return started{}, e
		}
		s.net.commit(plan)
		added := s.addWorkersLocked(rec, workerSpec{
			vswitchIDs: body.VSwitchIDs, instanceType: body.WorkerInstanceTypes[0],
			chargeType: body.WorkerInstanceChargeType, origin: nodepool.OriginScaleOut,
		}, n, now)
		rec.state = cluster.StateScaling
		t := s.startChangeLocked(rec, ChangeScaleOutCluster, TaskTypeScaleOutCluster, map[string]any{"count": n}, now, changeData{added: added})
		return started{clusterID: rec.id, taskID: t.id}, nil
	})
}

// removeClusterNodes removes workers of cluster id named by node name
// ("<region>.<address>"), whatever their pool: the cluster is removing,
// the nodes are removing and the desired size of their pools drops at
// once; when the change completes the nodes are gone and the cluster runs
// again (a failure puts the desired sizes back). Masters are not removed
// this way.
func (s *store) removeClusterNodes(id string, body *wire.DeleteClusterNodesRequest, action string) (started, *Error) {
	return s.onCluster(id, func(rec *clusterRec, now time.Time) (started, *Error) {
		nodes, e := s.removableNodesLocked(rec, body, action)
		if e != nil {
			return started{}, e
		}
		pools, e := s.poolsOfLocked(rec, nodes, action)
		if e != nil {
			return started{}, e
		}
		before := map[string]int{}
		for p, k := range pools {
			before[p.id] = p.spec.DesiredSize
			if !p.spec.AutoScaling.Enabled {
				p.spec.DesiredSize = max(p.spec.DesiredSize-k, 0)
			}
		}
		setState(nodes, nodeRemoving)
		rec.state = cluster.StateRemoving
		params := map[string]any{"nodes": slices.Clone(body.Nodes), "release_node": body.ReleaseNode, "drain_node": body.DrainNode}
		t := s.startChangeLocked(rec, ChangeRemoveClusterNodes, TaskTypeRemoveClusterNodes, params, now, changeData{removed: nodes, desired: before})
		return started{clusterID: rec.id, taskID: t.id}, nil
	})
}

// removableNodesLocked returns the workers of cluster rec that a removal
// by name names, refusing masters, PrePaid nodes when they would be
// released, and a cluster that is not running.
func (s *store) removableNodesLocked(rec *clusterRec, body *wire.DeleteClusterNodesRequest, action string) ([]*nodeRec, *Error) {
	nodes, e := pickNodes(s.clusterNodesLocked(rec), rec.spec.Region, nil, body.Nodes, "cluster "+rec.id)
	if e != nil {
		return nil, e
	}
	for _, n := range nodes {
		if n.role == roleMaster {
			return nil, NewError(InvalidParameter, "cluster %s: node %s is a master; %s removes workers only", rec.id, nodeName(rec.spec.Region, n.ip), action)
		}
		if body.ReleaseNode && n.chargeType == string(nodepool.PrePaid) {
			return nil, NewError(InvalidParameter, "cluster %s: node %s is PrePaid (subscription) and cannot be released; remove it without release_node", rec.id, nodeName(rec.spec.Region, n.ip))
		}
	}
	if e := runningLocked(rec, action); e != nil {
		return nil, e
	}
	return nodes, nil
}

// poolsOfLocked counts the nodes by the living pool they belong to
// (legacy workers belong to none), refusing a pool that is not active
// with nothing in progress.
func (s *store) poolsOfLocked(rec *clusterRec, nodes []*nodeRec, action string) (map[*poolRec]int, *Error) {
	pools := map[*poolRec]int{}
	for _, n := range nodes {
		i := slices.IndexFunc(rec.pools, func(p *poolRec) bool { return p.id == n.nodepoolID })
		if n.nodepoolID == "" || i < 0 {
			continue
		}
		p := rec.pools[i]
		if e := s.busyPoolLocked(rec, p, action); e != nil {
			return nil, e
		}
		pools[p]++
	}
	return pools, nil
}
