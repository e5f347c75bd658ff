package version

import "time"

// DefaultCalendar returns the recorded history of Kubernetes minors on
// ACK, 1.10 to 1.36:
//
//   - upstream's GA date of every minor (endoflife.date and the
//     Kubernetes changelog; 1.14 and 1.15 in US time);
//   - ACK's release and end-of-support months of the minors ACK shipped,
//     1.12 to 1.36, from ACK's "support for Kubernetes versions" page
//     (2024–2026 copies). Months are read as the release month's first day
//     and the end-of-support month's last day; where the page gives a day
//     (1.28 on), that day. 1.36's dates are ACK's plan (May 2026, end
//     2027-05-30). 1.9–1.11 were ACK releases too, but no dates were
//     recorded for them;
//   - the one upgrade-path date recorded: 1.18 -> 1.20 opened in July
//     2021, three months after 1.20's release;
//   - the newest ACK patch string seen for a minor, where one was seen:
//     1.12.6, 1.14.8, 1.16.9, 1.18.8, 1.20.4, 1.26.3-aliyun.1,
//     1.28.3-aliyun.1, 1.30.7-aliyun.1, 1.31.1-aliyun.1, 1.32.1-aliyun.1,
//     1.33.3-aliyun.1, 1.34.1-aliyun.1, 1.35.2-aliyun.1. These are the
//     newest strings found in documentation and examples, not necessarily
//     the last patch ACK shipped. Minors without one get x.y.1-aliyun.1 in
//     a Timeline (see Lifecycle.Latest).
//
// Where sources disagree the table follows ACK's current page: 1.12 is
// March 2019 to December 2020 (a 2019 page said 2019-04-01 to
// 2020-03-31), 1.22 ends October 2023 (a 2022 copy said December 2023),
// 1.30 ends 2026-06-30 (a July 2024 copy said June 2025).
//
// Each call returns a fresh Calendar.
func DefaultCalendar() Calendar {
	type row struct {
		minor                  int
		ga                     time.Time
		released, endOfSupport time.Time
		latest                 string
	}
	mo := func(y int, m time.Month) time.Time { return date(y, m, 1) }
	end := func(y int, m time.Month) time.Time { return monthEnd(date(y, m, 1)) }
	var none time.Time
	rows := []row{
		{10, date(2018, 3, 26), none, none, ""},
		{11, date(2018, 6, 27), none, none, ""},
		{12, date(2018, 9, 27), mo(2019, 3), end(2020, 12), "1.12.6"},
		{13, date(2018, 12, 3), none, none, ""},
		{14, date(2019, 3, 25), mo(2019, 8), end(2021, 7), "1.14.8"},
		{15, date(2019, 6, 19), none, none, ""},
		{16, date(2019, 9, 18), mo(2020, 2), end(2022, 6), "1.16.9"},
		{17, date(2019, 12, 7), none, none, ""},
		{18, date(2020, 3, 25), mo(2020, 9), end(2022, 9), "1.18.8"},
		{19, date(2020, 8, 26), none, none, ""},
		{20, date(2020, 12, 8), mo(2021, 4), end(2023, 4), "1.20.4"},
		{21, date(2021, 4, 8), none, none, ""},
		{22, date(2021, 8, 4), mo(2021, 12), end(2023, 10), ""},
		{23, date(2021, 12, 7), none, none, ""},
		{24, date(2022, 5, 3), mo(2022, 9), end(2024, 9), ""},
		{25, date(2022, 8, 23), none, none, ""},
		{26, date(2022, 12, 8), mo(2023, 4), end(2025, 4), "1.26.3-aliyun.1"},
		{27, date(2023, 4, 11), none, none, ""},
		{28, date(2023, 8, 15), mo(2023, 10), date(2025, 10, 31), "1.28.3-aliyun.1"},
		{29, date(2023, 12, 13), none, none, ""},
		{30, date(2024, 4, 17), mo(2024, 6), date(2026, 6, 30), "1.30.7-aliyun.1"},
		{31, date(2024, 8, 13), mo(2024, 9), date(2025, 9, 30), "1.31.1-aliyun.1"},
		{32, date(2024, 12, 11), mo(2025, 1), date(2026, 1, 31), "1.32.1-aliyun.1"},
		{33, date(2025, 4, 23), mo(2025, 5), date(2026, 5, 31), "1.33.3-aliyun.1"},
		{34, date(2025, 8, 27), mo(2025, 9), date(2026, 9, 30), "1.34.1-aliyun.1"},
		{35, date(2025, 12, 17), mo(2026, 2), date(2027, 2, 28), "1.35.2-aliyun.1"},
		{36, date(2026, 4, 22), mo(2026, 5), date(2027, 5, 30), ""},
	}
	entries := make([]CalendarEntry, len(rows))
	for i, r := range rows {
		e := CalendarEntry{
			Minor:        Minor{Major: 1, Minor: r.minor},
			UpstreamGA:   r.ga,
			Released:     r.released,
			EndOfSupport: r.endOfSupport,
		}
		if r.latest != "" {
			e.Latest = MustParse(r.latest)
		}
		if r.minor == 20 {
			e.UpgradePathAvailable = mo(2021, 7)
		}
		entries[i] = e
	}
	return Calendar{entries: entries}
}
