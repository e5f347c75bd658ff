package fake

import (
	"strings"

	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/nodepool"
)

// poolSnap is a deep copy of a node pool and its nodes, taken under the
// lock and rendered without it.
type poolSnap struct {
	rec             poolRec
	state           nodepool.State
	nodes           []nodeRec
	region          string
	securityGroupID string
}

// poolSnapshotLocked copies pool p of cluster c with the state it reports.
func (s *store) poolSnapshotLocked(c *clusterRec, p *poolRec) poolSnap {
	r := *p
	r.spec = p.spec.Clone()
	r.op, r.failNext = nil, nil
	snap := poolSnap{rec: r, state: s.poolStateLocked(c, p), region: c.spec.Region, securityGroupID: c.extra.securityGroupID}
	for _, n := range s.poolNodesLocked(c, p) {
		snap.nodes = append(snap.nodes, *n)
	}
	return snap
}

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

// poolMatches applies DescribeClusterNodePools' NodepoolName filter: a
// substring of the pool's name, as DescribeClustersV1 matches names.
func poolMatches(p *poolRec, name string) bool {
	return name == "" || strings.Contains(p.spec.Name, name)
}
