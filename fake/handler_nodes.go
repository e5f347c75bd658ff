package fake

import (
	"net/http"

	"github.com/ackgo/ack/internal/wire"
)

// The handlers of a cluster's nodes outside its node pools.

func (c *Cloud) scaleOutCluster(r *request) answer {
	var body wire.ScaleOutClusterRequest
	if e := decodeBody(r.route.Action, r.body, &body); e != nil {
		return fail(e)
	}
	s, e := c.st.scaleOut(r.params[wire.ParamClusterID], &body, r.route.Action)
	return respond(e, wire.ScaleOutClusterResponse{ClusterID: s.clusterID, TaskID: s.taskID, RequestID: r.id})
}

// deleteClusterNodes removes nodes by name (DeleteClusterNodes); the
// answer names the task.
func (c *Cloud) deleteClusterNodes(r *request) answer {
	s, e := c.removeClusterNodes(r)
	return respond(e, wire.DeleteClusterNodesResponse{ClusterID: s.clusterID, TaskID: s.taskID, RequestID: r.id})
}

// removeClusterNodesV2 removes nodes by name (RemoveClusterNodes), which
// answers without a body.
func (c *Cloud) removeClusterNodesV2(r *request) answer {
	if _, e := c.removeClusterNodes(r); e != nil {
		return fail(e)
	}
	return answer{status: http.StatusOK}
}

// removeClusterNodes decodes a removal of nodes by name and has the world
// start it.
func (c *Cloud) removeClusterNodes(r *request) (started, *Error) {
	var body wire.DeleteClusterNodesRequest
	if e := decodeBody(r.route.Action, r.body, &body); e != nil {
		return started{}, e
	}
	return c.st.removeClusterNodes(r.params[wire.ParamClusterID], &body, r.route.Action)
}
