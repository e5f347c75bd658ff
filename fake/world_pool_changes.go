package fake

import (
	"cmp"
	"slices"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/quota"
)

// The world's node pool changes. Every one checks, in this order: the
// cluster and the pool exist (ErrorClusterNotFound,
// ErrorNodePoolNotFound), the body keeps the nodepool package's rules
// (InvalidParameter with the *ack.ValidationError's text), the cluster is
// running (ErrorClusterState), the pool is active with nothing in progress
// (ErrorNodePoolState), and the account's quotas allow what the call adds
// (quota.Check). A refused change changes nothing. action names the API in
// refusals.

// serverlessHasNoPools is why rule cluster.RuleServerlessNodePools refuses
// a node pool of a serverless cluster, created or seeded.
const serverlessHasNoPools = "which has no node pools: its pods run on container instances"

// createPool creates a pool of cluster clusterID and its initial nodes
// (the desired size, or the autoscaler's minimum): initial → active.
func (s *store) createPool(clusterID string, req *wire.Nodepool, action string) (started, *Error) {
	return s.onCluster(clusterID, func(rec *clusterRec, now time.Time) (started, *Error) {
		spec, err := poolWire.CheckCreate(req)
		if err != nil {
			return started{}, refusal(err)
		}
		if rec.spec.Form == cluster.Serverless {
			return started{}, refusal(&ack.ValidationError{Resource: "cluster " + rec.id, Violations: []ack.Violation{{
				Rule: cluster.RuleServerlessNodePools, Field: "cluster_id",
				Message: "names a serverless cluster, " + serverlessHasNoPools}}})
		}
		if e := runningLocked(rec, action); e != nil {
			return started{}, e
		}
		plan, e := s.net.admit(poolNetRequest(rec, spec.VSwitchIDs), nil, s.ids)
		if e != nil {
			return started{}, e
		}
		if e := s.admitLocked(quota.Plan{Change: []quota.ClusterChange{{
			ClusterID: rec.id, AddNodePools: 1, AddNodes: initialSize(spec), PodsPerNode: spec.MaxPods,
		}}}); e != nil {
			return started{}, e
		}
		s.net.commit(plan)
		p, nodes := s.newPoolLocked(rec, spec, now)
		return s.startPoolLocked(rec, p, poolChange{
			kind: ChangeCreateNodePool, taskType: TaskTypeCreateNodePool, state: nodepool.StateInitial,
			params: map[string]any{"nodepool_id": p.id, "nodepool_name": spec.Name}, data: changeData{added: nodes},
		}, now), nil
	})
}

// poolNetRequest asks the network to admit a pool's vSwitches: they must
// belong to the cluster's VPC (unknown ones are registered in it unless
// the network is strict).
func poolNetRequest(rec *clusterRec, vswitchIDs []string) netRequest {
	nr := netRequest{clusterName: rec.spec.Name, vpcID: rec.spec.VPCID}
	nr.addVSwitches("scaling_group.vswitch_ids", vswitchIDs)
	return nr
}

// scalePool adds count nodes (1 to nodepool.MaxScaleCount, by its scale
// request rule) of origin scale-out to a pool that is not autoscaled, and
// raises its desired size by as many at once: scaling → active.
func (s *store) scalePool(clusterID, poolID string, body *wire.ScaleNodePoolRequest, action string) (started, *Error) {
	return s.onPool(clusterID, poolID, func(rec *clusterRec, p *poolRec, now time.Time) (started, *Error) {
		if err := poolWire.ValidateScale(p.id, body); err != nil {
			return started{}, refusal(err)
		}
		if a := p.spec.AutoScaling; a.Enabled {
			return started{}, NewError(InvalidParameter, "node pool %s: auto scaling is on and sizes the pool between %d and %d nodes; change that range with ModifyClusterNodePool", p.id, a.Min, a.Max)
		}
		if e := s.idlePoolLocked(rec, p, action); e != nil {
			return started{}, e
		}
		n := int(body.Count)
		if e := s.admitLocked(quota.Plan{Change: []quota.ClusterChange{{ClusterID: rec.id, AddNodes: n}}}); e != nil {
			return started{}, e
		}
		before := p.spec.DesiredSize
		p.spec.DesiredSize += n
		added := s.addWorkersLocked(rec, p.workerSpec(nodepool.OriginScaleOut), n, now)
		return s.startPoolLocked(rec, p, poolChange{
			kind: ChangeScaleNodePool, taskType: TaskTypeScaleNodePool, state: nodepool.StateScaling,
			params: map[string]any{"nodepool_id": p.id, "count": n},
			data:   changeData{added: added, desired: map[string]int{p.id: before}},
		}, now), nil
	})
}

