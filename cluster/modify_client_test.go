package cluster_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
)

// TestModify checks what Modify sends for each kind of edit, and what it
// refuses before any mutating call.
func TestModify(t *testing.T) {
	tests := []struct {
		name       string
		edit       func(*cluster.Spec)
		wantWrites []string
		wantBody   string // of ModifyCluster, when sent
		wantRule   string // when refused
		check      func(t *testing.T, after *cluster.Cluster)
	}{
		{name: "nothing changes", edit: func(*cluster.Spec) {}, wantWrites: nil},
		{name: "rename", edit: func(s *cluster.Spec) { s.Name = "renamed" },
			wantWrites: []string{"ModifyCluster"}, wantBody: `{"cluster_name":"renamed"}`,
			check: func(t *testing.T, after *cluster.Cluster) {
				if after.Spec.Name != "renamed" {
					t.Errorf("name %q after the rename", after.Spec.Name)
				}
			}},
		{name: "maintenance window and time zone", edit: func(s *cluster.Spec) {
			s.Timezone = "Asia/Shanghai"
			s.MaintenanceWindow = &cluster.MaintenanceWindow{Enabled: true, StartTime: "03:00:00Z", Duration: "3h", WeeklyPeriod: "Monday"}
		}, wantWrites: []string{"ModifyCluster"},
			wantBody: `{"maintenance_window":{"enable":true,"maintenance_time":"03:00:00Z","duration":"3h","weekly_period":"Monday"},"timezone":"Asia/Shanghai"}`,
			check: func(t *testing.T, after *cluster.Cluster) {
				if after.Spec.Timezone != "Asia/Shanghai" || after.Spec.MaintenanceWindow == nil {
					t.Errorf("time zone %q, window %v after the change", after.Spec.Timezone, after.Spec.MaintenanceWindow)
				}
			}},
		{name: "a name the rules refuse", edit: func(s *cluster.Spec) { s.Name = "-bad" }, wantRule: "cluster.name.format"},
		{name: "too many tags", edit: func(s *cluster.Spec) {
			for i := range cluster.MaxTags {
				s.Tags = append(s.Tags, cluster.Tag{Key: "k" + counter(i)})
			}
		}, wantRule: "cluster.tags.limit"},
		{name: "an immutable field", edit: func(s *cluster.Spec) { s.Network.PodCIDR = "10.0.0.0/16" }, wantRule: "cluster.immutable.field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			cloud := fake.New()
			c := newClient(cloud)
			cl := createRunning(t, c, clientManaged("1"))
			cloud.ClearCalls()

			op, err := c.Modify(ctx, cl.ID, tt.edit)
			if tt.wantRule != "" {
				if !slices.Contains(ruleIDs(err), tt.wantRule) {
					t.Fatalf("Modify = %v; want rule %s", err, tt.wantRule)
				}
				if w := writes(cloud); len(w) != 0 {
					t.Errorf("a refused edit sent %v", w)
				}
				return
			}
			if err != nil {
				t.Fatalf("Modify: %v", err)
			}
			if diff := cmp.Diff(tt.wantWrites, writes(cloud)); diff != "" {
				t.Errorf("writes (-want +got):\n%s", diff)
			}
			for _, call := range cloud.Calls() {
				if call.Action == wire.ActionModifyCluster && string(call.Body) != tt.wantBody {
					t.Errorf("ModifyCluster body %s, want %s", call.Body, tt.wantBody)
				}
			}
			after, err := op.Wait(ctx)
			if err != nil || after.State != cluster.StateRunning || after.ID != cl.ID {
				t.Fatalf("Wait = %+v, %v; want the cluster running", after, err)
			}
			if tt.check != nil {
				tt.check(t, after)
			}
			if len(tt.wantWrites) == 0 && (!op.Done() || op.TaskID() != "") {
				t.Errorf("an empty edit: done %t, task %q; want a completed operation", op.Done(), op.TaskID())
			}
		})
	}
}

