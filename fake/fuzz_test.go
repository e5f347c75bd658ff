package fake_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
)

// FuzzCreateClusterBody sends arbitrary CreateCluster bodies: the fake
// must answer every one without a server error, and create a cluster
// exactly when it answers 200.
func FuzzCreateClusterBody(f *testing.F) {
	f.Add([]byte(mustJSONf(managedRequest("seed"))))
	f.Add([]byte(mustJSONf(dedicatedRequest("seed"))))
	f.Add([]byte(mustJSONf(serverlessRequest("seed"))))
	f.Add([]byte(`{"name":"x","cluster_type":"Ask","zone_id":"cn-hangzhou-a","region_id":"cn-hangzhou"}`))
	f.Add([]byte(`{"vpcid":"vpc-1","vswitch_ids":["vsw-1","vsw-1"],"container_cidr":"10.0.0.0/8"}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, body []byte) {
		c := fake.New(fake.WithProgressions(fake.Immediately()))
		req := wire.NewRequest(wire.ActionCreateCluster)
		req.Body = body
		resp, err := c.Transport().RoundTrip(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode >= 500 {
			t.Fatalf("HTTP %d for %q: %s", resp.StatusCode, body, resp.Body)
		}
		if created := len(c.Clusters()); (resp.StatusCode == http.StatusOK) != (created == 1) {
			t.Fatalf("HTTP %d but %d clusters for %q", resp.StatusCode, created, body)
		}
		if resp.StatusCode == http.StatusOK {
			id := decode[wire.CreateClusterResponse](t, resp).ClusterID
			if r := call(t, c, wire.ActionDescribeClusterDetail, []string{id}, nil, nil); r.StatusCode != http.StatusOK {
				t.Fatalf("detail of a created cluster: %s", r.Body)
			}
		}
	})
}

// FuzzDeleteAndListQueries sends arbitrary queries to the query-driven
// APIs: never a server error.
func FuzzDeleteAndListQueries(f *testing.F) {
	f.Add("retain_all_resources=true&retain_resources=%5B%22lb-1%22%5D", "", "page_size=2&page_number=1")
	f.Add("delete_options=%5B%7B%7D%5D", "keep_slb=1", "name=x")
	f.Add("retain_resources=a,b", `{"keep_slb":true}`, "page_size=-5")
	f.Fuzz(func(t *testing.T, deleteQuery, deleteBody, listQuery string) {
		c := fake.New(fake.WithProgressions(fake.Immediately()))
		id := decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, managedRequest("q"))).ClusterID
		for _, tc := range []struct {
			action string
			params []string
			query  string
			body   string
		}{
			{wire.ActionDeleteCluster, []string{id}, deleteQuery, deleteBody},
			{wire.ActionDescribeClustersV1, nil, listQuery, ""},
			{wire.ActionDescribeClusterNodes, []string{id}, listQuery, ""},
			{wire.ActionDescribeClusterUserKubeconfig, []string{id}, listQuery, ""},
		} {
			q, err := url.ParseQuery(tc.query)
			if err != nil {
				return
			}
			req := wire.NewRequest(tc.action, tc.params...)
			req.Query, req.Body = q, []byte(tc.body)
			resp, err := c.Transport().RoundTrip(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode >= 500 {
				t.Fatalf("%s %q: HTTP %d %s", tc.action, tc.query, resp.StatusCode, resp.Body)
			}
		}
	})
}

// FuzzNodePoolCalls sends arbitrary CreateClusterNodePool,
// ModifyClusterNodePool and ScaleClusterNodePool bodies and
// RemoveNodePoolNodes queries to a running cluster with one pool: never a
// server error, never more nodes than the node quota, and every pool's
// nodes are the cluster's nodes of that pool.
func FuzzNodePoolCalls(f *testing.F) {
	f.Add([]byte(mustJSONf(poolBody("seed", 2))), []byte(`{"scaling_group":{"desired_size":4}}`), []byte(`{"count":3}`), "instance_ids=%5B%5D")
	f.Add([]byte(mustJSONf(autoscaledBody("auto", 1, 5))), []byte(`{"auto_scaling":{"enable":false}}`), []byte(`{"count":501}`), "nodes=%5B%22x%22%5D")
	f.Add([]byte(`{"count":7,"nodepool_info":{"name":"old"}}`), []byte(`{"node_config":{"kubelet_configuration":{"maxPods":9}}}`), []byte(`{}`), "instance_ids=x")
	f.Add([]byte(`[]`), []byte(`null`), []byte(`{"count":-1}`), "release_node=maybe")
	f.Fuzz(func(t *testing.T, create, modify, scale []byte, removeQuery string) {
		c := fake.New(fake.WithProgressions(fake.Immediately()))
		id := decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, managedRequest("fuzz"))).ClusterID
		poolID := decode[wire.CreateNodePoolResponse](t, call(t, c, wire.ActionCreateClusterNodePool, []string{id}, nil, poolBody("base", 1))).NodepoolID
		q, err := url.ParseQuery(removeQuery)
		if err != nil {
			q = url.Values{}
		}
		for _, tc := range []struct {
			action string
			params []string
			query  url.Values
			body   []byte
		}{
			{wire.ActionCreateClusterNodePool, []string{id}, nil, create},
			{wire.ActionModifyClusterNodePool, []string{id, poolID}, nil, modify},
			{wire.ActionScaleClusterNodePool, []string{id, poolID}, nil, scale},
			{wire.ActionRemoveNodePoolNodes, []string{id, poolID}, q, nil},
		} {
			req := wire.NewRequest(tc.action, tc.params...)
			req.Query, req.Body = tc.query, tc.body
			resp, err := c.Transport().RoundTrip(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode >= 500 {
				t.Fatalf("%s: HTTP %d %s", tc.action, resp.StatusCode, resp.Body)
			}
		}
		nodes := c.Nodes(id)
		if len(nodes) > c.Limits().NodesPerCluster.Max {
			t.Fatalf("%d nodes past the quota of %d", len(nodes), c.Limits().NodesPerCluster.Max)
		}
		for _, p := range c.NodePools(id) {
			n := 0
			for _, node := range nodes {
				if node.PoolID == p.ID {
					n++
				}
			}
			if n != p.Nodes {
				t.Fatalf("pool %s counts %d nodes, the cluster lists %d", p.ID, p.Nodes, n)
			}
		}
	})
}
