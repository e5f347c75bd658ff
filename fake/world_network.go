package fake

import (
	"fmt"
	"net/netip"
	"slices"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/nodepool"
)

// VPC is a virtual private cloud known to the fake.
type VPC struct {
	// ID is the VPC ID, "vpc-" and lower-case letters, digits and hyphens
	// (nodepool.ValidVPCID).
	ID string `json:"id"`
	// CIDR is the VPC's address range, for example "192.168.0.0/16"; empty
	// when unknown (a VPC registered on first use). A known CIDR is
	// checked against the pod and Service CIDRs of clusters created in it.
	CIDR string `json:"cidr,omitempty"`
}

// VSwitch is a vSwitch known to the fake.
type VSwitch struct {
	// ID is the vSwitch ID, "vsw-" and lower-case letters, digits and
	// hyphens (nodepool.ValidVSwitchID).
	ID string `json:"id"`
	// VPCID is the VPC the vSwitch belongs to.
	VPCID string `json:"vpc_id"`
	// ZoneID is the vSwitch's zone, for example "cn-hangzhou-k"; empty
	// when unknown. Zones decide whether a cluster is multi-zone.
	ZoneID string `json:"zone_id,omitempty"`
	// CIDR is the vSwitch's address range inside its VPC's; empty when
	// unknown.
	CIDR string `json:"cidr,omitempty"`
}

// Rule IDs of the fake's own network checks, the ones that depend on what
// the fake knows (the overlap of the pod, Service and VPC CIDRs is the
// cluster package's rule "cluster.cidr.overlap", which the fake runs with
// the VPC's CIDR when it knows it). A VPC is required by the cluster
// package's rule "cluster.network.vpc_required" (unless zone_id or
// zone_ids ask for one; a VPC left out but named by known vSwitches is
// filled in before the rules run), and the formats of VPC and vSwitch IDs
// are the domain rules "cluster.network.vpc_id",
// "cluster.network.vswitch_id" and "nodepool.vswitches.format", judged
// before the network is. They appear in refusals as "[rule.id]", like the
// domain packages' rules.
const (
	// RuleVSwitchVPC: every vSwitch belongs to the cluster's VPC.
	RuleVSwitchVPC = "fake.network.vswitch-vpc"
	// RuleClusterOverlap: the pod and Service CIDRs overlap neither CIDR
	// of any other cluster in the same VPC. The source is ACK's
	// CreateCluster reference: the Service CIDR (default 172.19.0.0/20,
	// API.md §2.2) and the pod CIDR may overlap neither the VPC's ranges
	// nor those of the other clusters in the VPC; two clusters in one VPC
	// thus cannot both keep the default. A refusal names a range of the
	// same size that is free (see freeRange), so the next attempt need not
	// guess.
	RuleClusterOverlap = "fake.network.cluster-cidr-overlap"
)

// network holds the VPCs and vSwitches. Unknown but well-formed IDs are
// registered when a cluster that uses them is admitted, unless strict.
// Callers hold the store's lock.
type network struct {
	strict    bool
	vpcs      map[string]VPC
	vswitches map[string]VSwitch
}

func newNetwork(strict bool) *network {
	return &network{strict: strict, vpcs: map[string]VPC{}, vswitches: map[string]VSwitch{}}
}

// addVPC registers or replaces a VPC.
func (n *network) addVPC(v VPC) error {
	if !nodepool.ValidVPCID(v.ID) {
		return fmt.Errorf("vpc %q: id must be \"vpc-\" and lower-case letters, digits and hyphens", v.ID)
	}
	if v.CIDR != "" {
		if _, err := cluster.ParseCIDR(v.CIDR); err != nil {
			return fmt.Errorf("vpc %s: cidr %q: %w", v.ID, v.CIDR, err)
		}
	}
	n.vpcs[v.ID] = v
	return nil
}

// addVSwitch registers or replaces a vSwitch. Its VPC is registered with
// an unknown CIDR when it is not known yet.
func (n *network) addVSwitch(v VSwitch) error {
	if !nodepool.ValidVSwitchID(v.ID) {
		return fmt.Errorf("vswitch %q: id must be \"vsw-\" and lower-case letters, digits and hyphens", v.ID)
	}
	vpc, ok := n.vpcs[v.VPCID]
	if !ok {
		if err := n.addVPC(VPC{ID: v.VPCID}); err != nil {
			return fmt.Errorf("vswitch %s: %w", v.ID, err)
		}
	}
	if v.CIDR != "" {
		p, err := cluster.ParseCIDR(v.CIDR)
		if err != nil {
			return fmt.Errorf("vswitch %s: cidr %q: %w", v.ID, v.CIDR, err)
		}
		if vp, err := cluster.ParseCIDR(vpc.CIDR); err == nil && !(vp.Contains(p.Addr()) && p.Bits() >= vp.Bits()) {
			return fmt.Errorf("vswitch %s: cidr %s is not inside vpc %s's %s", v.ID, v.CIDR, v.VPCID, vpc.CIDR)
		}
	}
	n.vswitches[v.ID] = v
	return nil
}

