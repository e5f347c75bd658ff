package version

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Hop is one step of an upgrade: from one version to the next minor's (or,
// within a minor, to a newer patch).
type Hop struct {
	// From is the version the cluster runs before the hop.
	From Version
	// To is the version it runs after.
	To Version
}

// String formats the hop as "1.14.8 -> 1.16.9".
func (h Hop) String() string { return h.From.String() + " -> " + h.To.String() }

// Reason says why an upgrade or one of its hops cannot be made.
type Reason int

// The reasons an UpgradeError gives. The zero Reason is not used.
const (
	// ReasonRetired: the source minor, or a minor a hop lands on, is
	// retired: no support, upgrade channel closed.
	ReasonRetired Reason = iota + 1
	// ReasonUnreleased: a minor is not released yet.
	ReasonUnreleased
	// ReasonNoUpgradePathYet: a minor is released, but upgrades to it open
	// later (Lifecycle.UpgradePathAvailable).
	ReasonNoUpgradePathYet
	// ReasonDowngrade: the target is not newer than the source.
	ReasonDowngrade
	// ReasonSkip: a single hop would skip a minor; upgrades go one minor
	// at a time.
	ReasonSkip
	// ReasonUnknown: the timeline or catalog holds no release of a minor
	// (for example 1.15 under PolicyProduct, which ships even minors only).
	ReasonUnknown
	// ReasonNotOffered: a catalog does not offer the target version, or
	// not as an upgrade of the source (CatalogEntry.UpgradableTo).
	ReasonNotOffered
)

var reasonNames = [...]string{
	ReasonRetired:          "retired",
	ReasonUnreleased:       "unreleased",
	ReasonNoUpgradePathYet: "no upgrade path yet",
	ReasonDowngrade:        "downgrade",
	ReasonSkip:             "skip",
	ReasonUnknown:          "unknown",
	ReasonNotOffered:       "not offered",
}

// String returns the reason in a few lower-case words: "retired".
func (r Reason) String() string {
	if r <= 0 || int(r) >= len(reasonNames) {
		return "Reason(" + strconv.Itoa(int(r)) + ")"
	}
	return reasonNames[r]
}

// UpgradeError says why an upgrade cannot be made: the upgrade asked for,
// the hop that is impossible, the reason, and the minor and date the
// reason is about. For example:
//
//	version: upgrade 1.14.8 to 1.18.8: hop 1.14.8 -> 1.16.9: 1.14 was retired on 2021-07-31; its upgrade channel is closed
//
// Timeline.UpgradePath and Catalog.CanUpgrade return it; reach it with
// errors.As.
type UpgradeError struct {
	// From and To are the upgrade asked for.
	From, To Version
	// Hop is the step that cannot be taken. When the source itself is the
	// problem (retired, unknown) it is the first step; when no step can be
	// named (a downgrade) it is From -> To.
	Hop Hop
	// Reason says why.
	Reason Reason
	// Minor is the minor the reason is about: the retired, unreleased or
	// unknown minor, the minor a skip leaves out, the target's minor of a
	// downgrade.
	Minor Minor
	// Date is the date behind the reason: when Minor was retired, when it
	// is released, when its upgrade path opens; zero when none applies.
	Date time.Time
}

