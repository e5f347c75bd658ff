package nodepool_test

import (
	"context"
	"testing"

	"github.com/ackgo/ack/nodepool"
)

// TestScaleDownByDesiredSize scales pools down on the fake as ACK offers
// it, by lowering the desired size: 5 → 3 for a pool created with 2 and
// scaled out by 3, and 2 → 1 for a pool created with 2 (whose nodes are
// all initial, which a choice by origin could never remove). Each takes
// one ModifyClusterNodePool and no RemoveNodePoolNodes, and the pool ends
// active with the size asked for.
func TestScaleDownByDesiredSize(t *testing.T) {
	cases := []struct {
		name                 string
		initial, out, target int
	}{
		{"5 to 3", 2, 3, 3},
		{"2 to 1", 2, 0, 1},
		{"2 to 0", 2, 0, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			cloud, c, id := onFake(t)
			d := activePool(t, c, id, fakeSpec("web", tc.initial))
			if tc.out > 0 {
				op, err := c.Scale(ctx, id, d.ID, tc.initial+tc.out)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := op.Wait(ctx); err != nil {
					t.Fatal(err)
				}
			}
			// As on ACK, the client reads no node's origin: the scale down
			// cannot lean on one.
			for n, err := range c.Nodes(ctx, id, func(o *nodepool.NodesOptions) { o.PoolID = d.ID }) {
				if err != nil {
					t.Fatal(err)
				}
				if n.Origin != nodepool.OriginUnknown {
					t.Fatalf("node %s read with origin %q, want unknown", n.InstanceID, n.Origin)
				}
			}
			cloud.ClearCalls()
			op, err := c.Scale(ctx, id, d.ID, tc.target)
			if err != nil {
				t.Fatalf("Scale to %d: %v", tc.target, err)
			}
			got, err := op.Wait(ctx)
			if err != nil {
				t.Fatalf("Wait: %v", err)
			}
			if got.Size() != tc.target || got.Nodes.Total != tc.target || got.State != nodepool.StateActive {
				t.Errorf("pool after scaling to %d: size %d, %d nodes, %s", tc.target, got.Size(), got.Nodes.Total, got.State)
			}
			if n := fakeWrites(cloud, "ModifyClusterNodePool"); n != 1 {
				t.Errorf("%d ModifyClusterNodePool calls, want 1", n)
			}
			if n := fakeWrites(cloud, "RemoveNodePoolNodes"); n != 0 {
				t.Errorf("%d RemoveNodePoolNodes calls, want 0: ACK chooses the nodes", n)
			}
		})
	}
}
