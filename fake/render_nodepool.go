package fake

import (
	"github.com/ackgo/ack/internal/wire"
)

// renderPool turns a pool snapshot into DescribeClusterNodePoolDetail's
// answer (and an item of DescribeClusterNodePools). The fields the
// nodepool package models are written by it (Spec.CreateRequest), so that
// nodepool.PoolFromDetail reads back the Spec the fake holds, without the
// password, which ACK never reports. desired_size is reported unless the
// pool is autoscaled; status counts the nodes by state.
func renderPool(ps poolSnap) wire.NodePoolDetail {
	p := ps.rec
	np := poolWire.CreateRequest(p.spec)
	np.NodepoolInfo.NodepoolID = p.id
	np.NodepoolInfo.IsDefault = wire.Bool(p.isDefault)
	np.NodepoolInfo.RegionID = ps.region
	np.NodepoolInfo.Created = formatTime(p.created)
	np.NodepoolInfo.Updated = formatTime(p.updated)
	sg := np.ScalingGroup
	sg.LoginPassword = ""
	sg.ScalingGroupID = p.scalingGroupID
	sg.SecurityGroupID = ps.securityGroupID
	if ps.securityGroupID != "" {
		sg.SecurityGroupIDs = []string{ps.securityGroupID}
	}
	st := &wire.NodePoolStatus{State: string(ps.state), TotalNodes: int64(len(ps.nodes))}
	for _, n := range ps.nodes {
		switch n.state {
		case nodeRunning:
			st.ServingNodes++
			st.HealthyNodes++
		case nodeInitial:
			st.InitialNodes++
		case nodeRemoving:
			st.RemovingNodes++
		case nodeFailed:
			st.FailedNodes++
		}
	}
	return wire.NodePoolDetail{Nodepool: *np, Status: st}
}