// Error describes the upgrade, the hop when it is not the whole upgrade,
// and the reason with its minor and date.
func (e *UpgradeError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "version: upgrade %s to %s: ", e.From, e.To)
	if e.Hop != (Hop{From: e.From, To: e.To}) {
		fmt.Fprintf(&b, "hop %s: ", e.Hop)
	}
	on := func(prefix string) string {
		if e.Date.IsZero() {
			return ""
		}
		return prefix + dateString(e.Date)
	}
	switch e.Reason {
	case ReasonRetired:
		if e.Date.IsZero() {
			fmt.Fprintf(&b, "%s is retired", e.Minor)
		} else {
			fmt.Fprintf(&b, "%s was retired on %s", e.Minor, dateString(e.Date))
		}
		if e.Minor == e.From.MinorVersion() {
			b.WriteString("; its upgrade channel is closed")
		}
	case ReasonUnreleased:
		fmt.Fprintf(&b, "%s is not released%s", e.Minor, on(" until "))
	case ReasonNoUpgradePathYet:
		fmt.Fprintf(&b, "upgrades to %s open%s", e.Minor, on(" on "))
	case ReasonDowngrade:
		fmt.Fprintf(&b, "%s is not newer than %s; downgrades are not supported", e.Hop.To, e.Hop.From)
	case ReasonSkip:
		fmt.Fprintf(&b, "the hop skips %s; upgrades go one minor at a time", e.Minor)
	case ReasonUnknown:
		fmt.Fprintf(&b, "no release of %s is known", e.Minor)
	case ReasonNotOffered:
		fmt.Fprintf(&b, "%s is not offered as an upgrade of %s", e.Hop.To, e.Hop.From)
	default:
		b.WriteString(e.Reason.String())
	}
	return b.String()
}

// UpgradePath returns the hops from version from to version to at time
// at, one minor of the timeline at a time: each hop but the last lands on
// its minor's Latest patch, the last on to. Under PolicyProduct the
// timeline holds even minors only, so 1.14.8 -> 1.18.8 is 1.14.8 ->
// 1.16.9 -> 1.18.8; under PolicyCurrent odd minors from 1.31 are hops of
// their own. An upgrade within a minor is one hop; from == to is no hop.
//
// The error is an *UpgradeError naming the first impossible hop and why:
// to older than from (ReasonDowngrade); from's or to's minor not on the
// timeline (ReasonUnknown); from's minor retired at at, which closes its
// upgrade channel, or not yet released; a hop's minor not released, its
// upgrade path not open yet, or retired.
func (tl Timeline) UpgradePath(from, to Version, at time.Time) ([]Hop, error) {
	fail := func(h Hop, r Reason, m Minor, d time.Time) ([]Hop, error) {
		return nil, &UpgradeError{From: from, To: to, Hop: h, Reason: r, Minor: m, Date: d}
	}
	whole := Hop{From: from, To: to}
	switch c := to.Compare(from); {
	case c < 0:
		return fail(whole, ReasonDowngrade, to.MinorVersion(), time.Time{})
	case c == 0:
		return nil, nil
	}
	i, ok := tl.index(from.MinorVersion())
	if !ok {
		return fail(whole, ReasonUnknown, from.MinorVersion(), time.Time{})
	}
	j, ok := tl.index(to.MinorVersion())
	if !ok {
		return fail(whole, ReasonUnknown, to.MinorVersion(), time.Time{})
	}
	hops := make([]Hop, 0, max(j-i, 1))
	if i == j {
		hops = append(hops, whole)
	}
	for k, cur := i+1, from; k <= j; k++ {
		next := tl.minors[k].Latest
		if k == j {
			next = to
		}
		hops = append(hops, Hop{From: cur, To: next})
		cur = next
	}
	src := tl.minors[i]
	switch src.Phase(at) {
	case Unreleased:
		return fail(hops[0], ReasonUnreleased, src.Minor, src.Released)
	case Retired:
		return fail(hops[0], ReasonRetired, src.Minor, src.Retired)
	}
	for k := i + 1; k <= j; k++ {
		l, h := tl.minors[k], hops[k-i-1]
		switch {
		case at.Before(l.Released):
			return fail(h, ReasonUnreleased, l.Minor, l.Released)
		case at.Before(l.UpgradePathAvailable):
			return fail(h, ReasonNoUpgradePathYet, l.Minor, l.UpgradePathAvailable)
		case l.Phase(at) == Retired:
			return fail(h, ReasonRetired, l.Minor, l.Retired)
		}
	}
	return hops, nil
}
