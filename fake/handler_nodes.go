package fake

import (
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/quota"
)

// scaleOutCluster adds legacy workers to a cluster (ScaleOutCluster):
// count nodes of origin scale-out, of the first of worker_instance_types,
// placed round-robin in vswitch_ids. The body is judged by the cluster
// package's cluster.ValidateScaleOutRequest, the checks ScaleOut runs
// before sending it, with the cluster's form. The cluster is scaling until
// the change completes, then running.
func (c *Cloud) scaleOutCluster(r *request) answer {
	var body wire.ScaleOutClusterRequest
	return c.onCluster(r, &body, func(rec *clusterRec, now time.Time) answer {
		st := c.st
		err := clusterWire.ValidateScaleOut(&body, rec.id, rec.spec.Form, c.validateOptions(rec.spec.VPCID)...)
		if err != nil {
			return fail(refusal(err))
		}
		if e := runningLocked(rec, r.route.Action); e != nil {
			return fail(e)
		}
		nr := netRequest{clusterName: rec.spec.Name, vpcID: rec.spec.VPCID}
		for i, id := range body.VSwitchIDs {
			nr.vswitchIDs = append(nr.vswitchIDs, id)
			nr.fields = append(nr.fields, fmt.Sprintf("vswitch_ids[%d]", i))
		}
		plan, e := st.net.admit(nr, nil, c.ids)
		if e != nil {
			return fail(e)
		}
		n := int(body.Count)
		if e := st.admitLocked(quota.Plan{Change: []quota.ClusterChange{{ClusterID: rec.id, AddNodes: n}}}); e != nil {
			return fail(e)
		}
		st.net.commit(plan)
		added := st.addWorkersLocked(rec, workerSpec{
			vswitchIDs: body.VSwitchIDs, instanceType: body.WorkerInstanceTypes[0],
			chargeType: body.WorkerInstanceChargeType, origin: nodepool.OriginScaleOut,
		}, n, now)
		rec.state = cluster.StateScaling
		t := st.startDoneLocked(rec, ChangeScaleOutCluster, TaskTypeScaleOutCluster, map[string]any{"count": n}, now,
			func(f *Failure) { endNodes(added, nil, f != nil, nil) })
		return ok(wire.ScaleOutClusterResponse{ClusterID: rec.id, TaskID: t.id, RequestID: r.id})
	})
}

// deleteClusterNodes removes nodes by name (DeleteClusterNodes); the
// answer names the task.
func (c *Cloud) deleteClusterNodes(r *request) answer {
	return c.removeClusterNodes(r, func(clusterID, taskID string) answer {
		return ok(wire.DeleteClusterNodesResponse{ClusterID: clusterID, TaskID: taskID, RequestID: r.id})
	})
}

// removeClusterNodesV2 removes nodes by name (RemoveClusterNodes), which
// answers without a body.
func (c *Cloud) removeClusterNodesV2(r *request) answer {
	return c.removeClusterNodes(r, func(string, string) answer { return answer{status: http.StatusOK} })
}

// removeClusterNodes removes workers of a cluster named by node name
// ("<region>.<address>"), whatever their pool: the cluster is removing,
// the nodes are removing and the desired size of their pools drops at
// once; when the change completes the nodes are gone and the cluster runs
// again. Masters are not removed this way. respond makes the answer of an
// accepted removal from the cluster's and the task's IDs.
func (c *Cloud) removeClusterNodes(r *request, respond func(clusterID, taskID string) answer) answer {
	var body wire.DeleteClusterNodesRequest
	return c.onCluster(r, &body, func(rec *clusterRec, now time.Time) answer {
		st := c.st
		nodes, e := pickNodes(st.clusterNodesLocked(rec), rec.spec.Region, nil, body.Nodes, "cluster "+rec.id)
		if e != nil {
			return fail(e)
		}
		for _, n := range nodes {
			if n.role == roleMaster {
				return fail(NewError(InvalidParameter, "cluster %s: node %s is a master; %s removes workers only", rec.id, nodeName(rec.spec.Region, n.ip), r.route.Action))
			}
			if body.ReleaseNode && n.chargeType == string(nodepool.PrePaid) {
				return fail(NewError(InvalidParameter, "cluster %s: node %s is PrePaid (subscription) and cannot be released; remove it without release_node", rec.id, nodeName(rec.spec.Region, n.ip)))
			}
		}
		if e := runningLocked(rec, r.route.Action); e != nil {
			return fail(e)
		}
		pools := map[*poolRec]int{}
		for _, n := range nodes {
			if n.nodepoolID == "" {
				continue
			}
			i := slices.IndexFunc(rec.pools, func(p *poolRec) bool { return p.id == n.nodepoolID })
			if i < 0 {
				continue
			}
			p := rec.pools[i]
			if e := st.busyPoolLocked(rec, p, r.route.Action); e != nil {
				return fail(e)
			}
			pools[p]++
		}
		before := map[*poolRec]int{}
		for p, k := range pools {
			before[p] = p.spec.DesiredSize
			if !p.spec.AutoScaling.Enabled {
				p.spec.DesiredSize = max(p.spec.DesiredSize-k, 0)
			}
		}
		setState(nodes, nodeRemoving)
		rec.state = cluster.StateRemoving
		names := slices.Clone(body.Nodes)
		t := st.startDoneLocked(rec, ChangeRemoveClusterNodes, TaskTypeRemoveClusterNodes,
			map[string]any{"nodes": names, "release_node": body.ReleaseNode, "drain_node": body.DrainNode}, now,
			func(f *Failure) {
				endNodes(nil, nodes, f != nil, func(n *nodeRec) { st.dropNodeLocked(rec, n) })
				if f != nil {
					for p, size := range before {
						p.spec.DesiredSize = size
					}
				}
			})
		return respond(rec.id, t.id)
	})
}
