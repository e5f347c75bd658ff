package fake

import (
	"net/http"

	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/nodepool"
)

// The upgrade API's handlers. What each judges, and in which order, is the
// world's (world_upgrade.go, world_upgrade_pool.go).

func (c *Cloud) upgradeCluster(r *request) answer {
	var body wire.UpgradeClusterRequest
	if e := decodeBody(r.route.Action, r.body, &body); e != nil {
		return fail(e)
	}
	s, e := c.st.upgradeCluster(r.params[wire.ParamClusterID], &body, r.route.Action)
	return respond(e, wire.UpgradeClusterResponse{ClusterID: s.clusterID, TaskID: s.taskID, RequestID: r.id})
}

// getUpgradeStatus answers GetUpgradeStatus for the cluster's last
// upgrade at the clock; the read is a poll of the cluster.
func (c *Cloud) getUpgradeStatus(r *request) answer {
	u, e := c.st.upgradeStatus(r.params[wire.ParamClusterID])
	if e != nil {
		return fail(e)
	}
	return ok(renderUpgradeStatus(u))
}

func (c *Cloud) pauseClusterUpgrade(r *request) answer {
	return noBody(c.st.pauseUpgrade(r.params[wire.ParamClusterID], r.route.Action))
}

func (c *Cloud) resumeUpgradeCluster(r *request) answer {
	return noBody(c.st.resumeUpgrade(r.params[wire.ParamClusterID], r.route.Action))
}

func (c *Cloud) cancelClusterUpgrade(r *request) answer {
	return noBody(c.st.cancelUpgrade(r.params[wire.ParamClusterID], r.route.Action))
}

// noBody answers a change that ACK acknowledges without a body, or its
// refusal.
func noBody(e *Error) answer {
	if e != nil {
		return fail(e)
	}
	return answer{status: http.StatusOK}
}

// upgradeClusterNodepool decodes UpgradeClusterNodepool's body twice: as
// the wire request, and as the nodepool package's upgrade options, which
// the world judges.
func (c *Cloud) upgradeClusterNodepool(r *request) answer {
	var body wire.UpgradeNodePoolRequest
	if e := decodeBody(r.route.Action, r.body, &body); e != nil {
		return fail(e)
	}
	opts, err := nodepool.UpgradeOptionsFromRequest(r.body)
	if err != nil {
		return fail(NewError(InvalidParameterFormat, "UpgradeClusterNodepool body: %v", err))
	}
	s, e := c.st.upgradePool(r.params[wire.ParamClusterID], r.params[wire.ParamNodepoolID], &body, opts, r.route.Action)
	return respond(e, wire.UpgradeNodePoolResponse{RequestID: r.id, TaskID: s.taskID})
}
