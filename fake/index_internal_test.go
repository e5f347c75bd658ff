package fake

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/netip"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/quota"
)

func TestVPCCIDRsOverlaps(t *testing.T) {
	tests := []struct {
		name    string
		held    []string // added in order
		removed []string // then removed
		queries []string
	}{
		{"none held", nil, nil, []string{"10.0.0.0/8", "0.0.0.0/0"}},
		{"disjoint", []string{"10.1.0.0/16", "172.16.0.0/20"}, nil,
			[]string{"10.2.0.0/16", "10.1.0.0/16", "10.1.2.0/24", "10.0.0.0/8", "172.16.16.0/20", "172.16.8.0/21", "0.0.0.0/0", "192.168.0.0/16"}},
		{"nested and repeated", []string{"10.0.0.0/8", "10.1.0.0/16", "10.1.0.0/16"}, nil,
			[]string{"10.1.1.0/24", "11.0.0.0/8", "8.0.0.0/6", "10.255.255.255/32"}},
		{"removed", []string{"10.1.0.0/16", "10.2.0.0/16", "10.1.0.0/16"}, []string{"10.1.0.0/16", "10.2.0.0/16"},
			[]string{"10.1.0.0/16", "10.2.0.0/16", "10.0.0.0/8"}},
		{"IPv6 apart from IPv4", []string{"fd00::/8", "10.0.0.0/8"}, nil,
			[]string{"fd00:1::/32", "::ffff:10.0.0.0/104", "::/0", "fe00::/8", "10.1.0.0/16"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := &vpcCIDRs{exact: map[prefixKey]int{}, under: map[prefixKey]int{}}
			var held []netip.Prefix
			for _, s := range tt.held {
				p := netip.MustParsePrefix(s).Masked()
				v.add(p, 1)
				held = append(held, p)
			}
			for _, s := range tt.removed {
				p := netip.MustParsePrefix(s).Masked()
				v.add(p, -1)
				held = slices.Delete(held, slices.Index(held, p), slices.Index(held, p)+1)
			}
			for _, s := range tt.queries {
				q := netip.MustParsePrefix(s).Masked()
				want := slices.ContainsFunc(held, q.Overlaps)
				if got := v.overlaps(q); got != want {
					t.Errorf("overlaps(%s) = %v, want %v (held %v)", q, got, want, held)
				}
			}
			if len(held) == 0 && (len(v.exact) != 0 || len(v.under) != 0) {
				t.Errorf("nothing held, but the index keeps %d and %d keys", len(v.exact), len(v.under))
			}
		})
	}
}

// serviceCIDR is the nth /20 of 172.16.0.0/12.
func serviceCIDR(n int) string { return fmt.Sprintf("172.%d.%d.0/20", 16+n/16, n%16*16) }

// checkIndexLocked compares the store's index with what it indexes,
// computed again from the clusters.
func checkIndexLocked(t *testing.T, s *store) {
	t.Helper()
	u := s.usageLocked()
	ix := usageIndex{s}
	for _, k := range []quota.ClusterKind{quota.OtherCluster, quota.Dedicated, quota.Managed, quota.Serverless} {
		if got, want := ix.CountKind(k), u.CountKind(k); got != want {
			t.Errorf("index counts %d %s clusters, the store holds %d", got, k, want)
		}
	}
	for _, cu := range u.Clusters {
		got, ok := ix.Cluster(cu.ID)
		if diff := cmp.Diff(cu, got); !ok || diff != "" {
			t.Errorf("index usage of cluster %s (found %v; -store +index):\n%s", cu.ID, ok, diff)
		}
	}
	if !slices.IsSortedFunc(s.order, func(a, b *clusterRec) int { return int(a.seq - b.seq) }) {
		t.Error("the creation order is not sorted by seq")
	}
	byVPC := map[string][]netip.Prefix{}
	for _, c := range s.cidrUsesLocked() {
		byVPC[c.vpcID] = append(byVPC[c.vpcID], c.cidr)
	}
	for vpc, v := range s.idx.cidrs {
		if len(byVPC[vpc]) == 0 {
			t.Errorf("index keeps CIDRs of vpc %s, which no cluster holds", vpc)
		}
		for _, p := range byVPC[vpc] {
			if !v.overlaps(p) {
				t.Errorf("index of vpc %s misses %s", vpc, p)
			}
		}
	}
	for vpc := range byVPC {
		if s.idx.cidrs[vpc] == nil && vpc != "" {
			t.Errorf("index keeps no CIDR of vpc %s", vpc)
		}
	}
}

