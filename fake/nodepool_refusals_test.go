package fake_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/nodepool"
)

// TestNodePoolRefusals refuses node pool calls that ACK refuses, each with
// its code, and checks that none changed the fake.
func TestNodePoolRefusals(t *testing.T) {
	c := fake.New(fake.WithClock(fake.Manual))
	running := runningCluster(t, c, managedRequest("np-ref"))
	serverless := runningCluster(t, c, inVPC(serverlessRequest("np-sls"), "sls"))
	fixed, _ := createPool(t, c, running, poolBody("fixed", 2))
	auto, _ := createPool(t, c, running, autoscaledBody("auto", 1, 3))
	prePaid := validPoolSpec()
	prePaid.Name, prePaid.VSwitchIDs = "prepaid", []string{"vsw-managed1"}
	prepaidID, _ := createPool(t, c, running, poolWire.CreateRequest(prePaid))
	c.Advance(4 * time.Minute)
	otherVSwitch := inVPC(managedRequest("np-other"), "other")
	runningCluster(t, c, otherVSwitch)
	creating := decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, inVPC(managedRequest("np-init"), "init"))).ClusterID
	fixedNode := listNodes(t, c, running, url.Values{"nodepool_id": {fixed}}).Nodes[0]
	prepaidNode := listNodes(t, c, running, url.Values{"nodepool_id": {prepaidID}}).Nodes[0]

	wrongVPC := poolBody("wrong-vpc", 1)
	wrongVPC.ScalingGroup.VSwitchIDs = otherVSwitch.VSwitchIDs
	remove := func(ids ...string) url.Values {
		return wire.RemoveNodePoolNodesRequest{InstanceIDs: ids, ReleaseNode: wire.Bool(true)}.Query()
	}
	tests := []struct {
		name   string
		action string
		params []string
		query  url.Values
		body   any
		status int
		code   string
		text   string // in the message
	}{
		{"unknown cluster", wire.ActionCreateClusterNodePool, []string{"cnone"}, nil, poolBody("x", 1), 404, fake.ErrorClusterNotFound, "cnone"},
		{"unknown pool", wire.ActionDescribeClusterNodePoolDetail, []string{running, "npnone"}, nil, nil, 404, fake.ErrorNodePoolNotFound, "npnone"},
		{"pool of another cluster", wire.ActionScaleClusterNodePool, []string{serverless, fixed}, nil, wire.ScaleNodePoolRequest{Count: 1}, 404, fake.ErrorNodePoolNotFound, fixed},
		{"cluster not running", wire.ActionCreateClusterNodePool, []string{creating}, nil, poolBody("x", 1), 400, fake.ErrorClusterState, "initial"},
		{"serverless cluster", wire.ActionCreateClusterNodePool, []string{serverless}, nil, poolBody("x", 1), 400, fake.InvalidParameter, "serverless"},
		{"vSwitch of another VPC", wire.ActionCreateClusterNodePool, []string{running}, nil, wrongVPC, 400, fake.InvalidParameter, fake.RuleVSwitchVPC},
		{"not JSON", wire.ActionCreateClusterNodePool, []string{running}, nil, "{", 400, fake.InvalidParameterFormat, ""},
		{"scale by 0", wire.ActionScaleClusterNodePool, []string{running, fixed}, nil, wire.ScaleNodePoolRequest{}, 400, fake.InvalidParameter, "1 to 500"},
		{"scale by 501", wire.ActionScaleClusterNodePool, []string{running, fixed}, nil, wire.ScaleNodePoolRequest{Count: 501}, 400, fake.InvalidParameter, "1 to 500"},
		{"scale an autoscaled pool", wire.ActionScaleClusterNodePool, []string{running, auto}, nil, wire.ScaleNodePoolRequest{Count: 1}, 400, fake.InvalidParameter, "auto scaling"},
		{"remove nothing", wire.ActionRemoveNodePoolNodes, []string{running, fixed}, url.Values{}, nil, 400, fake.InvalidParameter, "name the nodes"},
		{"remove a node of another pool", wire.ActionRemoveNodePoolNodes, []string{running, auto}, remove(fixedNode.InstanceID), nil, 400, fake.InvalidParameter, fixedNode.InstanceID},
		{"release PrePaid nodes", wire.ActionRemoveNodePoolNodes, []string{running, prepaidID}, remove(prepaidNode.InstanceID), nil, 400, fake.InvalidParameter, "PrePaid"},
		{"malformed instance_ids", wire.ActionRemoveNodePoolNodes, []string{running, fixed}, url.Values{"instance_ids": {"[1,"}}, nil, 400, fake.InvalidParameterFormat, ""},
		{"delete with nodes", wire.ActionDeleteClusterNodepool, []string{running, fixed}, nil, nil, 400, fake.ErrorNodePoolState, "force"},
		{"edge pool", wire.ActionCreateClusterNodePool, []string{running}, nil, func() *wire.Nodepool {
			b := poolBody("edge", 1)
			b.NodepoolInfo.Type = "edge"
			return b
		}(), 400, fake.InvalidParameter, "[nodepool.type.supported]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := counts(c)
			var body any = tt.body
			req := wire.NewRequest(tt.action, tt.params...)
			req.Query = tt.query
			if s, ok := tt.body.(string); ok {
				req.Body, body = []byte(s), nil
			}
			if body != nil {
				req.Body = []byte(mustJSONf(body))
			}
			resp, err := c.Transport().RoundTrip(t.Context(), req)
			if err != nil {
				t.Fatal(err)
			}
			e := errorBody(t, resp)
			if resp.StatusCode != tt.status || e.Code != tt.code || !strings.Contains(e.Message, tt.text) {
				t.Fatalf("HTTP %d %s %q; want %d %s with %q", resp.StatusCode, e.Code, e.Message, tt.status, tt.code, tt.text)
			}
			if diff := cmp.Diff(before, counts(c)); diff != "" {
				t.Errorf("a refused call changed the fake (-before +after):\n%s", diff)
			}
		})
	}
}