// TestModifyTagsOnly sends a tag change alone: ModifyClusterTags with the
// whole tag set, and an operation without a task. The fake of this tree
// does not implement ModifyClusterTags, so the transport answers it here.
func TestModifyTagsOnly(t *testing.T) {
	ctx := context.Background()
	cloud := fake.New()
	var sent []wire.Tag
	inner := cloud.Transport()
	tr := ack.TransportFunc(func(ctx context.Context, req *ack.Request) (*ack.Response, error) {
		if req.Action != wire.ActionModifyClusterTags {
			return inner.RoundTrip(ctx, req)
		}
		if err := json.Unmarshal(req.Body, &sent); err != nil {
			t.Errorf("ModifyClusterTags body %s: %v", req.Body, err)
		}
		return &ack.Response{StatusCode: 200, RequestID: "tags-request"}, nil
	})
	c := cluster.NewClient(cloud.Config(ack.WithTransport(tr)))
	cl := createRunning(t, c, clientManaged("1"))

	op, err := c.Modify(ctx, cl.ID, func(s *cluster.Spec) {
		s.Tags = append(s.Tags, cluster.Tag{Key: "owner", Value: "platform"})
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []wire.Tag{{Key: "env", Value: "test"}, {Key: "owner", Value: "platform"}, {Key: cluster.ClientTokenTag, Value: cl.ClientToken}}
	if diff := cmp.Diff(want, sent); diff != "" {
		t.Errorf("ModifyClusterTags body (-want +got):\n%s", diff)
	}
	if op.TaskID() != "" || op.RequestID() != "tags-request" {
		t.Errorf("operation task %q, request %q; want no task and the tags call's request ID", op.TaskID(), op.RequestID())
	}
	if after, err := op.Wait(ctx); err != nil || after.State != cluster.StateRunning {
		t.Errorf("Wait = %+v, %v; want running", after, err)
	}
	if w := writes(cloud); slices.Contains(w, wire.ActionModifyCluster) {
		t.Errorf("a tag change sent %v; want no ModifyCluster", w)
	}
}

// TestServerRefusalReadsBack lets the fake refuse what the client, on a
// more permissive preset, let through: the answer reads back into the
// same ValidationError a client-side check gives, with the APIError and
// its request ID still reachable.
func TestServerRefusalReadsBack(t *testing.T) {
	ctx := context.Background()
	cloud := fake.New() // the product description's rules
	current := newClient(cloud, func(o *cluster.ClientOptions) {
		o.Validation = []cluster.ValidationOption{cluster.WithPreset(cluster.PresetCurrent)}
	})
	cl := createRunning(t, current, clientManaged("1"))

	noNAT := clientManaged("2")
	noNAT.SNAT = cluster.Bool(false)
	_, createErr := current.Create(ctx, noNAT)
	_, modifyErr := current.Modify(ctx, cl.ID, func(s *cluster.Spec) { s.PublicEndpoint = true })

	for _, tt := range []struct {
		name string
		err  error
		rule string
	}{
		{"create", createErr, "cluster.nat.required"},
		{"modify", modifyErr, "cluster.immutable.public_endpoint"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var ve *ack.ValidationError
			var api *ack.APIError
			var refusal *ack.RefusalError
			if !errors.As(tt.err, &ve) || !errors.As(tt.err, &api) || !errors.As(tt.err, &refusal) {
				t.Fatalf("error %v; want a RefusalError holding a ValidationError and an APIError", tt.err)
			}
			if !ve.HasRule(tt.rule) || api.RequestID == "" || !errors.Is(tt.err, ack.ErrInvalid) {
				t.Errorf("refusal %v: want rule %s, a request ID, ErrInvalid", tt.err, tt.rule)
			}
		})
	}
}

// TestModifyConflictAndMisuse checks a modify refused by the cluster's
// state and a missing edit function.
func TestModifyConflictAndMisuse(t *testing.T) {
	ctx := context.Background()
	cloud := fake.New()
	c := newClient(cloud)
	cl := createRunning(t, c, clientManaged("1"))
	if _, err := c.Modify(ctx, cl.ID, func(s *cluster.Spec) { s.Timezone = "UTC" }); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Modify(ctx, cl.ID, func(s *cluster.Spec) { s.Timezone = "Asia/Tokyo" }); !ack.IsConflict(err) {
		t.Errorf("Modify while updating = %v; want a conflict", err)
	}
	if _, err := c.Modify(ctx, cl.ID, nil); !errors.Is(err, ack.ErrInvalid) {
		t.Errorf("Modify without an edit = %v; want invalid", err)
	}
}

// TestCurrentPresetBindsEIPLater follows today's ACK end to end: with
// PresetCurrent on both sides, a running cluster gets a public API server
// endpoint (an EIP) by Modify, which the product description's preset
// refuses (see TestImmutabilityParity).
func TestCurrentPresetBindsEIPLater(t *testing.T) {
	ctx := context.Background()
	cloud := fake.New(fake.WithRules(cluster.PresetCurrent))
	c := newClient(cloud, func(o *cluster.ClientOptions) {
		o.Validation = []cluster.ValidationOption{cluster.WithPreset(cluster.PresetCurrent)}
	})
	cl := createRunning(t, c, clientManaged("1"))
	if cl.Spec.PublicEndpoint {
		t.Fatal("the cluster was created with a public endpoint")
	}
	if err := cluster.CheckChange(cl.Spec, withPublicEndpoint(cl.Spec), cluster.WithPreset(cluster.PresetProduct)); err == nil {
		t.Fatal("the product preset lets the endpoint be added; this test would prove nothing")
	}
	cloud.ClearCalls()

	op, err := c.Modify(ctx, cl.ID, func(s *cluster.Spec) { s.PublicEndpoint = true })
	if err != nil {
		t.Fatalf("Modify: %v", err)
	}
	got, err := op.Wait(ctx)
	if err != nil || got.State != cluster.StateRunning || !got.Spec.PublicEndpoint {
		t.Fatalf("Modify.Wait = %+v, %v; want running with a public endpoint", got, err)
	}
	if diff := cmp.Diff([]string{wire.ActionModifyCluster}, writes(cloud)); diff != "" {
		t.Errorf("writes (-want +got):\n%s", diff)
	}
	var body map[string]any
	for _, call := range cloud.Calls() {
		if call.Action == wire.ActionModifyCluster {
			if err := json.Unmarshal(call.Body, &body); err != nil {
				t.Fatal(err)
			}
		}
	}
	if diff := cmp.Diff(map[string]any{"api_server_eip": true}, body); diff != "" {
		t.Errorf("ModifyCluster body (-want +got):\n%s", diff)
	}
}

// withPublicEndpoint returns a copy of s with the public endpoint on.
func withPublicEndpoint(s cluster.Spec) cluster.Spec {
	c := s.Clone()
	c.PublicEndpoint = true
	return c
}
