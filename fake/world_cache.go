package fake

// The world's side of the cached detail answers (render_cache.go): which
// answer a read may serve, and keeping a new one.

// detailRead is what describeClusterDetail takes under the lock: the
// cached answer, or a snapshot to render with the generation it was taken
// at (both when verifying).
type detailRead struct {
	cached []byte
	// snap is the snapshot to render when the cache is not current; nil
	// when it is (a read of an unchanged cluster copies nothing).
	snap *snapshot
	rec  *clusterRec
	gen  uint64
}

// readDetailLocked returns the cluster's cached answer if it is current,
// else a snapshot to render.
func (s *store) readDetailLocked(rec *clusterRec) detailRead {
	d := detailRead{rec: rec, gen: s.gen}
	if c := rec.detail; c.body != nil && c.gen == s.gen {
		d.cached = c.body
		if !verifyRenderCache {
			return d
		}
	}
	snap := s.snapshotLocked(rec, false)
	d.snap = &snap
	return d
}

// keepDetail caches the detail answer body rendered from d's snapshot,
// when the store has not changed since the snapshot was taken.
func (s *store) keepDetail(d detailRead, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.gen == d.gen {
		d.rec.detail = cachedDetail{gen: d.gen, body: body}
	}
}
