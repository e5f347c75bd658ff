package fake

import (
	"fmt"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/quota"
)

// The node pool API. Every write checks, in this order: the cluster and
// the pool exist (ErrorClusterNotFound, ErrorNodePoolNotFound), the body
// keeps the nodepool package's rules (InvalidParameter with the
// *ack.ValidationError's text), the cluster is running (ErrorClusterState),
// the pool is active with nothing in progress (ErrorNodePoolState), and the
// account's quotas allow what the call adds (quota.Check). A refused call
// changes nothing.

// createClusterNodePool creates a pool and its initial nodes (the desired
// size, or the autoscaler's minimum): initial → active.
func (c *Cloud) createClusterNodePool(r *request) answer {
	var req wire.Nodepool
	return c.onCluster(r, &req, func(rec *clusterRec, now time.Time) answer {
		st := c.st
		if err := poolWire.ValidateCreate(&req); err != nil {
			return fail(refusal(err))
		}
		spec, err := poolWire.SpecFromCreate(&req)
		if err != nil {
			return fail(refusal(err))
		}
		if rec.spec.Form == cluster.Serverless {
			return fail(refusal(&ack.ValidationError{Resource: "cluster " + rec.id, Violations: []ack.Violation{{
				Rule: cluster.RuleServerlessNodePools, Field: "cluster_id",
				Message: "names a serverless cluster, which has no node pools: its pods run on container instances"}}}))
		}
		if e := runningLocked(rec, r.route.Action); e != nil {
			return fail(e)
		}
		plan, e := st.net.admit(poolNetRequest(rec, spec.VSwitchIDs), nil, c.ids)
		if e != nil {
			return fail(e)
		}
		if e := st.admitLocked(quota.Plan{Change: []quota.ClusterChange{{
			ClusterID: rec.id, AddNodePools: 1, AddNodes: initialSize(spec), PodsPerNode: spec.MaxPods,
		}}}); e != nil {
			return fail(e)
		}
		st.net.commit(plan)
		p, nodes := st.newPoolLocked(rec, spec, now)
		t := st.startPoolLocked(rec, p, poolChange{
			kind: ChangeCreateNodePool, taskType: TaskTypeCreateNodePool, state: nodepool.StateInitial,
			params: map[string]any{"nodepool_id": p.id, "nodepool_name": spec.Name}, added: nodes,
		}, now)
		return ok(wire.CreateNodePoolResponse{NodepoolID: p.id, TaskID: t.id, RequestID: r.id})
	})
}

// poolNetRequest asks the network to admit a pool's vSwitches: they must
// belong to the cluster's VPC (unknown ones are registered in it unless
// the network is strict).
func poolNetRequest(rec *clusterRec, vswitchIDs []string) netRequest {
	nr := netRequest{clusterName: rec.spec.Name, vpcID: rec.spec.VPCID}
	for i, id := range vswitchIDs {
		nr.vswitchIDs = append(nr.vswitchIDs, id)
		nr.fields = append(nr.fields, fmt.Sprintf("scaling_group.vswitch_ids[%d]", i))
	}
	return nr
}

// describeClusterNodePools lists a cluster's pools, filtered by
// NodepoolName (a substring of the name), unpaged. Each listed pool counts
// as a poll of its change.
func (c *Cloud) describeClusterNodePools(r *request) answer {
	q, err := wire.ParseDescribeNodePoolsQuery(r.http.URL.Query())
	if err != nil {
		return fail(NewError(InvalidParameterFormat, "%v", err))
	}
	st := c.st
	snaps, e := withStore(st, func() ([]poolSnap, *Error) {
		now := c.now()
		rec, e := st.clusterLocked(r.params[wire.ParamClusterID], now, false)
		if e != nil {
			return nil, e
		}
		var snaps []poolSnap
		for _, p := range rec.pools {
			if !poolMatches(p, q.NodepoolName) {
				continue
			}
			if p.op != nil {
				p.op.poll(now)
			}
			snaps = append(snaps, st.poolSnapshotLocked(rec, p))
		}
		return snaps, nil
	})
	if e != nil {
		return fail(e)
	}
	var resp wire.DescribeNodePoolsResponse
	for _, s := range snaps {
		resp.Nodepools = append(resp.Nodepools, renderPool(s))
	}
	return ok(resp)
}

