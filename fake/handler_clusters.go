package fake

import (
	"net/http"

	"github.com/ackgo/ack/internal/wire"
)

// The cluster API's handlers: each decodes its request, calls one
// operation of the world (world_*.go) and renders what it returns.

func (c *Cloud) createCluster(r *request) answer {
	var req wire.CreateClusterRequest
	if e := decodeBody(r.route.Action, r.body, &req); e != nil {
		return fail(e)
	}
	s, e := c.st.createCluster(&req)
	return respond(e, wire.CreateClusterResponse{ClusterID: s.clusterID, TaskID: s.taskID, RequestID: r.id})
}

func (c *Cloud) describeClusterDetail(r *request) answer {
	d, e := c.st.detail(r.params[wire.ParamClusterID])
	if e != nil {
		return fail(e)
	}
	return c.detailAnswer(d)
}

func (c *Cloud) describeClustersV1(r *request) answer {
	q, err := wire.ParseDescribeClustersV1Query(r.query)
	if err != nil {
		return fail(NewError(InvalidParameterFormat, "%v", err))
	}
	p, e := c.st.listClusters(q)
	if e != nil {
		return fail(e)
	}
	return c.listAnswer(p.reads, p.info)
}

func (c *Cloud) deleteCluster(r *request) answer {
	opts, err := deleteOptions(r)
	if err != nil {
		return fail(NewError(InvalidParameterFormat, "%v", err))
	}
	s, e := c.st.deleteCluster(r.params[wire.ParamClusterID], opts)
	return respond(e, wire.DeleteClusterResponse{ClusterID: s.clusterID, TaskID: s.taskID, RequestID: r.id})
}

func (c *Cloud) modifyCluster(r *request) answer {
	var body wire.ModifyClusterRequest
	if e := decodeBody(r.route.Action, r.body, &body); e != nil {
		return fail(e)
	}
	s, e := c.st.modifyCluster(r.params[wire.ParamClusterID], &body, r.body)
	return respond(e, wire.ModifyClusterResponse{ClusterID: s.clusterID, TaskID: s.taskID, RequestID: r.id})
}

// modifyClusterTags takes a bare JSON array of {key, value} and answers
// without a body.
func (c *Cloud) modifyClusterTags(r *request) answer {
	var tags []wire.Tag
	if e := decodeBody(r.route.Action, r.body, &tags); e != nil {
		return fail(e)
	}
	if e := c.st.modifyClusterTags(r.params[wire.ParamClusterID], tags); e != nil {
		return fail(e)
	}
	return answer{status: http.StatusOK}
}
