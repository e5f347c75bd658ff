package cluster_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/quota"
)

// bulkCreates is how many clusters the fault tests create.
const bulkCreates = 1000

// roomyCloud is a fake whose account allows bulkCreates clusters of every
// form, should it count them.
func roomyCloud(opts ...fake.Option) *fake.Cloud {
	l := quota.ProductDefaults()
	for _, c := range []*quota.Count{&l.Clusters, &l.ManagedClusters, &l.ServerlessClusters} {
		c.Max = 2 * bulkCreates
	}
	return fake.New(append([]fake.Option{fake.WithLimits(l)}, opts...)...)
}

// bulkWaits polls less often than the defaults, so that the bulk tests
// make fewer calls; what they check does not depend on the delays.
func bulkWaits(o *cluster.ClientOptions) {
	o.Wait = cluster.WaitOptions{MinDelay: time.Minute, MaxDelay: 4 * time.Minute}
}

// bulkSpec is the i-th cluster of a bulk test, of the three forms in turn.
func bulkSpec(i int) cluster.Spec {
	n := counter(i)
	switch i % 3 {
	case 0:
		return clientManaged(n)
	case 1:
		return clientDedicated(n)
	}
	return clientServerless(n)
}

// createAll creates bulkCreates clusters from 16 goroutines and waits for
// each; it returns the operations, failing the test on any error.
func createAll(t *testing.T, c *cluster.Client) []*cluster.Operation {
	t.Helper()
	ctx := context.Background()
	ops := make([]*cluster.Operation, bulkCreates)
	errs := make([]error, bulkCreates)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < bulkCreates; i = int(next.Add(1)) - 1 {
				op, err := c.Create(ctx, bulkSpec(i))
				if err != nil {
					errs[i] = fmt.Errorf("create %d: %w", i, err)
					continue
				}
				ops[i] = op
				if _, err := op.Wait(ctx); err != nil {
					errs[i] = fmt.Errorf("wait %d: %w", i, err)
				}
			}
		})
	}
	wg.Wait()
	failed := 0
	for _, err := range errs {
		if err != nil {
			if failed < 5 {
				t.Error(err)
			}
			failed++
		}
	}
	if failed > 0 {
		t.Fatalf("%d of %d creates failed", failed, bulkCreates)
	}
	return ops
}

// assertOneClusterEach checks that the fake holds exactly one running
// cluster per create.
func assertOneClusterEach(t *testing.T, cloud *fake.Cloud, ops []*cluster.Operation) {
	t.Helper()
	clusters := cloud.Clusters()
	if len(clusters) != bulkCreates {
		t.Errorf("the fake holds %d clusters after %d creates", len(clusters), bulkCreates)
	}
	byName := map[string]int{}
	for _, cl := range clusters {
		byName[cl.Spec.Name]++
		if cl.State != cluster.StateRunning {
			t.Errorf("cluster %s (%s) is %s", cl.ID, cl.Spec.Name, cl.State)
		}
	}
	for i, op := range ops {
		name := bulkSpec(i).Name
		if byName[name] != 1 {
			t.Errorf("%d clusters are named %s", byName[name], name)
		}
		if cl, ok := cloud.Cluster(op.ClusterID()); !ok || cl.Spec.Name != name {
			t.Errorf("operation %d follows cluster %s, which is not %s", i, op.ClusterID(), name)
		}
	}
}

// TestCreateExactlyOnceWithLostResponses loses 20% of CreateCluster
// answers: half after the fake applied the create (the answer is dropped),
// half before it reached the fake (the connection breaks on the way).
// Every create still makes exactly one cluster and every wait succeeds;
// the creates found by the reconcile step wait without their task.
func TestCreateExactlyOnceWithLostResponses(t *testing.T) {
	cloud := roomyCloud()
	var seen atomic.Int64
	cloud.PrependReactor(wire.ActionCreateCluster, func(fake.Call) (fake.Reaction, bool) {
		if seen.Add(1)%10 == 3 {
			return fake.Reaction{LoseResponse: true}, true
		}
		return fake.Reaction{}, false
	})
	var sent, dropped atomic.Int64
	inner := cloud.Transport()
	lossy := ack.TransportFunc(func(ctx context.Context, req *ack.Request) (*ack.Response, error) {
		if req.Action == wire.ActionCreateCluster && sent.Add(1)%10 == 7 {
			dropped.Add(1)
			return nil, fmt.Errorf("connection reset before the request arrived: %w", io.ErrUnexpectedEOF)
		}
		return inner.RoundTrip(ctx, req)
	})
	c := cluster.NewClient(cloud.Config(ack.WithTransport(lossy)), bulkWaits)

	ops := createAll(t, c)
	assertOneClusterEach(t, cloud, ops)

	lost := 0
	for _, call := range cloud.Calls() {
		if call.Lost {
			lost++
		}
	}
	withoutTask := 0
	for _, op := range ops {
		if op.TaskID() == "" {
			withoutTask++
		}
	}
	if lost < bulkCreates/20 || dropped.Load() < bulkCreates/20 {
		t.Errorf("%d answers lost after the change and %d requests dropped before it; want about %d each",
			lost, dropped.Load(), bulkCreates/10)
	}
	if withoutTask != lost {
		t.Errorf("%d operations wait without their task, want one per lost answer (%d)", withoutTask, lost)
	}
}

