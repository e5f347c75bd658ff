package cluster_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/vclock"
	"github.com/ackgo/ack/internal/wire"
)

// scaleStub answers the calls of a scale-out with exactly the answers a
// case needs (the fake simulates ScaleOutCluster too; the stub records the
// bodies and controls the lost answer): one dedicated cluster whose size
// grows by the count a scale-out asks for, and whose task succeeds when
// read. lose makes the first ScaleOutCluster apply and then lose its
// answer.
type scaleStub struct {
	mu      sync.Mutex
	size    int
	state   string
	lose    bool
	bodies  []wire.ScaleOutClusterRequest
	actions []string
}

func (s *scaleStub) RoundTrip(_ context.Context, req *ack.Request) (*ack.Response, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.actions = append(s.actions, req.Action)
	answer := func(v any) (*ack.Response, error) {
		b, err := json.Marshal(v)
		return &ack.Response{StatusCode: http.StatusOK, Body: b, RequestID: fmt.Sprintf("r-%d", len(s.actions))}, err
	}
	switch req.Action {
	case wire.ActionDescribeClusterDetail:
		return answer(wire.ClusterDetail{ClusterID: "c-1", Name: "legacy", ClusterType: "Kubernetes", State: s.state, Size: int64(s.size)})
	case wire.ActionScaleOutCluster:
		var body wire.ScaleOutClusterRequest
		if err := json.Unmarshal(req.Body, &body); err != nil {
			return nil, err
		}
		s.bodies = append(s.bodies, body)
		s.size += int(body.Count)
		s.state = "scaling"
		if s.lose {
			s.lose = false
			return nil, fmt.Errorf("connection closed before the answer: %w", io.ErrUnexpectedEOF)
		}
		return answer(wire.ScaleOutClusterResponse{ClusterID: "c-1", TaskID: "T-scale"})
	case wire.ActionDescribeTaskInfo:
		s.state = "running"
		return answer(wire.TaskInfo{TaskID: "T-scale", ClusterID: "c-1", State: "success"})
	}
	return &ack.Response{StatusCode: http.StatusNotImplemented, Body: []byte(`{"code":"NotImplemented","message":"stub"}`)}, nil
}

// scaleCase is one case of TestScaleOut.
type scaleCase struct {
	name        string
	spec        cluster.ScaleOutSpec
	lose        bool     // the first ScaleOutCluster's answer is lost
	wantRules   []string // when refused before any call
	wantTask    string
	wantActions []string
}