// TestNodePoolCallsNeedARunningCluster: while the cluster is being
// modified, every pool write answers ErrorClusterState; reads go on.
func TestNodePoolCallsNeedARunningCluster(t *testing.T) {
	c := fake.New(fake.WithClock(fake.Manual))
	id := runningCluster(t, c, managedRequest("np-busy"))
	poolID, _ := createPool(t, c, id, poolBody("web", 1))
	c.Advance(4 * time.Minute)
	node := listNodes(t, c, id, nil).Nodes[0].InstanceID
	if resp := call(t, c, wire.ActionModifyCluster, []string{id}, nil, map[string]any{"deletion_protection": true}); resp.StatusCode != http.StatusOK {
		t.Fatalf("modify cluster: %s", resp.Body)
	}
	tests := []struct {
		action string
		params []string
		query  url.Values
		body   any
	}{
		{wire.ActionCreateClusterNodePool, []string{id}, nil, poolBody("more", 1)},
		{wire.ActionScaleClusterNodePool, []string{id, poolID}, nil, wire.ScaleNodePoolRequest{Count: 1}},
		{wire.ActionModifyClusterNodePool, []string{id, poolID}, nil, wire.ModifyNodePoolRequest{NodepoolInfo: &wire.NodepoolInfo{Name: "renamed"}}},
		{wire.ActionRemoveNodePoolNodes, []string{id, poolID}, wire.RemoveNodePoolNodesRequest{InstanceIDs: []string{node}}.Query(), nil},
		{wire.ActionDeleteClusterNodepool, []string{id, poolID}, wire.DeleteNodePoolQuery{Force: true}.Query(), nil},
	}
	for _, tt := range tests {
		t.Run(tt.action, func(t *testing.T) {
			resp := call(t, c, tt.action, tt.params, tt.query, tt.body)
			if e := errorBody(t, resp); resp.StatusCode != http.StatusBadRequest || e.Code != fake.ErrorClusterState || !strings.Contains(e.Message, "updating") {
				t.Fatalf("HTTP %d %+v, want 400 ErrorClusterState", resp.StatusCode, e)
			}
		})
	}
	if d := poolDetail(t, c, id, poolID); d.Status.State != string(nodepool.StateActive) || d.NodepoolInfo.Name != "web" {
		t.Fatalf("pool %s %s", d.NodepoolInfo.Name, d.Status.State)
	}
}

// TestFailNodePool makes a scale fail: the task fails with the injected
// error, the nodes it added fail, the desired size goes back and the pool
// is active again.
func TestFailNodePool(t *testing.T) {
	c := fake.New(fake.WithClock(fake.Manual))
	id := runningCluster(t, c, managedRequest("np-fail"))
	poolID, _ := createPool(t, c, id, poolBody("web", 1))
	c.Advance(4 * time.Minute)
	if err := c.FailNodePool(id, poolID, "NoStock", "the zone has no ecs.g7.xlarge left"); err != nil {
		t.Fatal(err)
	}
	a := scalePool(t, c, id, poolID, 2)
	if a.code() != "" {
		t.Fatalf("scale: %s", a.body)
	}
	taskID := decode[wire.ScaleNodePoolResponse](t, &ack.Response{Body: a.body}).TaskID
	c.Advance(3 * time.Minute)
	task, _ := c.Task(taskID)
	if task.State != "failed" || task.Error == nil || task.Error.Code != "NoStock" || task.PoolID != poolID {
		t.Fatalf("task %+v", task)
	}
	d := poolDetail(t, c, id, poolID)
	got := []int64{wire.IntValue(d.ScalingGroup.DesiredSize, -1), d.Status.TotalNodes, d.Status.FailedNodes, d.Status.ServingNodes}
	if diff := cmp.Diff([]int64{1, 3, 2, 1}, got); d.Status.State != "active" || diff != "" {
		t.Fatalf("pool %s; desired, total, failed, serving (-want +got):\n%s", d.Status.State, diff)
	}
	if err := c.FailNodePool(id, "npnone", "", ""); err == nil {
		t.Error("FailNodePool accepted an unknown pool")
	}
}

// TestContainerInstances runs container instances on a serverless cluster
// up to its limit, and refuses them on other clusters.
func TestContainerInstances(t *testing.T) {
	c := fake.New(fake.WithProgressions(fake.Immediately()))
	sls := runningCluster(t, c, serverlessRequest("eci"))
	managed := runningCluster(t, c, managedRequest("ecs"))
	tests := []struct {
		name    string
		cluster string
		run     int
		code    string
		want    int
	}{
		{"start 300", sls, 300, "", 300},
		{"one past the limit", sls, 1, "QuotaExceeded.ContainerInstance", 300},
		{"on a managed cluster", managed, 1, fake.InvalidParameter, 0},
		{"unknown cluster", "cnone", 1, fake.ErrorClusterNotFound, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _ := hookCode(func() error { return c.RunContainerInstances(tt.cluster, tt.run) })()
			if code != tt.code {
				t.Fatalf("code %q, want %q", code, tt.code)
			}
			if cl, _ := c.Cluster(tt.cluster); cl.ContainerInstances != tt.want {
				t.Fatalf("%d container instances, want %d", cl.ContainerInstances, tt.want)
			}
		})
	}
	if err := c.StopContainerInstances(sls, 100); err != nil {
		t.Fatal(err)
	}
	if err := c.RunContainerInstances(sls, 100); err != nil {
		t.Fatalf("after stopping 100: %v", err)
	}
}
