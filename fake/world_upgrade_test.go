package fake_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/version"
)

// upgradeTestSpec is a managed cluster on version v in its own VPC.
func upgradeTestSpec(name, v string) cluster.Spec {
	return cluster.Spec{
		Name: name, Region: fake.DefaultRegion, Form: cluster.ManagedPro, KubernetesVersion: v,
		VPCID: "vpc-" + name, VSwitches: []cluster.VSwitch{{ID: "vsw-" + name}},
		Network: cluster.Network{Plugin: cluster.Flannel, PodCIDR: "172.20.0.0/16"}, SNAT: cluster.Bool(true),
	}
}

// creatableNames reads the creatable versions from
// DescribeKubernetesVersionMetadata (mode creatable, ACK's default).
func creatableNames(t *testing.T, cfg *ack.Config) []string {
	t.Helper()
	cat, err := version.NewClient(cfg).Catalog(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range cat.Entries {
		out = append(out, e.Version.String())
	}
	return out
}

// TestCreateVersionFollowsTheCatalog: at the default start (2026-01-01)
// under the default policy the creatable versions are the latest patches
// of 1.32 and 1.34 (1.33 is odd; 1.30 went offline when 1.34 came out in
// September 2025, FACTS B4.2); a cluster without a version gets the newest,
// DefaultKubernetesVersion; an offline version is refused.
func TestCreateVersionFollowsTheCatalog(t *testing.T) {
	ctx := context.Background()
	cloud := fake.New()
	if diff := cmp.Diff([]string{"1.32.1-aliyun.1", "1.34.1-aliyun.1"}, creatableNames(t, cloud.Config())); diff != "" {
		t.Errorf("creatable on 2026-01-01 (-want +got):\n%s", diff)
	}
	if newest, _ := cloud.Catalog().NewestCreatable(); newest.Version.String() != fake.DefaultKubernetesVersion {
		t.Errorf("newest creatable %s, DefaultKubernetesVersion %s", newest.Version, fake.DefaultKubernetesVersion)
	}
	c := cluster.NewClient(cloud.Config())
	op, err := c.Create(ctx, upgradeTestSpec("noversion", ""))
	if err != nil {
		t.Fatal(err)
	}
	cl, err := op.Wait(ctx)
	if err != nil || cl.Spec.KubernetesVersion != fake.DefaultKubernetesVersion {
		t.Fatalf("a cluster created without a version: %+v, %v; want %s", cl, err, fake.DefaultKubernetesVersion)
	}
	for _, v := range []string{"1.30.7-aliyun.1", "1.33.3-aliyun.1", "1.36.1-aliyun.1", "1.28.3-aliyun.1"} {
		_, err := c.Create(ctx, upgradeTestSpec("old", v))
		api, ok := errors.AsType[*ack.APIError](err)
		if !ok || api.Code != fake.InvalidParameter || !strings.Contains(api.Message, v+" is not creatable") || !strings.Contains(api.Message, fake.RuleCreateVersion) {
			t.Errorf("create on %s: %v, want InvalidParameter naming the version and rule %s", v, err, fake.RuleCreateVersion)
		}
	}
}

// TestVersionsAcrossReleaseCycles moves the fake's clock from June 2025 to
// June 2027, across the releases of 1.34 and 1.36, and checks at each step
// the creatable versions (DescribeKubernetesVersionMetadata) and which
// upgrades the fake accepts or refuses. The table is written by hand from
// FACTS A6 (two even minors online; a new one takes the oldest offline;
// upgrades to the next version only; the recorded retirement dates) and
// B4.2 (1.30: Jun 2024 to 2026-06-30; 1.32: Jan 2025 to 2026-01-31; 1.34:
// Sep 2025 to 2026-09-30; 1.36: May 2026 to 2027-05-30), not computed
// from the version package.
func TestVersionsAcrossReleaseCycles(t *testing.T) {
	const v130, v132, v134, v136 = "1.30.7-aliyun.1", "1.32.1-aliyun.1", "1.34.1-aliyun.1", "1.36.1-aliyun.1"
	type upgrade struct {
		from, to string
		rule     string // "" when the upgrade is accepted
	}
	steps := []struct {
		at        string
		creatable []string
		create    []string // clusters created at this step, by version
		upgrades  []upgrade
	}{
		{"2025-06-01", []string{v130, v132}, []string{v130, v132}, []upgrade{
			{v130, v132, ""},
			{v132, v134, cluster.RuleUpgradeNotOffered}, // 1.34 is not out
			{v132, v130, cluster.RuleUpgradeDowngrade},
		}},
		// 1.34 came in September 2025, taking 1.30 offline; its upgrade
		// path shipped a month later.
		{"2025-10-15", []string{v132, v134}, []string{v134}, []upgrade{
			{v130, v132, ""}, // offline still upgrades
			{v130, v134, cluster.RuleUpgradeSkip},
			{v132, v134, ""},
		}},
		// 1.32 retired on 2026-01-31: no create, no upgrade from or to it.
		{"2026-02-15", []string{v134}, nil, []upgrade{
			{v132, v134, cluster.RuleUpgradeRetired},
			{v130, v132, cluster.RuleUpgradeRetired},
		}},
		// 1.36 came in May 2026 and its path in June; 1.30 retired on
		// 2026-06-30.
		{"2026-07-15", []string{v134, v136}, []string{v136}, []upgrade{
			{v134, v136, ""},
			{v130, v132, cluster.RuleUpgradeRetired},
		}},
		// 1.34 retired on 2026-09-30.
		{"2026-10-15", []string{v136}, nil, []upgrade{
			{v134, v136, cluster.RuleUpgradeRetired},
		}},
		// 1.36 retired on 2027-05-30 and the calendar holds nothing newer.
		{"2027-06-15", nil, nil, nil},
	}
	ctx := context.Background()
	cloud := fake.New(fake.WithStart(time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)))
	c := cluster.NewClient(cloud.Config())
	onVersion := map[string]string{} // a cluster ID per version
	for _, step := range steps {
		at, _ := time.Parse(time.DateOnly, step.at)
		if d := at.Sub(cloud.Now()); d > 0 {
			cloud.Advance(d)
		}
		if diff := cmp.Diff(step.creatable, creatableNames(t, cloud.Config())); diff != "" {
			t.Errorf("%s: creatable (-want +got):\n%s", step.at, diff)
		}
		for _, v := range step.create {
			op, err := c.Create(ctx, upgradeTestSpec("v"+strings.ReplaceAll(v[:4], ".", ""), v))
			if err != nil {
				t.Fatalf("%s: create on %s: %v", step.at, v, err)
			}
			cl, err := op.Wait(ctx)
			if err != nil {
				t.Fatalf("%s: create on %s: %v", step.at, v, err)
			}
			onVersion[v] = cl.ID
		}
		for _, u := range step.upgrades {
			id := onVersion[u.from]
			_, err := c.Upgrade(ctx, id, u.to) // judged by the fake
			if u.rule == "" {
				if err != nil {
					t.Errorf("%s: upgrade %s -> %s refused: %v", step.at, u.from, u.to, err)
					continue
				}
				// Accepted: cancel it, so that the cluster stays on its
				// version for the later steps.
				if err := c.CancelUpgrade(ctx, id); err != nil {
					t.Fatalf("%s: cancel %s -> %s: %v", step.at, u.from, u.to, err)
				}
				continue
			}
			// The client refuses a downgrade itself, before the call; the
			// fake judges every other row.
			ve, ok := errors.AsType[*ack.ValidationError](err)
			_, api := errors.AsType[*ack.APIError](err)
			if !ok || (!api && u.rule != cluster.RuleUpgradeDowngrade) || !slices.Equal(ruleList(ve), []string{u.rule}) {
				t.Errorf("%s: upgrade %s -> %s: %v, want the fake's refusal by %s", step.at, u.from, u.to, err, u.rule)
			}
		}
	}
	if _, err := c.Create(ctx, upgradeTestSpec("none", "")); err == nil {
		t.Error("a cluster was created in June 2027, when no version is creatable")
	}
}

