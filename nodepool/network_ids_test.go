package nodepool_test

import (
	"strings"
	"testing"

	"github.com/ackgo/ack/nodepool"
)

func TestNetworkIDFormats(t *testing.T) {
	tests := []struct {
		id           string
		vswOK, vpcOK bool
	}{
		{"vsw-bp1a2b3c", true, false},
		{"vsw-demo", true, false},
		{"vsw-pod-a", true, false},
		{"vsw-0", true, false},
		{"vsw-" + strings.Repeat("a", 64), true, false},
		{"vsw-" + strings.Repeat("a", 65), false, false},
		{"vsw-", false, false},
		{"vsw--a", false, false},
		{"vsw-BP1", false, false},
		{"vsw-bad_id", false, false},
		{"vsw-a.b", false, false},
		{"VSW-a", false, false},
		{"subnet-1", false, false},
		{"", false, false},
		{"vpc-demo", false, true},
		{"vpc-bp1-x", false, true},
		{"vpc-...", false, false},
		{"VPC_1", false, false},
		{"vpc-" + strings.Repeat("9", 64), false, true},
		{"vpc-" + strings.Repeat("9", 65), false, false},
		{" vpc-demo", false, false},
		{"vpc-démo", false, false},
	}
	for _, tt := range tests {
		if got := nodepool.ValidVSwitchID(tt.id); got != tt.vswOK {
			t.Errorf("ValidVSwitchID(%q) = %v, want %v", tt.id, got, tt.vswOK)
		}
		if got := nodepool.ValidVPCID(tt.id); got != tt.vpcOK {
			t.Errorf("ValidVPCID(%q) = %v, want %v", tt.id, got, tt.vpcOK)
		}
	}
}
