package fleet_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/examples/testing/fleet"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/nodepool"
)

// TestEnsureOnTheClock drives the fake's clock by hand (fake.Manual): a
// cluster still being created is left for the next run; once the clock
// has passed its creation, the next run creates its pool, and the test
// looks at the pool half-way through its creation.
func TestEnsureOnTheClock(t *testing.T) {
	ctx := context.Background()
	cloud := fake.New(fake.WithClock(fake.Manual))
	cfg := cloud.Config()
	tool := fleet.ForConfig(cfg)

	spec := clusterSpec("prod-a")
	spec.Tags = []cluster.Tag{fleetTag}
	op, err := cluster.NewClient(cfg).Create(ctx, spec) // sent, not waited for
	if err != nil {
		t.Fatal(err)
	}
	id := op.ClusterID()

	got, err := tool.Ensure(ctx, policy())
	if err != nil {
		t.Fatal(err)
	}
	want := fleet.Report{{ClusterID: id, ClusterName: "prod-a", State: cluster.StateInitial, Action: fleet.Busy}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("report while the cluster is created (-want +got):\n%s", diff)
	}

	cloud.Advance(8 * time.Minute) // a managed cluster's creation, by default
	start := cloud.Now()
	var half fake.NodePool
	got, err = driveClock(t, cloud, time.Minute, func() {
		if pools := cloud.NodePools(id); len(pools) == 1 {
			half = pools[0]
		}
	}, func() (fleet.Report, error) { return tool.Ensure(ctx, policy()) })
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Action != fleet.Created || got[0].To != 3 {
		t.Fatalf("report after the cluster runs: %v; want pool web created with 3 nodes", got)
	}
	if half.ID != got[0].PoolID || half.State != nodepool.StateInitial {
		t.Errorf("half-way through the tool's wait the fake had pool %q in state %q; want %q being created (%q)", half.ID, half.State, got[0].PoolID, nodepool.StateInitial)
	}
	if took := cloud.Now().Sub(start); took < 4*time.Minute {
		t.Errorf("the pool was created in %v of virtual time; want the 4 minutes a pool's creation takes by default", took)
	}
}

// driveClock runs fn in a goroutine and, each time it blocks in a sleep
// on the fake's manual clock, advances the clock by step, until fn
// returns. Before the first advance it calls first, so that the test sees
// the fake while fn waits. It never waits on the wall clock: it moves
// time only when fn is asleep on it.
func driveClock(t *testing.T, cloud *fake.Cloud, step time.Duration, first func(), fn func() (fleet.Report, error)) (fleet.Report, error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	type result struct {
		rep fleet.Report
		err error
	}
	done := make(chan result, 1)
	go func() {
		rep, err := fn()
		cancel() // wakes BlockUntil below
		done <- result{rep, err}
	}()
	for n := 0; cloud.Clock().BlockUntil(ctx, 1) == nil; n++ {
		if n == 0 {
			first()
		}
		cloud.Advance(step)
	}
	r := <-done
	return r.rep, r.err
}
