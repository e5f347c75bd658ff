package fake

import (
	"net/netip"
	"testing"
)

func TestFreeRange(t *testing.T) {
	ps := func(s ...string) []netip.Prefix {
		out := make([]netip.Prefix, len(s))
		for i, c := range s {
			out[i] = netip.MustParsePrefix(c)
		}
		return out
	}
	tests := []struct {
		name  string
		want  string
		taken []netip.Prefix
		free  string // empty: none
	}{
		{"the next block after the default", "172.19.0.0/20", ps("172.19.0.0/20"), "172.19.16.0/20"},
		{"past a VPC in the way", "172.19.0.0/20", ps("172.19.0.0/20", "172.19.16.0/20"), "172.19.32.0/20"},
		{"nothing taken: the range itself", "172.19.0.0/20", nil, "172.19.0.0/20"},
		{"the first pool full", "172.19.0.0/20", ps("172.16.0.0/12"), "192.168.0.0/20"},
		{"wrapping to the pool's start", "172.31.240.0/20", ps("172.31.240.0/20"), "172.16.0.0/20"},
		{"outside the pools", "10.0.0.0/16", ps("10.0.0.0/8"), "172.16.0.0/16"},
		{"a /12 asks for a /16", "172.16.0.0/12", ps("172.16.0.0/16"), "172.17.0.0/16"},
		{"a /28 asks for a /24", "192.168.0.0/28", ps("192.168.0.0/24"), "192.168.1.0/24"},
		{"all taken", "172.19.0.0/20", ps("172.16.0.0/12", "192.168.0.0/16"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := freeRange(netip.MustParsePrefix(tt.want), tt.taken)
			if tt.free == "" {
				if ok {
					t.Errorf("freeRange = %s, want none", got)
				}
				return
			}
			if !ok || got.String() != tt.free {
				t.Errorf("freeRange = %s, %t; want %s", got, ok, tt.free)
			}
		})
	}
}
