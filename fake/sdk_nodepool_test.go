package fake_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/cs"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/quota"
)

// waitCluster polls a cluster with the SDK until it runs.
func (c *sdkClient) waitCluster(t *testing.T, id string) {
	t.Helper()
	for polls := 0; ; polls++ {
		d, err := c.detail(id)
		if err != nil {
			t.Fatalf("cluster %s: %v", id, err)
		}
		if d.State == "running" {
			return
		}
		if polls > maxPolls {
			t.Fatalf("cluster %s never ran (%s)", id, d.State)
		}
	}
}

// pool reads a pool with the SDK's DescribeClusterNodePoolDetail.
func (c *sdkClient) pool(t *testing.T, id, poolID string) wire.NodePoolDetail {
	t.Helper()
	req := cs.CreateDescribeClusterNodePoolDetailRequest()
	c.point(req.RoaRequest)
	req.ClusterId, req.NodepoolId = id, poolID
	resp, err := c.DescribeClusterNodePoolDetail(req)
	if err != nil {
		t.Fatalf("pool %s: %v", poolID, err)
	}
	d, err := wire.DecodeNodePoolDetail(resp.GetHttpContentBytes())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// waitPool polls a pool until it is active.
func (c *sdkClient) waitPool(t *testing.T, id, poolID string) wire.NodePoolDetail {
	t.Helper()
	for polls := 0; ; polls++ {
		d := c.pool(t, id, poolID)
		if d.Status.State == "active" {
			return d
		}
		if polls > maxPolls {
			t.Fatalf("pool %s never became active (%s)", poolID, d.Status.State)
		}
	}
}

// nodes lists one page of a pool's nodes with the SDK's
// DescribeClusterNodes.
func (c *sdkClient) nodes(t *testing.T, id, poolID string, pageSize int) *cs.DescribeClusterNodesResponse {
	t.Helper()
	req := cs.CreateDescribeClusterNodesRequest()
	c.point(req.RoaRequest)
	req.ClusterId, req.NodepoolId, req.PageSize, req.PageNumber = id, poolID, fmt.Sprint(pageSize), "1"
	resp, err := c.DescribeClusterNodes(req)
	if err != nil {
		t.Fatalf("nodes of %s: %v", id, err)
	}
	return resp
}

// scale sends the SDK's ScaleClusterNodePool.
func (c *sdkClient) scale(id, poolID string, count int) (*cs.ScaleClusterNodePoolResponse, error) {
	req := cs.CreateScaleClusterNodePoolRequest()
	c.point(req.RoaRequest)
	req.ClusterId, req.NodepoolId = id, poolID
	req.SetContent([]byte(fmt.Sprintf(`{"count":%d}`, count)))
	return c.ScaleClusterNodePool(req)
}

// TestOfficialSDKNodePools drives the node pool API over HTTP with
// alibaba-cloud-sdk-go, signed with a configured credential: create a pool,
// scale it, read its nodes, remove two of them (RemoveNodePoolNodes, which
// the SDK's CS package lacks, as a CommonRequest), list and delete it.
func TestOfficialSDKNodePools(t *testing.T) {
	srv := startServer(t)
	client := newSDKClient(t, srv, testAK, testSecret)
	id := client.create(t, managedRequest("sdk-pools")).ClusterId
	client.waitCluster(t, id)

	create := cs.CreateCreateClusterNodePoolRequest()
	client.point(create.RoaRequest)
	create.ClusterId = id
	body, _ := json.Marshal(poolBody("sdk-web", 2))
	create.SetContent(body)
	created, err := client.CreateClusterNodePool(create)
	if err != nil || created.NodepoolId == "" {
		t.Fatalf("CreateClusterNodePool: %+v %v", created, err)
	}
	poolID := created.NodepoolId
	client.waitPool(t, id, poolID)

	scaled, err := client.scale(id, poolID, 3)
	if err != nil || scaled.TaskId == "" {
		t.Fatalf("ScaleClusterNodePool: %+v %v", scaled, err)
	}
	if d := client.waitPool(t, id, poolID); d.Status.TotalNodes != 5 || wire.IntValue(d.ScalingGroup.DesiredSize, 0) != 5 {
		t.Fatalf("after scaling by 3: %d nodes, desired %d", d.Status.TotalNodes, wire.IntValue(d.ScalingGroup.DesiredSize, 0))
	}
	page := client.nodes(t, id, poolID, 2)
	if page.Page.TotalCount != 5 || len(page.Nodes) != 2 {
		t.Fatalf("nodes page: total %d, %d nodes", page.Page.TotalCount, len(page.Nodes))
	}
	all := client.nodes(t, id, poolID, 100).Nodes
	var newest []string
	// On the wire every node of the pool reports ACK's one documented
	// source; the fake's Go view tells that the newest three are the
	// scale-out ones.
	origins := map[string]nodepool.Origin{}
	for _, n := range srv.Cloud().Nodes(id) {
		origins[n.InstanceID] = n.Origin
	}
	for i, n := range all {
		if n.Source != "ess_attach" || n.NodepoolId != poolID || n.State != "running" || !nodeNamePattern.MatchString(n.NodeName) {
			t.Fatalf("node %+v", n)
		}
		want := nodepool.OriginInitial
		if i >= 2 {
			want = nodepool.OriginScaleOut
		}
		if origins[n.InstanceId] != want {
			t.Fatalf("node %d (%s) of origin %q in the fake, want %q", i, n.InstanceId, origins[n.InstanceId], want)
		}
	}
	for _, n := range all[3:] {
		newest = append(newest, n.InstanceId)
	}

	remove := requests.NewCommonRequest()
	remove.Method, remove.Product, remove.Version, remove.ApiName = http.MethodDelete, "CS", "2015-12-15", "RemoveNodePoolNodes"
	remove.PathPattern = "/clusters/[ClusterId]/nodepools/[NodepoolId]/nodes"
	remove.PathParams["ClusterId"], remove.PathParams["NodepoolId"] = id, poolID
	ids, _ := json.Marshal(newest)
	remove.QueryParams["instance_ids"] = string(ids)
	remove.QueryParams["release_node"], remove.QueryParams["drain_node"] = "true", "true"
	remove.SetDomain(client.host)
	remove.Port, remove.Scheme = client.port, "http"
	removed, err := client.ProcessCommonRequest(remove)
	if err != nil || removed.GetHttpStatus() != http.StatusOK || !strings.Contains(removed.GetHttpContentString(), "task_id") {
		t.Fatalf("RemoveNodePoolNodes: %v %v", removed, err)
	}
	client.waitPool(t, id, poolID)
	var left []string
	for _, n := range client.nodes(t, id, poolID, 100).Nodes {
		left = append(left, n.InstanceId)
	}
	if len(left) != 3 || slices.ContainsFunc(newest, func(id string) bool { return slices.Contains(left, id) }) {
		t.Fatalf("after removing %v: %v", newest, left)
	}

	list := cs.CreateDescribeClusterNodePoolsRequest()
	client.point(list.RoaRequest)
	list.ClusterId = id
	listed, err := client.DescribeClusterNodePools(list)
	if err != nil {
		t.Fatal(err)
	}
	pools, err := wire.Decode[wire.DescribeNodePoolsResponse](listed.GetHttpContentBytes())
	if err != nil || len(pools.Nodepools) != 1 || pools.Nodepools[0].NodepoolInfo.NodepoolID != poolID {
		t.Fatalf("DescribeClusterNodePools: %s %v", listed.GetHttpContentString(), err)
	}

	del := cs.CreateDeleteClusterNodepoolRequest()
	client.point(del.RoaRequest)
	del.ClusterId, del.NodepoolId = id, poolID
	_, err = client.DeleteClusterNodepool(del)
	if se := serverError(t, err); se.HttpStatus() != http.StatusBadRequest || !strings.Contains(se.Message(), fake.ErrorNodePoolState) {
		t.Fatalf("delete of a pool with nodes, without force: HTTP %d %s", se.HttpStatus(), se.Message())
	}
	del.QueryParams["force"] = "true"
	if _, err := client.DeleteClusterNodepool(del); err != nil {
		t.Fatalf("DeleteClusterNodepool: %v", err)
	}
	for polls := 0; ; polls++ {
		req := cs.CreateDescribeClusterNodePoolDetailRequest()
		client.point(req.RoaRequest)
		req.ClusterId, req.NodepoolId = id, poolID
		_, err := client.DescribeClusterNodePoolDetail(req)
		if err != nil {
			if se := serverError(t, err); se.HttpStatus() != http.StatusNotFound || !strings.Contains(se.Message(), fake.ErrorNodePoolNotFound) {
				t.Fatalf("deleted pool: HTTP %d %s", se.HttpStatus(), se.Message())
			}
			break
		}
		if polls > maxPolls {
			t.Fatal("the pool was never deleted")
		}
	}
	if n := client.nodes(t, id, "", 100).Page.TotalCount; n != 0 {
		t.Fatalf("%d nodes left in the cluster", n)
	}
}

// TestOfficialSDKQuotas checks the quota refusals over HTTP with the
// official SDK: a scale past 40 nodes, an 11th dedicated or managed
// cluster and a 3rd serverless cluster answer HTTP 400 with their codes
// and change nothing.
func TestOfficialSDKQuotas(t *testing.T) {
	srv := startServer(t)
	cloud := srv.Cloud()
	client := newSDKClient(t, srv, testAK, testSecret)
	limits := quota.ProductDefaults()

	id := client.create(t, managedRequest("sdk-quota")).ClusterId
	client.waitCluster(t, id)
	create := cs.CreateCreateClusterNodePoolRequest()
	client.point(create.RoaRequest)
	create.ClusterId = id
	body, _ := json.Marshal(poolBody("full", 38))
	create.SetContent(body)
	created, err := client.CreateClusterNodePool(create)
	if err != nil {
		t.Fatal(err)
	}
	client.waitPool(t, id, created.NodepoolId)
	_, err = client.scale(id, created.NodepoolId, 3)
	se := serverError(t, err)
	if se.HttpStatus() != http.StatusBadRequest || !strings.Contains(se.Message(), quota.CodeNodeQuota) || !strings.Contains(se.Message(), "38 used + 3 needed exceeds the limit of 40") {
		t.Fatalf("scale past 40 nodes: HTTP %d %s", se.HttpStatus(), se.Message())
	}
	if d := client.pool(t, id, created.NodepoolId); d.Status.TotalNodes != 38 || wire.IntValue(d.ScalingGroup.DesiredSize, 0) != 38 {
		t.Fatalf("a refused scale added nodes: %d, desired %d", d.Status.TotalNodes, wire.IntValue(d.ScalingGroup.DesiredSize, 0))
	}
	if n := client.nodes(t, id, "", 100).Page.TotalCount; n != 38 {
		t.Fatalf("the cluster has %d nodes after a refused scale, want 38", n)
	}
	if _, err := client.scale(id, created.NodepoolId, 2); err != nil {
		t.Fatalf("scale to exactly 40 nodes: %v", err)
	}

	for i := 1; i < limits.Clusters.Max; i++ {
		req := inVPC(dedicatedRequest(fmt.Sprintf("d%02d", i)), fmt.Sprint(i))
		if i%2 == 0 {
			req = inVPC(managedRequest(fmt.Sprintf("m%02d", i)), fmt.Sprint(i))
		}
		client.create(t, req)
	}
	for i := range limits.ServerlessClusters.Max {
		client.create(t, inVPC(serverlessRequest(fmt.Sprintf("s%d", i)), fmt.Sprint("s", i)))
	}
	tests := []struct {
		name string
		body *wire.CreateClusterRequest
		code string
	}{
		{"11th dedicated or managed cluster", inVPC(dedicatedRequest("d11"), "11"), quota.CodeClusterQuota},
		{"11th, managed", inVPC(managedRequest("m11"), "m11"), quota.CodeClusterQuota},
		{"3rd serverless cluster", inVPC(serverlessRequest("s3"), "s3"), quota.CodeServerlessClusterQuota},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(cloud.Clusters())
			req := cs.CreateCreateClusterRequest()
			client.point(req.RoaRequest)
			b, _ := json.Marshal(tt.body)
			req.SetContent(b)
			_, err := client.CreateCluster(req)
			se := serverError(t, err)
			if se.HttpStatus() != http.StatusBadRequest || !strings.Contains(se.Message(), `"code":"`+tt.code+`"`) {
				t.Fatalf("HTTP %d %s, want 400 %s", se.HttpStatus(), se.Message(), tt.code)
			}
			if after := len(cloud.Clusters()); after != before {
				t.Fatalf("%d clusters before, %d after a refused create", before, after)
			}
		})
	}
}
