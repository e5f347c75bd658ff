package fake

import (
	"errors"
	"fmt"
	"net/http"
	"slices"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/quota"
)

// scaleOutLoginRules are the rules of the cluster package that judge the
// workers a ScaleOutCluster adds, as they judge those a create adds.
var scaleOutLoginRules = []string{"cluster.workers.not_serverless", "cluster.login.required", "cluster.login.password"}

// scaleOutCluster adds legacy workers to a cluster (ScaleOutCluster):
// count nodes of origin scale-out, of the first of worker_instance_types,
// placed round-robin in vswitch_ids. The cluster is scaling until the
// change completes, then running.
func (c *Cloud) scaleOutCluster(r *request) answer {
	var body wire.ScaleOutClusterRequest
	if e := decodeBody(r.route.Action, r.body, &body); e != nil {
		return fail(e)
	}
	st := c.st
	st.mu.Lock()
	defer st.mu.Unlock()
	now := c.now()
	rec, e := st.clusterLocked(r.params[wire.ParamClusterID], now, false)
	if e != nil {
		return fail(e)
	}
	if err := c.validateScaleOut(rec, &body); err != nil {
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
}

// validateScaleOut judges a ScaleOutCluster body: the cluster package's
// scale-out rules (ScaleOutRules: a count of at least one, an instance
// type and a vSwitch), and its rules on the workers and their login,
// which cluster.Validate runs on the workers the body adds.
func (c *Cloud) validateScaleOut(rec *clusterRec, b *wire.ScaleOutClusterRequest) error {
	broken := map[string]string{}
	if b.Count < 1 {
		broken["cluster.scale_out.count"] = fmt.Sprintf("is %d", b.Count)
	}
	if len(b.WorkerInstanceTypes) == 0 {
		broken["cluster.scale_out.instance_types"] = "is empty"
	}
	if len(b.VSwitchIDs) == 0 {
		broken["cluster.scale_out.vswitches"] = "is empty"
	}
	var vs []ack.Violation
	for _, rule := range cluster.ScaleOutRules() {
		if what, ok := broken[rule.ID]; ok {
			vs = append(vs, ack.Violation{Rule: rule.ID, Field: rule.Field, Message: what + "; " + rule.Description})
		}
	}
	workers := cluster.Spec{
		Form:    rec.spec.Form,
		Workers: &cluster.Workers{Count: max(int(b.Count), 1), InstanceTypes: b.WorkerInstanceTypes},
		Login:   cluster.Login{Password: ack.Secret(b.LoginPassword), KeyPair: b.KeyPair},
	}
	var ve *ack.ValidationError
	if errors.As(cluster.Validate(workers, c.validateOptions(rec.spec.VPCID)...), &ve) {
		for _, v := range ve.Violations {
			if slices.Contains(scaleOutLoginRules, v.Rule) {
				vs = append(vs, v)
			}
		}
	}
	if len(vs) == 0 {
		return nil
	}
	return &ack.ValidationError{Resource: "cluster " + rec.id + " scale-out", Violations: vs}
}

// deleteClusterNodes removes nodes by name (DeleteClusterNodes); the
// answer names the task.
func (c *Cloud) deleteClusterNodes(r *request) answer {
	id, t, e := c.removeClusterNodes(r)
	if e != nil {
		return fail(e)
	}
	return ok(wire.DeleteClusterNodesResponse{ClusterID: id, TaskID: t, RequestID: r.id})
}

// removeClusterNodesV2 removes nodes by name (RemoveClusterNodes), which
// answers without a body.
func (c *Cloud) removeClusterNodesV2(r *request) answer {
	if _, _, e := c.removeClusterNodes(r); e != nil {
		return fail(e)
	}
	return answer{status: http.StatusOK}
}

// removeClusterNodes removes workers of a cluster named by node name
// ("<region>.<address>"), whatever their pool: the cluster is removing,
// the nodes are removing and the desired size of their pools drops at
// once; when the change completes the nodes are gone and the cluster runs
// again. Masters are not removed this way.
func (c *Cloud) removeClusterNodes(r *request) (clusterID, taskID string, e *Error) {
	var body wire.DeleteClusterNodesRequest
	if e := decodeBody(r.route.Action, r.body, &body); e != nil {
		return "", "", e
	}
	st := c.st
	st.mu.Lock()
	defer st.mu.Unlock()
	now := c.now()
	rec, e := st.clusterLocked(r.params[wire.ParamClusterID], now, false)
	if e != nil {
		return "", "", e
	}
	nodes, e := pickNodes(st.clusterNodesLocked(rec), rec.spec.Region, nil, body.Nodes, "cluster "+rec.id)
	if e != nil {
		return "", "", e
	}
	for _, n := range nodes {
		if n.role == roleMaster {
			return "", "", NewError(InvalidParameter, "cluster %s: node %s is a master; %s removes workers only", rec.id, nodeName(rec.spec.Region, n.ip), r.route.Action)
		}
		if body.ReleaseNode && n.chargeType == string(nodepool.PrePaid) {
			return "", "", NewError(InvalidParameter, "cluster %s: node %s is PrePaid (subscription) and cannot be released; remove it without release_node", rec.id, nodeName(rec.spec.Region, n.ip))
		}
	}
	if e := runningLocked(rec, r.route.Action); e != nil {
		return "", "", e
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
			return "", "", e
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
	return rec.id, t.id, nil
}
