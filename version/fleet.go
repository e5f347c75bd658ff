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
	// is set.
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
// Each distinct minor's answer is computed once and shared by its
// clusters; the clusters' paths share one backing array, each capped to its
// own length, so appending to one Path does not touch another.
func (tl Timeline) PlanFleet(clusters []Cluster, at time.Time) []ClusterPlan {
	target, hasTarget := tl.newestOnline(at)
	tm := target.MinorVersion()

	// One answer per distinct minor.
	type answer struct {
		phase  Phase
		end    time.Time
		endKey int64 // end in Unix seconds; math.MaxInt64 when unknown
		hops   []Hop // from the minor's x.y.0 to target
		err    *UpgradeError
	}
	var answers []answer
	index := make(map[Minor]int32)
	answerOf := func(m Minor) int32 {
		if i, ok := index[m]; ok {
			return i
		}
		a := answer{phase: Unknown, endKey: math.MaxInt64}
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
		answers = append(answers, a)
		index[m] = int32(len(answers) - 1)
		return index[m]
	}

	// Sort small keys, not the plans: the plans are large and hold
	// pointers.
	type key struct {
		end     int64
		cluster int32
		answer  int32
	}
	keys := make([]key, len(clusters))
	nHops, nErrs := 0, 0
	for i, c := range clusters {
		ai := answerOf(c.Version.MinorVersion())
		keys[i] = key{end: answers[ai].endKey, cluster: int32(i), answer: ai}
		if hasTarget {
			nHops += max(len(answers[ai].hops), 1)
			if answers[ai].err != nil {
				nErrs++
			}
		}
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
	buf := make([]Hop, 0, nHops)
	errs := make([]UpgradeError, 0, nErrs)
	for k, key := range keys {
		c, a := clusters[key.cluster], &answers[key.answer]
		p := &plans[k]
		*p = ClusterPlan{ID: c.ID, Version: c.Version, Phase: a.phase, EndOfSupport: a.end, Target: target}
		if !hasTarget {
			continue
		}
		v, start := c.Version, len(buf)
		switch {
		case !v.Less(target):
			// At or past the target: nothing to do.
		case v.MinorVersion() == tm:
			buf = append(buf, Hop{From: v, To: target})
		case a.err != nil:
			e := *a.err
			e.From = v
			if e.Hop.From.Patch == 0 && e.Hop.From.MinorVersion() == v.MinorVersion() {
				e.Hop.From = v
			}
			errs = append(errs, e)
			p.Err = &errs[len(errs)-1]
		case len(a.hops) > 0:
			buf = append(buf, a.hops...)
			buf[start].From = v
		}
		if len(buf) > start {
			p.Path = buf[start:len(buf):len(buf)]
		}
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
