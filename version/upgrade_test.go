package version

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// hops writes a path as text: "1.14.8 -> 1.16.9".
func hops(hs []Hop) []string {
	var out []string
	for _, h := range hs {
		out = append(out, h.String())
	}
	return out
}

func TestUpgradePath(t *testing.T) {
	product := mustTimeline(t, PolicyProduct(), DefaultCalendar())
	current := mustTimeline(t, PolicyCurrent(), DefaultCalendar())
	example := productExample(t)
	tests := []struct {
		name     string
		tl       Timeline
		from, to string
		at       string
		want     []string
	}{
		// 1.18's upgrade path opens 2020-10-01; 1.14 retires 2021-07-31.
		{"1.14 to 1.18 by 1.16", product, "1.14.8", "1.18.8", "2021-01-15", []string{"1.14.8 -> 1.16.9", "1.16.9 -> 1.18.8"}},
		{"the day 1.18's path opens", product, "1.14.8", "1.18.8", "2020-10-01", []string{"1.14.8 -> 1.16.9", "1.16.9 -> 1.18.8"}},
		{"1.14's last day", product, "1.14.8", "1.18.8", "2021-07-30", []string{"1.14.8 -> 1.16.9", "1.16.9 -> 1.18.8"}},
		{"one even hop", product, "1.14.8", "1.16.9", "2020-06-01", []string{"1.14.8 -> 1.16.9"}},
		{"1.30 to 1.32 skips odd 1.31", product, "1.30.7-aliyun.1", "1.32.1-aliyun.1", "2025-06-01", []string{"1.30.7-aliyun.1 -> 1.32.1-aliyun.1"}},
		{"a patch", product, "1.30.1-aliyun.1", "1.30.7-aliyun.1", "2025-01-01", []string{"1.30.1-aliyun.1 -> 1.30.7-aliyun.1"}},
		{"no change", product, "1.30.7-aliyun.1", "1.30.7-aliyun.1", "2025-01-01", nil},
		{"to an offline minor", product, "1.20.4", "1.22.1-aliyun.1", "2023-04-15", []string{"1.20.4 -> 1.22.1-aliyun.1"}},
		{"current: odd minors are hops", current, "1.31.1-aliyun.1", "1.33.3-aliyun.1", "2025-06-15", []string{"1.31.1-aliyun.1 -> 1.32.1-aliyun.1", "1.32.1-aliyun.1 -> 1.33.3-aliyun.1"}},
		{"current: 1.30 to 1.31", current, "1.30.7-aliyun.1", "1.31.1-aliyun.1", "2025-01-01", []string{"1.30.7-aliyun.1 -> 1.31.1-aliyun.1"}},
		{"current: upgradable on release", current, "1.34.1-aliyun.1", "1.35.2-aliyun.1", "2026-02-01", []string{"1.34.1-aliyun.1 -> 1.35.2-aliyun.1"}},
		{"example: offline 1.11 to 1.14", example, "1.11.5", "1.14.1-aliyun.1", "2019-10-01", []string{"1.11.5 -> 1.12.1-aliyun.1", "1.12.1-aliyun.1 -> 1.14.1-aliyun.1"}},
		{"an edge cluster", product, "1.20.11-aliyunedge.1", "1.22.1-aliyun.1", "2022-06-01", []string{"1.20.11-aliyunedge.1 -> 1.22.1-aliyun.1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.tl.UpgradePath(MustParse(tt.from), MustParse(tt.to), d(tt.at))
			if err != nil {
				t.Fatalf("UpgradePath: %v", err)
			}
			if diff := cmp.Diff(tt.want, hops(got)); diff != "" {
				t.Errorf("hops (-want +got):\n%s", diff)
			}
		})
	}
}

