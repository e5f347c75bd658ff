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
)

// TestConcurrentClients runs 50 goroutines that create, read, list and
// delete clusters at once (run it with -race): afterwards the store holds
// exactly the clusters whose creation succeeded and whose deletion did
// not.
func TestConcurrentClients(t *testing.T) {
	const workers = 50
	c := fake.New(fake.WithLimits(roomyLimits(workers)))
	var (
		mu              sync.Mutex
		created, killed = map[string]bool{}, map[string]bool{}
		early           atomic.Int64
		wg              sync.WaitGroup
	)
	for i := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req := managedRequest(fmt.Sprintf("w%02d", i))
			req.VPCID = fmt.Sprintf("vpc-w%02d", i)
			req.VSwitchIDs = []string{fmt.Sprintf("vsw-w%02d", i)}
			resp := call(t, c, wire.ActionCreateCluster, nil, nil, req)
			if resp.StatusCode != http.StatusOK {
				t.Errorf("create %d: HTTP %d %s", i, resp.StatusCode, resp.Body)
				return
			}
			id := decode[wire.CreateClusterResponse](t, resp).ClusterID
			mu.Lock()
			created[id] = true
			mu.Unlock()

			// An early delete is refused while the cluster is being created
			// and accepted once it runs; other workers move the clock, so
			// either may happen.
			if i%3 == 1 {
				r := call(t, c, wire.ActionDeleteCluster, []string{id}, nil, nil)
				switch {
				case r.StatusCode == http.StatusOK:
					early.Add(1)
					mu.Lock()
					killed[id] = true
					mu.Unlock()
					return
				case errorBody(t, r).Code != fake.ErrorClusterState:
					t.Errorf("early delete of %s: HTTP %d %s", id, r.StatusCode, r.Body)
					return
				}
			}
			call(t, c, wire.ActionDescribeClustersV1, nil, url.Values{"page_size": {"100"}}, nil)
			for {
				r := call(t, c, wire.ActionDescribeClusterDetail, []string{id}, nil, nil)
				if r.StatusCode != http.StatusOK {
					t.Errorf("describe %s: HTTP %d %s", id, r.StatusCode, r.Body)
					return
				}
				if decode[wire.ClusterDetail](t, r).State == "running" {
					break
				}
				_ = c.Clock().Sleep(context.Background(), 30*time.Second)
			}
			if i%3 == 0 {
				return // keep it
			}
			if r := call(t, c, wire.ActionDeleteCluster, []string{id}, nil, nil); r.StatusCode != http.StatusOK {
				t.Errorf("delete %s: HTTP %d %s", id, r.StatusCode, r.Body)
				return
			}
			mu.Lock()
			killed[id] = true
			mu.Unlock()
		}()
	}
	wg.Wait()
	c.Advance(time.Hour) // every deletion completes

	if len(created) != workers {
		t.Fatalf("%d distinct clusters created by %d successful calls", len(created), workers)
	}
	want := map[string]bool{}
	for id := range created {
		if !killed[id] {
			want[id] = true
		}
	}
	have := map[string]bool{}
	for _, cl := range c.Clusters() {
		if have[cl.ID] {
			t.Fatalf("cluster %s listed twice", cl.ID)
		}
		have[cl.ID] = true
		if !want[cl.ID] {
			t.Errorf("cluster %s should be gone", cl.ID)
		}
	}
	if len(have) != len(want) {
		t.Fatalf("%d clusters left, want %d", len(have), len(want))
	}
	page := decode[wire.DescribeClustersV1Response](t, call(t, c, wire.ActionDescribeClustersV1, nil, url.Values{"page_size": {"100"}}, nil))
	if int(page.PageInfo.TotalCount) != len(want) || len(page.Clusters) != len(want) {
		t.Fatalf("DescribeClustersV1 reports %d (%d on the page), want %d", page.PageInfo.TotalCount, len(page.Clusters), len(want))
	}
	// The action log agrees: one successful create per cluster made, one
	// successful delete per cluster gone, and nothing else succeeded.
	okCalls := map[string]int{}
	for _, k := range c.Calls() {
		if k.Status == http.StatusOK {
			okCalls[k.Action]++
		}
	}
	if okCalls[wire.ActionCreateCluster] != len(created) || okCalls[wire.ActionDeleteCluster] != len(killed) {
		t.Fatalf("log: %d creates and %d deletes succeeded; store: %d created, %d deleted",
			okCalls[wire.ActionCreateCluster], okCalls[wire.ActionDeleteCluster], len(created), len(killed))
	}
	t.Logf("%d clusters kept, %d deleted (%d by an early delete)", len(want), len(killed), early.Load())
}

// TestConcurrentSleepersDoNotAddUp starts two five-minute sleeps at one
// virtual instant on the auto-advance clock (Hold): together they move the
// clock by five minutes, not ten.
func TestConcurrentSleepersDoNotAddUp(t *testing.T) {
	c := fake.New()
	clock := c.Clock()
	start := c.Now()
	release := clock.Hold()
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := clock.Sleep(context.Background(), 5*time.Minute); err != nil {
				t.Errorf("sleep: %v", err)
			}
		}()
	}
	if err := clock.BlockUntil(context.Background(), 2); err != nil {
		t.Fatal(err)
	}
	release()
	wg.Wait()
	if got := c.Now().Sub(start); got != 5*time.Minute {
		t.Fatalf("two concurrent 5m sleeps moved the clock by %s, want 5m", got)
	}
	// Sleeps one after the other do add up.
	_ = clock.Sleep(context.Background(), 5*time.Minute)
	if got := c.Now().Sub(start); got != 10*time.Minute {
		t.Fatalf("a further 5m sleep moved the clock to +%s, want +10m", got)
	}
}