// describeClusterNodePoolDetail reads one pool; the read is a poll of its
// change.
func (c *Cloud) describeClusterNodePoolDetail(r *request) answer {
	st := c.st
	snap, e := withStore(st, func() (poolSnap, *Error) {
		rec, p, e := c.poolTargetLocked(r, c.now())
		if e != nil {
			return poolSnap{}, e
		}
		if p.op != nil {
			p.op.poll(c.now())
		}
		return st.poolSnapshotLocked(rec, p), nil
	})
	if e != nil {
		return fail(e)
	}
	return ok(renderPool(snap))
}

// scaleClusterNodePool adds count nodes (1 to nodepool.MaxScaleCount, by
// its scale request rule) of origin scale-out to a pool that is not autoscaled, and raises its
// desired size by as many at once: scaling → active.
func (c *Cloud) scaleClusterNodePool(r *request) answer {
	var body wire.ScaleNodePoolRequest
	return c.onPool(r, &body, func(rec *clusterRec, p *poolRec, now time.Time) answer {
		st := c.st
		if err := poolWire.ValidateScale(p.id, &body); err != nil {
			return fail(refusal(err))
		}
		if a := p.spec.AutoScaling; a.Enabled {
			return fail(NewError(InvalidParameter, "node pool %s: auto scaling is on and sizes the pool between %d and %d nodes; change that range with ModifyClusterNodePool", p.id, a.Min, a.Max))
		}
		if e := runningLocked(rec, r.route.Action); e != nil {
			return fail(e)
		}
		if e := st.busyPoolLocked(rec, p, r.route.Action); e != nil {
			return fail(e)
		}
		n := int(body.Count)
		if e := st.admitLocked(quota.Plan{Change: []quota.ClusterChange{{ClusterID: rec.id, AddNodes: n}}}); e != nil {
			return fail(e)
		}
		before := p.spec.DesiredSize
		p.spec.DesiredSize += n
		added := st.addWorkersLocked(rec, p.workerSpec(nodepool.OriginScaleOut), n, now)
		t := st.startPoolLocked(rec, p, poolChange{
			kind: ChangeScaleNodePool, taskType: TaskTypeScaleNodePool, state: nodepool.StateScaling,
			params: map[string]any{"nodepool_id": p.id, "count": n}, added: added,
			undo: func() { p.spec.DesiredSize = before },
		}, now)
		return ok(wire.ScaleNodePoolResponse{TaskID: t.id, RequestID: r.id})
	})
}

// deleteClusterNodepool deletes a pool: deleting → gone, its nodes with
// it. A pool that still has nodes is refused (ErrorNodePoolState) unless
// force=true.
func (c *Cloud) deleteClusterNodepool(r *request) answer {
	q, err := wire.ParseDeleteNodePoolQuery(r.http.URL.Query())
	if err != nil {
		return fail(NewError(InvalidParameterFormat, "%v", err))
	}
	return c.onPool(r, nil, func(rec *clusterRec, p *poolRec, now time.Time) answer {
		st := c.st
		if e := runningLocked(rec, r.route.Action); e != nil {
			return fail(e)
		}
		if state := st.poolStateLocked(rec, p); p.op != nil || (state != nodepool.StateActive && state != nodepool.StateFailed) {
			return fail(NewError(ErrorNodePoolState, "node pool %s is %s; %s waits for the operation in progress to end", p.id, state, r.route.Action))
		}
		nodes := st.poolNodesLocked(rec, p)
		if len(nodes) > 0 && !q.Force {
			return fail(NewError(ErrorNodePoolState, "node pool %s has %d nodes; delete it with force=true, or remove its nodes first", p.id, len(nodes)))
		}
		t := st.startPoolLocked(rec, p, poolChange{
			kind: ChangeDeleteNodePool, taskType: TaskTypeDeleteNodePool, state: nodepool.StateDeleting,
			params: map[string]any{"nodepool_id": p.id, "force": q.Force}, removed: nodes, deletes: true,
		}, now)
		return ok(wire.DeleteNodePoolResponse{TaskID: t.id, RequestID: r.id})
	})
}
