package cluster_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/version"
)

// The versions of the upgrade tests, from FACTS B4.2 and B4.3 under the
// product description's policy: on 2025-06-01 1.30 and 1.32 are online;
// by 2025-10-15 1.34 is online (September 2025) and its upgrade path has
// shipped (a month later), 1.30 is offline, and 1.32 retires at the end
// of January 2026.
const (
	v130 = "1.30.7-aliyun.1"
	v132 = "1.32.1-aliyun.1"
	v134 = "1.34.1-aliyun.1"
	v128 = "1.28.3-aliyun.1"
)

var (
	upgradeStart = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	upgradeLater = time.Date(2025, 10, 15, 0, 0, 0, 0, time.UTC)
)

// upgradeCloud is a fake started on 2025-06-01.
func upgradeCloud(opts ...fake.Option) *fake.Cloud {
	return fake.New(append([]fake.Option{fake.WithStart(upgradeStart)}, opts...)...)
}

// TestUpgradeInProcess runs the upgrade flows through the fake's
// in-process transport.
func TestUpgradeInProcess(t *testing.T) {
	cloud := upgradeCloud()
	runUpgrades(t, cloud, newClient(cloud))
}

// TestUpgradeOverHTTP runs the same flows through the fake's HTTP server
// and the real transport of ack.LoadConfig, signed and verified.
func TestUpgradeOverHTTP(t *testing.T) {
	const id, secret = "LTAI5tFakeAccessKey", "fake-secret-value"
	cloud := upgradeCloud(fake.WithCredential(id, secret))
	srv, err := cloud.Server()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	cfg, err := ack.LoadConfig(context.Background(),
		ack.WithEndpoint(srv.Addr()), ack.WithScheme("http"), ack.WithCredentials(id, secret),
		ack.WithRegion(fake.DefaultRegion), ack.WithClock(cloud.Clock()))
	if err != nil {
		t.Fatal(err)
	}
	runUpgrades(t, cloud, cluster.NewClient(cfg))
	for _, call := range cloud.Calls() {
		if call.InProcess || call.Caller != id {
			t.Fatalf("call %v came from %q (in process: %t), want signed by %s", call, call.Caller, call.InProcess, id)
		}
	}
}

