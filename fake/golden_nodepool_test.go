package fake_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
)

// TestNodePoolWireShapes records the node pool answers of a scripted
// session in golden files: a pool created and scaled on a vSwitch of known
// CIDR, its detail, the pool list, its nodes, its task, and a quota
// refusal.
func TestNodePoolWireShapes(t *testing.T) {
	c := fake.New(
		fake.WithClock(fake.Manual),
		fake.WithVPC(fake.VPC{ID: "vpc-goldenpools", CIDR: "192.168.0.0/16"}),
		fake.WithVSwitch(fake.VSwitch{ID: "vsw-goldenh", VPCID: "vpc-goldenpools", ZoneID: "cn-hangzhou-h", CIDR: "192.168.1.0/24"}),
	)
	req := managedRequest("golden-pools")
	req.VPCID, req.VSwitchIDs = "vpc-goldenpools", []string{"vsw-goldenh"}
	id := runningCluster(t, c, req)
	body := poolBody("golden-web", 2)
	body.ScalingGroup.VSwitchIDs = []string{"vsw-goldenh"}
	body.ScalingGroup.LoginPassword, body.ScalingGroup.KeyPair = "Golden-Pass-1", ""
	body.KubernetesConfig = &wire.KubernetesConfig{Labels: []wire.Tag{{Key: "tier", Value: "web"}}}

	create := call(t, c, wire.ActionCreateClusterNodePool, []string{id}, nil, body)
	if create.StatusCode != http.StatusOK {
		t.Fatalf("create: %s", create.Body)
	}
	golden(t, "nodepool_create_response.json", create.Body)
	poolID := decode[wire.CreateNodePoolResponse](t, create).NodepoolID
	c.Advance(4 * time.Minute)
	scale := call(t, c, wire.ActionScaleClusterNodePool, []string{id, poolID}, nil, wire.ScaleNodePoolRequest{Count: 1})
	golden(t, "nodepool_scale_response.json", scale.Body)
	golden(t, "nodepool_detail_scaling.json", call(t, c, wire.ActionDescribeClusterNodePoolDetail, []string{id, poolID}, nil, nil).Body)
	golden(t, "nodepool_nodes.json", call(t, c, wire.ActionDescribeClusterNodes, []string{id}, url.Values{"nodepool_id": {poolID}}, nil).Body)
	golden(t, "nodepool_task.json", call(t, c, wire.ActionDescribeTaskInfo, []string{decode[wire.ScaleNodePoolResponse](t, scale).TaskID}, nil, nil).Body)
	c.Advance(3 * time.Minute)
	golden(t, "nodepools.json", call(t, c, wire.ActionDescribeClusterNodePools, []string{id}, url.Values{"NodepoolName": {"web"}}, nil).Body)
	golden(t, "error_quota_node.json", call(t, c, wire.ActionScaleClusterNodePool, []string{id, poolID}, nil, wire.ScaleNodePoolRequest{Count: 38}).Body)

	for _, call := range c.Calls() {
		if call.Action == wire.ActionCreateClusterNodePool {
			continue // the request carries it
		}
		resp := call.String() + string(readAgain(t, c, call))
		if strings.Contains(resp, "Golden-Pass-1") {
			t.Errorf("%s shows the pool's password", call.Action)
		}
	}
}

// readAgain sends a logged read again and returns its answer; writes
// return nothing.
func readAgain(t *testing.T, c *fake.Cloud, logged fake.Call) []byte {
	t.Helper()
	if logged.Method != http.MethodGet {
		return nil
	}
	req := &ack.Request{Action: logged.Action, Method: logged.Method, Path: logged.Path, Query: logged.Query}
	resp, err := c.Transport().RoundTrip(t.Context(), req)
	if err != nil {
		t.Fatal(err)
	}
	return resp.Body
}
