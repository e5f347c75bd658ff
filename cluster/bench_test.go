package cluster_test

import (
	"context"
	"testing"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
)

// BenchmarkLifecycle measures one whole lifecycle in process: create, wait
// until running, delete, wait until gone. "realistic" keeps the fake's
// durations (eight minutes to create a managed cluster, three to delete
// it, on its auto-advance clock) and the default poll delays, so it counts
// every poll a real wait makes; "immediate" completes every change at once
// and measures the least a lifecycle costs.
func BenchmarkLifecycle(b *testing.B) {
	for _, bb := range []struct {
		name string
		opts []fake.Option
	}{
		{"realistic", nil},
		{"immediate", []fake.Option{fake.WithProgressions(fake.Immediately())}},
	} {
		b.Run(bb.name, func(b *testing.B) {
			ctx := context.Background()
			cloud := fake.New(bb.opts...)
			c := newClient(cloud)
			spec := clientManaged("1")
			b.ReportAllocs()
			for b.Loop() {
				op, err := c.Create(ctx, spec)
				if err != nil {
					b.Fatal(err)
				}
				cl, err := op.Wait(ctx)
				if err != nil {
					b.Fatal(err)
				}
				del, err := c.Delete(ctx, cl.ID)
				if err != nil {
					b.Fatal(err)
				}
				if gone, err := del.Wait(ctx); err != nil || gone.State != cluster.StateDeleted {
					b.Fatal(gone, err)
				}
			}
		})
	}
}
