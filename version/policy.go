package version

import "fmt"

// Policy is ACK's Kubernetes version support policy as data: which minors
// ACK ships, how many accept new clusters, and how long after a release
// its upgrade path opens and an old minor is retired. NewTimeline applies
// a Policy to a Calendar; the Calendar's recorded dates win, and the
// policy fills only the dates the Calendar lacks.
//
// PolicyProduct and PolicyCurrent are the two presets. Change their fields
// to model another policy, a private cloud's for instance.
type Policy struct {
	// Name names the policy in messages. Product: "product"; current:
	// "current".
	Name string

	// EvenMinorsOnly makes ACK ship only even minors (1.12, 1.14, ...);
	// false ships every minor its Calendar holds. Product: true; current:
	// true, up to EveryMinorFrom.
	EvenMinorsOnly bool
	// EveryMinorFrom is the first minor from which ACK ships every minor,
	// odd ones too, whatever EvenMinorsOnly says. The zero Minor means no
	// such change. Product: none; current: 1.31.
	EveryMinorFrom Minor

	// Creatable is how many of the newest released minors accept new
	// clusters: a minor goes offline when the minor Creatable places after
	// it in the sequence goes online. Product: 2 ("two even minors are
	// supported at once": with 1.12 and 1.14 online, 1.16 going online
	// takes 1.12 offline); current: 3 ("once 1.35 is supported, 1.32 can't
	// be created").
	Creatable int

	// ReleaseLag is how long after upstream's GA ACK releases a minor, for
	// minors whose ACK release the Calendar does not record. Product: 3
	// months (the description says 2–3 months; ACK took 4–6 in 2019–2021);
	// current: 1 month (the policy says within 2 weeks of upstream's first
	// patch, which itself follows GA by a few weeks).
	ReleaseLag Period
	// UpgradePathDelay is how long after a minor's release clusters on the
	// minor before it can upgrade to it. Product: 1 month ("about a month
	// after the new version goes online its upgrade path is released");
	// current: 0 (creatable and upgradable together).
	UpgradePathDelay Period

	// SupportTerm, when not zero, is a fixed term of support: a minor is
	// retired on the last day of the month SupportTerm after the first day
	// of its release month (release month + 12, month end, for a 12-month
	// term). Zero means no fixed term: RetireBuffer applies. Product: 0;
	// current: 12 months.
	SupportTerm Period
	// RetireBuffer applies when SupportTerm is zero: a minor is retired
	// RetireBuffer after the upgrade path opens of the minor that took it
	// offline. Product: 3 months ("three months after that the oldest
	// version is retired"); current: 0 (unused).
	RetireBuffer Period
}

// PolicyProduct returns the policy of the ACK product description
// (2019-09-11), the package's documented default: two even minors online
// at once; a new minor every half year, 2–3 months after upstream; when
// it goes online the oldest goes offline (no new clusters); its upgrade
// path ships about a month later; three months after that the oldest is
// retired (no support, upgrade channel closed); upgrades go to the next
// shipped minor only, so 1.14 -> 1.16 is one hop. The half-year cadence
// is not a field: it follows from shipping even minors of an upstream that
// released every quarter.
//
//	EvenMinorsOnly    true
//	EveryMinorFrom    none
//	Creatable         2
//	ReleaseLag        3 months
//	UpgradePathDelay  1 month
//	SupportTerm       0 (no fixed term)
//	RetireBuffer      3 months
func PolicyProduct() Policy {
	return Policy{
		Name:             "product",
		EvenMinorsOnly:   true,
		Creatable:        2,
		ReleaseLag:       Months(3),
		UpgradePathDelay: Months(1),
		RetireBuffer:     Months(3),
	}
}

// PolicyCurrent returns ACK's policy from October 2024 on: every minor
// from 1.31 (even minors only before it), each supported for one year
// from its release month to that month's end a year later, cluster
// creation only on the three newest minors, upgrades one minor at a time
// (the upstream skew rule; ACK's pages do not say). Minors before 1.31 keep
// the dates ACK recorded for them in the Calendar.
//
//	EvenMinorsOnly    true (before EveryMinorFrom)
//	EveryMinorFrom    1.31
//	Creatable         3
//	ReleaseLag        1 month
//	UpgradePathDelay  0
//	SupportTerm       12 months, to the month's end
//	RetireBuffer      0 (unused)
func PolicyCurrent() Policy {
	return Policy{
		Name:           "current",
		EvenMinorsOnly: true,
		EveryMinorFrom: Minor{Major: 1, Minor: 31},
		Creatable:      3,
		ReleaseLag:     Months(1),
		SupportTerm:    Months(12),
	}
}

// Ships reports whether the policy releases minor m at all: every minor
// from EveryMinorFrom on, and before it every minor or only the even ones
// as EvenMinorsOnly says. Whether and when m is released also needs the
// Calendar (see NewTimeline).
func (p Policy) Ships(m Minor) bool {
	if !p.EveryMinorFrom.IsZero() && m.Compare(p.EveryMinorFrom) >= 0 {
		return true
	}
	return !p.EvenMinorsOnly || m.Minor%2 == 0
}

// Validate reports the first field of p that no timeline can be built
// from: Creatable below 1, or a negative period.
func (p Policy) Validate() error {
	if p.Creatable < 1 {
		return fmt.Errorf("version: policy %q: Creatable is %d, must be at least 1", p.Name, p.Creatable)
	}
	for _, f := range []struct {
		name string
		p    Period
	}{
		{"ReleaseLag", p.ReleaseLag},
		{"UpgradePathDelay", p.UpgradePathDelay},
		{"SupportTerm", p.SupportTerm},
		{"RetireBuffer", p.RetireBuffer},
	} {
		if f.p.Months < 0 || f.p.Days < 0 {
			return fmt.Errorf("version: policy %q: %s is %s, must not be negative", p.Name, f.name, f.p)
		}
	}
	return nil
}
