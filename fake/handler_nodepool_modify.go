package fake

import (
	"cmp"
	"encoding/json"
	"slices"
	"time"

	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/quota"
)

// modifyBody is what the fake reads from a ModifyClusterNodePool body
// besides wire.ModifyNodePoolRequest: node_config, which ACK's body does
// not have. A body that sets max pods there is judged as a change of max
// pods, which nodepool.CheckChange refuses.
type modifyBody struct {
	NodeConfig *wire.NodeConfig `json:"node_config"`
}

// modifyClusterNodePool applies ModifyClusterNodePool: the nodepool
// package judges the body (its modify request rules), reads it onto the
// pool's Spec (ApplyModifyRequest) and judges the result (CheckChange,
// then Validate). A new desired size adds
// scale-out nodes or removes the nodes nodepool.ChooseScaleIn picks, at
// once; the pool is updating until the change completes, and only then
// shows its other new values.
func (c *Cloud) modifyClusterNodePool(r *request) answer {
	var body wire.ModifyNodePoolRequest
	return c.onPool(r, &body, func(rec *clusterRec, p *poolRec, now time.Time) answer {
		st := c.st
		if err := poolWire.ValidateModify(p.id, &body); err != nil {
			return fail(refusal(err))
		}
		var extra modifyBody
		_ = json.Unmarshal(r.body, &extra) // the same bytes decoded into body
		old := p.spec.Clone()
		nodes := st.poolNodesLocked(rec, p)
		next := poolWire.ApplyModify(old, &body)
		if nc := extra.NodeConfig; nc != nil && nc.KubeletConfiguration != nil && nc.KubeletConfiguration.MaxPods != 0 {
			next.MaxPods = int(nc.KubeletConfiguration.MaxPods)
		}
		if old.AutoScaling.Enabled && !next.AutoScaling.Enabled && (body.ScalingGroup == nil || body.ScalingGroup.DesiredSize == nil) {
			next.DesiredSize = len(nodes) // the autoscaler's size becomes the desired size
		}
		if err := nodepool.CheckChange(old, next); err != nil {
			return fail(refusal(err))
		}
		if err := nodepool.Validate(next); err != nil {
			return fail(refusal(err))
		}
		if e := runningLocked(rec, r.route.Action); e != nil {
			return fail(e)
		}
		if e := st.busyPoolLocked(rec, p, r.route.Action); e != nil {
			return fail(e)
		}
		var added, removed []*nodeRec
		if delta := next.DesiredSize - len(nodes); !next.AutoScaling.Enabled && delta != 0 {
			if delta > 0 {
				if e := st.admitLocked(quota.Plan{Change: []quota.ClusterChange{{ClusterID: rec.id, AddNodes: delta}}}); e != nil {
					return fail(e)
				}
				w := (&poolRec{id: p.id, spec: next}).workerSpec(nodepool.OriginScaleOut)
				added = st.addWorkersLocked(rec, w, delta, now)
			} else {
				removed = desiredSizeRemovals(rec, nodes, -delta)
			}
		}
		before := old.DesiredSize
		p.spec.DesiredSize = next.DesiredSize
		t := st.startPoolLocked(rec, p, poolChange{
			kind: ChangeModifyNodePool, taskType: TaskTypeModifyNodePool, state: nodepool.StateUpdating,
			params: map[string]any{"nodepool_id": p.id}, added: added, removed: removed,
			apply: func() { p.spec = next },
			undo:  func() { p.spec.DesiredSize = before },
		}, now)
		return ok(wire.ModifyNodePoolResponse{NodepoolID: p.id, TaskID: t.id, RequestID: r.id})
	})
}

// removeNodePoolNodes removes nodes of a pool, named by instance_ids (or
// by node names in the deprecated nodes): removing → active. The pool's
// desired size drops by as many at once; PrePaid nodes cannot be
// released.
func (c *Cloud) removeNodePoolNodes(r *request) answer {
	q, err := wire.ParseRemoveNodePoolNodesRequest(r.http.URL.Query())
	if err != nil {
		return fail(NewError(InvalidParameterFormat, "%v", err))
	}
	return c.onPool(r, nil, func(rec *clusterRec, p *poolRec, now time.Time) answer {
		st := c.st
		nodes, e := pickNodes(st.poolNodesLocked(rec, p), rec.spec.Region, q.InstanceIDs, q.Nodes, "node pool "+p.id)
		if e != nil {
			return fail(e)
		}
		release := wire.BoolValue(q.ReleaseNode, false)
		if release && p.spec.WithDefaults().ChargeType == nodepool.PrePaid {
			return fail(NewError(InvalidParameter, "node pool %s: its nodes are PrePaid (subscription) and cannot be released; remove them without release_node", p.id))
		}
		if e := runningLocked(rec, r.route.Action); e != nil {
			return fail(e)
		}
		if e := st.busyPoolLocked(rec, p, r.route.Action); e != nil {
			return fail(e)
		}
		before := p.spec.DesiredSize
		if !p.spec.AutoScaling.Enabled {
			p.spec.DesiredSize = max(before-len(nodes), 0)
		}
		ids := make([]string, len(nodes))
		for i, n := range nodes {
			ids[i] = n.instanceID
		}
		t := st.startPoolLocked(rec, p, poolChange{
			kind: ChangeRemoveNodes, taskType: TaskTypeRemoveNodes, state: nodepool.StateRemoving,
			params: map[string]any{
				"nodepool_id": p.id, "instance_ids": ids,
				"release_node": release, "drain_node": wire.BoolValue(q.DrainNode, false),
			},
			removed: nodes,
			undo:    func() { p.spec.DesiredSize = before },
		}, now)
		return ok(wire.RemoveNodePoolNodesResponse{TaskID: t.id, RequestID: r.id})
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
