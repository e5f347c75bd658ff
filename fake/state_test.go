package fake_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
)

// apiWorld builds a small world through the API on a manual clock: a
// running managed cluster with a pool being scaled out, a dedicated
// cluster being created, a serverless cluster running container
// instances, and a failed create.
func apiWorld(t *testing.T) *fake.Cloud {
	t.Helper()
	c := fake.New(fake.WithClock(fake.Manual), fake.WithVSwitch(fake.VSwitch{ID: "vsw-managed1", VPCID: "vpc-managed1", ZoneID: "cn-hangzhou-k", CIDR: "192.168.0.0/24"}))
	id := runningCluster(t, c, managedRequest("m1"))
	pool, _ := createPool(t, c, id, poolBody("workers", 2))
	c.Advance(5 * time.Minute)
	if a := scalePool(t, c, id, pool, 2); a.code() != "" {
		t.Fatalf("scale: %s", a.code())
	}
	c.FailNext(fake.ChangeCreateManaged, "Boom", "no")
	call(t, c, wire.ActionCreateCluster, nil, nil, withCIDRs(managedRequest("broken"), "172.30.0.0/16", "172.31.0.0/20"))
	c.Advance(9 * time.Minute)
	sl := runningCluster(t, c, serverlessRequest("s1"))
	if _, err := c.StartContainerInstances(sl, 2, fake.ContainerSize{MilliCPU: 500, MemoryMiB: 1024}); err != nil {
		t.Fatal(err)
	}
	if r := call(t, c, wire.ActionCreateCluster, nil, nil, dedicatedRequest("d1")); r.StatusCode != http.StatusOK {
		t.Fatalf("create d1: %s", r.Body)
	}
	return c
}

func withCIDRs(r *wire.CreateClusterRequest, pod, svc string) *wire.CreateClusterRequest {
	r.ContainerCIDR, r.ServiceCIDR = pod, svc
	return r
}

func TestSnapshotRestoreRoundTrip(t *testing.T) {
	c := apiWorld(t)
	first := c.Snapshot()
	b, err := json.Marshal(first)
	if err != nil {
		t.Fatal(err)
	}
	var back fake.State
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	// The JSON carries vSwitches by ID (as the wire does); their zones
	// come back from the network when the state is restored.
	b2, err := json.Marshal(back)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(string(b), string(b2)); d != "" {
		t.Fatalf("JSON round trip (-want +got):\n%s", d)
	}
	c2 := fake.New(fake.WithClock(fake.Manual), fake.WithState(back))
	if d := cmp.Diff(first, c2.Snapshot()); d != "" {
		t.Fatalf("restored (-want +got):\n%s", d)
	}
}

func jsonMarshal(v any) ([]byte, error)   { return json.Marshal(v) }
func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }

// TestStateConcurrentSnapshotRestore snapshots and restores while other
// goroutines create clusters and read them: under the race detector
// nothing races, and every restore leaves a world that snapshots again.
func TestStateConcurrentSnapshotRestore(t *testing.T) {
	c := fake.New(fake.WithClock(fake.Manual), fake.WithLimits(fleetLimits(100)))
	base := c.Snapshot()
	var wg sync.WaitGroup
	for g := range 3 {
		wg.Go(func() {
			for i := range 10 {
				body := withCIDRs(managedRequest(fmt.Sprintf("g%d-%d", g, i)), fmt.Sprintf("10.%d.0.0/16", g*10+i), fmt.Sprintf("172.%d.0.0/20", 16+g*10+i))
				body.VPCID, body.VSwitchIDs = fmt.Sprintf("vpc-g%d%d", g, i), []string{fmt.Sprintf("vsw-g%d%d", g, i)}
				call(t, c, wire.ActionCreateCluster, nil, nil, body)
				c.Clusters()
			}
		})
	}
	wg.Go(func() {
		for range 10 {
			s := c.Snapshot()
			if err := c.Restore(s); err != nil {
				t.Errorf("restore of a snapshot: %v", err)
			}
			if err := c.Restore(base); err != nil {
				t.Errorf("restore of the empty snapshot: %v", err)
			}
		}
	})
	wg.Wait()
	if _, err := json.Marshal(c.Snapshot()); err != nil {
		t.Fatal(err)
	}
}