// TestScaleOut adds workers, also when the answer is lost, and refuses a
// spec that breaks its rules before any call.
func TestScaleOut(t *testing.T) {
	good := cluster.ScaleOutSpec{
		Count: 2, InstanceTypes: []string{"ecs.g7.large"}, VSwitchIDs: []string{"vsw-1"},
		Login: cluster.Login{KeyPair: "ops"}, Tags: []cluster.Tag{{Key: "role", Value: "worker"}},
	}
	tests := []scaleCase{
		{name: "answered", spec: good, wantTask: "T-scale", wantActions: []string{
			"DescribeClusterDetail", "ScaleOutCluster", "DescribeTaskInfo", "DescribeClusterDetail"}},
		{name: "answer lost after it applied", spec: good, lose: true, wantActions: []string{
			"DescribeClusterDetail", "ScaleOutCluster", "DescribeClusterDetail", "DescribeClusterDetail"}},
		{name: "empty", spec: cluster.ScaleOutSpec{}, wantRules: []string{
			"cluster.scale_out.count", "cluster.scale_out.instance_types", "cluster.scale_out.vswitches", "cluster.login.required"}},
		{name: "malformed vSwitch", spec: func() cluster.ScaleOutSpec {
			s := good
			s.VSwitchIDs = []string{"vsw-1", "vsw-bad_id"}
			return s
		}(), wantRules: []string{"cluster.network.vswitch_id"}},
		{name: "weak password", spec: func() cluster.ScaleOutSpec {
			s := good
			s.Login = cluster.Login{Password: ack.NewSecret("weak")}
			return s
		}(), wantRules: []string{"cluster.login.password"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			stub := &scaleStub{size: 3, state: "running", lose: tt.lose}
			c := cluster.NewClient(ack.NewConfig(ack.WithTransport(stub), ack.WithClock(vclock.NewAuto())))
			op, err := c.ScaleOut(ctx, "c-1", tt.spec)
			if tt.wantRules != nil {
				if diff := cmp.Diff(tt.wantRules, ruleIDs(err)); diff != "" {
					t.Errorf("rules broken (-want +got):\n%s", diff)
				}
				if len(stub.actions) != 0 {
					t.Errorf("a refused scale-out made calls %v", stub.actions)
				}
				return
			}
			if err != nil {
				t.Fatalf("ScaleOut: %v", err)
			}
			if op.TaskID() != tt.wantTask || op.Kind() != cluster.KindScaleOut {
				t.Errorf("operation task %q kind %s; want %q %s", op.TaskID(), op.Kind(), tt.wantTask, cluster.KindScaleOut)
			}
			if tt.lose {
				stub.mu.Lock()
				stub.state = "running" // the scale-out completes
				stub.mu.Unlock()
			}
			if cl, err := op.Wait(ctx); err != nil || cl.State != cluster.StateRunning || cl.Size != 5 {
				t.Fatalf("Wait = %+v, %v; want running with 5 nodes", cl, err)
			}
			if diff := cmp.Diff(tt.wantActions, stub.actions); diff != "" {
				t.Errorf("calls (-want +got):\n%s", diff)
			}
			want := wire.ScaleOutClusterRequest{Count: 2, VSwitchIDs: []string{"vsw-1"}, WorkerInstanceTypes: []string{"ecs.g7.large"},
				KeyPair: "ops", Tags: []wire.Tag{{Key: "role", Value: "worker"}}}
			if len(stub.bodies) != 1 || !cmp.Equal(want, stub.bodies[0]) {
				t.Errorf("ScaleOutCluster bodies %+v; want exactly one: %+v", stub.bodies, want)
			}
		})
	}
	for _, r := range cluster.ScaleOutRules() {
		if !slices.ContainsFunc(tests, func(tt scaleCase) bool { return slices.Contains(tt.wantRules, r.ID) }) {
			t.Errorf("no case breaks scale-out rule %s", r.ID)
		}
	}
}

