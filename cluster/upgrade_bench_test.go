package cluster_test

import (
	"context"
	"testing"
	"time"

	"github.com/ackgo/ack/fake"
)

// BenchmarkUpgradeLifecycle measures the wall time of one upgrade in
// process on the fake, on its auto-advance clock: Upgrade (which reads
// the cluster and its upgrade status, then sends UpgradeCluster) and a
// Wait through prechecking and upgrading to the cluster running on the
// next minor. The cluster's creation and deletion are immediate and not
// timed. The goal is under 1 ms per upgrade.
//
// The fake starts on 2025-02-01, when 1.32's upgrade path has shipped
// (FACTS B4.2: 1.32 in January 2025); 1.30 -> 1.32 stays open until 1.32
// retires on 2026-01-31, some 25,000 upgrades of about 21 virtual minutes
// each.
func BenchmarkUpgradeLifecycle(b *testing.B) {
	const from, to = "1.30.7-aliyun.1", "1.32.1-aliyun.1"
	ctx := context.Background()
	cloud := fake.New(fake.WithStart(time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)),
		fake.WithProgression(fake.ChangeCreateManaged, fake.Immediately()),
		fake.WithProgression(fake.ChangeDeleteCluster, fake.Immediately()))
	c := newClient(cloud)
	spec := clientManaged("bench")
	spec.KubernetesVersion = from
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		cl := createRunning(b, c, spec)
		b.StartTimer()
		op, err := c.Upgrade(ctx, cl.ID, to)
		if err != nil {
			b.Fatal(err)
		}
		got, err := op.Wait(ctx)
		if err != nil || got.Spec.KubernetesVersion != to {
			b.Fatalf("upgrade: %+v, %v", got, err)
		}
		b.StopTimer()
		del, err := c.Delete(ctx, cl.ID)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := del.Wait(ctx); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
}