// runUpgrades creates a cluster on 1.30, moves the clock to 2025-10-15 and
// runs the upgrade flows: refusals (skip, downgrade, not offered) on the
// client and on the server, an upgrade with its progress, a second upgrade
// refused while one runs, pause, resume and cancel, an injected failure, a
// lost answer and a resumed wait.
func runUpgrades(t *testing.T, cloud *fake.Cloud, c *cluster.Client) {
	t.Helper()
	ctx := context.Background()
	spec := clientManaged("u1")
	spec.KubernetesVersion = v130
	cl := createRunning(t, c, spec)
	id := cl.ID
	cloud.Advance(upgradeLater.Sub(cloud.Now()))
	cat := cloud.Catalog()

	upgradeCalls := func() int {
		return len(slices.DeleteFunc(writes(cloud), func(a string) bool { return a != wire.ActionUpgradeCluster }))
	}

	// Refusals before any UpgradeCluster call.
	for _, tt := range []struct {
		name, target string
		cat          *version.Catalog
		rule         string
	}{
		{"skip, judged by the catalog", v134, &cat, cluster.RuleUpgradeSkip},
		{"downgrade, without a catalog", v128, nil, cluster.RuleUpgradeDowngrade},
		{"same version, without a catalog", v130, nil, cluster.RuleUpgradeDowngrade},
		{"a patch the catalog does not offer", "1.32.9-aliyun.1", &cat, cluster.RuleUpgradeNotOffered},
		{"not a version", "one-point-thirty", nil, cluster.RuleUpgradeVersion},
	} {
		_, err := c.Upgrade(ctx, id, tt.target, func(o *cluster.UpgradeOptions) { o.Catalog = tt.cat })
		if got := ruleIDs(err); !slices.Equal(got, []string{tt.rule}) {
			t.Errorf("%s: Upgrade(%s) rules = %v (%v), want [%s]", tt.name, tt.target, got, err, tt.rule)
		}
		if _, isAPI := errors.AsType[*ack.APIError](err); isAPI {
			t.Errorf("%s: refused by the server, want before the call: %v", tt.name, err)
		}
	}
	if n := upgradeCalls(); n != 0 {
		t.Fatalf("%d UpgradeCluster calls after client-side refusals, want none", n)
	}

	// The server judges with the same rule: a skip without a catalog.
	_, err := c.Upgrade(ctx, id, v134)
	if got := ruleIDs(err); !slices.Equal(got, []string{cluster.RuleUpgradeSkip}) {
		t.Fatalf("server-side skip: rules %v (%v), want [%s]", got, err, cluster.RuleUpgradeSkip)
	}
	if _, isAPI := errors.AsType[*ack.APIError](err); !isAPI {
		t.Errorf("server-side skip has no APIError: %v", err)
	}

	// 1.30 -> 1.32, watching the progress.
	var seen []string
	op, err := c.Upgrade(ctx, id, v132, func(o *cluster.UpgradeOptions) { o.Catalog = &cat })
	if err != nil {
		t.Fatalf("Upgrade(%s): %v", v132, err)
	}
	// A second upgrade while one runs is refused by the server.
	if _, err := c.Upgrade(ctx, id, v132); !errors.Is(err, ack.ErrConflict) && !isClusterState(err) {
		t.Errorf("a second upgrade while one runs: %v, want ErrorClusterState", err)
	}
	got, err := op.Wait(ctx, func(w *cluster.WaitOptions) {
		w.OnProgress = func(p cluster.Progress) { seen = append(seen, p.Phase+":"+p.To) }
	})
	if err != nil {
		t.Fatalf("Wait: %v", err)
	}
	if got.Spec.KubernetesVersion != v132 || got.State != cluster.StateRunning {
		t.Errorf("after the upgrade: %s on %s, want running on %s", got.State, got.Spec.KubernetesVersion, v132)
	}
	want := []string{"task:prechecking", "task:upgrading", "task:success", "cluster:running on " + v132}
	if diff := cmp.Diff(want, seen); diff != "" {
		t.Errorf("progress (-want +got):\n%s", diff)
	}
	st, err := c.UpgradeStatus(ctx, id)
	if err != nil || !st.Succeeded() || st.Step != cluster.StepSucceeded {
		t.Errorf("UpgradeStatus after success = %+v, %v", st, err)
	}

	// Pause, resume, cancel: the cluster keeps 1.32.
	op, err = c.Upgrade(ctx, id, v134)
	if err != nil {
		t.Fatalf("Upgrade(%s): %v", v134, err)
	}
	if err := c.PauseUpgrade(ctx, id); err != nil {
		t.Fatalf("PauseUpgrade: %v", err)
	}
	cloud.Advance(24 * time.Hour)
	if st, err := c.UpgradeStatus(ctx, id); err != nil || !st.Paused() || st.Step != cluster.StepPaused {
		t.Fatalf("UpgradeStatus a day after the pause = %+v, %v; want paused", st, err)
	}
	if err := c.ResumeUpgrade(ctx, id); err != nil {
		t.Fatalf("ResumeUpgrade: %v", err)
	}
	if st, err := c.UpgradeStatus(ctx, id); err != nil || !st.Running() {
		t.Fatalf("UpgradeStatus after resume = %+v, %v; want running", st, err)
	}
	if err := c.CancelUpgrade(ctx, id); err != nil {
		t.Fatalf("CancelUpgrade: %v", err)
	}
	_, err = op.Wait(ctx)
	tf, ok := errors.AsType[*ack.TaskFailedError](err)
	if !ok || tf.Code != fake.CodeUpgradeCancelled || tf.ResourceID != id {
		t.Fatalf("Wait after cancel = %v, want a *ack.TaskFailedError with code %s", err, fake.CodeUpgradeCancelled)
	}
	if now, _ := c.Get(ctx, id); now.Spec.KubernetesVersion != v132 || now.State != cluster.StateRunning {
		t.Errorf("after the cancel: %s on %s, want running on %s", now.State, now.Spec.KubernetesVersion, v132)
	}

	// A failed upgrade ends in *ack.TaskFailedError with its error.
	cloud.FailNext(fake.ChangeUpgradeCluster, "UpgradePrecheckFailed", "deprecated APIs in use")
	op, err = c.Upgrade(ctx, id, v134)
	if err != nil {
		t.Fatalf("Upgrade(%s): %v", v134, err)
	}
	_, err = op.Wait(ctx)
	tf, ok = errors.AsType[*ack.TaskFailedError](err)
	if !ok || tf.Code != "UpgradePrecheckFailed" || tf.Message != "deprecated APIs in use" {
		t.Fatalf("Wait of a failed upgrade = %v, want a *ack.TaskFailedError with the upgrade's error", err)
	}

	// A lost answer: exactly one upgrade runs, and the wait follows it
	// without its task ID; the wait resumes from a token.
	before := upgradeCalls()
	cloud.PrependReactor(wire.ActionUpgradeCluster, fake.Once(fake.LoseResponse()))
	op, err = c.Upgrade(ctx, id, v134)
	if err != nil {
		t.Fatalf("Upgrade with a lost answer: %v", err)
	}
	if n := upgradeCalls() - before; n != 1 {
		t.Fatalf("%d UpgradeCluster calls for one upgrade with a lost answer, want 1", n)
	}
	token, err := op.ResumeToken()
	if err != nil {
		t.Fatal(err)
	}
	resumed, err := c.ResumeOperation(token, cluster.KindUpgrade)
	if err != nil {
		t.Fatalf("ResumeOperation: %v", err)
	}
	got, err = resumed.Wait(ctx)
	if err != nil {
		t.Fatalf("resumed Wait: %v", err)
	}
	if got.Spec.KubernetesVersion != v134 {
		t.Errorf("after the resumed wait: on %s, want %s", got.Spec.KubernetesVersion, v134)
	}
}