// TestValidateScaleOutRequest judges ScaleOutCluster bodies: the scale-out
// rules, then the rules on the workers, the form rule only when the form
// is known.
func TestValidateScaleOutRequest(t *testing.T) {
	good := wire.ScaleOutClusterRequest{Count: 2, WorkerInstanceTypes: []string{"ecs.g7.large"}, VSwitchIDs: []string{"vsw-1"}, KeyPair: "ops"}
	with := func(change func(*wire.ScaleOutClusterRequest)) wire.ScaleOutClusterRequest {
		b := good
		change(&b)
		return b
	}
	type broken struct{ Rule, Field string }
	tests := []struct {
		name string
		body wire.ScaleOutClusterRequest
		form cluster.Form
		want []broken
	}{
		{name: "valid", body: good, form: cluster.Dedicated},
		{name: "valid, form not known", body: good},
		{name: "a password instead of a key pair", body: with(func(b *wire.ScaleOutClusterRequest) { b.KeyPair, b.LoginPassword = "", "Hello1234!" })},
		{name: "empty but for the login", body: wire.ScaleOutClusterRequest{KeyPair: "ops"}, form: cluster.Dedicated, want: []broken{
			{"cluster.scale_out.count", "count"}, {"cluster.scale_out.instance_types", "instance_types"}, {"cluster.scale_out.vswitches", "vswitch_ids"}}},
		{name: "empty", body: wire.ScaleOutClusterRequest{}, want: []broken{
			{"cluster.scale_out.count", "count"}, {"cluster.scale_out.instance_types", "instance_types"},
			{"cluster.scale_out.vswitches", "vswitch_ids"}, {"cluster.login.required", "login"}}},
		{name: "a malformed vSwitch", body: with(func(b *wire.ScaleOutClusterRequest) { b.VSwitchIDs = []string{"vsw-1", "switch-2"} }),
			want: []broken{{"cluster.network.vswitch_id", "workers.vswitches[1]"}}},
		{name: "a negative count", body: with(func(b *wire.ScaleOutClusterRequest) { b.Count = -1 }), want: []broken{{"cluster.scale_out.count", "count"}}},
		{name: "no login", body: with(func(b *wire.ScaleOutClusterRequest) { b.KeyPair = "" }), want: []broken{{"cluster.login.required", "login"}}},
		{name: "both logins", body: with(func(b *wire.ScaleOutClusterRequest) { b.LoginPassword = "Hello1234!" }), want: []broken{{"cluster.login.required", "login"}}},
		{name: "a weak password", body: with(func(b *wire.ScaleOutClusterRequest) { b.KeyPair, b.LoginPassword = "", "weak" }),
			want: []broken{{"cluster.login.password", "login.password"}}},
		{name: "a serverless cluster", body: good, form: cluster.Serverless, want: []broken{{"cluster.workers.not_serverless", "workers"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := clusterWire.ValidateScaleOut(&tt.body, "c-1", tt.form)
			var got []broken
			var ve *ack.ValidationError
			if errors.As(err, &ve) {
				if ve.Resource != "cluster c-1 scale-out" {
					t.Errorf("resource %q, want %q", ve.Resource, "cluster c-1 scale-out")
				}
				for _, v := range ve.Violations {
					got = append(got, broken{v.Rule, v.Field})
				}
			} else if err != nil {
				t.Fatalf("ValidateScaleOutRequest: %v, want a *ack.ValidationError or nil", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("violations (-want +got):\n%s", diff)
			}
		})
	}
}

// TestScaleOutRefusalsMatchTheFake checks that ScaleOut and the fake run
// the same checks: a spec ScaleOut refuses before any call is refused by
// the fake, sent as a raw body, with the very same text.
func TestScaleOutRefusalsMatchTheFake(t *testing.T) {
	ctx := context.Background()
	cloud := fake.New()
	c := newClient(cloud)
	id := createRunning(t, c, clientDedicated("1")).ID
	specs := map[string]cluster.ScaleOutSpec{
		"empty":         {},
		"no vSwitch":    {Count: 1, InstanceTypes: []string{"ecs.g7.large"}, Login: cluster.Login{KeyPair: "ops"}},
		"weak password": {Count: 1, InstanceTypes: []string{"ecs.g7.large"}, VSwitchIDs: []string{"vsw-d1"}, Login: cluster.Login{Password: ack.NewSecret("weak")}},
	}
	for name, spec := range specs {
		t.Run(name, func(t *testing.T) {
			cloud.ClearCalls()
			_, clientErr := c.ScaleOut(ctx, id, spec)
			if clientErr == nil || len(cloud.Calls()) != 0 {
				t.Fatalf("ScaleOut = %v after %d calls; want a refusal before any call", clientErr, len(cloud.Calls()))
			}
			body, err := json.Marshal(wire.ScaleOutClusterRequest{
				Count: int64(spec.Count), WorkerInstanceTypes: spec.InstanceTypes, VSwitchIDs: spec.VSwitchIDs,
				KeyPair: spec.Login.KeyPair, LoginPassword: spec.Login.Password.Reveal(),
			})
			if err != nil {
				t.Fatal(err)
			}
			req := wire.NewRequest(wire.ActionScaleOutCluster, id)
			req.Body = body
			_, fakeErr := cloud.Config().Do(ctx, req)
			var api *ack.APIError
			if !errors.As(fakeErr, &api) || api.Code != fake.InvalidParameter {
				t.Fatalf("the fake answered %v; want InvalidParameter", fakeErr)
			}
			if diff := cmp.Diff(clientErr.Error(), api.Message); diff != "" {
				t.Errorf("refusals differ (-client +fake):\n%s", diff)
			}
		})
	}
}
