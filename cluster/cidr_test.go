package cluster_test

import (
	"errors"
	"net/netip"
	"strings"
	"testing"

	"github.com/ackgo/ack/cluster"
)

func TestParseCIDR(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr string
	}{
		{"172.20.0.0/16", "172.20.0.0/16", ""},
		{"10.0.0.0/8", "10.0.0.0/8", ""},
		{"192.168.0.0/32", "192.168.0.0/32", ""},
		{"10.0.0.1/8", "", `"10.0.0.1/8" has host bits set; the network is 10.0.0.0/8`},
		{"fd00::/8", "", `"fd00::/8" is not an IPv4 CIDR block`},
		{"10.0.0.0", "", `"10.0.0.0" is not a CIDR block such as 172.20.0.0/16`},
		{"", "", `"" is not a CIDR block`},
		{"10.0.0.0/33", "", `"10.0.0.0/33" is not a CIDR block`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := cluster.ParseCIDR(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("ParseCIDR(%q) = %v, %v; want an error with %q", tt.in, got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got.String() != tt.want {
				t.Fatalf("ParseCIDR(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
			}
		})
	}
}

// FuzzParseCIDR checks that a parsed CIDR is an IPv4 network without host
// bits that prints back to what was parsed, and that nothing else parses.
func FuzzParseCIDR(f *testing.F) {
	for _, s := range []string{"172.20.0.0/16", "10.0.0.1/8", "fd00::/8", "1.2.3.4", "0.0.0.0/0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := cluster.ParseCIDR(s)
		if err != nil {
			if errors.Unwrap(err) != nil {
				t.Errorf("ParseCIDR(%q) wraps %v; its error is its own", s, errors.Unwrap(err))
			}
			return
		}
		if !p.Addr().Is4() || p.Masked() != p {
			t.Errorf("ParseCIDR(%q) = %v: not an IPv4 network", s, p)
		}
		if again, err := netip.ParsePrefix(p.String()); err != nil || again != p {
			t.Errorf("ParseCIDR(%q) = %v does not print back (%v, %v)", s, p, again, err)
		}
	})
}
