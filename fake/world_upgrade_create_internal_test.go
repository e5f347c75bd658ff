package fake

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/internal/wire"
)

// worldCounts is how much the world holds: what a refused change must
// leave as it was.
type worldCounts struct {
	VPCs, VSwitches, Clusters, Tasks, Nodes, Hosts int
	CIDRs                                          int
}

func countWorld(t *testing.T, c *Cloud) worldCounts {
	t.Helper()
	n, _ := read(c.st, func(time.Time) (worldCounts, *Error) {
		s := c.st
		nodes := 0
		for _, rec := range s.clusters {
			nodes += len(rec.nodes)
		}
		return worldCounts{
			VPCs: len(s.net.vpcs), VSwitches: len(s.net.vswitches), Clusters: len(s.clusters),
			Tasks: len(s.tasks), Nodes: nodes, Hosts: len(s.hosts), CIDRs: len(s.idx.cidrs),
		}, nil
	})
	return n
}

// TestRefusedCreateVersionLeavesNoState asks CreateCluster for versions
// that are not creatable at the default start, in a VPC the fake would
// register on use and in one it would create from zone_ids: each create is
// refused with rule RuleCreateVersion and leaves no VPC, vSwitch, cluster,
// task, node or CIDR behind. The same bodies with a creatable version are
// then admitted, so the refusals were the version's.
func TestRefusedCreateVersionLeavesNoState(t *testing.T) {
	named := func(v string) *wire.CreateClusterRequest {
		return &wire.CreateClusterRequest{
			Name: "named", RegionID: DefaultRegion, ClusterType: "ManagedKubernetes", ClusterSpec: "ack.pro.small",
			VPCID: "vpc-refused", VSwitchIDs: []string{"vsw-refused"}, KubernetesVersion: v,
			ContainerCIDR: "172.20.0.0/16", ServiceCIDR: "172.21.0.0/20", SNATEntry: wire.Bool(true),
			Addons: []wire.Addon{{Name: "flannel"}},
		}
	}
	zoned := func(v string) *wire.CreateClusterRequest {
		return &wire.CreateClusterRequest{
			Name: "zoned", RegionID: DefaultRegion, ClusterType: "ManagedKubernetes", ClusterSpec: "ack.pro.small",
			ZoneIDs: []string{"cn-hangzhou-i"}, KubernetesVersion: v,
			ContainerCIDR: "172.24.0.0/16", ServiceCIDR: "172.25.0.0/20", SNATEntry: wire.Bool(true),
			Addons: []wire.Addon{{Name: "flannel"}},
		}
	}
	tests := []struct {
		name string
		body func(v string) *wire.CreateClusterRequest
		v    string
	}{
		{"named VPC, offline version", named, "1.30.7-aliyun.1"},
		{"named VPC, odd minor", named, "1.33.3-aliyun.1"},
		{"named VPC, unreleased version", named, "1.36.1-aliyun.1"},
		{"zones only, offline version", zoned, "1.30.7-aliyun.1"},
		{"zones only, retired version", zoned, "1.28.3-aliyun.1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New()
			before := countWorld(t, c)
			_, e := c.st.createCluster(tt.body(tt.v))
			if e == nil || e.Code != InvalidParameter || !strings.Contains(e.Message, tt.v+" is not creatable") || !strings.Contains(e.Message, RuleCreateVersion) {
				t.Fatalf("create on %s: %v; want InvalidParameter naming the version and rule %s", tt.v, e, RuleCreateVersion)
			}
			if after := countWorld(t, c); !cmp.Equal(before, after) {
				t.Errorf("a refused create changed the world (-before +after):\n%s", cmp.Diff(before, after))
			}
			if _, ok := c.VPC("vpc-refused"); ok {
				t.Errorf("a refused create registered its VPC")
			}
			if _, ok := c.VSwitch("vsw-refused"); ok {
				t.Errorf("a refused create registered its vSwitch")
			}
			if _, e := c.st.createCluster(tt.body(DefaultKubernetesVersion)); e != nil {
				t.Fatalf("the same body on %s: %v", DefaultKubernetesVersion, e)
			}
			if after := countWorld(t, c); after.Clusters != before.Clusters+1 || after.VPCs <= before.VPCs {
				t.Errorf("an admitted create: %+v, then %+v; want one more cluster and its VPC", before, after)
			}
		})
	}
}