func TestUpgradePathErrors(t *testing.T) {
	product := mustTimeline(t, PolicyProduct(), DefaultCalendar())
	current := mustTimeline(t, PolicyCurrent(), DefaultCalendar())
	example := productExample(t)
	v := MustParse
	tests := []struct {
		name     string
		tl       Timeline
		from, to string
		at       string
		want     UpgradeError
		msg      string
	}{
		{"retired source", product, "1.14.8", "1.18.8", "2021-07-31",
			UpgradeError{Hop: Hop{v("1.14.8"), v("1.16.9")}, Reason: ReasonRetired, Minor: mustMinor("1.14"), Date: d("2021-07-31")},
			"version: upgrade 1.14.8 to 1.18.8: hop 1.14.8 -> 1.16.9: 1.14 was retired on 2021-07-31; its upgrade channel is closed"},
		{"retired source, a patch", product, "1.12.2", "1.12.6", "2021-01-01",
			UpgradeError{Hop: Hop{v("1.12.2"), v("1.12.6")}, Reason: ReasonRetired, Minor: mustMinor("1.12"), Date: d("2020-12-31")},
			"version: upgrade 1.12.2 to 1.12.6: 1.12 was retired on 2020-12-31; its upgrade channel is closed"},
		{"retired hop", current, "1.30.7-aliyun.1", "1.32.1-aliyun.1", "2026-01-01",
			UpgradeError{Hop: Hop{v("1.30.7-aliyun.1"), v("1.31.1-aliyun.1")}, Reason: ReasonRetired, Minor: mustMinor("1.31"), Date: d("2025-09-30")},
			"version: upgrade 1.30.7-aliyun.1 to 1.32.1-aliyun.1: hop 1.30.7-aliyun.1 -> 1.31.1-aliyun.1: 1.31 was retired on 2025-09-30"},
		{"upgrade path not open", product, "1.14.8", "1.18.8", "2020-09-15",
			UpgradeError{Hop: Hop{v("1.16.9"), v("1.18.8")}, Reason: ReasonNoUpgradePathYet, Minor: mustMinor("1.18"), Date: d("2020-10-01")},
			"version: upgrade 1.14.8 to 1.18.8: hop 1.16.9 -> 1.18.8: upgrades to 1.18 open on 2020-10-01"},
		{"recorded upgrade path", product, "1.18.8", "1.20.4", "2021-05-01",
			UpgradeError{Hop: Hop{v("1.18.8"), v("1.20.4")}, Reason: ReasonNoUpgradePathYet, Minor: mustMinor("1.20"), Date: d("2021-07-01")},
			"version: upgrade 1.18.8 to 1.20.4: upgrades to 1.20 open on 2021-07-01"},
		{"unreleased hop", product, "1.14.8", "1.18.8", "2020-08-15",
			UpgradeError{Hop: Hop{v("1.16.9"), v("1.18.8")}, Reason: ReasonUnreleased, Minor: mustMinor("1.18"), Date: d("2020-09-01")},
			"version: upgrade 1.14.8 to 1.18.8: hop 1.16.9 -> 1.18.8: 1.18 is not released until 2020-09-01"},
		{"unreleased source", product, "1.36.1-aliyun.1", "1.36.2-aliyun.1", "2026-01-01",
			UpgradeError{Hop: Hop{v("1.36.1-aliyun.1"), v("1.36.2-aliyun.1")}, Reason: ReasonUnreleased, Minor: mustMinor("1.36"), Date: d("2026-05-01")},
			"version: upgrade 1.36.1-aliyun.1 to 1.36.2-aliyun.1: 1.36 is not released until 2026-05-01"},
		{"downgrade", product, "1.18.8", "1.16.9", "2021-01-01",
			UpgradeError{Hop: Hop{v("1.18.8"), v("1.16.9")}, Reason: ReasonDowngrade, Minor: mustMinor("1.16")},
			"version: upgrade 1.18.8 to 1.16.9: 1.16.9 is not newer than 1.18.8; downgrades are not supported"},
		{"downgrade within a minor", product, "1.18.8", "1.18.2", "2021-01-01",
			UpgradeError{Hop: Hop{v("1.18.8"), v("1.18.2")}, Reason: ReasonDowngrade, Minor: mustMinor("1.18")},
			"version: upgrade 1.18.8 to 1.18.2: 1.18.2 is not newer than 1.18.8; downgrades are not supported"},
		{"to a minor the policy skips", product, "1.14.8", "1.15.3", "2020-01-01",
			UpgradeError{Hop: Hop{v("1.14.8"), v("1.15.3")}, Reason: ReasonUnknown, Minor: mustMinor("1.15")},
			"version: upgrade 1.14.8 to 1.15.3: no release of 1.15 is known"},
		{"from a minor before the calendar", product, "1.9.3", "1.12.6", "2019-06-01",
			UpgradeError{Hop: Hop{v("1.9.3"), v("1.12.6")}, Reason: ReasonUnknown, Minor: mustMinor("1.9")},
			"version: upgrade 1.9.3 to 1.12.6: no release of 1.9 is known"},
		{"example: 1.11 retired three months after 1.14's path", example, "1.11.5", "1.12.1-aliyun.1", "2019-12-01",
			UpgradeError{Hop: Hop{v("1.11.5"), v("1.12.1-aliyun.1")}, Reason: ReasonRetired, Minor: mustMinor("1.11"), Date: d("2019-12-01")},
			"version: upgrade 1.11.5 to 1.12.1-aliyun.1: 1.11 was retired on 2019-12-01; its upgrade channel is closed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from, to := v(tt.from), v(tt.to)
			got, err := tt.tl.UpgradePath(from, to, d(tt.at))
			if err == nil {
				t.Fatalf("UpgradePath = %v, want an error", hops(got))
			}
			var ue *UpgradeError
			if !errors.As(err, &ue) {
				t.Fatalf("error %v is not an *UpgradeError", err)
			}
			tt.want.From, tt.want.To = from, to
			if diff := cmp.Diff(&tt.want, ue); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
			if err.Error() != tt.msg {
				t.Errorf("message:\n got %s\nwant %s", err, tt.msg)
			}
		})
	}
}

func TestReasonString(t *testing.T) {
	want := map[Reason]string{
		ReasonRetired: "retired", ReasonUnreleased: "unreleased", ReasonNoUpgradePathYet: "no upgrade path yet",
		ReasonDowngrade: "downgrade", ReasonSkip: "skip", ReasonUnknown: "unknown", ReasonNotOffered: "not offered",
		0: "Reason(0)", 99: "Reason(99)",
	}
	for r, s := range want {
		if r.String() != s {
			t.Errorf("Reason(%d) = %q, want %q", int(r), r, s)
		}
	}
	e := &UpgradeError{From: MustParse("1.1.1"), To: MustParse("1.2.1"), Hop: Hop{MustParse("1.1.1"), MustParse("1.2.1")}, Reason: ReasonRetired, Minor: mustMinor("1.2")}
	if got := e.Error(); got != "version: upgrade 1.1.1 to 1.2.1: 1.2 is retired" {
		t.Errorf("retired without a date: %s", got)
	}
	e.Reason, e.Date = ReasonUnreleased, time.Time{}
	if got := e.Error(); got != "version: upgrade 1.1.1 to 1.2.1: 1.2 is not released" {
		t.Errorf("unreleased without a date: %s", got)
	}
}
