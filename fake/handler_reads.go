package fake

import (
	"net/http"
	"time"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/internal/wire"
)

// describeTaskInfo answers DescribeTaskInfo with the task's answer as the
// world keeps it encoded.
func (c *Cloud) describeTaskInfo(r *request) answer {
	t, e := c.st.task(r.params[wire.ParamTaskID])
	if e != nil {
		return fail(e)
	}
	if t.encoded == nil {
		return ok(renderTask(t.task)) // encode reports the error
	}
	return answer{status: http.StatusOK, encoded: t.encoded}
}

// describeKubeconfig answers DescribeClusterUserKubeconfig for a cluster
// that has reached running: the public endpoint unless PrivateIpAddress
// asks for the internal one (or the cluster has no public endpoint).
func (c *Cloud) describeKubeconfig(r *request) answer {
	q, err := wire.ParseKubeconfigQuery(r.query)
	if err != nil {
		return fail(NewError(InvalidParameterFormat, "%v", err))
	}
	temporary := kubeconfigDuration(q.TemporaryDurationMinutes)
	if err := cluster.ValidateKubeconfigDuration(r.params[wire.ParamClusterID], temporary); err != nil {
		return fail(refusal(err))
	}
	api, e := c.st.apiServer(r.params[wire.ParamClusterID], q.PrivateIPAddress)
	if e != nil {
		return fail(e)
	}
	validity := DefaultKubeconfigValidity
	if temporary != 0 {
		validity = temporary
	}
	return ok(wire.KubeconfigResponse{
		Config:     kubeconfigYAML(api.clusterID, api.server, kubeconfigUser(r.caller)),
		Expiration: api.now.Add(validity).UTC().Format(time.RFC3339),
	})
}

// kubeconfigDuration is the duration of TemporaryDurationMinutes. Minutes
// outside the limits stay outside them, without overflow: a product that
// wrapped around could pass for a valid duration.
func kubeconfigDuration(minutes int64) time.Duration {
	switch {
	case minutes > int64(cluster.MaxKubeconfigDuration/time.Minute):
		return cluster.MaxKubeconfigDuration + time.Minute
	case minutes < 0:
		return -time.Minute
	}
	return time.Duration(minutes) * time.Minute
}

// describeClusterNodes lists a cluster's nodes in creation order: the
// masters of a dedicated cluster, its legacy workers and the nodes of its
// node pools, filtered by nodepool_id, state and instanceIds, paged by
// pageNumber and pageSize. The read is a poll of the cluster's change, and
// of the pool's when it filters by one.
func (c *Cloud) describeClusterNodes(r *request) answer {
	q, err := wire.ParseDescribeClusterNodesQuery(r.query)
	if err != nil {
		return fail(NewError(InvalidParameterFormat, "%v", err))
	}
	snap, e := c.st.clusterNodes(r.params[wire.ParamClusterID], q.NodepoolID)
	if e != nil {
		return fail(e)
	}
	nodes := matchingNodes(snap, q)
	lo, hi, num, size, pe := page(q.PageNumber, q.PageSize, "pageNumber", "pageSize", len(nodes))
	if pe != nil {
		return fail(pe)
	}
	return ok(wire.DescribeClusterNodesResponse{
		Nodes: renderNodes(snap, nodes[lo:hi]),
		Page:  wire.PageInfo{PageNumber: num, PageSize: size, TotalCount: int64(len(nodes))},
	})
}

func (c *Cloud) describeUserQuota(*request) answer {
	return ok(quotaWire.Wire(c.st.limits()))
}