// inferVPC returns vpcID, or, when it is empty, the VPC of the first of
// vswitchIDs if the fake knows it: ACK finds the VPC of the vSwitches it
// is given. It returns "" when neither tells.
func (n *network) inferVPC(vpcID string, vswitchIDs []string) string {
	if vpcID == "" && len(vswitchIDs) > 0 {
		if sw, ok := n.vswitches[vswitchIDs[0]]; ok {
			return sw.VPCID
		}
	}
	return vpcID
}

// zoneOf returns the zone of a known vSwitch, "" otherwise.
func (n *network) zoneOf(id string) string { return n.vswitches[id].ZoneID }

// netRequest is what admitting a cluster to the network looks at.
type netRequest struct {
	clusterName string
	vpcID       string
	vswitchIDs  []string // every vSwitch the cluster uses, field by field
	fields      []string // the request field of each of vswitchIDs
	podCIDR     string
	serviceCIDR string
	zones       []string // zone_id / zone_ids, for a VPC the fake creates
}

// addVSwitches adds the vSwitches of a request field that lists them,
// each named as the field's item (field[i]).
func (nr *netRequest) addVSwitches(field string, ids []string) {
	for i, id := range ids {
		nr.vswitchIDs = append(nr.vswitchIDs, id)
		nr.fields = append(nr.fields, fmt.Sprintf("%s[%d]", field, i))
	}
}

// hostIP returns an address for host number n of a vSwitch: inside its
// CIDR when the fake knows it, in 192.168.0.0/16 otherwise.
func (n *network) hostIP(vswitchID string, host int) string {
	return string(n.appendHostIP(nil, vswitchID, host))
}

// defaultHostBase is where the addresses of a vSwitch whose CIDR the
// fake does not know start.
var defaultHostBase = netip.AddrFrom4([4]byte{192, 168, 0, 0})

// appendHostIP appends the address hostIP returns to b.
func (n *network) appendHostIP(b []byte, vswitchID string, host int) []byte {
	base := defaultHostBase
	if p, ok := parseCIDR(n.vswitches[vswitchID].CIDR); ok && p.Addr().Is4() {
		base = p.Addr()
	}
	a := base.As4()
	v := uint32(a[0])<<24 | uint32(a[1])<<16 | uint32(a[2])<<8 | uint32(a[3])
	v += uint32(host)
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}).AppendTo(b)
}

// cidrUse is an address range a living cluster holds in a VPC.
type cidrUse struct {
	clusterID string
	vpcID     string
	field     string
	cidr      netip.Prefix
}

// netPlan is an admitted request: the VPC and the vSwitches to register
// when the cluster is created.
type netPlan struct {
	vpc       VPC
	vswitches []VSwitch
	// created is true when the fake made the VPC itself (no vpcid given);
	// then vswitches are new too and are the cluster's control-plane
	// vSwitches.
	created bool
}

// admit checks a cluster's network against what the fake knows, without
// changing anything; commit applies the plan. The callers have judged the
// IDs' formats with the domain rules first (the create rules,
// cluster.Validate, the scale-out checks,
// the node pool create rules), so admit does not. Refusals are an *Error:
// InvalidVpcId.NotFound or InvalidVSwitchId.NotFound in strict mode,
// InvalidParameter listing the broken rules otherwise.
func (n *network) admit(req netRequest, others []cidrUse, ids *idGen) (netPlan, *Error) {
	pod, podOK := parseCIDR(req.podCIDR)
	svc, svcOK := parseCIDR(req.serviceCIDR)
	req.vpcID = n.inferVPC(req.vpcID, req.vswitchIDs)
	var plan netPlan
	var vs []ack.Violation
	if req.vpcID == "" && len(req.zones) > 0 {
		// Rule "cluster.network.vpc_required", run before, refuses a
		// create that names neither a VPC nor zones.
		plan = n.newVPCPlan(req.zones, pod, podOK, svc, svcOK, ids)
	} else {
		var e *Error
		if plan, vs, e = n.vswitchPlan(req); e != nil {
			return netPlan{}, e
		}
	}
	vs = append(vs, n.overlaps(plan.vpc.ID, others, pod, podOK, svc, svcOK)...)
	if len(vs) > 0 {
		ve := &ack.ValidationError{Resource: fmt.Sprintf("cluster %q network", req.clusterName), Violations: vs}
		return netPlan{}, NewError(InvalidParameter, "%s", ve.Error())
	}
	return plan, nil
}

