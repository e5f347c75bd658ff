package version_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/ackgo/ack/version"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func ExampleParse() {
	v, err := version.Parse("1.31.1-aliyun.1")
	if err != nil {
		panic(err)
	}
	fmt.Println(v.Major, v.Minor, v.Patch, v.ACKPatch, v.MinorString())

	old, _ := version.Parse("v1.14.8") // 2019's form: a v, no suffix
	fmt.Println(old, old.Less(v))

	_, err = version.Parse("1.3x.1")
	var pe *version.ParseError
	fmt.Println(err, errors.As(err, &pe))
	// Output:
	// 1 31 1 1 1.31
	// 1.14.8 true
	// version: "1.3x.1": minor "3x" is not a number true
}

func ExampleMinor() {
	m, _ := version.ParseMinor("1.31")
	fmt.Println(m.Prev(), m, m.Next(), m.Less(m.Next()))
	// Output: 1.30 1.31 1.32 true
}

func ExampleTimeline_Status() {
	tl, err := version.NewTimeline(version.PolicyProduct(), version.DefaultCalendar())
	if err != nil {
		panic(err)
	}
	v := version.MustParse("1.14.8")
	for _, at := range []string{"2019-07-01", "2019-08-01", "2020-09-01", "2021-07-31"} {
		fmt.Println(at, tl.Status(v, day(at)))
	}
	fmt.Println("1.15 is", tl.Status(version.MustParse("1.15.0"), day("2020-01-01")))
	// Output:
	// 2019-07-01 unreleased
	// 2019-08-01 online
	// 2020-09-01 offline
	// 2021-07-31 retired
	// 1.15 is unknown
}

func ExampleTimeline_UpgradePath() {
	tl, _ := version.NewTimeline(version.PolicyProduct(), version.DefaultCalendar())
	from, to := version.MustParse("1.14.8"), version.MustParse("1.18.8")

	hops, _ := tl.UpgradePath(from, to, day("2021-01-15"))
	fmt.Println(hops)

	_, err := tl.UpgradePath(from, to, day("2021-08-01"))
	var ue *version.UpgradeError
	if errors.As(err, &ue) {
		fmt.Println(ue.Reason, ue.Minor, ue.Date.Format(time.DateOnly))
	}
	fmt.Println(err)

	// Under today's policy odd minors are hops of their own.
	cur, _ := version.NewTimeline(version.PolicyCurrent(), version.DefaultCalendar())
	hops, _ = cur.UpgradePath(version.MustParse("1.31.1-aliyun.1"), version.MustParse("1.33.3-aliyun.1"), day("2025-06-15"))
	fmt.Println(hops)
	// Output:
	// [1.14.8 -> 1.16.9 1.16.9 -> 1.18.8]
	// retired 1.14 2021-07-31
	// version: upgrade 1.14.8 to 1.18.8: hop 1.14.8 -> 1.16.9: 1.14 was retired on 2021-07-31; its upgrade channel is closed
	// [1.31.1-aliyun.1 -> 1.32.1-aliyun.1 1.32.1-aliyun.1 -> 1.33.3-aliyun.1]
}

func ExampleTimeline_Catalog() {
	tl, _ := version.NewTimeline(version.PolicyProduct(), version.DefaultCalendar())
	c := tl.Catalog(day("2026-01-01"))
	for _, e := range c.Entries {
		fmt.Println(e.Version, e.Phase, "expires", e.Expires.Format(time.DateOnly), "upgrades to", e.UpgradableTo)
	}
	newest, _ := c.NewestCreatable()
	fmt.Println("default for create:", newest.Version)
	fmt.Println(c.CanUpgrade(version.MustParse("1.30.7-aliyun.1"), version.MustParse("1.34.1-aliyun.1")))
	// Output:
	// 1.30.7-aliyun.1 offline expires 2026-06-30 upgrades to [1.32.1-aliyun.1]
	// 1.32.1-aliyun.1 online expires 2026-01-31 upgrades to [1.34.1-aliyun.1]
	// 1.34.1-aliyun.1 online expires 2026-09-30 upgrades to []
	// default for create: 1.34.1-aliyun.1
	// version: upgrade 1.30.7-aliyun.1 to 1.34.1-aliyun.1: the hop skips 1.32; upgrades go one minor at a time
}

func ExampleTimeline_PlanFleet() {
	tl, _ := version.NewTimeline(version.PolicyCurrent(), version.DefaultCalendar())
	clusters := []version.Cluster{
		{ID: "c-web", Version: version.MustParse("1.33.3-aliyun.1")},
		{ID: "c-batch", Version: version.MustParse("1.32.1-aliyun.1")},
		{ID: "c-legacy", Version: version.MustParse("1.30.7-aliyun.1")},
		{ID: "c-new", Version: version.MustParse("1.34.1-aliyun.1")},
	}
	for _, p := range tl.PlanFleet(clusters, day("2025-12-01")) {
		fmt.Printf("%-8s %-15s %-7s ends %s ", p.ID, p.Version, p.Phase, p.EndOfSupport.Format(time.DateOnly))
		if p.Err != nil {
			fmt.Println("no path:", p.Err.Reason, p.Err.Minor)
			continue
		}
		fmt.Println("path", p.Path)
	}
	// Output:
	// c-batch  1.32.1-aliyun.1 online  ends 2026-01-31 path [1.32.1-aliyun.1 -> 1.33.3-aliyun.1 1.33.3-aliyun.1 -> 1.34.1-aliyun.1]
	// c-web    1.33.3-aliyun.1 online  ends 2026-05-31 path [1.33.3-aliyun.1 -> 1.34.1-aliyun.1]
	// c-legacy 1.30.7-aliyun.1 offline ends 2026-06-30 no path: retired 1.31
	// c-new    1.34.1-aliyun.1 online  ends 2026-09-30 path []
}

// The product description's own example names 1.11, 1.12 and 1.14 (the
// even-minor rule would skip 1.11): with 1.11 and 1.12 supported, 1.14
// going online takes 1.11 offline, and 1.11 is retired three months after
// 1.14's upgrade path ships. A calendar of just those minors, loaded from
// JSON, and PolicyProduct shipping whatever the calendar holds, reproduce
// it.
func ExampleParseCalendar() {
	cal, err := version.ParseCalendar([]byte(`[
		{"minor": "1.11", "released": "2018-09"},
		{"minor": "1.12", "released": "2019-03"},
		{"minor": "1.14", "released": "2019-08"}
	]`))
	if err != nil {
		panic(err)
	}
	p := version.PolicyProduct()
	p.EvenMinorsOnly = false
	tl, err := version.NewTimeline(p, cal)
	if err != nil {
		panic(err)
	}
	l11, _ := tl.Lookup(version.Minor{Major: 1, Minor: 11})
	l14, _ := tl.Lookup(version.Minor{Major: 1, Minor: 14})
	fmt.Println("1.14 online:      ", l14.Released.Format(time.DateOnly))
	fmt.Println("1.11 offline:     ", l11.Offline.Format(time.DateOnly))
	fmt.Println("1.14 upgrade path:", l14.UpgradePathAvailable.Format(time.DateOnly))
	fmt.Println("1.11 retired:     ", l11.Retired.Format(time.DateOnly))
	// Output:
	// 1.14 online:       2019-08-01
	// 1.11 offline:      2019-08-01
	// 1.14 upgrade path: 2019-09-01
	// 1.11 retired:      2019-12-01
}
