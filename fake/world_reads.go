package fake

import (
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/quota"
)

// The world's answers to the API's reads. Each brings what it reads up to
// the clock, counts the polls the read makes (see Progression) and hands
// out copies (or cached encodings) to render without the lock.

// detail reads cluster id for DescribeClusterDetail; the read is a poll of
// its change.
func (s *store) detail(id string) (detailRead, *Error) {
	return read(s, func(now time.Time) (detailRead, *Error) {
		rec, e := s.clusterLocked(id, now, true)
		if e != nil {
			return detailRead{}, e
		}
		return s.readDetailLocked(rec), nil
	})
}

// clusterPage is a page of DescribeClustersV1: its clusters' reads and its
// paging.
type clusterPage struct {
	reads []detailRead
	info  wire.PageInfo
}

// listClusters reads the page of the living clusters that q asks for, by
// creation; each cluster on the page is polled.
func (s *store) listClusters(q wire.DescribeClustersV1Query) (clusterPage, *Error) {
	return read(s, func(now time.Time) (clusterPage, *Error) {
		match := s.matchingLocked(q, now)
		lo, hi, num, size, e := page(q.PageNumber, q.PageSize, "page_number", "page_size", len(match))
		if e != nil {
			return clusterPage{}, e
		}
		out := clusterPage{info: wire.PageInfo{PageNumber: num, PageSize: size, TotalCount: int64(len(match))}}
		page := slices.Clone(match[lo:hi])
		for _, rec := range page {
			s.settleLocked(rec, now)
			if rec.op != nil {
				rec.op.poll(now)
			}
		}
		// Read after every cluster of the page was settled, so that each
		// read carries the generation its cached answer needs.
		out.reads = make([]detailRead, 0, len(page))
		for _, rec := range page {
			out.reads = append(out.reads, s.readDetailLocked(rec))
		}
		return out, nil
	})
}

// matchingLocked returns the living clusters that DescribeClustersV1's
// filters keep, by creation; the caller settles those it answers with.
// Without a filter that is the creation order itself, once the deletions
// due by now have completed: a page then costs the same whatever the
// number of clusters. A filter by ID looks the cluster up; the other
// filters (a name may change when a modification completes) settle every
// cluster and scan them.
func (s *store) matchingLocked(q wire.DescribeClustersV1Query, now time.Time) []*clusterRec {
	switch {
	case q.Name == "" && q.ClusterType == "" && q.ClusterSpec == "" && q.Profile == "" && q.RegionID == "" && q.ClusterID == "":
		s.settleDeletingLocked(now)
		return s.order
	case q.ClusterID != "":
		if rec, e := s.clusterLocked(q.ClusterID, now, false); e == nil && clusterMatches(rec, q) {
			return []*clusterRec{rec}
		}
		return nil
	}
	var match []*clusterRec
	for _, rec := range s.livingLocked(now) {
		if clusterMatches(rec, q) {
			match = append(match, rec)
		}
	}
	return match
}

// clusterMatches applies DescribeClustersV1's filters: name is a
// substring match, the others exact.
func clusterMatches(rec *clusterRec, q wire.DescribeClustersV1Query) bool {
	return (q.Name == "" || strings.Contains(rec.spec.Name, q.Name)) &&
		(q.ClusterType == "" || q.ClusterType == rec.wireType) &&
		(q.ClusterSpec == "" || q.ClusterSpec == rec.clusterSpec) &&
		(q.Profile == "" || q.Profile == rec.profile) &&
		(q.RegionID == "" || q.RegionID == rec.spec.Region) &&
		(q.ClusterID == "" || q.ClusterID == rec.id)
}

// apiServer is the API server endpoint of a cluster a kubeconfig points
// at, and the instant it was read.
type apiServer struct {
	clusterID, server string
	now               time.Time
}

// apiServer returns the endpoint of cluster id that a kubeconfig points
// at, once the cluster has reached running: the public endpoint unless
// private asks for the internal one (or the cluster has no public
// endpoint). The read is a poll of the cluster's change.
func (s *store) apiServer(id string, private bool) (apiServer, *Error) {
	return read(s, func(now time.Time) (apiServer, *Error) {
		rec, e := s.clusterLocked(id, now, true)
		if e != nil {
			return apiServer{}, e
		}
		if !rec.ready || rec.state == cluster.StateDeleting {
			return apiServer{}, NewError(ErrorClusterState, "cluster %s is %s; its kubeconfig is available once it has been created", rec.id, rec.state)
		}
		server := rec.extra.publicEndpoint
		if private || !rec.spec.PublicEndpoint {
			server = rec.extra.intranetEndpoint
		}
		return apiServer{clusterID: rec.id, server: server, now: now}, nil
	})
}

// clusterNodes copies cluster id with its nodes for DescribeClusterNodes;
// the read is a poll of the cluster's change, and of pool poolID's when
// it names one of the cluster's pools.
func (s *store) clusterNodes(id, poolID string) (snapshot, *Error) {
	return read(s, func(now time.Time) (snapshot, *Error) {
		rec, e := s.clusterLocked(id, now, true)
		if e != nil {
			return snapshot{}, e
		}
		if i := slices.IndexFunc(rec.pools, func(p *poolRec) bool { return p.id == poolID }); i >= 0 && rec.pools[i].op != nil {
			rec.pools[i].op.poll(now)
		}
		return s.snapshotLocked(rec, true), nil
	})
}

// pools copies cluster clusterID's pools whose name contains name (every
// pool for ""), by creation; each is polled.
func (s *store) pools(clusterID, name string) ([]poolSnap, *Error) {
	return read(s, func(now time.Time) ([]poolSnap, *Error) {
		rec, e := s.clusterLocked(clusterID, now, false)
		if e != nil {
			return nil, e
		}
		var snaps []poolSnap
		for _, p := range rec.pools {
			if !poolMatches(p, name) {
				continue
			}
			if p.op != nil {
				p.op.poll(now)
			}
			snaps = append(snaps, s.poolSnapshotLocked(rec, p))
		}
		return snaps, nil
	})
}

// pool copies one pool; the read is a poll of its change.
func (s *store) pool(clusterID, poolID string) (poolSnap, *Error) {
	return read(s, func(now time.Time) (poolSnap, *Error) {
		rec, p, e := s.poolTargetLocked(clusterID, poolID, now)
		if e != nil {
			return poolSnap{}, e
		}
		if p.op != nil {
			p.op.poll(now)
		}
		return s.poolSnapshotLocked(rec, p), nil
	})
}

// taskRead is DescribeTaskInfo's answer as the task keeps it encoded
// (encoded), or, when it could not be encoded, a copy of the task to
// answer with.
type taskRead struct {
	encoded []byte
	task    taskRec
}

// task reads task id for DescribeTaskInfo; the read is a poll of its
// change. A task's answer changes only when the task ends, so it is
// encoded once per state (by the first read) and shared by the polls that
// read it.
func (s *store) task(id string) (taskRead, *Error) {
	return read(s, func(now time.Time) (taskRead, *Error) {
		t, e := s.taskLocked(id, now, true)
		if e != nil {
			return taskRead{}, e
		}
		if t.answer == nil {
			b, err := json.Marshal(renderTask(*t))
			if err != nil {
				return taskRead{task: copyTask(t)}, nil
			}
			t.answer = b
		}
		return taskRead{encoded: t.answer}, nil
	})
}

// limits returns the account's quotas and limits.
func (s *store) limits() quota.Limits {
	l, _ := read(s, func(time.Time) (quota.Limits, *Error) { return s.acct.limits, nil })
	return l
}
