package cluster

import (
	"fmt"

	"github.com/ackgo/ack/quota"
)

// Rules about the container network and the NAT gateway.

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
