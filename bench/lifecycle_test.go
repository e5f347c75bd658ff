package bench

import (
	"context"
	"testing"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
)

// BenchmarkLifecycle measures one create → wait until running → delete →
// wait until gone of a managed cluster in process, with the fake's
// realistic durations on its auto-advance clock and the client's default
// poll delays, so that it counts every poll a real wait makes.
func BenchmarkLifecycle(b *testing.B) {
	ctx := context.Background()
	cloud := fake.New()
	c := cluster.NewClient(cloud.Config())
	spec := fleetSpec(0)
	loop(b, func() {
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
	})
}
