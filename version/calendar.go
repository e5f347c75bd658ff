package version

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"
)

// CalendarEntry is what is recorded about one minor: upstream's GA date,
// ACK's release, the opening of its upgrade path, ACK's end of support and
// the newest ACK patch known. Every date is optional except that an entry
// needs its ACK release or upstream's GA; the policy fills the rest.
//
// Dates are days in UTC; a time of day is dropped. A minor is released,
// upgradable or retired from 00:00 UTC of the day recorded, the way
// DescribeKubernetesVersionMetadata's expiration_date reads
// ("2023-04-30T00:00:00Z").
//
// In JSON an entry is an object of strings, dates as "2006-01-02":
//
//	{"minor": "1.31", "upstream_ga": "2024-08-13", "released": "2024-09-01",
//	 "end_of_support": "2025-09-30", "latest": "1.31.1-aliyun.1"}
//
// A month alone ("2024-09") is read as its first day, or for
// end_of_support as its last day, matching how ACK's tables give months.
type CalendarEntry struct {
	// Minor is the minor the entry is about. Required.
	Minor Minor
	// UpstreamGA is upstream Kubernetes' GA date of the minor.
	UpstreamGA time.Time
	// Released is when ACK released the minor: creatable from this day.
	Released time.Time
	// UpgradePathAvailable is when clusters on the previous minor could
	// first upgrade to this one.
	UpgradePathAvailable time.Time
	// EndOfSupport is the day ACK's support of the minor ends: retired from
	// this day on.
	EndOfSupport time.Time
	// Latest is the newest ACK patch of the minor known; zero when none is
	// recorded.
	Latest Version
}

// Calendar is a set of CalendarEntry values, one per minor, in minor
// order. DefaultCalendar is the recorded history; NewCalendar and
// ParseCalendar build others. A Calendar is immutable.
type Calendar struct {
	entries []CalendarEntry
}

// NewCalendar checks and sorts entries into a Calendar. It refuses an
// entry without a minor or without both an ACK release and an upstream GA,
// a minor given twice, dates out of order (an upgrade path before the
// release, an end of support before the release or the GA), and a Latest
// of another minor.
func NewCalendar(entries []CalendarEntry) (Calendar, error) {
	out := make([]CalendarEntry, len(entries))
	for i, e := range entries {
		e.UpstreamGA = dayOf(e.UpstreamGA)
		e.Released = dayOf(e.Released)
		e.UpgradePathAvailable = dayOf(e.UpgradePathAvailable)
		e.EndOfSupport = dayOf(e.EndOfSupport)
		if err := e.check(); err != nil {
			return Calendar{}, err
		}
		out[i] = e
	}
	slices.SortFunc(out, func(a, b CalendarEntry) int { return a.Minor.Compare(b.Minor) })
	for i := 1; i < len(out); i++ {
		if out[i].Minor == out[i-1].Minor {
			return Calendar{}, fmt.Errorf("version: calendar: entry %s: the minor is given twice", out[i].Minor)
		}
	}
	return Calendar{entries: out}, nil
}

// ParseCalendar reads a JSON array of entries (see CalendarEntry) and
// builds a Calendar from them with NewCalendar.
func ParseCalendar(data []byte) (Calendar, error) {
	var entries []CalendarEntry
	if err := json.Unmarshal(data, &entries); err != nil {
		return Calendar{}, fmt.Errorf("version: calendar: %w", err)
	}
	return NewCalendar(entries)
}

// Entries returns a copy of the calendar's entries in minor order; encode
// it with encoding/json to save the calendar, and change it and call
// NewCalendar to derive another.
func (c Calendar) Entries() []CalendarEntry { return slices.Clone(c.entries) }

// Lookup returns the entry of minor m, if the calendar holds one.
func (c Calendar) Lookup(m Minor) (CalendarEntry, bool) {
	i, ok := slices.BinarySearchFunc(c.entries, m, func(e CalendarEntry, m Minor) int { return e.Minor.Compare(m) })
	if !ok {
		return CalendarEntry{}, false
	}
	return c.entries[i], true
}