// deletePool deletes a pool: deleting → gone, its nodes with it. A pool
// that still has nodes is refused (ErrorNodePoolState) unless force.
func (s *store) deletePool(clusterID, poolID string, force bool, action string) (started, *Error) {
	return s.onPool(clusterID, poolID, func(rec *clusterRec, p *poolRec, now time.Time) (started, *Error) {
		if e := runningLocked(rec, action); e != nil {
			return started{}, e
		}
		if state := s.poolStateLocked(rec, p); p.op != nil || (state != nodepool.StateActive && state != nodepool.StateFailed) {
			return started{}, NewError(ErrorNodePoolState, "node pool %s is %s; %s waits for the operation in progress to end", p.id, state, action)
		}
		nodes := s.poolNodesLocked(rec, p)
		if len(nodes) > 0 && !force {
			return started{}, NewError(ErrorNodePoolState, "node pool %s has %d nodes; delete it with force=true, or remove its nodes first", p.id, len(nodes))
		}
		return s.startPoolLocked(rec, p, poolChange{
			kind: ChangeDeleteNodePool, taskType: TaskTypeDeleteNodePool, state: nodepool.StateDeleting,
			params: map[string]any{"nodepool_id": p.id, "force": force}, data: changeData{removed: nodes},
		}, now), nil
	})
}

// modifyPool applies ModifyClusterNodePool to a pool, with body the
// request as decoded and maxPods the max pods its node_config asks for (0
// for none): the nodepool package judges the body (its modify request
// rules), reads it onto the pool's Spec (ApplyModifyRequest) and judges
// the result (CheckChange, then Validate). A new desired size adds
// scale-out nodes or removes the nodes desiredSizeRemovals picks, at once;
// the pool is updating until the change completes, and only then shows
// its other new values.
func (s *store) modifyPool(clusterID, poolID string, body *wire.ModifyNodePoolRequest, maxPods int, action string) (started, *Error) {
	return s.onPool(clusterID, poolID, func(rec *clusterRec, p *poolRec, now time.Time) (started, *Error) {
		if err := poolWire.ValidateModify(p.id, body); err != nil {
			return started{}, refusal(err)
		}
		nodes := s.poolNodesLocked(rec, p)
		next, e := nextPoolSpec(p.spec.Clone(), body, maxPods, len(nodes))
		if e != nil {
			return started{}, e
		}
		if e := s.idlePoolLocked(rec, p, action); e != nil {
			return started{}, e
		}
		added, removed, e := s.resizeLocked(rec, p, next, nodes, now)
		if e != nil {
			return started{}, e
		}
		before := p.spec.DesiredSize
		p.spec.DesiredSize = next.DesiredSize
		return s.startPoolLocked(rec, p, poolChange{
			kind: ChangeModifyNodePool, taskType: TaskTypeModifyNodePool, state: nodepool.StateUpdating,
			params: map[string]any{"nodepool_id": p.id},
			data:   changeData{added: added, removed: removed, poolSpec: &next, desired: map[string]int{p.id: before}},
		}, now), nil
	})
}

// nextPoolSpec is a pool's Spec old once a ModifyClusterNodePool body
// (and the max pods of its node_config, 0 for none) is applied, judged by
// the nodepool package's rules. A pool of size nodes whose auto scaling
// is turned off without a desired size keeps the autoscaler's size as its
// desired size.
func nextPoolSpec(old nodepool.Spec, body *wire.ModifyNodePoolRequest, maxPods, size int) (nodepool.Spec, *Error) {
	next := poolWire.ApplyModify(old, body)
	if maxPods != 0 {
		next.MaxPods = maxPods
	}
	if old.AutoScaling.Enabled && !next.AutoScaling.Enabled && (body.ScalingGroup == nil || body.ScalingGroup.DesiredSize == nil) {
		next.DesiredSize = size
	}
	if err := nodepool.CheckChange(old, next); err != nil {
		return nodepool.Spec{}, refusal(err)
	}
	if err := nodepool.Validate(next); err != nil {
		return nodepool.Spec{}, refusal(err)
	}
	return next, nil
}

// resizeLocked returns the nodes a pool of nodes adds or removes to reach
// next's desired size (none when next is autoscaled), refused when the
// node quota does not allow the added ones. Added nodes are created
// (initial) at once.
func (s *store) resizeLocked(rec *clusterRec, p *poolRec, next nodepool.Spec, nodes []*nodeRec, now time.Time) (added, removed []*nodeRec, e *Error) {
	delta := next.DesiredSize - len(nodes)
	switch {
	case next.AutoScaling.Enabled || delta == 0:
		return nil, nil, nil
	case delta < 0:
		return nil, desiredSizeRemovals(rec, nodes, -delta), nil
	}
	if e := s.admitLocked(quota.Plan{Change: []quota.ClusterChange{{ClusterID: rec.id, AddNodes: delta}}}); e != nil {
		return nil, nil, e
	}
	w := (&poolRec{id: p.id, spec: next}).workerSpec(nodepool.OriginScaleOut)
	return s.addWorkersLocked(rec, w, delta, now), nil, nil
}

