package version

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"
)

// Cluster is a cluster to plan for: its ID and the version it runs.
type Cluster struct {
	// ID is the cluster's ID, "c-123".
	ID string
	// Version is the Kubernetes version it runs.
	Version Version
}

// ClusterPlan is one cluster's place in a fleet plan: when its minor loses
// support and its path to the newest creatable version.
type ClusterPlan struct {
	// ID is the cluster's ID.
	ID string
	// Version is the version the cluster runs.
	Version Version
	// Phase is the phase of the cluster's minor at the plan's time.
	Phase Phase
	// EndOfSupport is when the cluster's minor is (or was) retired; zero
	// when the timeline does not know (an Unknown minor, or one whose
	// retirement the calendar and policy cannot place yet).
	EndOfSupport time.Time
	// Target is the newest Online minor's Latest patch at the plan's time,
	// the version the path leads to; zero when no minor is online.
	Target Version
	// Path is the hops from Version to Target, as Timeline.UpgradePath
	// gives them; empty when the cluster is at or past Target, or when Err
	// is set. Plans of clusters on the same version share it: read it, do
	// not change its elements.
	Path []Hop
	// Err says why no path exists (the cluster's minor is retired or
	// unknown, a hop is closed); nil when Path is the answer.
	Err *UpgradeError
}

// PlanFleet says, for each cluster, when its minor loses support and how
// it reaches a supported version at time at: the path to the newest
// Online minor's Latest patch, or why there is none. The plans are in
// order of urgency: soonest EndOfSupport first (already retired minors
// first of all), unknown ends last, ties by ID and then version.
//
// Each distinct minor's answer is computed once, and each distinct
// version's path once: clusters on the same version share one Path and
// one Err. Treat them as read-only; a Path is clipped to its length, so
// appending to it copies.
func (tl Timeline) PlanFleet(clusters []Cluster, at time.Time) []ClusterPlan {
	target, hasTarget := tl.newestOnline(at)
	tm := target.MinorVersion()

	// One answer per distinct minor: its phase, end and path from x.y.0.
	type answer struct {
		phase  Phase
		end    time.Time
		endKey int64 // end in Unix seconds; math.MaxInt64 when unknown
		hops   []Hop
		err    *UpgradeError
	}
	answers := make(map[Minor]*answer)
	answerOf := func(m Minor) *answer {
		if a, ok := answers[m]; ok {
			return a
		}
		a := &answer{phase: Unknown, endKey: math.MaxInt64}
		if l, ok := tl.Lookup(m); ok {
			a.phase, a.end = l.Phase(at), l.Retired
			if !a.end.IsZero() {
				a.endKey = a.end.Unix()
			}
		}
		if hasTarget && m != tm {
			hops, err := tl.UpgradePath(Version{Major: m.Major, Minor: m.Minor}, target, at)
			a.hops = hops
			if err != nil {
				a.err = err.(*UpgradeError)
			}
		}
		answers[m] = a
		return a
	}

	// One path or error per distinct version, derived from its minor's
	// answer and shared by the version's clusters.
	type result struct {
		a    *answer
		path []Hop
		err  *UpgradeError
	}
	var results []result
	byVersion := make(map[Version]int32)
	resultOf := func(v Version) int32 {
		if i, ok := byVersion[v]; ok {
			return i
		}
		r := result{a: answerOf(v.MinorVersion())}
		switch {
		case !hasTarget || !v.Less(target):
			// No target, or at or past it: nothing to do.
		case v.MinorVersion() == tm:
			r.path = []Hop{{From: v, To: target}}
		case r.a.err != nil:
			e := *r.a.err
			e.From = v
			if e.Hop.From.Patch == 0 && e.Hop.From.MinorVersion() == v.MinorVersion() {
				e.Hop.From = v
			}
			r.err = &e
		case len(r.a.hops) > 0:
			r.path = slices.Clip(slices.Clone(r.a.hops))
			r.path[0].From = v
		}
		results = append(results, r)
		byVersion[v] = int32(len(results) - 1)
		return int32(len(results) - 1)
	}

	// Sort small keys, not the plans: the plans are large and hold
	// pointers.
	type key struct {
		end     int64
		cluster int32
		result  int32
	}
	keys := make([]key, len(clusters))
	for i, c := range clusters {
		ri := resultOf(c.Version)
		keys[i] = key{end: results[ri].a.endKey, cluster: int32(i), result: ri}
	}
	slices.SortFunc(keys, func(a, b key) int {
		if c := cmp.Compare(a.end, b.end); c != 0 {
			return c
		}
		ca, cb := &clusters[a.cluster], &clusters[b.cluster]
		if c := strings.Compare(ca.ID, cb.ID); c != 0 {
			return c
		}
		return ca.Version.Compare(cb.Version)
	})

	plans := make([]ClusterPlan, len(clusters))
	for k, key := range keys {
		c, r := &clusters[key.cluster], &results[key.result]
		plans[k] = ClusterPlan{ID: c.ID, Version: c.Version, Phase: r.a.phase, EndOfSupport: r.a.end,
			Target: target, Path: r.path, Err: r.err}
	}
	return plans
}

// newestOnline returns the Latest patch of the newest minor Online at t.
func (tl Timeline) newestOnline(t time.Time) (Version, bool) {
	for i := len(tl.minors) - 1; i >= 0; i-- {
		if tl.minors[i].Phase(t) == Online {
			return tl.minors[i].Latest, true
		}
	}
	return Version{}, false
}