// vswitchPlan admits a request's vSwitches into its VPC: a known vSwitch
// of another VPC breaks rule RuleVSwitchVPC, and unknown ones are planned
// for registration in the VPC (refused, like an unknown VPC, when the
// network is strict).
func (n *network) vswitchPlan(req netRequest) (netPlan, []ack.Violation, *Error) {
	if _, known := n.vpcs[req.vpcID]; !known && n.strict {
		return netPlan{}, nil, NewError(InvalidVpcIDNotFound, "vpc %s does not exist", req.vpcID)
	}
	plan := netPlan{vpc: VPC{ID: req.vpcID}}
	var vs []ack.Violation
	for i, id := range req.vswitchIDs {
		sw, known := n.vswitches[id]
		switch {
		case known && sw.VPCID != req.vpcID:
			vs = append(vs, ack.Violation{Rule: RuleVSwitchVPC, Field: req.fields[i],
				Message: fmt.Sprintf("vswitch %s belongs to vpc %s, not %s", id, sw.VPCID, req.vpcID)})
		case !known && n.strict:
			return netPlan{}, nil, NewError(InvalidVSwitchIDNotFound, "vswitch %s does not exist", id)
		case !known && !slices.ContainsFunc(plan.vswitches, func(v VSwitch) bool { return v.ID == id }):
			plan.vswitches = append(plan.vswitches, VSwitch{ID: id, VPCID: req.vpcID})
		}
	}
	return plan, vs, nil
}

// overlaps returns the violations of rule RuleClusterOverlap by a pod and
// a Service CIDR (each when ok) in VPC vpcID: one for each range of
// another cluster in the VPC (among others) that either overlaps, each
// naming a free range of the same size when there is one.
func (n *network) overlaps(vpcID string, others []cidrUse, pod netip.Prefix, podOK bool, svc netip.Prefix, svcOK bool) []ack.Violation {
	var clash []cidrUse // the other clusters' ranges in the VPC
	for _, o := range others {
		if o.vpcID == vpcID && vpcID != "" {
			clash = append(clash, o)
		}
	}
	var vs []ack.Violation
	for _, f := range []struct {
		field, what string
		p, otherP   netip.Prefix
		ok, otherOK bool
	}{
		{"container_cidr", "pod CIDR", pod, svc, podOK, svcOK},
		{"service_cidr", "Service CIDR", svc, pod, svcOK, podOK},
	} {
		if !f.ok {
			continue
		}
		var overlaps []cidrUse
		for _, o := range clash {
			if f.p.Overlaps(o.cidr) {
				overlaps = append(overlaps, o)
			}
		}
		if len(overlaps) == 0 {
			continue
		}
		hint := ""
		if free, ok := freeRange(f.p, n.takenIn(vpcID, clash, f.otherP, f.otherOK)); ok {
			hint = fmt.Sprintf("; %s is free (set it as the %s)", free, f.what)
		}
		for _, o := range overlaps {
			vs = append(vs, ack.Violation{Rule: RuleClusterOverlap, Field: f.field,
				Message: fmt.Sprintf("%s overlaps the %s %s of cluster %s in vpc %s%s", f.p, o.field, o.cidr, o.clusterID, vpcID, hint)})
		}
	}
	return vs
}

// takenIn returns the ranges a new cluster's range in vpcID must avoid:
// the VPC's CIDR and its vSwitches' when known, the other clusters'
// ranges in it, and the cluster's own other range (pod or Service) when
// ok.
func (n *network) takenIn(vpcID string, others []cidrUse, own netip.Prefix, ok bool) []netip.Prefix {
	var taken []netip.Prefix
	if p, ok := parseCIDR(n.vpcs[vpcID].CIDR); ok {
		taken = append(taken, p)
	}
	for _, sw := range n.vswitches {
		if p, ok := parseCIDR(sw.CIDR); ok && sw.VPCID == vpcID {
			taken = append(taken, p)
		}
	}
	for _, o := range others {
		taken = append(taken, o.cidr)
	}
	if ok {
		taken = append(taken, own)
	}
	return taken
}