// removePoolNodes removes nodes of a pool, named by instance_ids (or by
// node names in the deprecated nodes): removing → active. The pool's
// desired size drops by as many at once; PrePaid nodes cannot be
// released.
func (s *store) removePoolNodes(clusterID, poolID string, q wire.RemoveNodePoolNodesRequest, action string) (started, *Error) {
	return s.onPool(clusterID, poolID, func(rec *clusterRec, p *poolRec, now time.Time) (started, *Error) {
		nodes, e := pickNodes(s.poolNodesLocked(rec, p), rec.spec.Region, q.InstanceIDs, q.Nodes, "node pool "+p.id)
		if e != nil {
			return started{}, e
		}
		release := wire.BoolValue(q.ReleaseNode, false)
		if release && p.spec.WithDefaults().ChargeType == nodepool.PrePaid {
			return started{}, NewError(InvalidParameter, "node pool %s: its nodes are PrePaid (subscription) and cannot be released; remove them without release_node", p.id)
		}
		if e := s.idlePoolLocked(rec, p, action); e != nil {
			return started{}, e
		}
		before := p.spec.DesiredSize
		if !p.spec.AutoScaling.Enabled {
			p.spec.DesiredSize = max(before-len(nodes), 0)
		}
		ids := make([]string, len(nodes))
		for i, n := range nodes {
			ids[i] = n.instanceID
		}
		return s.startPoolLocked(rec, p, poolChange{
			kind: ChangeRemoveNodes, taskType: TaskTypeRemoveNodes, state: nodepool.StateRemoving,
			params: map[string]any{
				"nodepool_id": p.id, "instance_ids": ids,
				"release_node": release, "drain_node": wire.BoolValue(q.DrainNode, false),
			},
			data: changeData{removed: nodes, desired: map[string]int{p.id: before}},
		}, now), nil
	})
}

// pickNodes finds the nodes a removal names among candidates, by instance
// ID and by node name, each once. Naming none, a node that is not a
// candidate or one already being removed is InvalidParameter.
func pickNodes(candidates []*nodeRec, region string, instanceIDs, names []string, where string) ([]*nodeRec, *Error) {
	if len(instanceIDs) == 0 && len(names) == 0 {
		return nil, NewError(InvalidParameter, "%s: name the nodes to remove (instance_ids or nodes)", where)
	}
	var out []*nodeRec
	take := func(what, key string, match func(n *nodeRec) bool) *Error {
		i := slices.IndexFunc(candidates, match)
		switch {
		case i < 0:
			return NewError(InvalidParameter, "%s: %s %s is not one of its nodes", where, what, key)
		case candidates[i].state == nodeRemoving:
			return NewError(InvalidParameter, "%s: %s %s is already being removed", where, what, key)
		case !slices.Contains(out, candidates[i]):
			out = append(out, candidates[i])
		}
		return nil
	}
	for _, id := range instanceIDs {
		if e := take("instance", id, func(n *nodeRec) bool { return n.instanceID == id }); e != nil {
			return nil, e
		}
	}
	for _, name := range names {
		if e := take("node", name, func(n *nodeRec) bool { return nodeName(region, n.ip) == name }); e != nil {
			return nil, e
		}
	}
	return out, nil
}

// desiredSizeRemovals chooses the k nodes that a lower desired size
// removes. ACK chooses them itself and does not document how; the fake
// takes the nodes the product's scale-in rule would (scale-out nodes,
// newest first, nodepool.ScaleInOrder), then the pool's other nodes,
// newest first, so that any size down to zero can be reached.
func desiredSizeRemovals(rec *clusterRec, nodes []*nodeRec, k int) []*nodeRec {
	views := make([]nodepool.Node, len(nodes))
	byID := make(map[string]*nodeRec, len(nodes))
	for i, n := range nodes {
		views[i] = n.scaleNode(rec.spec.Region)
		byID[n.instanceID] = n
	}
	order := nodepool.ScaleInOrder(views)
	rest := slices.DeleteFunc(slices.Clone(views), func(v nodepool.Node) bool { return v.Removable() })
	slices.SortFunc(rest, func(a, b nodepool.Node) int {
		if c := b.Created.Compare(a.Created); c != 0 {
			return c
		}
		return cmp.Compare(b.Seq, a.Seq)
	})
	order = append(order, rest...)
	out := make([]*nodeRec, 0, k)
	for _, v := range order[:min(k, len(order))] {
		out = append(out, byID[v.InstanceID])
	}
	return out
}
