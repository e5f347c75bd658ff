package fake_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/envelope"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/quota"
)

// inVPC moves a create request to a VPC and vSwitch of its own, so that
// several clusters never overlap.
func inVPC(req *wire.CreateClusterRequest, n string) *wire.CreateClusterRequest {
	req.VPCID, req.VSwitchIDs = "vpc-q"+n, []string{"vsw-q" + n}
	if len(req.MasterVSwitchIDs) > 0 {
		req.MasterVSwitchIDs = []string{"vsw-q" + n, "vsw-q" + n, "vsw-q" + n}
	}
	return req
}

// TestQuotaRefusalsChangeNothing makes one call break each limit and each
// account prerequisite: the call is refused with the limit's code and a
// message naming the limit, and the fake holds exactly what it held before.
func TestQuotaRefusalsChangeNothing(t *testing.T) {
	type setup struct {
		limits  func(*quota.Limits)
		account *quota.Account
		// prepare builds the world and returns the refused call, which
		// answers its error code and message.
		prepare func(t *testing.T, c *fake.Cloud) func() (code, message string)
	}
	send := func(t *testing.T, c *fake.Cloud, action string, params []string, body any) func() (string, string) {
		return func() (string, string) {
			resp := call(t, c, action, params, nil, body)
			if resp.StatusCode == http.StatusOK {
				return "", ""
			}
			if resp.StatusCode != http.StatusBadRequest {
				t.Errorf("HTTP %d, want 400", resp.StatusCode)
			}
			e := errorBody(t, resp)
			return e.Code, e.Message
		}
	}
	withPool := func(t *testing.T, c *fake.Cloud, nodes int64) (string, string) {
		id := runningCluster(t, c, managedRequest("base"))
		poolID, _ := createPool(t, c, id, poolBody("base", nodes))
		return id, poolID
	}
	poor := quota.Account{RealNameVerified: true, Balance: yuan(99)}
	unverified := quota.Account{Balance: yuan(1000)}
	tests := []struct {
		name  string
		limit quota.LimitID
		setup setup
	}{
		{"11th dedicated or managed cluster", quota.LimitClusters, setup{
			limits: func(l *quota.Limits) { l.Clusters.Max = 2 },
			prepare: func(t *testing.T, c *fake.Cloud) func() (string, string) {
				runningCluster(t, c, inVPC(managedRequest("a"), "a"))
				runningCluster(t, c, inVPC(dedicatedRequest("b"), "b"))
				return send(t, c, wire.ActionCreateCluster, nil, inVPC(dedicatedRequest("c"), "c"))
			}}},
		{"managed clusters", quota.LimitManagedClusters, setup{
			limits: func(l *quota.Limits) { l.ManagedClusters.Max = 1 },
			prepare: func(t *testing.T, c *fake.Cloud) func() (string, string) {
				runningCluster(t, c, inVPC(managedRequest("a"), "a"))
				return send(t, c, wire.ActionCreateCluster, nil, inVPC(managedRequest("b"), "b"))
			}}},
		{"3rd serverless cluster", quota.LimitServerlessClusters, setup{
			prepare: func(t *testing.T, c *fake.Cloud) func() (string, string) {
				runningCluster(t, c, inVPC(serverlessRequest("a"), "a"))
				runningCluster(t, c, inVPC(serverlessRequest("b"), "b"))
				return send(t, c, wire.ActionCreateCluster, nil, inVPC(serverlessRequest("c"), "c"))
			}}},
		{"masters and initial pool nodes", quota.LimitNodes, setup{
			limits: func(l *quota.Limits) { l.NodesPerCluster.Max = 4 },
			prepare: func(t *testing.T, c *fake.Cloud) func() (string, string) {
				req := dedicatedRequest("big")
				req.Nodepools = []wire.Nodepool{*poolBody("w", 2)}
				req.Nodepools[0].ScalingGroup.VSwitchIDs = []string{"vsw-d1"}
				return send(t, c, wire.ActionCreateCluster, nil, req)
			}}},
		{"a pool's initial nodes", quota.LimitNodes, setup{
			limits: func(l *quota.Limits) { l.NodesPerCluster.Max = 5 },
			prepare: func(t *testing.T, c *fake.Cloud) func() (string, string) {
				id, _ := withPool(t, c, 3)
				return send(t, c, wire.ActionCreateClusterNodePool, []string{id}, poolBody("more", 3))
			}}},
		{"scaling a pool", quota.LimitNodes, setup{
			prepare: func(t *testing.T, c *fake.Cloud) func() (string, string) {
				id, poolID := withPool(t, c, 38)
				return send(t, c, wire.ActionScaleClusterNodePool, []string{id, poolID}, wire.ScaleNodePoolRequest{Count: 3})
			}}},
		{"a pool's desired size", quota.LimitNodes, setup{
			prepare: func(t *testing.T, c *fake.Cloud) func() (string, string) {
				id, poolID := withPool(t, c, 38)
				return send(t, c, wire.ActionModifyClusterNodePool, []string{id, poolID},
					wire.ModifyNodePoolRequest{ScalingGroup: &wire.ScalingGroup{DesiredSize: wire.Int(41)}})
			}}},
		{"scaling out legacy workers", quota.LimitNodes, setup{
			prepare: func(t *testing.T, c *fake.Cloud) func() (string, string) {
				id := runningCluster(t, c, dedicatedRequest("legacy"))
				return send(t, c, wire.ActionScaleOutCluster, []string{id}, wire.ScaleOutClusterRequest{
					Count: 38, VSwitchIDs: []string{"vsw-d1"}, WorkerInstanceTypes: []string{"ecs.g7.large"}, KeyPair: "ops"})
			}}},
		{"node pools", quota.LimitNodePools, setup{
			limits: func(l *quota.Limits) { l.NodePoolsPerCluster.Max = 1 },
			prepare: func(t *testing.T, c *fake.Cloud) func() (string, string) {
				id, _ := withPool(t, c, 1)
				return send(t, c, wire.ActionCreateClusterNodePool, []string{id}, poolBody("second", 0))
			}}},
		{"pods per node", quota.LimitPodsPerNode, setup{
			limits: func(l *quota.Limits) { l.PodsPerNode.Max = 64 },
			prepare: func(t *testing.T, c *fake.Cloud) func() (string, string) {
				id := runningCluster(t, c, managedRequest("pods"))
				b := poolBody("dense", 1)
				b.NodeConfig = &wire.NodeConfig{KubeletConfiguration: &wire.KubeletConfig{MaxPods: 128}}
				return send(t, c, wire.ActionCreateClusterNodePool, []string{id}, b)
			}}},
		{"container instances", quota.LimitContainerInstances, setup{
			prepare: func(t *testing.T, c *fake.Cloud) func() (string, string) {
				id := runningCluster(t, c, serverlessRequest("eci"))
				if err := c.RunContainerInstances(id, 250); err != nil {
					t.Fatal(err)
				}
				return hookCode(func() error { return c.RunContainerInstances(id, 51) })
			}}},
		{"real-name verification", quota.LimitRealName, setup{
			account: &unverified,
			prepare: func(t *testing.T, c *fake.Cloud) func() (string, string) {
				return send(t, c, wire.ActionCreateCluster, nil, managedRequest("anon"))
			}}},
		{"funds for a cluster", quota.LimitPayAsYouGoFunds, setup{
			account: &poor,
			prepare: func(t *testing.T, c *fake.Cloud) func() (string, string) {
				return send(t, c, wire.ActionCreateCluster, nil, serverlessRequest("poor"))
			}}},
		{"funds for container instances", quota.LimitPayAsYouGoFunds, setup{
			prepare: func(t *testing.T, c *fake.Cloud) func() (string, string) {
				id := runningCluster(t, c, serverlessRequest("eci"))
				c.SetAccount(poor)
				return hookCode(func() error { return c.RunContainerInstances(id, 1) })
			}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := quota.ProductDefaults()
			if tt.setup.limits != nil {
				tt.setup.limits(&l)
			}
			opts := []fake.Option{fake.WithLimits(l), fake.WithProgressions(fake.Immediately())}
			if tt.setup.account != nil {
				opts = append(opts, fake.WithAccount(*tt.setup.account))
			}
			c := fake.New(opts...)
			refused := tt.setup.prepare(t, c)
			before := counts(c)
			code, message := refused()
			if code != tt.limit.Code() {
				t.Fatalf("answered %q (%s), want %s", code, message, tt.limit.Code())
			}
			if !strings.Contains(message, "["+string(tt.limit)+"]") || !strings.Contains(message, tt.limit.Title()) {
				t.Errorf("message %q does not name the limit %s", message, tt.limit)
			}
			if diff := cmp.Diff(before, counts(c)); diff != "" {
				t.Errorf("a refused call changed the fake (-before +after):\n%s", diff)
			}
		})
	}
}