// freePools are where freeRange looks, in order: the private ranges ACK
// takes pod and Service CIDRs from, 172.16.0.0/12 first, as the default
// Service CIDR 172.19.0.0/20 is.
var freePools = []netip.Prefix{netip.MustParsePrefix("172.16.0.0/12"), netip.MustParsePrefix("192.168.0.0/16")}

// freeRange returns a range of the size of want (a /16 to a /24) that
// overlaps none of taken: the first free one at or after want in its pool,
// else the first free one of the pools in order. ok is false when none is
// free.
func freeRange(want netip.Prefix, taken []netip.Prefix) (free netip.Prefix, ok bool) {
	bits := min(max(want.Bits(), 16), 24)
	isFree := func(p netip.Prefix) bool {
		return !slices.ContainsFunc(taken, func(t netip.Prefix) bool { return t.Overlaps(p) })
	}
	// scan walks pool's blocks of size bits from the one holding start.
	scan := func(pool netip.Prefix, start netip.Addr) (netip.Prefix, bool) {
		p, _ := start.Prefix(bits)
		for ; p.IsValid() && pool.Contains(p.Addr()); p = nextBlock(p) {
			if isFree(p) {
				return p, true
			}
		}
		return netip.Prefix{}, false
	}
	for _, pool := range freePools {
		if pool.Contains(want.Addr()) && bits >= pool.Bits() {
			if p, ok := scan(pool, want.Addr()); ok {
				return p, true
			}
		}
	}
	for _, pool := range freePools {
		if bits >= pool.Bits() {
			if p, ok := scan(pool, pool.Addr()); ok {
				return p, true
			}
		}
	}
	return netip.Prefix{}, false
}

// nextBlock returns the IPv4 block of p's size that follows p; an invalid
// prefix past the end of the address space.
func nextBlock(p netip.Prefix) netip.Prefix {
	a := p.Addr().As4()
	v := uint64(a[0])<<24 | uint64(a[1])<<16 | uint64(a[2])<<8 | uint64(a[3])
	v += 1 << (32 - p.Bits())
	if v > 0xffffffff {
		return netip.Prefix{}
	}
	return netip.PrefixFrom(netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}), p.Bits())
}

// newVPCPlan makes a VPC for a cluster created without one, as ACK does
// for zone_id / zone_ids: the first private range that overlaps neither
// the pod nor the Service CIDR, and one /20 vSwitch per zone.
func (n *network) newVPCPlan(zones []string, pod netip.Prefix, podOK bool, svc netip.Prefix, svcOK bool, ids *idGen) netPlan {
	ranges := []string{"192.168.0.0/16", "172.16.0.0/12", "10.0.0.0/8"}
	cidr := netip.MustParsePrefix(ranges[0])
	for _, r := range ranges {
		p := netip.MustParsePrefix(r)
		if (!podOK || !p.Overlaps(pod)) && (!svcOK || !p.Overlaps(svc)) {
			cidr = p
			break
		}
	}
	plan := netPlan{vpc: VPC{ID: ids.vpc(), CIDR: cidr.String()}, created: true}
	base := cidr.Addr().As4()
	for i, z := range zones {
		if i >= 16 {
			break
		}
		a := base
		a[2] = byte(i * 16)
		p := netip.PrefixFrom(netip.AddrFrom4(a), 20)
		plan.vswitches = append(plan.vswitches, VSwitch{ID: ids.vswitch(), VPCID: plan.vpc.ID, ZoneID: z, CIDR: p.String()})
	}
	return plan
}

// commit registers what plan found new.
func (n *network) commit(plan netPlan) {
	if _, ok := n.vpcs[plan.vpc.ID]; !ok && plan.vpc.ID != "" {
		n.vpcs[plan.vpc.ID] = plan.vpc
	}
	for _, v := range plan.vswitches {
		if _, ok := n.vswitches[v.ID]; !ok {
			n.vswitches[v.ID] = v
		}
	}
}

// parseCIDR parses a CIDR with cluster.ParseCIDR; ok is false for an
// empty or malformed one (the domain rules report malformed CIDRs).
func parseCIDR(s string) (netip.Prefix, bool) {
	if s == "" {
		return netip.Prefix{}, false
	}
	p, err := cluster.ParseCIDR(s)
	return p, err == nil
}
