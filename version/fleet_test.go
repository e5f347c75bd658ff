package version

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPlanFleet(t *testing.T) {
	tl := mustTimeline(t, PolicyProduct(), DefaultCalendar())
	v := MustParse
	clusters := []Cluster{
		{ID: "c-f", Version: v("1.15.0")},
		{ID: "c-e", Version: v("1.18.2")},
		{ID: "c-a", Version: v("1.14.8")},
		{ID: "c-d", Version: v("1.18.8")},
		{ID: "c-c", Version: v("1.16.9")},
		{ID: "c-b", Version: v("1.12.6")},
		{ID: "c-0", Version: v("1.14.2")},
		{ID: "c-g", Version: v("1.20.4")}, // ahead of the target: 1.20 is not out until April
	}
	// On 2021-01-15 1.16 and 1.18 are online: the target is 1.18.8.
	got := tl.PlanFleet(clusters, d("2021-01-15"))
	target := v("1.18.8")
	want := []ClusterPlan{
		{ID: "c-b", Version: v("1.12.6"), Phase: Retired, EndOfSupport: d("2020-12-31"), Target: target,
			Err: &UpgradeError{From: v("1.12.6"), To: target, Hop: Hop{v("1.12.6"), v("1.14.8")}, Reason: ReasonRetired, Minor: mustMinor("1.12"), Date: d("2020-12-31")}},
		{ID: "c-0", Version: v("1.14.2"), Phase: Offline, EndOfSupport: d("2021-07-31"), Target: target,
			Path: []Hop{{v("1.14.2"), v("1.16.9")}, {v("1.16.9"), target}}},
		{ID: "c-a", Version: v("1.14.8"), Phase: Offline, EndOfSupport: d("2021-07-31"), Target: target,
			Path: []Hop{{v("1.14.8"), v("1.16.9")}, {v("1.16.9"), target}}},
		{ID: "c-c", Version: v("1.16.9"), Phase: Online, EndOfSupport: d("2022-06-30"), Target: target,
			Path: []Hop{{v("1.16.9"), target}}},
		{ID: "c-d", Version: v("1.18.8"), Phase: Online, EndOfSupport: d("2022-09-30"), Target: target},
		{ID: "c-e", Version: v("1.18.2"), Phase: Online, EndOfSupport: d("2022-09-30"), Target: target,
			Path: []Hop{{v("1.18.2"), target}}},
		{ID: "c-g", Version: v("1.20.4"), Phase: Unreleased, EndOfSupport: d("2023-04-30"), Target: target},
		{ID: "c-f", Version: v("1.15.0"), Phase: Unknown, Target: target,
			Err: &UpgradeError{From: v("1.15.0"), To: target, Hop: Hop{v("1.15.0"), target}, Reason: ReasonUnknown, Minor: mustMinor("1.15")}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("plan (-want +got):\n%s", diff)
	}

	// Paths are clipped: appending to one leaves the next alone.
	_ = append(got[1].Path, Hop{})
	if len(got[1].Path) != 2 || got[2].Path[0].From != v("1.14.8") {
		t.Errorf("appending to one path changed another: %v", got[2].Path)
	}
}

// PlanFleet's shared per-minor answers give what UpgradePath gives each
// cluster on its own.
func TestPlanFleetMatchesUpgradePath(t *testing.T) {
	for _, p := range []Policy{PolicyProduct(), PolicyCurrent()} {
		tl := mustTimeline(t, p, DefaultCalendar())
		for _, at := range []string{"2020-09-15", "2021-01-15", "2025-06-01", "2026-01-01", "2026-06-15"} {
			plans := tl.PlanFleet(fleet(200), d(at))
			for _, pl := range plans {
				if !pl.Version.Less(pl.Target) {
					if pl.Path != nil || pl.Err != nil {
						t.Errorf("%s %s %s on %s, at or past %s: path %v, error %v; want neither", p.Name, at, pl.ID, pl.Version, pl.Target, hops(pl.Path), pl.Err)
					}
					continue
				}
				path, err := tl.UpgradePath(pl.Version, pl.Target, d(at))
				var gotErr error
				if pl.Err != nil {
					gotErr = pl.Err
				}
				if diff := cmp.Diff(path, pl.Path); diff != "" || fmt.Sprint(err) != fmt.Sprint(gotErr) {
					t.Errorf("%s %s %s on %s: path (-UpgradePath +PlanFleet):\n%s\nerrors %v / %v", p.Name, at, pl.ID, pl.Version, diff, err, gotErr)
				}
			}
			for i := 1; i < len(plans); i++ {
				a, b := plans[i-1], plans[i]
				if !a.EndOfSupport.IsZero() && !b.EndOfSupport.IsZero() && a.EndOfSupport.After(b.EndOfSupport) ||
					a.EndOfSupport.IsZero() && !b.EndOfSupport.IsZero() {
					t.Errorf("%s %s: %s (%v) before %s (%v)", p.Name, at, a.ID, a.EndOfSupport, b.ID, b.EndOfSupport)
				}
			}
		}
	}
}

func TestPlanFleetNothingOnline(t *testing.T) {
	tl := mustTimeline(t, PolicyProduct(), DefaultCalendar())
	got := tl.PlanFleet([]Cluster{{ID: "c-1", Version: MustParse("1.12.6")}}, d("2010-01-01"))
	want := []ClusterPlan{{ID: "c-1", Version: MustParse("1.12.6"), Phase: Unreleased, EndOfSupport: d("2020-12-31")}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("plan (-want +got):\n%s", diff)
	}
}

// fleet returns n clusters spread over versions of many minors, retired,
// supported, unknown and not yet released.
func fleet(n int) []Cluster {
	versions := []Version{
		MustParse("1.12.6"), MustParse("1.14.8"), MustParse("1.16.9"), MustParse("1.18.8"),
		MustParse("1.20.4"), MustParse("1.22.15-aliyun.1"), MustParse("1.24.6-aliyun.1"),
		MustParse("1.26.3-aliyun.1"), MustParse("1.28.3-aliyun.1"), MustParse("1.28.9-aliyun.1"),
		MustParse("1.30.1-aliyun.1"), MustParse("1.30.7-aliyun.1"), MustParse("1.31.1-aliyun.1"),
		MustParse("1.32.1-aliyun.1"), MustParse("1.33.1-aliyun.1"), MustParse("1.33.3-aliyun.1"),
		MustParse("1.34.1-aliyun.1"), MustParse("1.35.2-aliyun.1"), MustParse("1.15.0"),
	}
	cs := make([]Cluster, n)
	for i := range cs {
		cs[i] = Cluster{ID: fmt.Sprintf("c-%05d", (i*7919)%n), Version: versions[(i*31)%len(versions)]}
	}
	return cs
}

// BenchmarkPlanFleet plans 10,000 clusters over 19 versions; the goal is
// well under 10 ms per plan.
func BenchmarkPlanFleet(b *testing.B) {
	for _, p := range []Policy{PolicyProduct(), PolicyCurrent()} {
		b.Run(p.Name, func(b *testing.B) {
			tl := mustTimeline(b, p, DefaultCalendar())
			cs := fleet(10_000)
			at := d("2026-01-01")
			b.ReportAllocs()
			for b.Loop() {
				tl.PlanFleet(cs, at)
			}
		})
	}
}

// Clusters on the same version share one path and one error.
func TestPlanFleetSharesPerVersion(t *testing.T) {
	tl := mustTimeline(t, PolicyProduct(), DefaultCalendar())
	plans := tl.PlanFleet([]Cluster{
		{ID: "c-1", Version: MustParse("1.14.8")}, {ID: "c-2", Version: MustParse("1.14.8")},
		{ID: "c-3", Version: MustParse("1.12.6")}, {ID: "c-4", Version: MustParse("1.12.6")},
	}, d("2021-01-15"))
	if plans[0].Err == nil || plans[0].Err != plans[1].Err {
		t.Errorf("c-3 and c-4 have different errors: %p %p", plans[0].Err, plans[1].Err)
	}
	if &plans[2].Path[0] != &plans[3].Path[0] {
		t.Error("c-1 and c-2 have different paths")
	}
}
