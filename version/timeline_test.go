package version

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// d parses "2006-01-02" as 00:00 UTC; "" is the zero time.
func d(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func mustTimeline(t testing.TB, p Policy, c Calendar) Timeline {
	t.Helper()
	tl, err := NewTimeline(p, c)
	if err != nil {
		t.Fatal(err)
	}
	return tl
}

// lifecycleRow is a Lifecycle written as text, for tables.
type lifecycleRow struct {
	Minor, Released, UpgradePath, Offline, Retired, Latest string
}

func rowsOf(ls []Lifecycle) []lifecycleRow {
	rows := make([]lifecycleRow, len(ls))
	for i, l := range ls {
		rows[i] = lifecycleRow{l.Minor.String(), dateString(l.Released), dateString(l.UpgradePathAvailable),
			dateString(l.Offline), dateString(l.Retired), l.Latest.String()}
	}
	return rows
}

// productExample is the product description's own example, as written: it
// names 1.11 and 1.12 (although the even-minor rule would skip 1.11) and
// then 1.14. Its calendar holds those three minors with ACK release dates
// and nothing else, and its policy is PolicyProduct shipping whatever the
// calendar holds.
func productExample(t testing.TB) Timeline {
	t.Helper()
	cal, err := NewCalendar([]CalendarEntry{
		{Minor: mustMinor("1.11"), Released: d("2018-09-01")},
		{Minor: mustMinor("1.12"), Released: d("2019-03-01")},
		{Minor: mustMinor("1.14"), Released: d("2019-08-01")},
	})
	if err != nil {
		t.Fatal(err)
	}
	p := PolicyProduct()
	p.EvenMinorsOnly = false
	return mustTimeline(t, p, cal)
}

// "With 1.11 and 1.12 supported, when 1.14 goes online 1.11 goes offline;
// when 1.14's upgrade ships, 1.11 is retired three months later."
func TestProductExampleTimeline(t *testing.T) {
	tl := productExample(t)
	want := []lifecycleRow{
		// 1.14 online on 2019-08-01 takes 1.11 offline; 1.14's upgrade path
		// ships a month later, 2019-09-01; 1.11 is retired three months
		// after that, 2019-12-01. 1.12 and 1.14 wait for minors the example
		// does not name.
		{"1.11", "2018-09-01", "2018-10-01", "2019-08-01", "2019-12-01", "1.11.1-aliyun.1"},
		{"1.12", "2019-03-01", "2019-04-01", "", "", "1.12.1-aliyun.1"},
		{"1.14", "2019-08-01", "2019-09-01", "", "", "1.14.1-aliyun.1"},
	}
	if diff := cmp.Diff(want, rowsOf(tl.Lifecycles())); diff != "" {
		t.Errorf("lifecycles (-want +got):\n%s", diff)
	}
}

func TestProductExampleStatus(t *testing.T) {
	tl := productExample(t)
	tests := []struct {
		at                 string
		v11, v12, v13, v14 Phase
		what               string
	}{
		{"2018-08-31", Unreleased, Unreleased, Unknown, Unreleased, "before 1.11"},
		{"2019-07-31", Online, Online, Unknown, Unreleased, "1.11 and 1.12 supported"},
		{"2019-08-01", Offline, Online, Unknown, Online, "1.14 online takes 1.11 offline"},
		{"2019-09-01", Offline, Online, Unknown, Online, "1.14's upgrade path ships"},
		{"2019-11-30", Offline, Online, Unknown, Online, "the last day of the buffer"},
		{"2019-12-01", Retired, Online, Unknown, Online, "three months later 1.11 is retired"},
	}
	for _, tt := range tests {
		at := d(tt.at)
		got := []Phase{
			tl.Status(MustParse("1.11.5"), at), tl.Status(MustParse("1.12.6"), at),
			tl.Status(MustParse("1.13.0"), at), tl.Status(MustParse("1.14.8"), at),
		}
		if diff := cmp.Diff([]Phase{tt.v11, tt.v12, tt.v13, tt.v14}, got); diff != "" {
			t.Errorf("%s (%s): 1.11, 1.12, 1.13, 1.14 (-want +got):\n%s", tt.at, tt.what, diff)
		}
	}
}

// PolicyProduct on the recorded calendar: even minors only; the recorded
// releases and ends of FACTS B4.2 win; offline dates and upgrade paths come
// from the policy (Creatable 2, a month's delay) except 1.20's recorded
// upgrade path; 1.10, with no ACK dates, is derived throughout.
func TestTimelineProductRecorded(t *testing.T) {
	tl := mustTimeline(t, PolicyProduct(), DefaultCalendar())
	want := []lifecycleRow{
		// 1.10: released GA 2018-03-26 + 3 months; offline when 1.14 goes
		// online; retired 1.14's upgrade path + 3 months.
		{"1.10", "2018-06-26", "2018-07-26", "2019-08-01", "2019-12-01", "1.10.1-aliyun.1"},
		{"1.12", "2019-03-01", "2019-04-01", "2020-02-01", "2020-12-31", "1.12.6"},
		{"1.14", "2019-08-01", "2019-09-01", "2020-09-01", "2021-07-31", "1.14.8"},
		{"1.16", "2020-02-01", "2020-03-01", "2021-04-01", "2022-06-30", "1.16.9"},
		{"1.18", "2020-09-01", "2020-10-01", "2021-12-01", "2022-09-30", "1.18.8"},
		{"1.20", "2021-04-01", "2021-07-01", "2022-09-01", "2023-04-30", "1.20.4"},
		{"1.22", "2021-12-01", "2022-01-01", "2023-04-01", "2023-10-31", "1.22.1-aliyun.1"},
		{"1.24", "2022-09-01", "2022-10-01", "2023-10-01", "2024-09-30", "1.24.1-aliyun.1"},
		{"1.26", "2023-04-01", "2023-05-01", "2024-06-01", "2025-04-30", "1.26.3-aliyun.1"},
		{"1.28", "2023-10-01", "2023-11-01", "2025-01-01", "2025-10-31", "1.28.3-aliyun.1"},
		{"1.30", "2024-06-01", "2024-07-01", "2025-09-01", "2026-06-30", "1.30.7-aliyun.1"},
		// 1.36 would take 1.32 offline on 2026-05-01; the recorded end,
		// 2026-01-31, comes first.
		{"1.32", "2025-01-01", "2025-02-01", "2026-01-31", "2026-01-31", "1.32.1-aliyun.1"},
		{"1.34", "2025-09-01", "2025-10-01", "2026-09-30", "2026-09-30", "1.34.1-aliyun.1"},
		{"1.36", "2026-05-01", "2026-06-01", "2027-05-30", "2027-05-30", "1.36.1-aliyun.1"},
	}
	if diff := cmp.Diff(want, rowsOf(tl.Lifecycles())); diff != "" {
		t.Errorf("lifecycles (-want +got):\n%s", diff)
	}
}

// Without recorded ends, PolicyProduct retires each minor three months
// after the upgrade path of the minor that took it offline.
func TestTimelineProductDerivedEnds(t *testing.T) {
	tl := mustTimeline(t, PolicyProduct(), withoutEnds(DefaultCalendar()))
	want := map[string]string{
		"1.12": "2020-06-01", // 1.16's path 2020-03-01 + 3 months; recorded 2020-12-31
		"1.14": "2021-01-01", // 1.18's path 2020-10-01 + 3 months; recorded 2021-07-31
		"1.18": "2022-04-01", // 1.22's path 2022-01-01 + 3 months; recorded 2022-09-30
		"1.34": "",           // no minor after 1.36 in the calendar to take it offline
	}
	for m, end := range want {
		l, _ := tl.Lookup(mustMinor(m))
		if got := dateString(l.Retired); got != end {
			t.Errorf("%s retired %q, want %q", m, got, end)
		}
	}
}

// PolicyCurrent on the recorded calendar: even minors to 1.30, every minor
// from 1.31; three creatable; upgradable on release.
func TestTimelineCurrentRecorded(t *testing.T) {
	tl := mustTimeline(t, PolicyCurrent(), DefaultCalendar())
	want := []lifecycleRow{
		// 1.10 has no ACK dates: released GA + 1 month, retired at the end
		// of its release month + 12; offline moves to the retirement.
		{"1.10", "2018-04-26", "2018-04-26", "2019-04-30", "2019-04-30", "1.10.1-aliyun.1"},
		{"1.12", "2019-03-01", "2019-03-01", "2020-09-01", "2020-12-31", "1.12.6"},
		{"1.14", "2019-08-01", "2019-08-01", "2021-04-01", "2021-07-31", "1.14.8"},
		{"1.16", "2020-02-01", "2020-02-01", "2021-12-01", "2022-06-30", "1.16.9"},
		{"1.18", "2020-09-01", "2020-09-01", "2022-09-01", "2022-09-30", "1.18.8"},
		{"1.20", "2021-04-01", "2021-07-01", "2023-04-01", "2023-04-30", "1.20.4"},
		{"1.22", "2021-12-01", "2021-12-01", "2023-10-01", "2023-10-31", "1.22.1-aliyun.1"},
		{"1.24", "2022-09-01", "2022-09-01", "2024-06-01", "2024-09-30", "1.24.1-aliyun.1"},
		{"1.26", "2023-04-01", "2023-04-01", "2024-09-01", "2025-04-30", "1.26.3-aliyun.1"},
		{"1.28", "2023-10-01", "2023-10-01", "2025-01-01", "2025-10-31", "1.28.3-aliyun.1"},
		{"1.30", "2024-06-01", "2024-06-01", "2025-05-01", "2026-06-30", "1.30.7-aliyun.1"},
		{"1.31", "2024-09-01", "2024-09-01", "2025-09-01", "2025-09-30", "1.31.1-aliyun.1"},
		// 1.35 would take 1.32 offline on 2026-02-01; it is retired first.
		{"1.32", "2025-01-01", "2025-01-01", "2026-01-31", "2026-01-31", "1.32.1-aliyun.1"},
		{"1.33", "2025-05-01", "2025-05-01", "2026-05-01", "2026-05-31", "1.33.3-aliyun.1"},
		{"1.34", "2025-09-01", "2025-09-01", "2026-09-30", "2026-09-30", "1.34.1-aliyun.1"},
		{"1.35", "2026-02-01", "2026-02-01", "2027-02-28", "2027-02-28", "1.35.2-aliyun.1"},
		{"1.36", "2026-05-01", "2026-05-01", "2027-05-30", "2027-05-30", "1.36.1-aliyun.1"},
	}
	if diff := cmp.Diff(want, rowsOf(tl.Lifecycles())); diff != "" {
		t.Errorf("lifecycles (-want +got):\n%s", diff)
	}
}

// PolicyCurrent's arithmetic, release month + 12 to the month's end,
// against FACTS B4.2's recorded ends: it matches 1.31–1.35; the recorded
// dates win for 1.28 and 1.30 (two years) and 1.36 (not a month end).
func TestCurrentDerivedEndsAgainstRecorded(t *testing.T) {
	derived := mustTimeline(t, PolicyCurrent(), withoutEnds(DefaultCalendar()))
	recorded := mustTimeline(t, PolicyCurrent(), DefaultCalendar())
	tests := []struct {
		minor, derived, recorded string
	}{
		{"1.28", "2024-10-31", "2025-10-31"},
		{"1.30", "2025-06-30", "2026-06-30"},
		{"1.31", "2025-09-30", "2025-09-30"},
		{"1.32", "2026-01-31", "2026-01-31"},
		{"1.33", "2026-05-31", "2026-05-31"},
		{"1.34", "2026-09-30", "2026-09-30"},
		{"1.35", "2027-02-28", "2027-02-28"},
		{"1.36", "2027-05-31", "2027-05-30"},
	}
	for _, tt := range tests {
		dl, _ := derived.Lookup(mustMinor(tt.minor))
		rl, _ := recorded.Lookup(mustMinor(tt.minor))
		got := [2]string{dateString(dl.Retired), dateString(rl.Retired)}
		if want := [2]string{tt.derived, tt.recorded}; got != want {
			t.Errorf("%s: derived, timeline end = %v, want %v", tt.minor, got, want)
		}
	}
}

// Without recorded ACK releases the policy's ReleaseLag places them from
// upstream's GA: PolicyCurrent's month lands in the recorded month for
// 1.31, 1.33 and 1.36 and a month early for 1.35.
func TestCurrentDerivedReleases(t *testing.T) {
	var entries []CalendarEntry
	for _, e := range DefaultCalendar().Entries() {
		e.Released, e.UpgradePathAvailable = time.Time{}, time.Time{}
		entries = append(entries, e)
	}
	cal, err := NewCalendar(entries)
	if err != nil {
		t.Fatal(err)
	}
	tl := mustTimeline(t, PolicyCurrent(), cal)
	for m, want := range map[string]string{
		"1.31": "2024-09-13", // recorded September 2024
		"1.33": "2025-05-23", // recorded May 2025
		"1.35": "2026-01-17", // recorded February 2026
		"1.36": "2026-05-22", // planned May 2026
	} {
		l, _ := tl.Lookup(mustMinor(m))
		if got := dateString(l.Released); got != want {
			t.Errorf("%s released %s, want %s", m, got, want)
		}
	}
}

func TestStatusRecorded(t *testing.T) {
	product := mustTimeline(t, PolicyProduct(), DefaultCalendar())
	current := mustTimeline(t, PolicyCurrent(), DefaultCalendar())
	tests := []struct {
		tl   Timeline
		name string
		v    string
		at   string
		want Phase
	}{
		{product, "product", "1.14.8", "2019-07-31", Unreleased},
		{product, "product", "1.14.8", "2019-08-01", Online},
		{product, "product", "1.14.8", "2020-08-31", Online},
		{product, "product", "1.14.8", "2020-09-01", Offline},
		{product, "product", "1.14.8", "2021-07-30", Offline},
		{product, "product", "1.14.8", "2021-07-31", Retired},
		{product, "product", "1.15.0", "2020-01-01", Unknown},
		{product, "product", "1.31.1-aliyun.1", "2025-01-01", Unknown},
		{product, "product", "1.9.0", "2018-01-01", Unknown},
		{product, "product", "1.28.3-aliyun.1", "2026-01-01", Retired},
		{product, "product", "1.30.7-aliyun.1", "2026-01-01", Offline},
		{product, "product", "1.32.1-aliyun.1", "2026-01-01", Online},
		{product, "product", "1.34.1-aliyun.1", "2026-01-01", Online},
		{product, "product", "1.36.1-aliyun.1", "2026-01-01", Unreleased},
		{product, "product", "1.32.1-aliyun.1", "2026-01-31", Retired},
		{current, "current", "1.30.7-aliyun.1", "2026-01-01", Offline},
		{current, "current", "1.31.1-aliyun.1", "2025-09-29", Offline},
		{current, "current", "1.31.1-aliyun.1", "2026-01-01", Retired},
		{current, "current", "1.32.1-aliyun.1", "2026-01-01", Online},
		{current, "current", "1.33.3-aliyun.1", "2026-01-01", Online},
		{current, "current", "1.34.1-aliyun.1", "2026-01-01", Online},
		{current, "current", "1.35.2-aliyun.1", "2026-01-01", Unreleased},
		{current, "current", "1.32.1-aliyun.1", "2026-02-15", Retired},
		{current, "current", "1.35.2-aliyun.1", "2026-02-15", Online},
		{current, "current", "1.29.0", "2024-01-01", Unknown},
		{current, "current", "1.20.11-aliyunedge.1", "2022-01-01", Online},
	}
	for _, tt := range tests {
		if got := tt.tl.Status(MustParse(tt.v), d(tt.at)); got != tt.want {
			t.Errorf("%s: Status(%s, %s) = %v, want %v", tt.name, tt.v, tt.at, got, tt.want)
		}
	}
}

func TestPhaseString(t *testing.T) {
	tests := []struct {
		p                    Phase
		name                 string
		supported, creatable bool
	}{
		{Unknown, "unknown", false, false},
		{Unreleased, "unreleased", false, false},
		{Online, "online", true, true},
		{Offline, "offline", true, false},
		{Retired, "retired", false, false},
		{Phase(9), "Phase(9)", false, false},
	}
	for _, tt := range tests {
		if tt.p.String() != tt.name || tt.p.Supported() != tt.supported || tt.p.Creatable() != tt.creatable {
			t.Errorf("%d: %q supported %v creatable %v, want %q %v %v", int(tt.p), tt.p, tt.p.Supported(), tt.p.Creatable(), tt.name, tt.supported, tt.creatable)
		}
	}
}

func TestNewTimelineErrors(t *testing.T) {
	bad := PolicyProduct()
	bad.Creatable = 0
	neg := PolicyCurrent()
	neg.SupportTerm = Period{Months: -1}
	// A recorded end before the release the policy derives from upstream's GA.
	cal, err := NewCalendar([]CalendarEntry{{Minor: mustMinor("1.40"), UpstreamGA: d("2027-01-10"), EndOfSupport: d("2027-02-01")}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		p    Policy
		c    Calendar
		want string
	}{
		{"creatable", bad, DefaultCalendar(), `version: policy "product": Creatable is 0, must be at least 1`},
		{"negative", neg, DefaultCalendar(), `version: policy "current": SupportTerm is -1 month, must not be negative`},
		{"end before derived release", PolicyProduct(), cal, `version: policy "product": minor 1.40 is retired on 2027-02-01, not after its release on 2027-04-10`},
	}
	for _, tt := range tests {
		if _, err := NewTimeline(tt.p, tt.c); err == nil || err.Error() != tt.want {
			t.Errorf("%s: %v\nwant %s", tt.name, err, tt.want)
		}
	}
}

func TestPolicyShips(t *testing.T) {
	product, current := PolicyProduct(), PolicyCurrent()
	for _, tt := range []struct {
		minor            string
		product, current bool
	}{
		{"1.11", false, false}, {"1.12", true, true}, {"1.29", false, false}, {"1.30", true, true},
		{"1.31", false, true}, {"1.32", true, true}, {"1.33", false, true},
	} {
		m := mustMinor(tt.minor)
		if product.Ships(m) != tt.product || current.Ships(m) != tt.current {
			t.Errorf("%s: product %v current %v, want %v %v", m, product.Ships(m), current.Ships(m), tt.product, tt.current)
		}
	}
	if PolicyProduct() == (Policy{}) || PolicyProduct() != PolicyProduct() {
		t.Error("PolicyProduct should return the same fresh, non-zero value each time")
	}
}

func TestPeriodString(t *testing.T) {
	for p, want := range map[Period]string{
		{}: "0 days", Months(1): "1 month", Months(3): "3 months", {Months: 1, Days: 14}: "1 month 14 days", {Days: 1}: "1 day",
	} {
		if got := p.String(); got != want {
			t.Errorf("%+v: %q, want %q", p, got, want)
		}
	}
}

// withoutEnds returns c without its recorded ends of support.
func withoutEnds(c Calendar) Calendar {
	entries := c.Entries()
	for i := range entries {
		entries[i].EndOfSupport = time.Time{}
	}
	out, err := NewCalendar(entries)
	if err != nil {
		panic(err)
	}
	return out
}
