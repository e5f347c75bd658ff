package fake_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
)

// TestHugePageNumberIsAnEmptyPage asks both paged lists for the last page
// number an int64 holds, over HTTP: each answers an empty page (the page
// lies past the end of the list), and the server goes on answering, its
// control endpoints included. Every call has a deadline, so that a server
// left with its store locked fails the test instead of hanging it.
func TestHugePageNumberIsAnEmptyPage(t *testing.T) {
	c := fake.New(fake.WithProgressions(fake.Immediately()))
	id := decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, dedicatedRequest("paged"))).ClusterID
	srv, err := c.Server()
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	client := &http.Client{Timeout: 5 * time.Second}
	get := func(t *testing.T, path string) (int, []byte) {
		t.Helper()
		resp, err := client.Get(srv.URL() + path)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, b
	}
	const huge = "9223372036854775807"
	tests := []struct {
		name, path string
		count      func(b []byte) (items int, total int64)
	}{
		{"DescribeClustersV1", "/api/v1/clusters?page_number=" + huge + "&page_size=100", func(b []byte) (int, int64) {
			var v wire.DescribeClustersV1Response
			_ = json.Unmarshal(b, &v)
			return len(v.Clusters), v.PageInfo.TotalCount
		}},
		{"DescribeClusterNodes", "/clusters/" + id + "/nodes?pageNumber=" + huge + "&pageSize=100", func(b []byte) (int, int64) {
			var v wire.DescribeClusterNodesResponse
			_ = json.Unmarshal(b, &v)
			return len(v.Nodes), v.Page.TotalCount
		}},
		{"DescribeClustersV1 page size 1", "/api/v1/clusters?page_number=" + huge + "&page_size=1", func(b []byte) (int, int64) {
			var v wire.DescribeClustersV1Response
			_ = json.Unmarshal(b, &v)
			return len(v.Clusters), v.PageInfo.TotalCount
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := get(t, tt.path)
			if status != http.StatusOK {
				t.Fatalf("HTTP %d %s, want 200 and an empty page", status, body)
			}
			if items, total := tt.count(body); items != 0 || total == 0 {
				t.Fatalf("%d items of %d: %s; want none of a non-empty list", items, total, body)
			}
			if status, body := get(t, "/api/v1/clusters"); status != http.StatusOK || !strings.Contains(string(body), id) {
				t.Fatalf("the next list: HTTP %d %s", status, body)
			}
		})
	}
	resp, err := client.Post(srv.URL()+"/_fake/reset", "", nil)
	if err != nil {
		t.Fatalf("reset: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || len(c.Clusters()) != 0 {
		t.Fatalf("reset: HTTP %d, %d clusters left", resp.StatusCode, len(c.Clusters()))
	}
}
