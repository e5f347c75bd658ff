package version

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// entryRow is a CatalogEntry's policy fields as text, for tables.
type entryRow struct {
	Version   string
	Creatable bool
	Phase     Phase
	Released  string
	Expires   string
	Upgrades  []string
}

func entryRows(es []CatalogEntry) []entryRow {
	rows := make([]entryRow, len(es))
	for i, e := range es {
		up := []string{}
		for _, v := range e.UpgradableTo {
			up = append(up, v.String())
		}
		rows[i] = entryRow{e.Version.String(), e.Creatable, e.Phase, dateString(e.Released), dateString(e.Expires), up}
	}
	return rows
}

func TestSynthesizedCatalog(t *testing.T) {
	tests := []struct {
		name      string
		p         Policy
		at        string
		want      []entryRow
		creatable []string
		newest    string
	}{
		{
			// Even minors only: 1.28 retired 2025-10-31, 1.30 offline since
			// 1.34 went online, 1.36 not out until May 2026; 1.33 is odd.
			name: "product 2026-01-01", p: PolicyProduct(), at: "2026-01-01",
			want: []entryRow{
				{"1.30.7-aliyun.1", false, Offline, "2024-06-01", "2026-06-30", []string{"1.32.1-aliyun.1"}},
				{"1.32.1-aliyun.1", true, Online, "2025-01-01", "2026-01-31", []string{"1.34.1-aliyun.1"}},
				{"1.34.1-aliyun.1", true, Online, "2025-09-01", "2026-09-30", []string{}},
			},
			creatable: []string{"1.32.1-aliyun.1", "1.34.1-aliyun.1"},
			newest:    "1.34.1-aliyun.1",
		},
		{
			// Every minor from 1.31, three creatable; 1.31 retired
			// 2025-09-30, so 1.30 has nowhere to go.
			name: "current 2026-01-01", p: PolicyCurrent(), at: "2026-01-01",
			want: []entryRow{
				{"1.30.7-aliyun.1", false, Offline, "2024-06-01", "2026-06-30", []string{}},
				{"1.32.1-aliyun.1", true, Online, "2025-01-01", "2026-01-31", []string{"1.33.3-aliyun.1"}},
				{"1.33.3-aliyun.1", true, Online, "2025-05-01", "2026-05-31", []string{"1.34.1-aliyun.1"}},
				{"1.34.1-aliyun.1", true, Online, "2025-09-01", "2026-09-30", []string{}},
			},
			creatable: []string{"1.32.1-aliyun.1", "1.33.3-aliyun.1", "1.34.1-aliyun.1"},
			newest:    "1.34.1-aliyun.1",
		},
		{
			// "Once 1.35 is supported, 1.32 can't be created" (1.32 is
			// retired by then anyway); 1.36's string is derived.
			name: "current 2026-06-01", p: PolicyCurrent(), at: "2026-06-01",
			want: []entryRow{
				{"1.30.7-aliyun.1", false, Offline, "2024-06-01", "2026-06-30", []string{}},
				{"1.34.1-aliyun.1", true, Online, "2025-09-01", "2026-09-30", []string{"1.35.2-aliyun.1"}},
				{"1.35.2-aliyun.1", true, Online, "2026-02-01", "2027-02-28", []string{"1.36.1-aliyun.1"}},
				{"1.36.1-aliyun.1", true, Online, "2026-05-01", "2027-05-30", []string{}},
			},
			creatable: []string{"1.34.1-aliyun.1", "1.35.2-aliyun.1", "1.36.1-aliyun.1"},
			newest:    "1.36.1-aliyun.1",
		},
		{
			// 1.18 online but its upgrade path two weeks away; 1.14 offline;
			// 1.12 offline too, supported to its recorded end in December.
			name: "product 2020-09-15", p: PolicyProduct(), at: "2020-09-15",
			want: []entryRow{
				{"1.12.6", false, Offline, "2019-03-01", "2020-12-31", []string{"1.14.8"}},
				{"1.14.8", false, Offline, "2019-08-01", "2021-07-31", []string{"1.16.9"}},
				{"1.16.9", true, Online, "2020-02-01", "2022-06-30", []string{}},
				{"1.18.8", true, Online, "2020-09-01", "2022-09-30", []string{}},
			},
			creatable: []string{"1.16.9", "1.18.8"},
			newest:    "1.18.8",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := mustTimeline(t, tt.p, DefaultCalendar()).Catalog(d(tt.at))
			if !c.At.Equal(d(tt.at)) {
				t.Errorf("At = %v", c.At)
			}
			if diff := cmp.Diff(tt.want, entryRows(c.Entries)); diff != "" {
				t.Errorf("entries (-want +got):\n%s", diff)
			}
			var creatable []string
			for _, e := range c.Creatable() {
				creatable = append(creatable, e.Version.String())
			}
			if diff := cmp.Diff(tt.creatable, creatable); diff != "" {
				t.Errorf("Creatable (-want +got):\n%s", diff)
			}
			if n, ok := c.NewestCreatable(); !ok || n.Version.String() != tt.newest {
				t.Errorf("NewestCreatable = %v, %v; want %s", n.Version, ok, tt.newest)
			}
		})
	}
}

