package fake_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
)

// lifecycle creates a managed cluster, waits for it to run, deletes it and
// waits for it to go, through an ack.Config on the fake's auto-advance
// clock, and returns the cluster as it was when it first ran.
func lifecycle(ctx context.Context, cfg *ack.Config, body []byte) (wire.ClusterDetail, error) {
	create := wire.NewRequest(wire.ActionCreateCluster)
	create.Body = body
	resp, err := cfg.Do(ctx, create)
	if err != nil {
		return wire.ClusterDetail{}, err
	}
	cr, err := wire.Decode[wire.CreateClusterResponse](resp.Body)
	if err != nil {
		return wire.ClusterDetail{}, err
	}
	delay := func(i int) time.Duration { return min(5*time.Second<<i, time.Minute) }
	var running wire.ClusterDetail
	for i := 0; ; i++ {
		resp, err := cfg.Do(ctx, wire.NewRequest(wire.ActionDescribeClusterDetail, cr.ClusterID))
		if err != nil {
			return wire.ClusterDetail{}, err
		}
		if running, err = wire.DecodeClusterDetail(resp.Body); err != nil {
			return wire.ClusterDetail{}, err
		}
		if running.State == "running" {
			break
		}
		_ = cfg.Clock().Sleep(ctx, delay(i))
	}
	if _, err := cfg.Do(ctx, wire.NewRequest(wire.ActionDeleteCluster, cr.ClusterID)); err != nil {
		return wire.ClusterDetail{}, err
	}
	for i := 0; ; i++ {
		_, err := cfg.Do(ctx, wire.NewRequest(wire.ActionDescribeClusterDetail, cr.ClusterID))
		if ack.IsNotFound(err) {
			return running, nil
		}
		if err != nil {
			return wire.ClusterDetail{}, err
		}
		_ = cfg.Clock().Sleep(ctx, delay(i))
	}
}

func TestLifecycleThroughConfig(t *testing.T) {
	c := fake.New()
	body, _ := json.Marshal(managedRequest("cfg"))
	d, err := lifecycle(context.Background(), c.Config(), body)
	if err != nil {
		t.Fatal(err)
	}
	if took := parseTime(t, d.Updated).Sub(parseTime(t, d.Created)); took != 8*time.Minute {
		t.Fatalf("created %s, running at %s: %s apart, want 8m", d.Created, d.Updated, took)
	}
}

// BenchmarkFakeLifecycle measures the wall time of one create → wait →
// delete → wait of a managed cluster in process, on auto-advance.
func BenchmarkFakeLifecycle(b *testing.B) {
	c := fake.New()
	cfg := c.Config()
	body, _ := json.Marshal(managedRequest("bench"))
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		d, err := lifecycle(ctx, cfg, body)
		if err != nil {
			b.Fatal(err)
		}
		created, _ := time.Parse(time.RFC3339, d.Created)
		updated, _ := time.Parse(time.RFC3339, d.Updated)
		if updated.Sub(created) != 8*time.Minute {
			b.Fatalf("created %s, running at %s", d.Created, d.Updated)
		}
	}
	// How many calls a lifecycle makes: the polls of its two waits among
	// them.
	b.ReportMetric(float64(c.TotalCalls())/float64(b.N), "calls/op")
}