func (e CalendarEntry) check() error {
	fail := func(format string, args ...any) error {
		return fmt.Errorf("version: calendar: entry %s: %s", e.Minor, fmt.Sprintf(format, args...))
	}
	switch {
	case e.Minor.IsZero() || e.Minor.Major < 0 || e.Minor.Minor < 0:
		return fmt.Errorf("version: calendar: entry %s: the minor is missing or negative", e.Minor)
	case e.Released.IsZero() && e.UpstreamGA.IsZero():
		return fail("needs an ACK release or an upstream GA date")
	case !e.Latest.IsZero() && e.Latest.MinorVersion() != e.Minor:
		return fail("latest %s is of another minor", e.Latest)
	case !e.UpgradePathAvailable.IsZero() && !e.Released.IsZero() && e.UpgradePathAvailable.Before(e.Released):
		return fail("upgrade path %s is before the release %s", dateString(e.UpgradePathAvailable), dateString(e.Released))
	case !e.EndOfSupport.IsZero() && !e.Released.IsZero() && !e.EndOfSupport.After(e.Released):
		return fail("end of support %s is not after the release %s", dateString(e.EndOfSupport), dateString(e.Released))
	case !e.EndOfSupport.IsZero() && !e.UpstreamGA.IsZero() && !e.EndOfSupport.After(e.UpstreamGA):
		return fail("end of support %s is not after upstream's GA %s", dateString(e.EndOfSupport), dateString(e.UpstreamGA))
	}
	if _, err := e.Latest.MarshalText(); err != nil {
		return fmt.Errorf("version: calendar: entry %s: latest: %w", e.Minor, err)
	}
	return nil
}

// calendarEntryJSON is CalendarEntry's JSON form.
type calendarEntryJSON struct {
	Minor                Minor   `json:"minor"`
	UpstreamGA           string  `json:"upstream_ga,omitempty"`
	Released             string  `json:"released,omitempty"`
	UpgradePathAvailable string  `json:"upgrade_path_available,omitempty"`
	EndOfSupport         string  `json:"end_of_support,omitempty"`
	Latest               *string `json:"latest,omitempty"`
}

// MarshalJSON writes the entry as an object of strings, dates as
// "2006-01-02", leaving out the empty ones.
func (e CalendarEntry) MarshalJSON() ([]byte, error) {
	j := calendarEntryJSON{
		Minor:                e.Minor,
		UpstreamGA:           dateString(e.UpstreamGA),
		Released:             dateString(e.Released),
		UpgradePathAvailable: dateString(e.UpgradePathAvailable),
		EndOfSupport:         dateString(e.EndOfSupport),
	}
	if !e.Latest.IsZero() {
		s := e.Latest.String()
		j.Latest = &s
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads the form MarshalJSON writes; a date may also be a
// month alone, "2024-09" (see CalendarEntry).
func (e *CalendarEntry) UnmarshalJSON(data []byte) error {
	var j calendarEntryJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return err
	}
	out := CalendarEntry{Minor: j.Minor}
	for _, f := range []struct {
		key        string
		text       string
		dst        *time.Time
		endOfMonth bool
	}{
		{"upstream_ga", j.UpstreamGA, &out.UpstreamGA, false},
		{"released", j.Released, &out.Released, false},
		{"upgrade_path_available", j.UpgradePathAvailable, &out.UpgradePathAvailable, false},
		{"end_of_support", j.EndOfSupport, &out.EndOfSupport, true},
	} {
		t, err := parseDate(f.text, f.endOfMonth)
		if err != nil {
			return fmt.Errorf("entry %s: %s %q: %w", j.Minor, f.key, f.text, err)
		}
		*f.dst = t
	}
	if j.Latest != nil {
		v, err := Parse(*j.Latest)
		if err != nil {
			return fmt.Errorf("entry %s: latest: %w", j.Minor, err)
		}
		out.Latest = v
	}
	*e = out
	return nil
}

// parseDate reads "2006-01-02" or "2006-01" (the month's first day, or
// its last with endOfMonth); "" is the zero time.
func parseDate(s string, endOfMonth bool) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	t, err := time.Parse("2006-01", s)
	if err != nil {
		return time.Time{}, errors.New("want a date, 2006-01-02, or a month, 2006-01")
	}
	if endOfMonth {
		return monthEnd(t), nil
	}
	return t, nil
}

// dateString formats t's day as "2006-01-02", or "" for the zero time.
func dateString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}

// dayOf returns 00:00 UTC of t's day in UTC; the zero time stays zero.
func dayOf(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// monthEnd returns 00:00 UTC of the last day of t's month.
func monthEnd(t time.Time) time.Time {
	y, m, _ := t.UTC().Date()
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC)
}

// date returns 00:00 UTC of the given day.
func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
