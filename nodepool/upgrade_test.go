package nodepool_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/nodepool"
)

// TestFakeUpgrade upgrades a pool behind its control plane: a version
// ahead of the control plane and a bad rolling policy are refused before
// the call, a control-plane-only upgrade leaves the pool behind, the pool
// then follows, and a lost answer upgrades it once.
func TestFakeUpgrade(t *testing.T) {
	t.Run("in process", func(t *testing.T) {
		cloud := fake.New()
		runPoolUpgrade(t, cloud, cloud.Config())
	})
	t.Run("over HTTP", func(t *testing.T) {
		const id, secret = "LTAI5tFakeAccessKey", "fake-secret-value"
		cloud := fake.New(fake.WithCredential(id, secret))
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
		runPoolUpgrade(t, cloud, cfg)
	})
}

// runPoolUpgrade runs the node pool upgrade flows through cfg.
func runPoolUpgrade(t *testing.T, cloud *fake.Cloud, cfg *ack.Config) {
	t.Helper()
	const from, to = "1.32.1-aliyun.1", "1.34.1-aliyun.1" // both creatable on 2026-01-01 (FACTS B4.2)
	ctx := context.Background()
	clusters := cluster.NewClient(cfg)
	op, err := clusters.Create(ctx, cluster.Spec{
		Name: "pools", Region: fake.DefaultRegion, Form: cluster.ManagedPro, KubernetesVersion: from,
		VPCID: "vpc-pools", VSwitches: []cluster.VSwitch{{ID: "vsw-pools"}},
		Network: cluster.Network{Plugin: cluster.Flannel, PodCIDR: "172.20.0.0/16"}, SNAT: cluster.Bool(true),
	})
	if err != nil {
		t.Fatal(err)
	}
	cl, err := op.Wait(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c := nodepool.NewClient(cfg)
	pool := activePool(t, c, cl.ID, fakeSpec("workers", 2))
	poolVersion := func() string {
		v, ok := cloud.NodePoolVersion(cl.ID, pool.ID)
		if !ok {
			t.Fatalf("pool %s not found", pool.ID)
		}
		return v
	}

	refusals := []struct {
		name string
		o    nodepool.UpgradeOptions
		rule string
	}{
		{"ahead of the control plane", nodepool.UpgradeOptions{KubernetesVersion: to}, nodepool.RuleUpgradeControlPlane},
		{"batch interval", nodepool.UpgradeOptions{KubernetesVersion: from, Rolling: &nodepool.RollingPolicy{BatchInterval: time.Minute}}, nodepool.RuleUpgradeBatchInterval},
		{"pause policy", nodepool.UpgradeOptions{Rolling: &nodepool.RollingPolicy{PausePolicy: "Sometimes"}}, nodepool.RuleUpgradePausePolicy},
		{"not a version", nodepool.UpgradeOptions{KubernetesVersion: "latest"}, nodepool.RuleUpgradeVersion},
	}
	for _, tt := range refusals {
		_, err := c.Upgrade(ctx, cl.ID, pool.ID, tt.o)
		ve, ok := errors.AsType[*ack.ValidationError](err)
		if !ok || !ve.HasRule(tt.rule) {
			t.Errorf("%s: Upgrade = %v, want rule %s", tt.name, err, tt.rule)
		}
	}
	if n := fakeWrites(cloud, wire.ActionUpgradeClusterNodepool); n != 0 {
		t.Fatalf("%d UpgradeClusterNodepool calls after refusals before the call, want none", n)
	}

	// The control plane first, alone: the pool stays behind.
	up, err := clusters.Upgrade(ctx, cl.ID, to, func(o *cluster.UpgradeOptions) { o.ControlPlaneOnly = true })
	if err != nil {
		t.Fatal(err)
	}
	if _, err := up.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	if v := poolVersion(); v != from {
		t.Fatalf("after a control-plane-only upgrade the pool runs %s, want %s", v, from)
	}

	// Then the pool, paced.
	pop, err := c.Upgrade(ctx, cl.ID, pool.ID, nodepool.UpgradeOptions{KubernetesVersion: to,
		Rolling: &nodepool.RollingPolicy{MaxParallelism: 1, BatchInterval: 10 * time.Minute, PausePolicy: nodepool.PauseNever}})
	if err != nil {
		t.Fatalf("Upgrade: %v", err)
	}
	var states []string
	d, err := pop.Wait(ctx, func(w *nodepool.WaitOptions) {
		w.OnProgress = func(p nodepool.Progress) { states = append(states, p.Phase+":"+p.To) }
	})
	if err != nil {
		t.Fatalf("Wait: %v", err)
	}
	if d.State != nodepool.StateActive || poolVersion() != to {
		t.Errorf("after the pool upgrade: %s on %s, want active on %s", d.State, poolVersion(), to)
	}
	if pop.Kind() != nodepool.KindUpgrade || !slices.Contains(states, "task:success") {
		t.Errorf("kind %s, progress %v", pop.Kind(), states)
	}

	// A lost answer: one UpgradeClusterNodepool call, and the wait ends.
	before := fakeWrites(cloud, wire.ActionUpgradeClusterNodepool)
	cloud.PrependReactor(wire.ActionUpgradeClusterNodepool, fake.Once(fake.LoseResponse()))
	pop, err = c.Upgrade(ctx, cl.ID, pool.ID, nodepool.UpgradeOptions{Runtime: nodepool.Containerd, RuntimeVersion: "2.1.1"})
	if err != nil {
		t.Fatalf("Upgrade with a lost answer: %v", err)
	}
	if n := fakeWrites(cloud, wire.ActionUpgradeClusterNodepool) - before; n != 1 {
		t.Errorf("%d UpgradeClusterNodepool calls for one upgrade with a lost answer, want 1", n)
	}
	if d, err := pop.Wait(ctx); err != nil || d.Spec.RuntimeVersion != "2.1.1" {
		t.Errorf("Wait after a lost answer = %+v, %v; want runtime 2.1.1", d, err)
	}
}
