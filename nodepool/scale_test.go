package nodepool

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/wire"
)

// scaleCounts returns the count of every ScaleClusterNodePool call made.
func scaleCounts(t *testing.T, a *testACK) []int64 {
	t.Helper()
	var out []int64
	for _, c := range a.recorded() {
		if c.Action != wire.ActionScaleClusterNodePool {
			continue
		}
		body, err := wire.Decode[wire.ScaleNodePoolRequest](c.Body)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, body.Count)
	}
	return out
}

func TestScaleOutIsExactUnderFaults(t *testing.T) {
	const scale = wire.ActionScaleClusterNodePool
	cases := []struct {
		name             string
		initial, desired int
		byNodeCount      bool  // the pool reports no desired size
		lose             []int // ScaleClusterNodePool calls applied whose answer is lost
		fail             []int // ScaleClusterNodePool calls refused with a 502 before applying
		wantCounts       []int64
	}{
		{name: "3 nodes", initial: 2, desired: 5, wantCounts: []int64{3}},
		{name: "3 nodes, answer lost", initial: 2, desired: 5, lose: []int{1}, wantCounts: []int64{3}},
		{name: "3 nodes, 502 before applying: sent again", initial: 2, desired: 5, fail: []int{1}, wantCounts: []int64{3, 3}},
		{name: "1,200 nodes in parts of 500", desired: 1200, wantCounts: []int64{500, 500, 200}},
		{name: "1,200 nodes, second part's answer lost", desired: 1200, lose: []int{2}, wantCounts: []int64{500, 500, 200}},
		{name: "1,200 nodes, every answer lost", desired: 1200, lose: []int{1, 2, 3}, wantCounts: []int64{500, 500, 200}},
		{name: "1,200 nodes, second part failed then lost", desired: 1200, fail: []int{2}, lose: []int{3},
			wantCounts: []int64{500, 500, 500, 200}},
		{name: "by node count, answer lost", initial: 2, desired: 5, byNodeCount: true, lose: []int{1}, wantCounts: []int64{3}},
		{name: "by node count, 502 before applying", initial: 2, desired: 5, byNodeCount: true, fail: []int{1}, wantCounts: []int64{3, 3}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			a := newTestACK()
			p := a.seed(clientSpec(), tc.initial, 0)
			p.noDesired = tc.byNodeCount
			a.loseAnswer(scale, tc.lose...)
			a.failBefore(scale, tc.fail...)
			c := a.client()

			op, err := c.Scale(ctx, testCluster, p.id, tc.desired)
			if err != nil {
				t.Fatalf("Scale: %v", err)
			}
			got, err := op.Wait(ctx)
			if err != nil {
				t.Fatalf("Wait: %v", err)
			}
			_, state, nodes, _ := a.pool(p.id)
			if len(nodes) != tc.desired || state != StateActive {
				t.Errorf("the pool has %d nodes in state %s, want %d, active", len(nodes), state, tc.desired)
			}
			if got.Nodes.Total != tc.desired || got.State != StateActive {
				t.Errorf("Wait returned %d nodes in state %s, want %d, active", got.Nodes.Total, got.State, tc.desired)
			}
			if diff := cmp.Diff(tc.wantCounts, scaleCounts(t, a)); diff != "" {
				t.Errorf("ScaleClusterNodePool counts (-want +got):\n%s", diff)
			}
		})
	}
}

func TestScaleRefusesWithoutMutating(t *testing.T) {
	autoscaled := clientSpec()
	autoscaled.DesiredSize = 0
	autoscaled.AutoScaling = AutoScaling{Enabled: true, Min: 1, Max: 10}
	cases := []struct {
		name    string
		spec    Spec
		initial int
		out     int // scale-out nodes
		desired int
		want    error
	}{
		{"autoscaled", autoscaled, 2, 0, 5, ErrAutoScaled},
		{"negative", clientSpec(), 2, 0, -1, ack.ErrInvalid},
		{"scale in past the scale-out nodes", clientSpec(), 3, 1, 1, ErrNotEnoughScaleOut},
		{"scale in of initial nodes only", clientSpec(), 3, 0, 2, ErrNotEnoughScaleOut},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := newTestACK()
			p := a.seed(tc.spec, tc.initial, tc.out)
			// Only a pool sized by its node count is scaled in by choosing
			// nodes; one with a desired size is scaled by that size.
			p.noDesired = errors.Is(tc.want, ErrNotEnoughScaleOut)
			_, err := a.client().Scale(context.Background(), testCluster, p.id, tc.desired)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Scale: %v, want an error matching %v", err, tc.want)
			}
			if m := a.mutating(); len(m) != 0 {
				t.Errorf("mutating calls %v, want none", m)
			}
		})
	}
}

func TestScaleToTheCurrentSizeIsDone(t *testing.T) {
	a := newTestACK()
	p := a.seed(clientSpec(), 2, 1)
	op, err := a.client().Scale(context.Background(), testCluster, p.id, 3)
	if err != nil {
		t.Fatal(err)
	}
	if !op.Done() {
		t.Error("Done = false for a pool already at the size")
	}
	got, err := op.Wait(context.Background())
	if err != nil || got.ID != p.id || got.Size() != 3 {
		t.Errorf("Wait = %+v, %v; want pool %s of size 3", got, err, p.id)
	}
	if m := a.mutating(); len(m) != 0 {
		t.Errorf("mutating calls %v, want none", m)
	}
}