// hookCode runs a test hook and returns the code and message of the
// *fake.Error it failed with.
func hookCode(run func() error) func() (string, string) {
	return func() (string, string) {
		var e *fake.Error
		if err := run(); !errors.As(err, &e) {
			return "", ""
		}
		return e.Code, e.Message
	}
}

// TestQuotaMessageNamesUsageAndNeed checks the whole message of a node
// quota refusal: the limit, what is used, what is needed, the limit's
// value, as quota.Check's violation says it.
func TestQuotaMessageNamesUsageAndNeed(t *testing.T) {
	c := fake.New(fake.WithProgressions(fake.Immediately()))
	id := runningCluster(t, c, managedRequest("msg"))
	poolID, _ := createPool(t, c, id, poolBody("web", 39))
	a := scalePool(t, c, id, poolID, 2)
	want := quota.Violations{{ID: quota.LimitNodes, Code: quota.CodeNodeQuota, Scope: "cluster " + id, Used: 39, Need: 2, Limit: 40, Adjustable: true}}.Err().Error()
	e, _ := envelope.DecodeError(a.body)
	if a.status != http.StatusBadRequest || e.Code != quota.CodeNodeQuota || e.Message != want {
		t.Fatalf("HTTP %d %s %q\nwant 400 %s %q", a.status, e.Code, e.Message, quota.CodeNodeQuota, want)
	}
	var api *ack.APIError
	_, err := nodepool.NewClient(c.Config()).Scale(context.Background(), id, poolID, 45)
	if !errors.As(err, &api) || !ack.IsQuotaExceeded(err) || api.Code != quota.CodeNodeQuota {
		t.Fatalf("client: %v, want a quota error %s", err, quota.CodeNodeQuota)
	}
}

