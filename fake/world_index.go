package fake

import (
	"net/netip"
	"slices"
	"time"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/quota"
)

// index is what the store keeps up to date as clusters come and go, so
// that admitting a create, a node pool or a scale and serving a page of
// the cluster list cost the same in a fleet of ten thousand clusters as in
// one of ten: the living clusters counted by quota kind, the pod and
// Service CIDRs held in each VPC, and the clusters whose deletion is under
// way (the only ones that can leave the list without being read). Every
// method expects the store's lock held.
type index struct {
	kinds    [quota.Serverless + 1]int
	cidrs    map[string]*vpcCIDRs // by VPC ID
	deleting map[*clusterRec]struct{}
	// seq numbers the clusters in the order they were stored, so that a
	// removed cluster is found in store.order by binary search.
	seq int64
}

func newIndex() index {
	return index{cidrs: map[string]*vpcCIDRs{}, deleting: map[*clusterRec]struct{}{}}
}

// kindOf is the quota kind of a cluster, fixed at creation.
func kindOf(c *clusterRec) quota.ClusterKind { return quota.ClassifyCluster(c.wireType, c.profile) }

// addClusterLocked stores a new cluster: in the map, at the end of the
// creation order and in the index.
func (s *store) addClusterLocked(c *clusterRec) {
	s.idx.seq++
	c.seq = s.idx.seq
	s.clusters[c.id] = c
	s.order = append(s.order, c)
	s.idx.kinds[kindOf(c)]++
	for _, u := range c.cidrs {
		s.idx.vpc(u.vpcID).add(u.cidr, 1)
	}
}

// unindexLocked takes a cluster that is being removed out of the creation
// order and the index.
func (s *store) unindexLocked(c *clusterRec) {
	if i, found := slices.BinarySearchFunc(s.order, c.seq, func(x *clusterRec, seq int64) int {
		return int(x.seq - seq)
	}); found && s.order[i] == c {
		s.order = slices.Delete(s.order, i, i+1)
	} else {
		s.order = slices.DeleteFunc(s.order, func(x *clusterRec) bool { return x == c })
	}
	s.idx.kinds[kindOf(c)]--
	for _, u := range c.cidrs {
		v := s.idx.vpc(u.vpcID)
		if v.add(u.cidr, -1) {
			delete(s.idx.cidrs, u.vpcID)
		}
	}
	delete(s.idx.deleting, c)
}

// settleDeletingLocked settles the clusters whose deletion is under way, so
// that those whose deletion is due by now leave the creation order. The
// other clusters cannot leave it without being read.
func (s *store) settleDeletingLocked(now time.Time) {
	for c := range s.idx.deleting {
		s.settleLocked(c, now)
		if c.state != cluster.StateDeleting && c.state != cluster.StateDeleted {
			delete(s.idx.deleting, c) // the deletion failed
		}
	}
}

// usageIndex reads the account's usage from the store's index, for
// quota.CheckIndex: counts by kind, and one cluster's nodes, node pools
// and container instances from its record.
type usageIndex struct{ s *store }

// CountKind returns how many living clusters (deleting ones too) are of
// kind k.
func (u usageIndex) CountKind(k quota.ClusterKind) int {
	if k < 0 || int(k) >= len(u.s.idx.kinds) {
		return 0
	}
	return u.s.idx.kinds[k]
}

// Cluster returns what a living cluster uses now.
func (u usageIndex) Cluster(id string) (quota.ClusterUsage, bool) {
	c, ok := u.s.clusters[id]
	if !ok {
		return quota.ClusterUsage{}, false
	}
	return quota.ClusterUsage{
		ID: c.id, Kind: kindOf(c), Nodes: len(c.nodes), NodePools: len(c.pools),
		ContainerInstances: c.containerInstances,
	}, true
}

// cidrOverlapsLocked returns the CIDRs that living clusters hold in VPC
// vpcID and that overlap pod or svc (either may be empty), in the order
// network.admit reports them: by cluster creation, pod before Service. It
// answers from the index in time independent of the number of clusters
// when nothing overlaps, which is what admitting a cluster usually finds;
// only a refusal scans the clusters to name every one in its way.
func (s *store) cidrOverlapsLocked(vpcID, pod, svc string) []cidrUse {
	v := s.idx.cidrs[vpcID]
	if v == nil || vpcID == "" {
		return nil
	}
	p, podOK := parseCIDR(pod)
	q, svcOK := parseCIDR(svc)
	if !(podOK && v.overlaps(p)) && !(svcOK && v.overlaps(q)) {
		return nil
	}
	var out []cidrUse
	for _, u := range s.cidrUsesLocked() {
		if u.vpcID == vpcID && (podOK && p.Overlaps(u.cidr) || svcOK && q.Overlaps(u.cidr)) {
			out = append(out, u)
		}
	}
	return out
}

// vpcCIDRs counts the CIDRs held in one VPC so that an overlap is found
// in a few map lookups: two prefixes overlap exactly when one contains the
// other, so a prefix p overlaps a held one when a held prefix is one of
// p's ancestors (p itself included: exact) or when one lies at or below p
// (under counts, for every prefix, the held prefixes at or below it).
type vpcCIDRs struct {
	exact map[prefixKey]int
	under map[prefixKey]int
}

// prefixKey is a masked prefix as a compact map key: the address in its
// 16-byte form, its bit length and whether it is IPv4 (whose prefixes
// never overlap IPv6 ones).
type prefixKey struct {
	addr [16]byte
	bits uint8
	v4   bool
}

func keyOf(p netip.Prefix) prefixKey {
	return prefixKey{addr: p.Addr().As16(), bits: uint8(p.Bits()), v4: p.Addr().Is4()}
}

func (ix *index) vpc(id string) *vpcCIDRs {
	v := ix.cidrs[id]
	if v == nil {
		v = &vpcCIDRs{exact: map[prefixKey]int{}, under: map[prefixKey]int{}}
		ix.cidrs[id] = v
	}
	return v
}

// add counts a held prefix (delta 1) or forgets one (delta -1), and
// reports whether the VPC holds none any more.
func (v *vpcCIDRs) add(p netip.Prefix, delta int) (empty bool) {
	bump := func(m map[prefixKey]int, k prefixKey) {
		if m[k] += delta; m[k] <= 0 {
			delete(m, k)
		}
	}
	bump(v.exact, keyOf(p))
	for b := p.Bits(); b >= 0; b-- {
		bump(v.under, keyOf(netip.PrefixFrom(p.Addr(), b).Masked()))
	}
	return len(v.exact) == 0
}

// overlaps reports whether p overlaps a held prefix.
func (v *vpcCIDRs) overlaps(p netip.Prefix) bool {
	if v.under[keyOf(p)] > 0 {
		return true
	}
	for b := p.Bits() - 1; b >= 0; b-- {
		if v.exact[keyOf(netip.PrefixFrom(p.Addr(), b).Masked())] > 0 {
			return true
		}
	}
	return false
}
