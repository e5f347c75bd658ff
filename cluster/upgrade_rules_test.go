package cluster_test

import (
	"slices"
	"testing"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/version"
)

func TestCheckUpgrade(t *testing.T) {
	tl, err := version.NewTimeline(version.PolicyProduct(), version.DefaultCalendar())
	if err != nil {
		t.Fatal(err)
	}
	cat := tl.FullCatalog(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	tests := []struct {
		from, to string
		rule     string // "" when allowed
	}{
		{"1.32.1-aliyun.1", "1.34.1-aliyun.1", ""},
		{"1.30.7-aliyun.1", "1.32.1-aliyun.1", ""},
		{"1.30.7-aliyun.1", "1.34.1-aliyun.1", cluster.RuleUpgradeSkip},
		{"1.34.1-aliyun.1", "1.32.1-aliyun.1", cluster.RuleUpgradeDowngrade},
		{"1.28.3-aliyun.1", "1.30.7-aliyun.1", cluster.RuleUpgradeRetired},
		{"1.32.1-aliyun.1", "1.34.5-aliyun.1", cluster.RuleUpgradeNotOffered},
		{"1.29.1-aliyun.1", "1.30.7-aliyun.1", cluster.RuleUpgradeUnknown},
	}
	for _, tt := range tests {
		err := cluster.CheckUpgrade("c-1", cat, version.MustParse(tt.from), version.MustParse(tt.to))
		if tt.rule == "" {
			if err != nil {
				t.Errorf("%s -> %s: %v", tt.from, tt.to, err)
			}
			continue
		}
		got := ruleIDs(err)
		if !slices.Equal(got, []string{tt.rule}) {
			t.Errorf("%s -> %s: rules %v (%v), want [%s]", tt.from, tt.to, got, err, tt.rule)
			continue
		}
		// The text reads back into the same rules, as a server's refusal.
		back, ok := ack.ParseValidationError(err.Error())
		if !ok || !back.HasRule(tt.rule) || back.Violations[0].Field != "next_version" {
			t.Errorf("%s -> %s: %q does not read back: %+v", tt.from, tt.to, err, back)
		}
	}
	const want = "cluster c-1 upgrade: invalid: next_version: upgrade 1.30.7-aliyun.1 to 1.34.1-aliyun.1: the hop skips 1.32; upgrades go one minor at a time [cluster.upgrade.skip]"
	if err := cluster.CheckUpgrade("c-1", cat, version.MustParse("1.30.7-aliyun.1"), version.MustParse("1.34.1-aliyun.1")); err.Error() != want {
		t.Errorf("message:\n got %s\nwant %s", err, want)
	}
}
