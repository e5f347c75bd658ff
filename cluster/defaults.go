package cluster

import "github.com/ackgo/ack/quota"

// ACK's defaults for the fields a Spec may leave empty (API reference,
// CreateCluster).
const (
	// DefaultServiceCIDR is the Service range when ServiceCIDR is empty.
	// A Service CIDR may not overlap the ranges of the other clusters in
	// the VPC (CreateCluster reference), so a second cluster in a VPC
	// needs another: the refusal of one that keeps the default (the
	// fake's rule "fake.network.cluster-cidr-overlap") names a free range.
	DefaultServiceCIDR = "172.19.0.0/20"
	// DefaultNodeCIDRMask is Flannel's node block prefix length when
	// NodeCIDRMask is zero: 64 addresses per node.
	DefaultNodeCIDRMask = 26
	// DefaultMasterCount is the number of masters of a dedicated cluster
	// when Masters.Count is zero.
	DefaultMasterCount = 3
	// DefaultMasterDiskCategory is the masters' system disk category when
	// none is set.
	DefaultMasterDiskCategory = "cloud_ssd"
	// DefaultMasterDiskSize is the masters' system disk size in GiB when
	// none is set.
	DefaultMasterDiskSize = 120
	// DefaultChargeType is the charge type of ECS nodes when none is set:
	// pay-as-you-go.
	DefaultChargeType = "PostPaid"
	// MaxNodeCIDRMask is the longest node CIDR mask ACK accepts: 16
	// addresses per node.
	MaxNodeCIDRMask = 28
	// MaxTags is the most tags a cluster may carry.
	MaxTags = 20
	// MaxWorkers is the most legacy workers a cluster is created with
	// (num_of_nodes: 0 to 100).
	MaxWorkers = 100
)

// NodeCIDRMaskRange returns the node CIDR masks a Flannel cluster may use.
// The shortest mask is the one whose block holds quota.MaxPodsPerNode
// addresses, since a node never runs more pods than that (24 for 256);
// the longest is MaxNodeCIDRMask.
func NodeCIDRMaskRange() (shortest, longest int) {
	mask := 32
	for mask > 0 && 1<<(32-(mask-1)) <= quota.MaxPodsPerNode {
		mask--
	}
	return mask, MaxNodeCIDRMask
}

// PodsPerNode returns how many pod addresses a node gets from a Flannel
// node CIDR mask (2^(32-mask)); zero means DefaultNodeCIDRMask.
func PodsPerNode(mask int) int {
	if mask == 0 {
		mask = DefaultNodeCIDRMask
	}
	if mask < 0 || mask > 32 {
		return 0
	}
	return 1 << (32 - mask)
}

// WithDefaults returns a copy of s with ACK's defaults filled in where s
// leaves a field empty: ServiceCIDR, SNAT (on), Flannel's NodeCIDRMask,
// and for dedicated clusters the masters' count, system disk and charge
// type. Legacy workers get the default charge type. It fills nothing that
// depends on the account or the region (Kubernetes version, time zone).
func (s Spec) WithDefaults() Spec {
	c := s.Clone()
	if c.ServiceCIDR == "" {
		c.ServiceCIDR = DefaultServiceCIDR
	}
	if c.SNAT == nil {
		c.SNAT = Bool(true)
	}
	if c.Network.Plugin == Flannel && c.Network.NodeCIDRMask == 0 {
		c.Network.NodeCIDRMask = DefaultNodeCIDRMask
	}
	if m := c.Masters; m != nil {
		if m.Count == 0 {
			m.Count = DefaultMasterCount
		}
		if m.SystemDisk.Category == "" {
			m.SystemDisk.Category = DefaultMasterDiskCategory
		}
		if m.SystemDisk.Size == 0 {
			m.SystemDisk.Size = DefaultMasterDiskSize
		}
		if m.ChargeType == "" {
			m.ChargeType = DefaultChargeType
		}
	}
	if w := c.Workers; w != nil && w.ChargeType == "" {
		w.ChargeType = DefaultChargeType
	}
	return c
}
