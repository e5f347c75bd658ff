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

// TestCreateRefusesEveryRuleWithoutACall runs Create on a Spec breaking
// each rule of the package's rule cases (every rule a Spec can break) and
// checks that it is refused with that rule, before any call.
func TestCreateRefusesEveryRuleWithoutACall(t *testing.T) {
	tried := map[string]bool{}
	for _, c := range ruleCases() {
		if c.spec == nil {
			continue // a rule only a raw request can break
		}
		t.Run(c.rule+"/"+c.name, func(t *testing.T) {
			a := newTestACK()
			s := validSpec()
			c.spec(&s)
			op, err := a.client().Create(context.Background(), testCluster, s)
			if op != nil {
				t.Error("Create returned an operation for an invalid Spec")
			}
			if diff := cmp.Diff([]ruleField{{c.rule, c.field}}, ruleFields(err)); diff != "" {
				t.Errorf("violations (-want +got):\n%s", diff)
			}
			if calls := a.recorded(); len(calls) != 0 {
				t.Errorf("%d calls made, want none", len(calls))
			}
		})
		tried[c.rule] = true
	}
	for _, r := range Rules() {
		if !tried[r.ID] && !isDecodeRule(r.ID) {
			t.Errorf("rule %s was not tried through Create", r.ID)
		}
	}
}

func isDecodeRule(id string) bool {
	for _, r := range DecodeRules() {
		if r.ID == id {
			return true
		}
	}
	return false
}

func TestCreateIsExactUnderFaults(t *testing.T) {
	const create = wire.ActionCreateClusterNodePool
	cases := []struct {
		name      string
		lose      bool
		fail      bool
		wantSends int
		wantTask  bool
	}{
		{"no fault", false, false, 1, true},
		{"answer lost", true, false, 1, false},
		{"502 before applying: sent again", false, true, 2, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			a := newTestACK()
			a.seed(Spec{Name: "web", VSwitchIDs: []string{"vsw-a"}}, 1, 0) // an older pool of the same name
			if tc.lose {
				a.loseAnswer(create, 1)
			}
			if tc.fail {
				a.failBefore(create, 1)
			}
			op, err := a.client().Create(ctx, testCluster, clientSpec())
			if err != nil {
				t.Fatalf("Create: %v", err)
			}
			if got := op.TaskID() != ""; got != tc.wantTask {
				t.Errorf("task known = %v, want %v", got, tc.wantTask)
			}
			d, err := op.Wait(ctx)
			if err != nil {
				t.Fatalf("Wait: %v", err)
			}
			if d.ID != op.PoolID() || d.State != StateActive || d.Spec.Name != "web" || d.ClusterID != testCluster {
				t.Errorf("Wait = pool %s (%s, %q, cluster %s), want %s active", d.ID, d.State, d.Spec.Name, d.ClusterID, op.PoolID())
			}
			if n := len(a.pools); n != 2 {
				t.Errorf("%d pools, want the older one and one new", n)
			}
			sends := 0
			for _, m := range a.mutating() {
				if m == create {
					sends++
				}
			}
			if sends != tc.wantSends {
				t.Errorf("%d creates sent, want %d", sends, tc.wantSends)
			}
		})
	}
}