// TestLostScaleAppliesOnce loses the answer of a ScaleClusterNodePool
// that the fake applied: the pool grows once, by the count, and a client
// that reconciles before sending again does not add the nodes twice.
func TestLostScaleAppliesOnce(t *testing.T) {
	c := fake.New(fake.WithProgressions(fake.Immediately()))
	id := runningCluster(t, c, managedRequest("lost"))
	poolID, _ := createPool(t, c, id, poolBody("web", 2))

	c.PrependReactor(wire.ActionScaleClusterNodePool, fake.Once(fake.LoseResponse()))
	req := wire.NewRequest(wire.ActionScaleClusterNodePool, id, poolID)
	req.Body = []byte(`{"count":3}`)
	if _, err := c.Transport().RoundTrip(context.Background(), req); err == nil {
		t.Fatal("the answer was not lost")
	}
	d := poolDetail(t, c, id, poolID)
	if got := [2]int64{wire.IntValue(d.ScalingGroup.DesiredSize, 0), d.Status.TotalNodes}; got != [2]int64{5, 5} {
		t.Fatalf("after a lost scale by 3: desired %d, nodes %d; want 5 and 5", got[0], got[1])
	}

	c.ClearCalls()
	c.PrependReactor(wire.ActionScaleClusterNodePool, fake.Once(fake.LoseResponse()))
	op, err := nodepool.NewClient(c.Config()).Scale(context.Background(), id, poolID, 9)
	if err != nil {
		t.Fatalf("Scale: %v", err)
	}
	if _, err := op.Wait(context.Background()); err != nil {
		t.Fatalf("Wait: %v", err)
	}
	var scales []fake.Call
	for _, call := range c.Calls() {
		if call.Action == wire.ActionScaleClusterNodePool {
			scales = append(scales, call)
		}
	}
	if len(scales) != 1 || !scales[0].Lost {
		t.Errorf("ScaleClusterNodePool calls %v, want one, lost", scales)
	}
	if p, _ := c.NodePool(id, poolID); p.Nodes != 9 || p.Spec.DesiredSize != 9 {
		t.Errorf("pool has %d nodes, desired %d; want 9", p.Nodes, p.Spec.DesiredSize)
	}
}

// TestPreflightAgreesWithTheFake asks quota's client, which reads the
// limits and the usage through the API, whether adding nodes or a node
// pool fits, and then makes the call: the client's answer and the fake's
// match, since both run quota.Check.
func TestPreflightAgreesWithTheFake(t *testing.T) {
	l := quota.ProductDefaults()
	l.NodePoolsPerCluster.Max = 2
	c := fake.New(fake.WithLimits(l), fake.WithProgressions(fake.Immediately()))
	id := runningCluster(t, c, dedicatedRequest("preflight"))
	b := poolBody("web", 30)
	b.ScalingGroup.VSwitchIDs = []string{"vsw-d1"}
	poolID, _ := createPool(t, c, id, b)
	client := quota.NewClient(c.Config())
	tests := []struct {
		name string
		plan quota.ClusterChange
		call func() *wireAnswer
	}{
		{"7 nodes fit", quota.ClusterChange{AddNodes: 7}, func() *wireAnswer { return scalePool(t, c, id, poolID, 7) }},
		{"1 more does not", quota.ClusterChange{AddNodes: 1}, func() *wireAnswer { return scalePool(t, c, id, poolID, 1) }},
		{"an empty pool fits", quota.ClusterChange{AddNodePools: 1}, func() *wireAnswer {
			b := poolBody("empty", 0)
			b.ScalingGroup.VSwitchIDs = []string{"vsw-d1"}
			resp := call(t, c, wire.ActionCreateClusterNodePool, []string{id}, nil, b)
			return &wireAnswer{status: resp.StatusCode, body: resp.Body}
		}},
		{"a third pool does not", quota.ClusterChange{AddNodePools: 1}, func() *wireAnswer {
			b := poolBody("third", 0)
			b.ScalingGroup.VSwitchIDs = []string{"vsw-d1"}
			resp := call(t, c, wire.ActionCreateClusterNodePool, []string{id}, nil, b)
			return &wireAnswer{status: resp.StatusCode, body: resp.Body}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.plan.ClusterID = id
			err := client.Preflight(context.Background(), quota.Plan{Change: []quota.ClusterChange{tt.plan}})
			var ex *quota.ExceededError
			if err != nil && !errors.As(err, &ex) {
				t.Fatalf("Preflight: %v", err)
			}
			want := ""
			if ex != nil {
				want = ex.Code()
			}
			if got := tt.call().code(); got != want {
				t.Fatalf("the fake answered %q, Preflight expected %q", got, want)
			}
		})
	}
}
