package cluster

import (
	"fmt"
	"net/netip"
	"strings"
)

// ParseCIDR parses an IPv4 network in prefix form, as the rules on the
// pod, Service and VPC CIDRs read it (and the fake, for its VPCs and
// vSwitches): the one CIDR parser. It refuses IPv6, a missing prefix
// length and an address with host bits set ("10.0.0.1/8"), which ACK
// refuses too; the error quotes the value and says which.
func ParseCIDR(s string) (netip.Prefix, error) {
	p, err := netip.ParsePrefix(s)
	if err != nil {
		return netip.Prefix{}, fmt.Errorf("%q is not a CIDR block such as 172.20.0.0/16", s)
	}
	if !p.Addr().Is4() {
		return netip.Prefix{}, fmt.Errorf("%q is not an IPv4 CIDR block", s)
	}
	if p.Masked() != p {
		return netip.Prefix{}, fmt.Errorf("%q has host bits set; the network is %s", s, p.Masked())
	}
	return p, nil
}

// effectiveServiceCIDR returns the Service CIDR ACK will use.
func (s Spec) effectiveServiceCIDR() string {
	if s.ServiceCIDR == "" {
		return DefaultServiceCIDR
	}
	return s.ServiceCIDR
}

// cidrField is a CIDR and the field path it came from.
type cidrField struct {
	field, value string
}

// cidrFields returns the CIDRs a spec and the options name, in a fixed
// order: pod, Service (defaulted), VPC blocks.
func cidrFields(s Spec, o options) []cidrField {
	var out []cidrField
	if s.Network.PodCIDR != "" {
		out = append(out, cidrField{fieldPodCIDR, s.Network.PodCIDR})
	}
	out = append(out, cidrField{fieldServiceCIDR, s.effectiveServiceCIDR()})
	for i, c := range o.vpcCIDRs {
		out = append(out, cidrField{fmt.Sprintf("%s[%d]", fieldVPCCIDRs, i), c})
	}
	return out
}

func checkCIDRSyntax(s Spec, o options, r report) {
	for _, f := range cidrFields(s, o) {
		if _, err := ParseCIDR(f.value); err != nil {
			r(f.field, "%v", err)
		}
	}
}

func checkCIDROverlap(s Spec, o options, r report) {
	type parsed struct {
		field  string
		prefix netip.Prefix
	}
	var ok []parsed
	for _, f := range cidrFields(s, o) {
		if p, err := ParseCIDR(f.value); err == nil {
			ok = append(ok, parsed{f.field, p})
		}
	}
	// Each pair once. The VPC's blocks are not compared with each other:
	// they are the VPC's to judge, not the cluster's.
	for i, a := range ok {
		for _, b := range ok[i+1:] {
			if isVPCField(a.field) && isVPCField(b.field) {
				continue
			}
			if a.prefix.Overlaps(b.prefix) {
				r(a.field, "%s overlaps %s %s", a.prefix, describeCIDRField(b.field), b.prefix)
			}
		}
	}
}

// isVPCField reports whether a field path names a VPC block.
func isVPCField(field string) bool {
	return strings.HasPrefix(field, fieldVPCCIDRs+"[")
}

// describeCIDRField names a CIDR field in a message.
func describeCIDRField(field string) string {
	switch {
	case field == fieldServiceCIDR:
		return "the Service CIDR"
	case isVPCField(field):
		return "the VPC's CIDR"
	}
	return "the pod CIDR"
}