func TestModifyRefusesWithoutMutating(t *testing.T) {
	base := clientSpec()
	base.Runtime, base.RuntimeVersion = Containerd, "1.6.28"
	base.AutoScaling.Type = ScaleCPU
	cases := []struct {
		name string
		edit func(*Spec)
		want []ruleField
	}{
		{"auto scaling type", func(s *Spec) { s.AutoScaling.Type = ScaleSpot },
			[]ruleField{{"nodepool.immutable.auto_scaling_type", "auto_scaling.type"}}},
		{"max pods", func(s *Spec) { s.MaxPods = 128 },
			[]ruleField{{"nodepool.immutable.max_pods", "node_config.kubelet_configuration.maxPods"}}},
		{"runtime", func(s *Spec) { s.Runtime = Docker },
			[]ruleField{{"nodepool.immutable.runtime", "kubernetes_config.runtime"}}},
		{"runtime version", func(s *Spec) { s.RuntimeVersion = "1.7.0" },
			[]ruleField{{"nodepool.immutable.runtime", "kubernetes_config.runtime"}}},
		{"a name too long", func(s *Spec) { s.Name = strings.Repeat("n", 64) },
			[]ruleField{{"nodepool.name.length", "nodepool_info.name"}}},
		{"a bad taint effect", func(s *Spec) { s.Taints = []Taint{{Key: "k", Effect: "Never"}} },
			[]ruleField{{"nodepool.taints.effect", "kubernetes_config.taints[0].effect"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := newTestACK()
			p := a.seed(base, 2, 0)
			_, err := a.client().Modify(context.Background(), testCluster, p.id, tc.edit)
			if diff := cmp.Diff(tc.want, ruleFields(err)); diff != "" {
				t.Errorf("violations (-want +got):\n%s", diff)
			}
			if m := a.mutating(); len(m) != 0 {
				t.Errorf("mutating calls %v, want none", m)
			}
			if spec, _, _, _ := a.pool(p.id); !cmp.Equal(spec, base, specOpts) {
				t.Errorf("the pool changed:\n%s", cmp.Diff(base, spec, specOpts))
			}
		})
	}
}

func TestModify(t *testing.T) {
	const modify = wire.ActionModifyClusterNodePool
	cases := []struct {
		name      string
		edit      func(*Spec)
		lose      bool
		fail      bool
		wantSends int
	}{
		{"nothing changed", func(s *Spec) { s.Runtime = Containerd }, false, false, 0},
		{"labels", func(s *Spec) { s.Labels = append(s.Labels, Label{Key: "team", Value: "a"}) }, false, false, 1},
		{"answer lost", func(s *Spec) { s.DesiredSize = 4 }, true, false, 1},
		{"502 before applying: sent again", func(s *Spec) { s.InstanceTypes = []string{"ecs.g8i.xlarge"} }, false, true, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			a := newTestACK()
			p := a.seed(clientSpec(), 2, 0)
			want, _, _, _ := a.pool(p.id)
			tc.edit(&want)
			if tc.lose {
				a.loseAnswer(modify, 1)
			}
			if tc.fail {
				a.failBefore(modify, 1)
			}
			op, err := a.client().Modify(ctx, testCluster, p.id, tc.edit)
			if err != nil {
				t.Fatalf("Modify: %v", err)
			}
			if _, err := op.Wait(ctx); err != nil {
				t.Fatalf("Wait: %v", err)
			}
			if got := len(a.mutating()); got != tc.wantSends {
				t.Errorf("%d mutating calls, want %d", got, tc.wantSends)
			}
			got, _, _, _ := a.pool(p.id)
			if diff := cmp.Diff(want.WithDefaults(), got.WithDefaults(), specOpts); diff != "" {
				t.Errorf("pool after Modify (-want +got):\n%s", diff)
			}
		})
	}
}

func TestModifyNilEdit(t *testing.T) {
	a := newTestACK()
	p := a.seed(clientSpec(), 1, 0)
	_, err := a.client().Modify(context.Background(), testCluster, p.id, nil)
	if !errors.Is(err, ack.ErrInvalid) || len(a.recorded()) != 0 {
		t.Errorf("Modify(nil) = %v after %d calls; want ack.ErrInvalid and no call", err, len(a.recorded()))
	}
}

