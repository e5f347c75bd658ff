package cluster_test

import (
	"context"
	"errors"
	"regexp"
	"testing"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
)

// TestDefaultServiceCIDRsShareNoVPC creates clusters with the default
// Service CIDR in one VPC: the second is refused, since two clusters in a
// VPC may not share a range, and the refusal names a free range; a third
// cluster with that range is created.
func TestDefaultServiceCIDRsShareNoVPC(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name string
		vpc  fake.VPC
		spec func(n string) cluster.Spec
	}{
		{"serverless, VPC of unknown CIDR", fake.VPC{ID: "vpc-shared"}, func(n string) cluster.Spec {
			s := clientServerless(n)
			s.VPCID, s.ServiceCIDR = "vpc-shared", ""
			return s
		}},
		{"managed Terway, VPC of 172.19.16.0/20", fake.VPC{ID: "vpc-shared", CIDR: "172.19.16.0/20"}, func(n string) cluster.Spec {
			s := clientManaged(n)
			s.VPCID = "vpc-shared"
			s.VSwitches = []cluster.VSwitch{{ID: "vsw-shared" + n}}
			s.Network = cluster.Network{Plugin: cluster.Terway, PodVSwitchIDs: []string{"vsw-pods" + n}}
			return s
		}},
	}
	free := regexp.MustCompile(`(\d+\.\d+\.\d+\.\d+/\d+) is free`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cloud := fake.New(fake.WithVPC(tt.vpc))
			c := newClient(cloud)
			first := createRunning(t, c, tt.spec("1"))
			if first.Spec.ServiceCIDR != cluster.DefaultServiceCIDR {
				t.Fatalf("first cluster's Service CIDR %q, want the default", first.Spec.ServiceCIDR)
			}

			_, err := c.Create(ctx, tt.spec("2"))
			var ve *ack.ValidationError
			if !errors.As(err, &ve) || !ve.HasRule(fake.RuleClusterOverlap) {
				t.Fatalf("second Create = %v; want a refusal by %s", err, fake.RuleClusterOverlap)
			}
			m := free.FindStringSubmatch(err.Error())
			if m == nil {
				t.Fatalf("second Create = %v; want it to name a free range", err)
			}

			third := tt.spec("3")
			third.ServiceCIDR = m[1]
			cl := createRunning(t, c, third)
			if cl.Spec.ServiceCIDR != m[1] {
				t.Errorf("third cluster's Service CIDR %q, want %s", cl.Spec.ServiceCIDR, m[1])
			}
		})
	}
}
