package fake

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/wire"
)

// The fake's tests check every cached detail against a fresh render.
func init() { verifyRenderCache = true }

// TestDetailCache reads a cluster's detail around changes of every kind
// and checks that a read after a change encodes afresh, that a read after
// none is served from the cache, and that both answers are the ones the
// uncached path writes (the init above makes every hit compare too).
func TestDetailCache(t *testing.T) {
	ctx := context.Background()
	c := New(WithProgression(ChangeCreateManaged, AfterDuration(time.Minute)), WithProgression(ChangeScaleNodePool, AfterPolls(1)))
	cfg := c.Config()
	do := func(req *ack.Request) []byte {
		t.Helper()
		resp, err := cfg.Do(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		return resp.Body
	}
	create := wire.NewRequest(wire.ActionCreateCluster)
	create.Body, _ = json.Marshal(map[string]any{
		"name": "cache", "region_id": DefaultRegion, "cluster_type": "ManagedKubernetes", "cluster_spec": "ack.pro.small",
		"vpcid": "vpc-cache", "vswitch_ids": []string{"vsw-cache"}, "snat_entry": true,
		"container_cidr": "172.20.0.0/16", "addons": []map[string]any{{"name": "flannel"}},
	})
	cr, _ := wire.Decode[wire.CreateClusterResponse](do(create))
	id := cr.ClusterID
	var poolID string
	steps := []struct {
		name   string
		change func()
		cached bool
	}{
		{"first read", func() {}, false},
		{"nothing changed", func() {}, true},
		{"creation completes with time", func() { c.Advance(time.Minute) }, false},
		{"after completion", func() {}, true},
		{"a pool is created", func() {
			req := wire.NewRequest(wire.ActionCreateClusterNodePool, id)
			req.Body, _ = json.Marshal(map[string]any{
				"nodepool_info": map[string]any{"name": "p"},
				"scaling_group": map[string]any{"vswitch_ids": []string{"vsw-cache"}, "instance_types": []string{"ecs.g7.xlarge"}, "desired_size": 2, "key_pair": "k"},
			})
			out, _ := wire.Decode[wire.CreateNodePoolResponse](do(req))
			poolID = out.NodepoolID
			c.Advance(time.Hour)
		}, false},
		{"the pool's creation completed", func() {}, true},
		{"a scale that a poll completes", func() {
			req := wire.NewRequest(wire.ActionScaleClusterNodePool, id, poolID)
			req.Body, _ = json.Marshal(map[string]any{"count": 3})
			do(req)
			do(wire.NewRequest(wire.ActionDescribeClusterNodePoolDetail, id, poolID))
		}, false},
		{"a rename", func() {
			req := wire.NewRequest(wire.ActionModifyCluster, id)
			req.Body, _ = json.Marshal(map[string]any{"cluster_name": "renamed"})
			do(req)
			c.Advance(time.Hour)
		}, false},
		{"after the rename", func() {}, true},
	}
	for _, s := range steps {
		s.change()
		c.st.mu.Lock()
		rec := c.st.clusters[id]
		c.st.settleLocked(rec, c.Now())
		d := c.st.readDetailLocked(rec)
		uncached := encodeOrFail(t, renderDetail(c.st.snapshotLocked(rec, false)))
		c.st.mu.Unlock()
		if got := d.cached != nil; got != s.cached {
			t.Errorf("%s: served from the cache %v, want %v", s.name, got, s.cached)
		}
		body := do(wire.NewRequest(wire.ActionDescribeClusterDetail, id))
		got, _ := wire.Decode[map[string]any](body)
		want, _ := wire.Decode[map[string]any](uncached)
		delete(got, "request_id")
		if gb, _ := json.Marshal(got); string(gb) != string(mustJSON(want)) {
			t.Errorf("%s: answer\n%s\nthe uncached path writes\n%s", s.name, gb, mustJSON(want))
		}
	}
}

func encodeOrFail(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustJSON(v any) []byte { b, _ := json.Marshal(v); return b }