// removeQuery returns the query of the only RemoveNodePoolNodes call.
func removeQuery(t *testing.T, a *testACK) wire.RemoveNodePoolNodesRequest {
	t.Helper()
	var out []wire.RemoveNodePoolNodesRequest
	for _, c := range a.recorded() {
		if c.Action != wire.ActionRemoveNodePoolNodes {
			continue
		}
		q := map[string][]string{}
		for k, v := range c.Query {
			q[k] = []string{v}
		}
		r, err := wire.ParseRemoveNodePoolNodesRequest(q)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	if len(out) != 1 {
		t.Fatalf("%d RemoveNodePoolNodes calls, want 1", len(out))
	}
	return out[0]
}

// TestScaleInWithoutDesiredSizeIsRefused: a legacy pool has no desired
// size to lower, and ACK's node list does not tell which nodes a scale-out
// added, even when a scale-out added every node a scale-in would remove;
// Scale refuses before any mutating call and points to RemoveNodes.
func TestScaleInWithoutDesiredSizeIsRefused(t *testing.T) {
	cases := []struct {
		name             string
		initial, out, to int
	}{
		{"scale-out nodes only would go", 2, 3, 3},
		{"initial nodes would go", 3, 0, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := newTestACK()
			p := a.seed(clientSpec(), tc.initial, tc.out)
			p.noDesired = true
			_, err := a.client().Scale(context.Background(), testCluster, p.id, tc.to)
			if !errors.Is(err, ErrNotEnoughScaleOut) {
				t.Fatalf("Scale: %v, want an error matching ErrNotEnoughScaleOut", err)
			}
			for _, want := range []string{"no desired size", "does not tell which nodes a scale-out added", "RemoveNodes"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not say %q", err, want)
				}
			}
			if m := a.mutating(); len(m) != 0 {
				t.Errorf("mutating calls %v, want none", m)
			}
		})
	}
}

func TestScaleApplied(t *testing.T) {
	pool := func(desired, total int, state State) *Pool {
		d := &Pool{State: state, Nodes: NodeCounts{Total: total}}
		d.Spec.DesiredSize = desired
		return d
	}
	cases := []struct {
		name      string
		byDesired bool
		now       *Pool
		want      bool
		wantErr   error
	}{
		{"desired size raised", true, pool(8, 5, StateScaling), true, nil},
		{"desired size unchanged", true, pool(5, 5, StateActive), false, nil},
		{"desired size unchanged while scaling", true, pool(5, 5, StateScaling), false, nil},
		{"desired size moved elsewhere", true, pool(6, 5, StateScaling), false, ack.ErrConflict},
		{"node count reached", false, pool(0, 8, StateActive), true, nil},
		{"node count pool scaling", false, pool(0, 5, StateScaling), true, nil},
		{"node count pool untouched", false, pool(0, 5, StateActive), false, nil},
		{"node count pool removing", false, pool(0, 4, StateRemoving), false, ack.ErrConflict},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := scaleApplied(tc.byDesired, tc.now, 5, 8)
			if got != tc.want || !errors.Is(err, tc.wantErr) || (tc.wantErr == nil) != (err == nil) {
				t.Errorf("scaleApplied = %v, %v; want %v, %v", got, err, tc.want, tc.wantErr)
			}
		})
	}
}

// TestScaleWaitsForEachPart checks that a part is sent only once the
// previous one's task succeeded and the pool is active again.
func TestScaleWaitsForEachPart(t *testing.T) {
	a := newTestACK()
	a.taskReads = 3
	p := a.seed(clientSpec(), 0, 0)
	op, err := a.client().Scale(context.Background(), testCluster, p.id, 1001)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := op.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	var states []State
	for _, c := range a.recorded() {
		if c.Action == wire.ActionScaleClusterNodePool {
			states = append(states, c.poolState)
		}
	}
	if diff := cmp.Diff([]State{StateActive, StateActive, StateActive}, states); diff != "" {
		t.Errorf("pool state when each part arrived (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int64{500, 500, 1}, scaleCounts(t, a)); diff != "" {
		t.Errorf("counts (-want +got):\n%s", diff)
	}
}

// TestScaleDownByDesiredSizeUnderALostAnswer loses the answer to the
// ModifyClusterNodePool that lowers a pool's desired size after ACK
// applied it: the retry step reads the pool, finds the new desired size
// and sends nothing again.
func TestScaleDownByDesiredSizeUnderALostAnswer(t *testing.T) {
	ctx := context.Background()
	a := newTestACK()
	p := a.seed(clientSpec(), 2, 3)
	a.loseAnswer(wire.ActionModifyClusterNodePool, 1)
	op, err := a.client().Scale(ctx, testCluster, p.id, 3)
	if err != nil {
		t.Fatalf("Scale: %v", err)
	}
	if _, err := op.Wait(ctx); err != nil {
		t.Fatalf("Wait: %v", err)
	}
	var modifies int
	for _, c := range a.recorded() {
		if c.Action == wire.ActionModifyClusterNodePool {
			modifies++
		}
	}
	if modifies != 1 {
		t.Errorf("%d ModifyClusterNodePool calls, want 1", modifies)
	}
	if spec, _, _, _ := a.pool(p.id); spec.DesiredSize != 3 {
		t.Errorf("desired size %d, want 3", spec.DesiredSize)
	}
}