// TestIndexFollowsStore creates and deletes clusters of every kind, some
// in shared VPCs, and node pools, at random, checking after every call
// that the index says what recomputing it from the clusters says.
func TestIndexFollowsStore(t *testing.T) {
	l := quota.CurrentDefaults()
	l.Clusters.Max, l.ManagedClusters.Max, l.ServerlessClusters.Max = 40, 30, 30
	c := New(WithProgressions(Immediately()), WithLimits(l))
	cfg := c.Config()
	ctx := context.Background()
	r := rand.New(rand.NewPCG(7, 11))
	var ids []string
	overlaps := 0
	do := func(req *ack.Request) ([]byte, error) {
		resp, err := cfg.Do(ctx, req)
		if err != nil {
			return nil, err
		}
		return resp.Body, nil
	}
	for i := range 200 {
		switch op := r.IntN(10); {
		case op < 5 || len(ids) == 0:
			vpc := fmt.Sprintf("vpc-ix%d", r.IntN(4))
			body := map[string]any{
				"name": fmt.Sprintf("ix-%d", i), "region_id": DefaultRegion, "vpcid": vpc,
				"vswitch_ids": []string{"vsw-" + vpc[4:]}, "snat_entry": true,
				// Overlaps with another cluster of the VPC now and then.
				"service_cidr": serviceCIDR(r.IntN(48)),
			}
			switch r.IntN(3) {
			case 0:
				body["cluster_type"], body["cluster_spec"] = "ManagedKubernetes", "ack.pro.small"
				body["container_cidr"] = fmt.Sprintf("10.%d.0.0/16", r.IntN(40))
				body["addons"] = []map[string]any{{"name": "flannel"}}
			case 1:
				body["cluster_type"], body["profile"] = "ManagedKubernetes", "Serverless"
			default:
				body["cluster_type"] = "Kubernetes"
				body["master_count"], body["login_password"] = 3, "Hello1234!"
				body["master_vswitch_ids"] = []string{"vsw-" + vpc[4:], "vsw-" + vpc[4:], "vsw-" + vpc[4:]}
				body["master_instance_types"] = []string{"ecs.g7.large", "ecs.g7.large", "ecs.g7.large"}
				body["container_cidr"] = fmt.Sprintf("10.%d.0.0/16", r.IntN(40))
				body["addons"] = []map[string]any{{"name": "flannel"}}
			}
			req := wire.NewRequest(wire.ActionCreateCluster)
			req.Body, _ = json.Marshal(body)
			b, err := do(req)
			if err == nil {
				cr, _ := wire.Decode[wire.CreateClusterResponse](b)
				ids = append(ids, cr.ClusterID)
			} else if strings.Contains(err.Error(), RuleClusterOverlap) {
				overlaps++
			}
		case op < 7:
			id := ids[r.IntN(len(ids))]
			req := wire.NewRequest(wire.ActionCreateClusterNodePool, id)
			req.Body, _ = json.Marshal(map[string]any{
				"nodepool_info":     map[string]any{"name": fmt.Sprintf("p%d", i)},
				"scaling_group":     map[string]any{"vswitch_ids": []string{"vsw-ix0"}, "instance_types": []string{"ecs.g7.xlarge"}, "desired_size": r.IntN(5), "key_pair": "k"},
				"kubernetes_config": map[string]any{"runtime": "containerd"},
			})
			_, _ = do(req)
		default:
			k := r.IntN(len(ids))
			if _, err := do(wire.NewRequest(wire.ActionDeleteCluster, ids[k])); err == nil || ack.IsNotFound(err) {
				ids = slices.Delete(ids, k, k+1)
			}
		}
		c.st.mu.Lock()
		checkIndexLocked(t, c.st)
		c.st.mu.Unlock()
		if t.Failed() {
			t.Fatalf("after step %d", i)
		}
	}
	if overlaps == 0 {
		t.Error("no create was refused for overlapping CIDRs: the test misses the refusal path")
	}
	if n := len(c.Clusters()); n < 10 {
		t.Fatalf("only %d clusters lived to the end: the test made too few", n)
	}
}
