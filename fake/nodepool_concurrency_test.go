package fake_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/quota"
)

// TestConcurrentNodePools runs 20 goroutines that scale four pools of one
// cluster and read them at once (run it with -race). A scale is refused
// while the pool still scales, so each goroutine retries after a sleep on
// the fake's clock. Every read sees a pool's node count equal to its
// desired size, and at the end each pool has its initial node plus one
// per accepted scale, as do the cluster's node list and count.
func TestConcurrentNodePools(t *testing.T) {
	const (
		workers = 20
		pools   = 4
		scales  = 3 // accepted scales per goroutine
	)
	l := quota.ProductDefaults()
	l.NodesPerCluster.Max = 1000
	c := fake.New(fake.WithLimits(l))
	id := runningCluster(t, c, managedRequest("busy"))
	poolIDs := make([]string, pools)
	for i := range poolIDs {
		poolIDs[i], _ = createPool(t, c, id, poolBody(fmt.Sprintf("p%d", i), 1))
	}
	c.Advance(4 * time.Minute)

	var accepted [pools]atomic.Int64
	var wg sync.WaitGroup
	ctx := context.Background()
	for w := range workers {
		wg.Go(func() {
			p := w % pools
			for done := 0; done < scales; {
				a := scalePool(t, c, id, poolIDs[p], 1)
				switch a.code() {
				case "":
					accepted[p].Add(1)
					done++
				case fake.ErrorNodePoolState:
				default:
					t.Errorf("worker %d: scale: %s", w, a.body)
					return
				}
				resp := call(t, c, wire.ActionDescribeClusterNodePoolDetail, []string{id, poolIDs[(w+1)%pools]}, nil, nil)
				if resp.StatusCode != http.StatusOK {
					t.Errorf("worker %d: detail: %s", w, resp.Body)
					return
				}
				d := decode[wire.NodePoolDetail](t, resp)
				if total, desired := d.Status.TotalNodes, wire.IntValue(d.ScalingGroup.DesiredSize, -1); total != desired {
					t.Errorf("worker %d: pool %s has %d nodes for a desired size of %d", w, d.NodepoolInfo.NodepoolID, total, desired)
				}
				listNodes(t, c, id, url.Values{"nodepool_id": {poolIDs[p]}, "pageSize": {"5"}})
				_ = c.Clock().Sleep(ctx, 30*time.Second)
			}
		})
	}
	wg.Wait()
	c.Advance(10 * time.Minute)

	var total int64
	for p, poolID := range poolIDs {
		want := 1 + accepted[p].Load()
		if want != 1+workers/pools*scales {
			t.Errorf("pool %d: %d scales accepted, want %d", p, want-1, workers/pools*scales)
		}
		d := poolDetail(t, c, id, poolID)
		listed := listNodes(t, c, id, url.Values{"nodepool_id": {poolID}, "state": {"running"}})
		if d.Status.State != "active" || d.Status.TotalNodes != want || wire.IntValue(d.ScalingGroup.DesiredSize, -1) != want || listed.Page.TotalCount != want {
			t.Errorf("pool %d: %s, %d nodes, desired %d, %d running listed; want %d", p, d.Status.State,
				d.Status.TotalNodes, wire.IntValue(d.ScalingGroup.DesiredSize, -1), listed.Page.TotalCount, want)
		}
		total += want
	}
	if got := listNodes(t, c, id, nil).Page.TotalCount; got != total {
		t.Errorf("the cluster lists %d nodes, want %d", got, total)
	}
	if cl, _ := c.Cluster(id); int64(cl.Nodes) != total || len(c.Nodes(id)) != int(total) {
		t.Errorf("the cluster holds %d nodes (%d listed), want %d", cl.Nodes, len(c.Nodes(id)), total)
	}
}
