package fake

import (
	"strings"

	"github.com/ackgo/ack/nodepool"
)

// The copies the world hands out: taken under the lock, rendered and
// viewed without it.

// snapshot is a deep copy of a cluster, and of its nodes when asked for,
// taken under the lock and rendered without it.
type snapshot struct {
	rec   clusterRec
	size  int       // the cluster's nodes
	nodes []nodeRec // copies of them, in creation order, when asked for
	pools int       // the cluster's node pools
}

// snapshotLocked copies a cluster, and its nodes when withNodes is set
// (most reads need only their number).
func (s *store) snapshotLocked(c *clusterRec, withNodes bool) snapshot {
	r := *c
	r.spec = c.spec.Clone()
	r.extra = c.extra.clone()
	r.nodes, r.pools = nil, nil // the copies of the nodes are snap.nodes
	r.op, r.failNext = nil, nil
	snap := snapshot{rec: r, size: len(c.nodes), pools: len(c.pools)}
	if withNodes {
		snap.nodes = make([]nodeRec, len(c.nodes))
		for i, n := range c.nodes {
			snap.nodes[i] = *n
		}
	}
	return snap
}

// copyTask returns a copy of a task that shares only what never changes
// (its parameters and its encoded answer).
func copyTask(t *taskRec) taskRec {
	c := *t
	if t.err != nil {
		e := *t.err
		c.err = &e
	}
	c.op = nil
	return c
}

// poolSnap is a deep copy of a node pool and its nodes, taken under the
// lock and rendered without it.
type poolSnap struct {
	rec             poolRec
	state           nodepool.State
	nodes           []nodeRec
	region          string
	securityGroupID string
}

// poolSnapshotLocked copies pool p of cluster c with the state it reports.
func (s *store) poolSnapshotLocked(c *clusterRec, p *poolRec) poolSnap {
	r := *p
	r.spec = p.spec.Clone()
	r.op, r.failNext = nil, nil
	snap := poolSnap{rec: r, state: s.poolStateLocked(c, p), region: c.spec.Region, securityGroupID: c.extra.securityGroupID}
	for _, n := range s.poolNodesLocked(c, p) {
		snap.nodes = append(snap.nodes, *n)
	}
	return snap
}

// poolMatches applies DescribeClusterNodePools' NodepoolName filter: a
// substring of the pool's name, as DescribeClustersV1 matches names.
func poolMatches(p *poolRec, name string) bool {
	return name == "" || strings.Contains(p.spec.Name, name)
}