// ruleList lists the rules of a validation error.
func ruleList(ve *ack.ValidationError) []string {
	if ve == nil {
		return nil
	}
	var out []string
	for _, v := range ve.Violations {
		out = append(out, v.Rule)
	}
	return out
}

// TestCurrentPresetVersions: the current preset brings ACK's current
// policy (FACTS B4.1: every minor from 1.31, the three newest creatable),
// so on 2026-01-01 the odd 1.33 is creatable too.
func TestCurrentPresetVersions(t *testing.T) {
	cloud := fake.New(fake.WithRules(cluster.PresetCurrent))
	want := []string{"1.32.1-aliyun.1", "1.33.3-aliyun.1", "1.34.1-aliyun.1"}
	if diff := cmp.Diff(want, creatableNames(t, cloud.Config())); diff != "" {
		t.Errorf("creatable under the current preset (-want +got):\n%s", diff)
	}
	if cloud.Timeline().Policy().Name != version.PolicyCurrent().Name {
		t.Errorf("timeline policy %q", cloud.Timeline().Policy().Name)
	}
}

// TestUpgradeStepsOnTheClock reads GetUpgradeStatus at each step of an
// upgrade of 20 minutes (the default): prechecking for its first quarter,
// then upgrading; a pause stops its clock, so it ends 20 running minutes
// after it started, however long it was paused.
func TestUpgradeStepsOnTheClock(t *testing.T) {
	ctx := context.Background()
	cloud := fake.New()
	c := cluster.NewClient(cloud.Config())
	op, err := c.Create(ctx, upgradeTestSpec("steps", "1.32.1-aliyun.1"))
	if err != nil {
		t.Fatal(err)
	}
	cl, err := op.Wait(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st, err := c.UpgradeStatus(ctx, cl.ID); err != nil || st.Status != "" || st.Step != cluster.StepNotStarted {
		t.Fatalf("status before any upgrade: %+v, %v", st, err)
	}
	if _, err := c.Upgrade(ctx, cl.ID, "1.34.1-aliyun.1"); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		advance      time.Duration
		do           func() error
		status, step string
		state        cluster.State
	}{
		{0, nil, cluster.UpgradeRunning, cluster.StepPrechecking, cluster.StateUpgrading},
		{4*time.Minute + 59*time.Second, nil, cluster.UpgradeRunning, cluster.StepPrechecking, cluster.StateUpgrading},
		{time.Second, nil, cluster.UpgradeRunning, cluster.StepUpgrading, cluster.StateUpgrading}, // 5m
		{5 * time.Minute, func() error { return c.PauseUpgrade(ctx, cl.ID) }, cluster.UpgradePaused, cluster.StepPaused, cluster.StateUpgrading},
		{48 * time.Hour, nil, cluster.UpgradePaused, cluster.StepPaused, cluster.StateUpgrading},
		{0, func() error { return c.ResumeUpgrade(ctx, cl.ID) }, cluster.UpgradeRunning, cluster.StepUpgrading, cluster.StateUpgrading},
		{9*time.Minute + 59*time.Second, nil, cluster.UpgradeRunning, cluster.StepUpgrading, cluster.StateUpgrading}, // 19m59s running
		{time.Second, nil, cluster.UpgradeSucceeded, cluster.StepSucceeded, cluster.StateRunning},
	}
	for i, s := range steps {
		cloud.Advance(s.advance)
		if s.do != nil {
			if err := s.do(); err != nil {
				t.Fatalf("step %d: %v", i, err)
			}
		}
		st, err := c.UpgradeStatus(ctx, cl.ID)
		if err != nil {
			t.Fatal(err)
		}
		now, err := c.Get(ctx, cl.ID)
		if err != nil {
			t.Fatal(err)
		}
		if st.Status != s.status || st.Step != s.step || now.State != s.state {
			t.Errorf("step %d (%s): status %s/%s, cluster %s; want %s/%s, %s", i, cloud.Now().Format(time.DateTime),
				st.Status, st.Step, now.State, s.status, s.step, s.state)
		}
	}
	if now, _ := c.Get(ctx, cl.ID); now.Spec.KubernetesVersion != "1.34.1-aliyun.1" {
		t.Errorf("after the upgrade the cluster runs %s", now.Spec.KubernetesVersion)
	}
}
