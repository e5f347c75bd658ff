package version

import (
	"fmt"
	"slices"
	"time"
)

// Lifecycle is one minor's dates on a Timeline. A minor is Unreleased
// before Released, Online from Released, Offline from Offline and Retired
// from Retired; Released <= Offline <= Retired wherever they are set.
type Lifecycle struct {
	// Minor is the minor the dates are about.
	Minor Minor
	// UpstreamGA is upstream's GA date, as the calendar records it; zero
	// when it does not.
	UpstreamGA time.Time
	// Released is when the minor goes online: the calendar's ACK release,
	// else upstream's GA plus the policy's ReleaseLag.
	Released time.Time
	// UpgradePathAvailable is when clusters on the previous minor of the
	// timeline can upgrade to this one: the calendar's date, else Released
	// plus the policy's UpgradePathDelay.
	UpgradePathAvailable time.Time
	// Offline is when the minor stops accepting new clusters: the release
	// of the minor Policy.Creatable places after it, or Retired if that
	// comes first. Zero when neither is known yet.
	Offline time.Time
	// Retired is when support ends and the upgrade channel closes: the
	// calendar's end of support, else the policy's SupportTerm or
	// RetireBuffer rule. Zero when not known yet (the minor that would
	// take it offline is not in the calendar).
	Retired time.Time
	// Latest is the newest patch known: the calendar's Latest, else
	// x.y.1-aliyun.1, the first patch ACK ships of a minor under today's
	// naming. Upgrade hops and synthesized catalogs land on it.
	Latest Version
}

// Phase returns the minor's phase at t.
func (l Lifecycle) Phase(t time.Time) Phase {
	switch {
	case t.Before(l.Released):
		return Unreleased
	case !l.Retired.IsZero() && !t.Before(l.Retired):
		return Retired
	case !l.Offline.IsZero() && !t.Before(l.Offline):
		return Offline
	default:
		return Online
	}
}

// Timeline is a Policy applied to a Calendar: every minor the policy
// ships that the calendar holds, in order, each with its Lifecycle. The
// sequence is also the upgrade order: a hop goes from one minor of the
// timeline to the next. Build one with NewTimeline; a Timeline is
// immutable and safe for concurrent use.
type Timeline struct {
	policy Policy
	minors []Lifecycle
}

// NewTimeline applies p to c. The calendar's recorded dates win; the
// policy fills what the calendar lacks:
//
//	Released              calendar's release, else upstream GA + ReleaseLag
//	UpgradePathAvailable  calendar's date, else Released + UpgradePathDelay
//	Offline               Released of the minor Creatable places later
//	Retired               calendar's end of support, else
//	                      SupportTerm: month end of release month + term, else
//	                      UpgradePathAvailable of the minor Creatable places
//	                      later + RetireBuffer
//
// Offline is moved to Retired when the calendar retires a minor before the
// policy would take it offline. NewTimeline fails on an invalid policy or
// a minor whose derived release falls on or after its recorded end.
func NewTimeline(p Policy, c Calendar) (Timeline, error) {
	if err := p.Validate(); err != nil {
		return Timeline{}, err
	}
	var entries []CalendarEntry
	for _, e := range c.entries {
		if p.Ships(e.Minor) {
			entries = append(entries, e)
		}
	}
	minors := make([]Lifecycle, len(entries))
	for i, e := range entries {
		l := Lifecycle{Minor: e.Minor, UpstreamGA: e.UpstreamGA, Released: e.Released, Latest: e.Latest}
		if l.Released.IsZero() {
			l.Released = dayOf(p.ReleaseLag.AddTo(e.UpstreamGA))
		}
		l.UpgradePathAvailable = e.UpgradePathAvailable
		if l.UpgradePathAvailable.IsZero() {
			l.UpgradePathAvailable = dayOf(p.UpgradePathDelay.AddTo(l.Released))
		}
		if l.Latest.IsZero() {
			l.Latest = Version{Major: e.Minor.Major, Minor: e.Minor.Minor, Patch: 1, ACKPatch: 1}
		}
		minors[i] = l
	}
	for i := range minors {
		l := &minors[i]
		var taker *Lifecycle // the minor whose release takes l offline
		if j := i + p.Creatable; j < len(minors) {
			taker = &minors[j]
			l.Offline = taker.Released
		}
		switch {
		case !entries[i].EndOfSupport.IsZero():
			l.Retired = entries[i].EndOfSupport
		case !p.SupportTerm.IsZero():
			y, m, _ := l.Released.Date()
			l.Retired = monthEnd(p.SupportTerm.AddTo(date(y, m, 1)))
		case taker != nil:
			l.Retired = dayOf(p.RetireBuffer.AddTo(taker.UpgradePathAvailable))
		}
		if !l.Retired.IsZero() && !l.Retired.After(l.Released) {
			return Timeline{}, fmt.Errorf("version: policy %q: minor %s is retired on %s, not after its release on %s",
				p.Name, l.Minor, dateString(l.Retired), dateString(l.Released))
		}
		if !l.Retired.IsZero() && (l.Offline.IsZero() || l.Offline.After(l.Retired)) {
			l.Offline = l.Retired
		}
		if !l.Offline.IsZero() && l.Offline.Before(l.Released) {
			l.Offline = l.Released
		}
	}
	return Timeline{policy: p, minors: minors}, nil
}

// Policy returns the policy the timeline was built with.
func (tl Timeline) Policy() Policy { return tl.policy }

// Lifecycles returns a copy of every minor's lifecycle, oldest first.
func (tl Timeline) Lifecycles() []Lifecycle { return slices.Clone(tl.minors) }

// Lookup returns the lifecycle of minor m, if the timeline holds it.
func (tl Timeline) Lookup(m Minor) (Lifecycle, bool) {
	if i, ok := tl.index(m); ok {
		return tl.minors[i], true
	}
	return Lifecycle{}, false
}

// Status returns the phase of v's minor at t; Unknown when the timeline
// does not hold the minor (a minor the policy does not ship, such as 1.15
// under PolicyProduct, or one the calendar lacks).
func (tl Timeline) Status(v Version, t time.Time) Phase {
	if l, ok := tl.Lookup(v.MinorVersion()); ok {
		return l.Phase(t)
	}
	return Unknown
}

func (tl Timeline) index(m Minor) (int, bool) {
	return slices.BinarySearchFunc(tl.minors, m, func(l Lifecycle, m Minor) int { return l.Minor.Compare(m) })
}