// isClusterState reports whether err is ACK's ErrorClusterState.
func isClusterState(err error) bool {
	api, ok := errors.AsType[*ack.APIError](err)
	return ok && api.Code == fake.ErrorClusterState
}

// TestUpgradeLostAnswerOfAFailedUpgrade: an upgrade that fails at once and
// whose answer is lost leaves the cluster running on its old version; the
// changed upgrade status still tells that it ran, so Upgrade sends it once
// and the wait ends in its failure.
func TestUpgradeLostAnswerOfAFailedUpgrade(t *testing.T) {
	ctx := context.Background()
	cloud := fake.New(fake.WithProgression(fake.ChangeUpgradeCluster, fake.Immediately()))
	c := newClient(cloud)
	spec := clientManaged("lf")
	spec.KubernetesVersion = v132
	cl := createRunning(t, c, spec)

	cloud.FailNext(fake.ChangeUpgradeCluster, "UpgradeFailed.Etcd", "etcd did not come back")
	cloud.PrependReactor(wire.ActionUpgradeCluster, fake.Once(fake.LoseResponse()))
	op, err := c.Upgrade(ctx, cl.ID, v134)
	if err != nil {
		t.Fatalf("Upgrade: %v", err)
	}
	if n := len(slices.DeleteFunc(writes(cloud), func(a string) bool { return a != wire.ActionUpgradeCluster })); n != 1 {
		t.Fatalf("%d UpgradeCluster calls, want 1", n)
	}
	_, err = op.Wait(ctx)
	if tf, ok := errors.AsType[*ack.TaskFailedError](err); !ok || tf.Message != "etcd did not come back" {
		t.Fatalf("Wait = %v, want the upgrade's failure", err)
	}
	if now, _ := c.Get(ctx, cl.ID); now.Spec.KubernetesVersion != v132 || now.State != cluster.StateRunning {
		t.Errorf("after the failure: %s on %s", now.State, now.Spec.KubernetesVersion)
	}
}
