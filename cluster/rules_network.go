package cluster

import (
	"fmt"

	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/quota"
)

// Rules about the VPC and vSwitch IDs, the container network and the NAT
// gateway.

// checkVPCRequired refuses a cluster without a VPC. ACK creates a VPC only
// for a request that names zones instead (zone_id, zone_ids: the fake reads
// them from the wire; a Spec has no such field).
func checkVPCRequired(s Spec, o options, r report) {
	if s.VPCID == "" && !o.autoVPC {
		r(fieldVPC, "is required: the ID of the VPC the cluster's vSwitches are in (vpc-...)")
	}
}

func checkVPCID(s Spec, _ options, r report) {
	if s.VPCID != "" && !nodepool.ValidVPCID(s.VPCID) {
		r(fieldVPC, "is %q, not a VPC ID (vpc-...)", s.VPCID)
	}
}

// checkVSwitchIDs checks every vSwitch the cluster names. An empty master
// vSwitch is left to rule "cluster.masters.vswitches", which counts them.
func checkVSwitchIDs(s Spec, _ options, r report) {
	check := func(field string, ids []string, skipEmpty bool) {
		for i, id := range ids {
			if (id != "" || !skipEmpty) && !nodepool.ValidVSwitchID(id) {
				r(fmt.Sprintf("%s[%d]", field, i), "is %q, not a vSwitch ID (vsw-...)", id)
			}
		}
	}
	check(fieldVSwitches, vswitchIDs(s.VSwitches), false)
	if s.Masters != nil {
		check(fieldMasterVSwitches, vswitchIDs(s.Masters.VSwitches), true)
	}
	if s.Workers != nil {
		check(fieldWorkerVSwitches, vswitchIDs(s.Workers.VSwitches), false)
	}
	check(fieldPodVSwitches, s.Network.PodVSwitchIDs, false)
}

func checkPlugin(s Spec, _ options, r report) {
	switch p := s.Network.Plugin; {
	case p != NoNetworkPlugin && p != Flannel && p != Terway:
		r(fieldPlugin, "is %s; it must be Flannel or Terway", p)
	case p == NoNetworkPlugin && s.Form.HasNodes():
		r(fieldPlugin, "is required for %s clusters: Flannel or Terway", s.Form)
	}
}

func checkPodCIDR(s Spec, _ options, r report) {
	if s.Network.Plugin == Flannel && s.Network.PodCIDR == "" {
		r(fieldPodCIDR, "is required with Flannel")
	}
}

// nodeCIDRMaskDescription describes rule "cluster.network.node_cidr_mask"
// from the limits it enforces.
func nodeCIDRMaskDescription() string {
	lo, hi := NodeCIDRMaskRange()
	return fmt.Sprintf("Flannel's node CIDR mask is %d to %d: a node runs at most %d pods (quota.MaxPodsPerNode) and gets at least %d addresses",
		lo, hi, quota.MaxPodsPerNode, PodsPerNode(hi))
}

func checkNodeCIDRMask(s Spec, _ options, r report) {
	m := s.Network.NodeCIDRMask
	if m == 0 {
		return
	}
	lo, hi := NodeCIDRMaskRange()
	switch {
	case m < lo && m >= 0:
		r(fieldNodeCIDRMask, "is %d, which gives %d pods per node; at most %d are allowed (mask %d to %d)",
			m, PodsPerNode(m), quota.MaxPodsPerNode, lo, hi)
	case m < lo || m > hi:
		r(fieldNodeCIDRMask, "is %d; it must be %d to %d", m, lo, hi)
	}
}

func checkNAT(s Spec, _ options, r report) {
	if s.Form.HasNodes() && s.SNAT != nil && !*s.SNAT {
		r(fieldSNAT, "is false, but %s clusters must create a NAT gateway", s.Form)
	}
}
