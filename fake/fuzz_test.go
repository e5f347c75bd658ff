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
