package fake_test

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/envelope"
	"github.com/ackgo/ack/internal/wire"
)

// poolBody is a valid CreateClusterNodePool body: a PostPaid pool of
// desired nodes on vSwitch vsw-managed1 (managedRequest's), logging in by
// key pair.
func poolBody(name string, desired int64) *wire.Nodepool {
	return &wire.Nodepool{
		NodepoolInfo: &wire.NodepoolInfo{Name: name},
		ScalingGroup: &wire.ScalingGroup{
			VSwitchIDs:         []string{"vsw-managed1"},
			InstanceTypes:      []string{"ecs.g7.xlarge"},
			InstanceChargeType: "PostPaid",
			DesiredSize:        wire.Int(desired),
			KeyPair:            "ops",
		},
	}
}

// autoscaledBody is poolBody with the autoscaler on between minimum and
// maximum, and no desired size.
func autoscaledBody(name string, minimum, maximum int64) *wire.Nodepool {
	b := poolBody(name, 0)
	b.ScalingGroup.DesiredSize = nil
	b.AutoScaling = &wire.AutoScaling{Enable: wire.Bool(true), MinInstances: wire.Int(minimum), MaxInstances: wire.Int(maximum)}
	return b
}

// runningCluster creates a cluster from body on c and waits for it to run;
// it returns the cluster's ID.
func runningCluster(t testing.TB, c *fake.Cloud, body *wire.CreateClusterRequest) string {
	t.Helper()
	resp := call(t, c, wire.ActionCreateCluster, nil, nil, body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("create %s: HTTP %d %s", body.Name, resp.StatusCode, resp.Body)
	}
	id := decode[wire.CreateClusterResponse](t, resp).ClusterID
	c.Advance(12 * time.Minute)
	if cl, ok := c.Cluster(id); !ok || cl.State != "running" {
		t.Fatalf("cluster %s is %+v, want running", id, cl.State)
	}
	return id
}

// createPool creates a pool on cluster id and returns its ID and task.
func createPool(t testing.TB, c *fake.Cloud, id string, body *wire.Nodepool) (poolID, taskID string) {
	t.Helper()
	resp := call(t, c, wire.ActionCreateClusterNodePool, []string{id}, nil, body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("create pool %s: HTTP %d %s", body.NodepoolInfo.Name, resp.StatusCode, resp.Body)
	}
	out := decode[wire.CreateNodePoolResponse](t, resp)
	if out.NodepoolID == "" || out.TaskID == "" {
		t.Fatalf("create pool answer %s", resp.Body)
	}
	return out.NodepoolID, out.TaskID
}

// poolDetail reads a pool with DescribeClusterNodePoolDetail.
func poolDetail(t testing.TB, c *fake.Cloud, id, poolID string) wire.NodePoolDetail {
	t.Helper()
	resp := call(t, c, wire.ActionDescribeClusterNodePoolDetail, []string{id, poolID}, nil, nil)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("pool %s: HTTP %d %s", poolID, resp.StatusCode, resp.Body)
	}
	return decode[wire.NodePoolDetail](t, resp)
}

// listNodes reads one page of DescribeClusterNodes.
func listNodes(t testing.TB, c *fake.Cloud, id string, q url.Values) wire.DescribeClusterNodesResponse {
	t.Helper()
	if q == nil {
		q = url.Values{}
	}
	if !q.Has("pageSize") {
		q.Set("pageSize", "100")
	}
	resp := call(t, c, wire.ActionDescribeClusterNodes, []string{id}, q, nil)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("nodes of %s: HTTP %d %s", id, resp.StatusCode, resp.Body)
	}
	return decode[wire.DescribeClusterNodesResponse](t, resp)
}

// scalePool sends ScaleClusterNodePool and returns the answer.
func scalePool(t testing.TB, c *fake.Cloud, id, poolID string, count int64) *wireAnswer {
	t.Helper()
	resp := call(t, c, wire.ActionScaleClusterNodePool, []string{id, poolID}, nil, wire.ScaleNodePoolRequest{Count: count})
	return &wireAnswer{status: resp.StatusCode, body: resp.Body}
}

// wireAnswer is an answer's status and body.
type wireAnswer struct {
	status int
	body   []byte
}

// code returns the error code of an error answer, "" for a success.
func (a *wireAnswer) code() string {
	if a.status == http.StatusOK {
		return ""
	}
	e, ok := envelope.DecodeError(a.body)
	if !ok {
		return fmt.Sprintf("HTTP %d %s", a.status, a.body)
	}
	return e.Code
}

// instanceIDs lists the instance IDs of nodes.
func instanceIDs(nodes []wire.Node) []string {
	out := make([]string, len(nodes))
	for i, n := range nodes {
		out[i] = n.InstanceID
	}
	return out
}

// storeCounts is what the fake holds, for comparing before and after a
// refused call.
type storeCounts struct {
	Clusters, Nodes, Pools, Instances int
	PoolNodes                         map[string]int
}

// counts takes the fake's counts.
func counts(c *fake.Cloud) storeCounts {
	s := storeCounts{PoolNodes: map[string]int{}}
	for _, cl := range c.Clusters() {
		s.Clusters++
		s.Nodes += cl.Nodes
		s.Pools += cl.NodePools
		s.Instances += cl.ContainerInstances
		for _, p := range c.NodePools(cl.ID) {
			s.PoolNodes[p.ID] = p.Nodes
		}
	}
	return s
}
