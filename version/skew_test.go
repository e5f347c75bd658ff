package version

import (
	"errors"
	"testing"
)

func TestCheckNodeVersion(t *testing.T) {
	tests := []struct {
		controlPlane, nodes string
		ok                  bool
	}{
		{"1.34.1-aliyun.1", "1.34.1-aliyun.1", true},
		{"1.34.1-aliyun.1", "1.32.1-aliyun.1", true},
		{"1.34.1-aliyun.1", "1.34.9-aliyun.2", true}, // a newer patch of the same minor
		{"1.32.1-aliyun.1", "1.34.1-aliyun.1", false},
		{"1.33.3-aliyun.1", "1.34.1-aliyun.1", false},
	}
	for _, tt := range tests {
		err := CheckNodeVersion(MustParse(tt.controlPlane), MustParse(tt.nodes))
		var se *SkewError
		switch {
		case tt.ok && err != nil:
			t.Errorf("CheckNodeVersion(%s, %s) = %v, want nil", tt.controlPlane, tt.nodes, err)
		case !tt.ok && !errors.As(err, &se):
			t.Errorf("CheckNodeVersion(%s, %s) = %v, want a *SkewError", tt.controlPlane, tt.nodes, err)
		case !tt.ok && (se.ControlPlane.String() != tt.controlPlane || se.Nodes.String() != tt.nodes):
			t.Errorf("SkewError %+v names other versions", se)
		}
	}
	err := CheckNodeVersion(MustParse("1.32.1-aliyun.1"), MustParse("1.34.1-aliyun.1"))
	const want = "version: nodes on 1.34.1-aliyun.1 would run a newer minor than their control plane on 1.32.1-aliyun.1; upgrade the control plane to 1.34 first"
	if err.Error() != want {
		t.Errorf("message:\n got %s\nwant %s", err, want)
	}
}

// TestFullCatalog: the retired minors are kept, not creatable and without
// upgrades, so that CanUpgrade names a retired source as retired where the
// supported catalog does not know it.
func TestFullCatalog(t *testing.T) {
	tl := mustTimeline(t, PolicyProduct(), DefaultCalendar())
	at := d("2026-02-15") // 1.32 retired on 2026-01-31 (FACTS B4.2)
	full, supported := tl.FullCatalog(at), tl.Catalog(at)
	e, ok := full.Lookup(MustParse("1.32.1-aliyun.1"))
	if !ok || e.Phase != Retired || e.Creatable || len(e.UpgradableTo) != 0 {
		t.Fatalf("1.32 in the full catalog: %+v, %v", e, ok)
	}
	if _, ok := supported.Lookup(MustParse("1.32.1-aliyun.1")); ok {
		t.Error("the supported catalog lists retired 1.32")
	}
	var ue *UpgradeError
	if err := full.CanUpgrade(MustParse("1.32.1-aliyun.1"), MustParse("1.34.1-aliyun.1")); !errors.As(err, &ue) || ue.Reason != ReasonRetired {
		t.Errorf("full catalog: %v, want ReasonRetired", err)
	}
	if err := supported.CanUpgrade(MustParse("1.32.1-aliyun.1"), MustParse("1.34.1-aliyun.1")); !errors.As(err, &ue) || ue.Reason != ReasonUnknown {
		t.Errorf("supported catalog: %v, want ReasonUnknown", err)
	}
	for _, e := range supported.Entries {
		f, ok := full.Lookup(e.Version)
		if !ok || f.Phase != e.Phase || f.Creatable != e.Creatable {
			t.Errorf("%s: full %+v, supported %+v", e.Version, f, e)
		}
	}
}