// A catalog as a client builds it from DescribeKubernetesVersionMetadata:
// several patches of a minor, UpgradableTo known for one entry only, a
// retired entry, runtimes and images.
func liveCatalog() Catalog {
	v := MustParse
	return Catalog{
		Region: "cn-hangzhou", ClusterType: "ManagedKubernetes", Profile: "Default", At: d("2025-09-15"),
		Entries: []CatalogEntry{
			{Version: v("1.30.7-aliyun.1"), Phase: Offline, Expires: d("2026-06-30")},
			{Version: v("1.31.1-aliyun.1"), Phase: Retired, Released: d("2024-09-01"), Expires: d("2025-09-10")},
			{Version: v("1.32.1-aliyun.1"), Creatable: true, Phase: Online, Expires: d("2026-01-31")},
			{Version: v("1.33.1-aliyun.1"), Creatable: true, Phase: Online, Expires: d("2026-05-31"),
				UpgradableTo: []Version{v("1.33.3-aliyun.1"), v("1.34.1-aliyun.1")}},
			{Version: v("1.33.3-aliyun.1"), Creatable: true, Phase: Online, Expires: d("2026-05-31"),
				Runtimes:     []Runtime{{Name: "containerd", Version: "2.1.1"}},
				Images:       []Image{{ID: "aliyun_3_x64_20G_alibase_20250117.vhd", OSType: "Linux", Category: "system", Architecture: "x86_64"}},
				Capabilities: map[string]any{"AnyAZ": true, "ChargeType": "PostPaid"},
				MetaData:     map[string]any{"KubernetesVersion": "1.33.3-aliyun.1", "SubClass": "default"}},
			{Version: v("1.34.1-aliyun.1"), Creatable: true, Phase: Online, Expires: d("2026-09-30")},
		},
	}
}

func TestCatalogLookups(t *testing.T) {
	c := liveCatalog()
	if e, ok := c.Lookup(MustParse("1.33.3-aliyun.1")); !ok || e.Runtimes[0].Name != "containerd" {
		t.Errorf("Lookup(1.33.3-aliyun.1) = %+v, %v", e, ok)
	}
	if _, ok := c.Lookup(MustParse("1.35.1-aliyun.1")); ok {
		t.Error("Lookup(1.35.1-aliyun.1) found an entry")
	}
	var creatable []string
	for _, e := range c.Creatable() {
		creatable = append(creatable, e.Version.String())
	}
	want := []string{"1.32.1-aliyun.1", "1.33.1-aliyun.1", "1.33.3-aliyun.1", "1.34.1-aliyun.1"}
	if diff := cmp.Diff(want, creatable); diff != "" {
		t.Errorf("Creatable (-want +got):\n%s", diff)
	}
	if _, ok := (Catalog{}).NewestCreatable(); ok {
		t.Error("an empty catalog has a newest creatable version")
	}
}