func TestRemoveNodesPassesDrainAndRelease(t *testing.T) {
	cases := []struct {
		name string
		opts RemoveOptions
	}{
		{"defaults", RemoveOptions{}},
		{"drain", RemoveOptions{Drain: true}},
		{"release", RemoveOptions{Release: true}},
		{"both", RemoveOptions{Drain: true, Release: true}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			a := newTestACK()
			p := a.seed(clientSpec(), 3, 0)
			ids := []string{p.nodes[1].id}
			op, err := a.client().RemoveNodes(ctx, testCluster, p.id, ids, func(o *RemoveOptions) { *o = tc.opts })
			if err != nil {
				t.Fatal(err)
			}
			if _, err := op.Wait(ctx); err != nil {
				t.Fatal(err)
			}
			want := wire.RemoveNodePoolNodesRequest{
				InstanceIDs: ids, DrainNode: wire.Bool(tc.opts.Drain), ReleaseNode: wire.Bool(tc.opts.Release),
			}
			if diff := cmp.Diff(want, removeQuery(t, a)); diff != "" {
				t.Errorf("RemoveNodePoolNodes (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRemoveNodesRefusesWithoutMutating(t *testing.T) {
	cases := []struct {
		name string
		ids  func(p *testPool) []string
	}{
		{"no IDs", func(*testPool) []string { return nil }},
		{"an empty ID", func(p *testPool) []string { return []string{p.nodes[0].id, ""} }},
		{"an ID twice", func(p *testPool) []string { return []string{p.nodes[0].id, p.nodes[0].id} }},
		{"a node of another pool", func(*testPool) []string { return []string{"i-elsewhere"} }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := newTestACK()
			p := a.seed(clientSpec(), 2, 0)
			_, err := a.client().RemoveNodes(context.Background(), testCluster, p.id, tc.ids(p))
			if !errors.Is(err, ack.ErrInvalid) {
				t.Errorf("RemoveNodes: %v, want ack.ErrInvalid", err)
			}
			if m := a.mutating(); len(m) != 0 {
				t.Errorf("mutating calls %v, want none", m)
			}
		})
	}
}

func TestRemoveNodesAnswerLost(t *testing.T) {
	ctx := context.Background()
	a := newTestACK()
	p := a.seed(clientSpec(), 1, 2)
	a.loseAnswer(wire.ActionRemoveNodePoolNodes, 1)
	ids := []string{p.nodes[1].id, p.nodes[2].id}
	op, err := a.client().RemoveNodes(ctx, testCluster, p.id, ids)
	if err != nil {
		t.Fatal(err)
	}
	d, err := op.Wait(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := a.mutating(); len(got) != 1 {
		t.Errorf("mutating calls %v, want one removal", got)
	}
	if d.Nodes.Total != 1 || op.TaskID() != "" {
		t.Errorf("Wait: %d nodes, task %q; want 1 node, task unknown", d.Nodes.Total, op.TaskID())
	}
}

func TestDelete(t *testing.T) {
	const del = wire.ActionDeleteClusterNodepool
	cases := []struct {
		name      string
		force     bool
		lose      bool
		wantQuery map[string]string
	}{
		{"default", false, false, nil},
		{"force", true, false, map[string]string{"force": "true"}},
		{"answer lost", false, true, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			a := newTestACK()
			p := a.seed(clientSpec(), 1, 0)
			if tc.lose {
				a.loseAnswer(del, 1)
			}
			op, err := a.client().Delete(ctx, testCluster, p.id, func(o *DeleteOptions) { o.Force = tc.force })
			if err != nil {
				t.Fatalf("Delete: %v", err)
			}
			d, err := op.Wait(ctx)
			if err != nil {
				t.Fatalf("Wait: %v", err)
			}
			if _, _, _, exists := a.pool(p.id); exists || d.ID != p.id {
				t.Errorf("pool %s exists = %v, Wait returned %q", p.id, exists, d.ID)
			}
			var sent []map[string]string
			for _, c := range a.recorded() {
				if c.Action == del {
					sent = append(sent, c.Query)
				}
			}
			if diff := cmp.Diff([]map[string]string{tc.wantQuery}, sent); diff != "" {
				t.Errorf("deletes sent (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNotFound(t *testing.T) {
	ctx := context.Background()
	a := newTestACK()
	c := a.client()
	if _, err := c.Get(ctx, testCluster, "np-missing"); !ack.IsNotFound(err) {
		t.Errorf("Get: %v, want not found", err)
	}
	if _, err := c.Delete(ctx, testCluster, "np-missing"); !ack.IsNotFound(err) {
		t.Errorf("Delete: %v, want not found", err)
	}
	if _, err := c.Scale(ctx, "c-other", "np-missing", 3); !ack.IsNotFound(err) {
		t.Errorf("Scale: %v, want not found", err)
	}
	if _, err := c.Get(ctx, testCluster, ""); !errors.Is(err, ack.ErrInvalid) {
		t.Errorf("Get with no ID: %v, want ack.ErrInvalid", err)
	}
}

func TestListAndNodes(t *testing.T) {
	ctx := context.Background()
	a := newTestACK()
	web := a.seed(clientSpec(), 2, 3)
	other := clientSpec()
	other.Name = "batch"
	a.seed(other, 4, 0)
	c := NewClient(a.client().Config(), func(o *ClientOptions) { o.PageSize = 1000 })

	var names []string
	for p, err := range c.List(ctx, testCluster) {
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, p.Spec.Name+"/"+p.ID)
	}
	if diff := cmp.Diff([]string{"web/np-0001", "batch/np-0007"}, names); diff != "" {
		t.Errorf("List (-want +got):\n%s", diff)
	}

	var nodes []string
	for n, err := range c.Nodes(ctx, testCluster, func(o *NodesOptions) { o.PoolID = web.id }) {
		if err != nil {
			t.Fatal(err)
		}
		if n.Origin != OriginUnknown {
			t.Errorf("node %s read with origin %q; the wire does not tell it", n.InstanceID, n.Origin)
		}
		nodes = append(nodes, n.InstanceID)
	}
	want := []string{"i-0002", "i-0003", "i-0004", "i-0005", "i-0006"}
	if diff := cmp.Diff(want, nodes); diff != "" {
		t.Errorf("Nodes (-want +got):\n%s", diff)
	}
	for _, call := range a.recorded() {
		if call.Action == wire.ActionDescribeClusterNodes && call.Query["pageSize"] != "100" {
			t.Errorf("page size %s, want the largest, 100", call.Query["pageSize"])
		}
	}
}

func TestIterationStopsEarly(t *testing.T) {
	a := newTestACK()
	p := a.seed(clientSpec(), 5, 0)
	c := a.client()
	for range c.Nodes(context.Background(), testCluster, func(o *NodesOptions) { o.PoolID, o.PageSize = p.id, 2 }) {
		break
	}
	if n := len(a.recorded()); n != 1 {
		t.Errorf("%d calls for one node, want 1", n)
	}
}

// TestServerRefusalReadsAsValidation checks that a request the server
// refuses by this package's rules (as the fake does) reads as the
// *ack.ValidationError a client-side check gives, and keeps its
// *ack.APIError.
func TestServerRefusalReadsAsValidation(t *testing.T) {
	a := newTestACK()
	p := a.seed(clientSpec(), 1, 0)
	s := clientSpec()
	s.MaxPods = 1000
	refusal := Validate(s)
	a.refuse[wire.ActionModifyClusterNodePool] = refusal
	_, err := a.client().Modify(context.Background(), testCluster, p.id, func(s *Spec) { s.Name = "renamed" })
	want := []ruleField{{"nodepool.max_pods.range", "node_config.kubelet_configuration.maxPods"}}
	if diff := cmp.Diff(want, ruleFields(errorsAsValidation(t, err))); diff != "" {
		t.Errorf("violations (-want +got):\n%s", diff)
	}
	var api *ack.APIError
	var re *ack.RefusalError
	if !errors.As(err, &api) || api.Action != wire.ActionModifyClusterNodePool || api.RequestID == "" || !errors.As(err, &re) || !errors.Is(err, ack.ErrInvalid) {
		t.Errorf("error %v: want an *ack.RefusalError with the *ack.APIError of the modify and its request ID", err)
	}
}

// errorsAsValidation finds the *ack.ValidationError in err.
func errorsAsValidation(t *testing.T, err error) error {
	t.Helper()
	var ve *ack.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v holds no *ack.ValidationError", err)
	}
	return ve
}