// TestCreateExactlyOnceUnderThrottling throttles every third call of any
// action. Throttled calls are re-sent (the server refused them unapplied)
// and throttled polls are polled through, so every create makes one
// cluster. The retry budget, which protects a real account from a storm of
// retries, is turned off here: this test is the storm.
func TestCreateExactlyOnceUnderThrottling(t *testing.T) {
	cloud := roomyCloud()
	cloud.PrependReactor(fake.AllActions, fake.ThrottleEvery(3))
	c := cluster.NewClient(cloud.Config(ack.WithRetry(ack.RetryPolicy{MaxAttempts: 20, Budget: ack.RetryBudget{Capacity: -1}})), bulkWaits)

	ops := createAll(t, c)
	assertOneClusterEach(t, cloud, ops)

	throttled := 0
	for _, call := range cloud.Calls() {
		if call.Code == fake.ThrottlingUser {
			throttled++
		}
	}
	if throttled < bulkCreates {
		t.Errorf("%d calls were throttled; want a storm of at least %d", throttled, bulkCreates)
	}
}

// TestDeleteWithLostResponse checks that a delete whose answer is lost, or
// whose re-send is refused because the first attempt applied, still ends
// with the cluster gone.
func TestDeleteWithLostResponse(t *testing.T) {
	tests := []struct {
		name string
		// fault wraps the fake's transport to lose the first DeleteCluster's
		// answer in its own way.
		fault func(cloud *fake.Cloud) ack.Transport
		// wantDeletes is how many DeleteCluster calls reach the fake.
		wantDeletes int
	}{
		{"answer dropped after the delete", func(cloud *fake.Cloud) ack.Transport {
			cloud.PrependReactor(wire.ActionDeleteCluster, fake.Once(fake.LoseResponse()))
			return cloud.Transport()
		}, 1},
		{"applied but answered 503, re-send refused", func(cloud *fake.Cloud) ack.Transport {
			var once sync.Once
			inner := cloud.Transport()
			return ack.TransportFunc(func(ctx context.Context, req *ack.Request) (*ack.Response, error) {
				resp, err := inner.RoundTrip(ctx, req)
				if req.Action == wire.ActionDeleteCluster && err == nil {
					once.Do(func() {
						resp = &ack.Response{StatusCode: http.StatusServiceUnavailable,
							Body: []byte(`{"code":"ServiceUnavailable","message":"try again"}`)}
					})
				}
				return resp, err
			})
		}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			cloud := fake.New()
			c := cluster.NewClient(cloud.Config(ack.WithTransport(tt.fault(cloud))))
			cl := createRunning(t, c, clientManaged("1"))

			op, err := c.Delete(ctx, cl.ID)
			if err != nil {
				t.Fatalf("Delete: %v", err)
			}
			if op.TaskID() != "" {
				t.Errorf("Delete found its result with task %q; the task was lost, want none", op.TaskID())
			}
			gone, err := op.Wait(ctx)
			if err != nil || gone.State != cluster.StateDeleted {
				t.Fatalf("Wait = %+v, %v; want deleted", gone, err)
			}
			deletes := 0
			for _, a := range actions(cloud) {
				if a == wire.ActionDeleteCluster {
					deletes++
				}
			}
			if len(cloud.Clusters()) != 0 || deletes != tt.wantDeletes {
				t.Errorf("%d clusters left after %d DeleteCluster calls; want none after %d", len(cloud.Clusters()), deletes, tt.wantDeletes)
			}
		})
	}
}
