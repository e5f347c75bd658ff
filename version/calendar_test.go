package version

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func mustMinor(s string) Minor {
	m, err := ParseMinor(s)
	if err != nil {
		panic(err)
	}
	return m
}

// The built-in calendar holds FACTS B4.2 and B4.4 as written there.
func TestDefaultCalendarRecords(t *testing.T) {
	tests := []struct {
		minor                          string
		ga, released, end, upgradePath string
		latest                         string
	}{
		{"1.10", "2018-03-26", "", "", "", ""},
		{"1.11", "2018-06-27", "", "", "", ""},
		{"1.12", "2018-09-27", "2019-03-01", "2020-12-31", "", "1.12.6"},
		{"1.14", "2019-03-25", "2019-08-01", "2021-07-31", "", "1.14.8"},
		{"1.15", "2019-06-19", "", "", "", ""},
		{"1.16", "2019-09-18", "2020-02-01", "2022-06-30", "", "1.16.9"},
		{"1.17", "2019-12-07", "", "", "", ""},
		{"1.18", "2020-03-25", "2020-09-01", "2022-09-30", "", "1.18.8"},
		{"1.20", "2020-12-08", "2021-04-01", "2023-04-30", "2021-07-01", "1.20.4"},
		{"1.22", "2021-08-04", "2021-12-01", "2023-10-31", "", ""},
		{"1.24", "2022-05-03", "2022-09-01", "2024-09-30", "", ""},
		{"1.26", "2022-12-08", "2023-04-01", "2025-04-30", "", "1.26.3-aliyun.1"},
		{"1.28", "2023-08-15", "2023-10-01", "2025-10-31", "", "1.28.3-aliyun.1"},
		{"1.29", "2023-12-13", "", "", "", ""},
		{"1.30", "2024-04-17", "2024-06-01", "2026-06-30", "", "1.30.7-aliyun.1"},
		{"1.31", "2024-08-13", "2024-09-01", "2025-09-30", "", "1.31.1-aliyun.1"},
		{"1.32", "2024-12-11", "2025-01-01", "2026-01-31", "", "1.32.1-aliyun.1"},
		{"1.33", "2025-04-23", "2025-05-01", "2026-05-31", "", "1.33.3-aliyun.1"},
		{"1.34", "2025-08-27", "2025-09-01", "2026-09-30", "", "1.34.1-aliyun.1"},
		{"1.35", "2025-12-17", "2026-02-01", "2027-02-28", "", "1.35.2-aliyun.1"},
		{"1.36", "2026-04-22", "2026-05-01", "2027-05-30", "", ""},
	}
	cal := DefaultCalendar()
	for _, tt := range tests {
		e, ok := cal.Lookup(mustMinor(tt.minor))
		if !ok {
			t.Errorf("%s: not in the calendar", tt.minor)
			continue
		}
		got := []string{dateString(e.UpstreamGA), dateString(e.Released), dateString(e.EndOfSupport), dateString(e.UpgradePathAvailable), ""}
		if !e.Latest.IsZero() {
			got[4] = e.Latest.String()
		}
		want := []string{tt.ga, tt.released, tt.end, tt.upgradePath, tt.latest}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: GA, released, end, upgrade path, latest (-want +got):\n%s", tt.minor, diff)
		}
	}
	if got := len(cal.Entries()); got != 27 {
		t.Errorf("%d entries, want 27 (1.10 to 1.36)", got)
	}
	if _, ok := cal.Lookup(mustMinor("1.9")); ok {
		t.Error("1.9 is in the calendar; FACTS has no date for it")
	}
}

func TestDefaultCalendarIsValid(t *testing.T) {
	cal := DefaultCalendar()
	again, err := NewCalendar(cal.Entries())
	if err != nil {
		t.Fatalf("NewCalendar(DefaultCalendar().Entries()): %v", err)
	}
	if diff := cmp.Diff(cal.Entries(), again.Entries()); diff != "" {
		t.Errorf("(-default +rebuilt):\n%s", diff)
	}
	es := cal.Entries()
	es[0].Minor = Minor{Major: 9}
	if e, _ := cal.Lookup(mustMinor("1.10")); e.Minor != mustMinor("1.10") {
		t.Error("changing Entries() changed the calendar")
	}
}