func TestCanUpgrade(t *testing.T) {
	product := mustTimeline(t, PolicyProduct(), DefaultCalendar()).Catalog(d("2026-01-01"))
	current := mustTimeline(t, PolicyCurrent(), DefaultCalendar()).Catalog(d("2026-01-01"))
	live := liveCatalog()
	tests := []struct {
		name     string
		c        Catalog
		from, to string
		reason   Reason // 0: allowed
		minor    string
		msg      string
	}{
		{"product: next even minor", product, "1.30.7-aliyun.1", "1.32.1-aliyun.1", 0, "", ""},
		{"product: an older patch, judged by its minor", product, "1.30.1-aliyun.1", "1.32.1-aliyun.1", 0, "", ""},
		{"product: a patch", product, "1.30.1-aliyun.1", "1.30.7-aliyun.1", 0, "", ""},
		{"product: skip", product, "1.30.7-aliyun.1", "1.34.1-aliyun.1", ReasonSkip, "1.32",
			"version: upgrade 1.30.7-aliyun.1 to 1.34.1-aliyun.1: the hop skips 1.32; upgrades go one minor at a time"},
		{"product: downgrade", product, "1.32.1-aliyun.1", "1.30.7-aliyun.1", ReasonDowngrade, "1.30",
			"version: upgrade 1.32.1-aliyun.1 to 1.30.7-aliyun.1: 1.30.7-aliyun.1 is not newer than 1.32.1-aliyun.1; downgrades are not supported"},
		{"product: same version", product, "1.32.1-aliyun.1", "1.32.1-aliyun.1", ReasonDowngrade, "1.32", ""},
		{"product: retired minor is not listed", product, "1.28.3-aliyun.1", "1.30.7-aliyun.1", ReasonUnknown, "1.28",
			"version: upgrade 1.28.3-aliyun.1 to 1.30.7-aliyun.1: no release of 1.28 is known"},
		{"product: unlisted patch", product, "1.32.1-aliyun.1", "1.34.2-aliyun.1", ReasonNotOffered, "1.34",
			"version: upgrade 1.32.1-aliyun.1 to 1.34.2-aliyun.1: 1.34.2-aliyun.1 is not offered as an upgrade of 1.32.1-aliyun.1"},
		{"product: unreleased minor", product, "1.34.1-aliyun.1", "1.36.1-aliyun.1", ReasonNotOffered, "1.36", ""},
		{"current: odd minor", current, "1.32.1-aliyun.1", "1.33.3-aliyun.1", 0, "", ""},
		{"current: 1.31 retired, 1.30 has no upgrade", current, "1.30.7-aliyun.1", "1.32.1-aliyun.1", ReasonNotOffered, "1.32", ""},
		{"live: listed", live, "1.33.1-aliyun.1", "1.34.1-aliyun.1", 0, "", ""},
		{"live: listed patch", live, "1.33.1-aliyun.1", "1.33.3-aliyun.1", 0, "", ""},
		{"live: not listed, rule applies", live, "1.33.3-aliyun.1", "1.34.1-aliyun.1", 0, "", ""},
		{"live: retired source", live, "1.31.1-aliyun.1", "1.32.1-aliyun.1", ReasonRetired, "1.31",
			"version: upgrade 1.31.1-aliyun.1 to 1.32.1-aliyun.1: 1.31 was retired on 2025-09-10; its upgrade channel is closed"},
		{"live: retired target", live, "1.30.2-aliyun.1", "1.31.1-aliyun.1", ReasonRetired, "1.31",
			"version: upgrade 1.30.2-aliyun.1 to 1.31.1-aliyun.1: 1.31 was retired on 2025-09-10"},
		{"live: source minor not listed", live, "1.29.1-aliyun.1", "1.30.7-aliyun.1", ReasonUnknown, "1.29", ""},
		{"live: skip", live, "1.32.1-aliyun.1", "1.34.1-aliyun.1", ReasonSkip, "1.33", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.c.CanUpgrade(MustParse(tt.from), MustParse(tt.to))
			if tt.reason == 0 {
				if err != nil {
					t.Fatalf("CanUpgrade: %v", err)
				}
				return
			}
			var ue *UpgradeError
			if !errors.As(err, &ue) {
				t.Fatalf("CanUpgrade = %v, want an *UpgradeError", err)
			}
			if ue.Reason != tt.reason || ue.Minor.String() != tt.minor || ue.From.String() != tt.from || ue.To.String() != tt.to {
				t.Errorf("error %+v, want reason %v about %s", ue, tt.reason, tt.minor)
			}
			if tt.msg != "" && err.Error() != tt.msg {
				t.Errorf("message:\n got %s\nwant %s", err, tt.msg)
			}
		})
	}
}

// A synthesized catalog and the timeline it comes from agree: an upgrade
// between two of its versions is allowed exactly when the timeline's path
// is one hop.
func TestCatalogAgreesWithUpgradePath(t *testing.T) {
	for _, p := range []Policy{PolicyProduct(), PolicyCurrent()} {
		tl := mustTimeline(t, p, DefaultCalendar())
		for _, at := range []string{"2019-09-15", "2020-09-15", "2021-05-01", "2023-04-15", "2025-06-01", "2025-09-15", "2026-01-01", "2026-02-15", "2026-05-15"} {
			c := tl.Catalog(d(at))
			for _, a := range c.Entries {
				for _, b := range c.Entries {
					if !a.Version.Less(b.Version) {
						continue
					}
					path, err := tl.UpgradePath(a.Version, b.Version, d(at))
					byPath := err == nil && len(path) == 1
					if byCatalog := c.CanUpgrade(a.Version, b.Version) == nil; byCatalog != byPath {
						t.Errorf("%s %s: %s -> %s: catalog allows %v, path %v (%v)", p.Name, at, a.Version, b.Version, byCatalog, hops(path), err)
					}
				}
			}
		}
	}
}
