package fake

import (
	"encoding/json"

	"github.com/ackgo/ack/internal/wire"
)

// The node pool API's handlers. What every write checks, and in which
// order, is the world's (world_pool_changes.go).

func (c *Cloud) createClusterNodePool(r *request) answer {
	var req wire.Nodepool
	if e := decodeBody(r.route.Action, r.body, &req); e != nil {
		return fail(e)
	}
	s, e := c.st.createPool(r.params[wire.ParamClusterID], &req, r.route.Action)
	return respond(e, wire.CreateNodePoolResponse{NodepoolID: s.poolID, TaskID: s.taskID, RequestID: r.id})
}

// describeClusterNodePools lists a cluster's pools, filtered by
// NodepoolName (a substring of the name), unpaged. Each listed pool counts
// as a poll of its change.
func (c *Cloud) describeClusterNodePools(r *request) answer {
	q, err := wire.ParseDescribeNodePoolsQuery(r.query)
	if err != nil {
		return fail(NewError(InvalidParameterFormat, "%v", err))
	}
	snaps, e := c.st.pools(r.params[wire.ParamClusterID], q.NodepoolName)
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
	snap, e := c.st.pool(r.params[wire.ParamClusterID], r.params[wire.ParamNodepoolID])
	if e != nil {
		return fail(e)
	}
	return ok(renderPool(snap))
}

func (c *Cloud) scaleClusterNodePool(r *request) answer {
	var body wire.ScaleNodePoolRequest
	if e := decodeBody(r.route.Action, r.body, &body); e != nil {
		return fail(e)
	}
	s, e := c.st.scalePool(r.params[wire.ParamClusterID], r.params[wire.ParamNodepoolID], &body, r.route.Action)
	return respond(e, wire.ScaleNodePoolResponse{TaskID: s.taskID, RequestID: r.id})
}

// modifyBody is what the fake reads from a ModifyClusterNodePool body
// besides wire.ModifyNodePoolRequest: node_config, which ACK's body does
// not have. A body that sets max pods there is judged as a change of max
// pods, which nodepool.CheckChange refuses.
type modifyBody struct {
	NodeConfig *wire.NodeConfig `json:"node_config"`
}

// maxPods returns the max pods the body's node_config sets, 0 for none.
func (b modifyBody) maxPods() int {
	if nc := b.NodeConfig; nc != nil && nc.KubeletConfiguration != nil {
		return int(nc.KubeletConfiguration.MaxPods)
	}
	return 0
}

func (c *Cloud) modifyClusterNodePool(r *request) answer {
	var body wire.ModifyNodePoolRequest
	if e := decodeBody(r.route.Action, r.body, &body); e != nil {
		return fail(e)
	}
	var extra modifyBody
	_ = json.Unmarshal(r.body, &extra) // the same bytes decoded into body
	s, e := c.st.modifyPool(r.params[wire.ParamClusterID], r.params[wire.ParamNodepoolID], &body, extra.maxPods(), r.route.Action)
	return respond(e, wire.ModifyNodePoolResponse{NodepoolID: s.poolID, TaskID: s.taskID, RequestID: r.id})
}

func (c *Cloud) removeNodePoolNodes(r *request) answer {
	q, err := wire.ParseRemoveNodePoolNodesRequest(r.query)
	if err != nil {
		return fail(NewError(InvalidParameterFormat, "%v", err))
	}
	s, e := c.st.removePoolNodes(r.params[wire.ParamClusterID], r.params[wire.ParamNodepoolID], q, r.route.Action)
	return respond(e, wire.RemoveNodePoolNodesResponse{TaskID: s.taskID, RequestID: r.id})
}

func (c *Cloud) deleteClusterNodepool(r *request) answer {
	q, err := wire.ParseDeleteNodePoolQuery(r.query)
	if err != nil {
		return fail(NewError(InvalidParameterFormat, "%v", err))
	}
	s, e := c.st.deletePool(r.params[wire.ParamClusterID], r.params[wire.ParamNodepoolID], q.Force, r.route.Action)
	return respond(e, wire.DeleteNodePoolResponse{TaskID: s.taskID, RequestID: r.id})
}