func TestCalendarJSON(t *testing.T) {
	cal := DefaultCalendar()
	b, err := json.Marshal(cal.Entries())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `{"minor":"1.31","upstream_ga":"2024-08-13","released":"2024-09-01","end_of_support":"2025-09-30","latest":"1.31.1-aliyun.1"}`) {
		t.Errorf("1.31's entry is not in the JSON as expected:\n%s", b)
	}
	again, err := ParseCalendar(b)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(cal.Entries(), again.Entries()); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}

	// Months alone, as ACK's tables give them, and entries out of order.
	months, err := ParseCalendar([]byte(`[
		{"minor": "1.14", "released": "2019-08", "end_of_support": "2021-07"},
		{"minor": "1.12", "upstream_ga": "2018-09-27", "released": "2019-03", "end_of_support": "2020-12", "latest": "v1.12.6"}
	]`))
	if err != nil {
		t.Fatal(err)
	}
	want := []CalendarEntry{
		{Minor: mustMinor("1.12"), UpstreamGA: date(2018, 9, 27), Released: date(2019, 3, 1), EndOfSupport: date(2020, 12, 31), Latest: MustParse("1.12.6")},
		{Minor: mustMinor("1.14"), Released: date(2019, 8, 1), EndOfSupport: date(2021, 7, 31)},
	}
	if diff := cmp.Diff(want, months.Entries()); diff != "" {
		t.Errorf("month precision (-want +got):\n%s", diff)
	}
}

func TestNewCalendarErrors(t *testing.T) {
	m := mustMinor("1.28")
	tests := []struct {
		name    string
		entries []CalendarEntry
		want    string
	}{
		{"no minor", []CalendarEntry{{Released: date(2023, 10, 1)}}, "version: calendar: entry 0.0: the minor is missing or negative"},
		{"no dates", []CalendarEntry{{Minor: m, EndOfSupport: date(2025, 10, 31)}}, "version: calendar: entry 1.28: needs an ACK release or an upstream GA date"},
		{"twice", []CalendarEntry{{Minor: m, Released: date(2023, 10, 1)}, {Minor: m, Released: date(2023, 11, 1)}}, "version: calendar: entry 1.28: the minor is given twice"},
		{"end before release", []CalendarEntry{{Minor: m, Released: date(2023, 10, 1), EndOfSupport: date(2023, 1, 31)}},
			"version: calendar: entry 1.28: end of support 2023-01-31 is not after the release 2023-10-01"},
		{"end before GA", []CalendarEntry{{Minor: m, UpstreamGA: date(2023, 8, 15), EndOfSupport: date(2023, 8, 15)}},
			"version: calendar: entry 1.28: end of support 2023-08-15 is not after upstream's GA 2023-08-15"},
		{"upgrade path before release", []CalendarEntry{{Minor: m, Released: date(2023, 10, 1), UpgradePathAvailable: date(2023, 9, 1)}},
			"version: calendar: entry 1.28: upgrade path 2023-09-01 is before the release 2023-10-01"},
		{"latest of another minor", []CalendarEntry{{Minor: m, Released: date(2023, 10, 1), Latest: MustParse("1.30.7-aliyun.1")}},
			"version: calendar: entry 1.28: latest 1.30.7-aliyun.1 is of another minor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewCalendar(tt.entries)
			if err == nil || err.Error() != tt.want {
				t.Errorf("NewCalendar: %v\nwant %s", err, tt.want)
			}
		})
	}
}

func TestParseCalendarErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{}`, "version: calendar: json: cannot unmarshal object into Go value of type []version.CalendarEntry"},
		{`[{"minor":"1.31","released":"2024-13-01"}]`, `version: calendar: entry 1.31: released "2024-13-01": want a date, 2006-01-02, or a month, 2006-01`},
		{`[{"minor":"1.31","released":"2024-09","latest":"1.31.x"}]`, `version: calendar: entry 1.31: latest: version: "1.31.x": patch "x" is not a number`},
		{`[{"minor":"1.3x"}]`, `version: calendar: version: minor "1.3x": minor "3x" is not a number`},
	}
	for _, tt := range tests {
		_, err := ParseCalendar([]byte(tt.in))
		if err == nil || err.Error() != tt.want {
			t.Errorf("ParseCalendar(%s):\n got %v\nwant %s", tt.in, err, tt.want)
		}
	}
}

func TestCalendarDropsTimeOfDay(t *testing.T) {
	cst := time.FixedZone("CST", 8*3600)
	cal, err := NewCalendar([]CalendarEntry{{Minor: mustMinor("1.31"), Released: time.Date(2024, 9, 1, 7, 30, 0, 0, cst)}})
	if err != nil {
		t.Fatal(err)
	}
	e, _ := cal.Lookup(mustMinor("1.31"))
	if !e.Released.Equal(date(2024, 8, 31)) || e.Released.Location() != time.UTC {
		t.Errorf("Released = %v, want 2024-08-31 00:00 UTC (the day in UTC)", e.Released)
	}
}
