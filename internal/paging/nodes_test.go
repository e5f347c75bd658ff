package paging

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/wire"
)

// server answers DescribeClusterNodes from a list of nodes, as ACK pages
// it, and records the queries it got.
type server struct {
	nodes     int   // how many nodes the cluster has
	total     bool  // whether the answer reports the total count
	failPage  int64 // the page whose call fails; 0 for none
	garbage   int64 // the page answered with a body that does not decode
	queries   []url.Values
	paths     []string
	requestID int
}

var errDown = errors.New("connection refused")

func (s *server) do(_ context.Context, req *ack.Request) (*ack.Response, error) {
	s.queries = append(s.queries, req.Query)
	s.paths = append(s.paths, req.Path)
	q, err := wire.ParseDescribeClusterNodesQuery(req.Query)
	if err != nil {
		return nil, err
	}
	if q.PageNumber == s.failPage {
		return nil, errDown
	}
	s.requestID++
	resp := &ack.Response{StatusCode: 200, RequestID: fmt.Sprintf("R-%d", s.requestID)}
	if q.PageNumber == s.garbage {
		resp.Body = []byte(`{"nodes": 7}`)
		return resp, nil
	}
	var out wire.DescribeClusterNodesResponse
	for i := (q.PageNumber - 1) * q.PageSize; i < q.PageNumber*q.PageSize && i < int64(s.nodes); i++ {
		out.Nodes = append(out.Nodes, wire.Node{InstanceID: fmt.Sprintf("i-%d", i+1)})
	}
	out.Page = wire.PageInfo{PageNumber: q.PageNumber, PageSize: q.PageSize}
	if s.total {
		out.Page.TotalCount = int64(s.nodes)
	}
	if resp.Body, err = json.Marshal(out); err != nil {
		return nil, err
	}
	return resp, nil
}

// read is what a test saw of one page.
type read struct {
	Number    int64
	IDs       []string
	RequestID string
	Err       string // the error's head
}

func collect(ctx context.Context, s *server, size int64, stopAfter int) []read {
	var got []read
	q := wire.DescribeClusterNodesQuery{NodepoolID: "np-1", PageSize: size}
	for p, err := range ClusterNodes(ctx, s.do, "c-1", q) {
		r := read{Number: p.Number, RequestID: p.RequestID}
		for _, n := range p.Nodes {
			r.IDs = append(r.IDs, n.InstanceID)
		}
		if err != nil {
			r.Err, _, _ = strings.Cut(err.Error(), ": ") // the head, not encoding/json's words
		}
		got = append(got, r)
		if len(got) == stopAfter {
			break
		}
	}
	return got
}

// TestClusterNodes checks which pages are read and when the iteration
// stops.
func TestClusterNodes(t *testing.T) {
	ids := func(from, to int) []string {
		var out []string
		for i := from; i <= to; i++ {
			out = append(out, fmt.Sprintf("i-%d", i))
		}
		return out
	}
	tests := []struct {
		name      string
		srv       server
		size      int64
		stopAfter int
		want      []read
	}{
		{name: "a short last page ends it", srv: server{nodes: 5}, size: 2, want: []read{
			{1, ids(1, 2), "R-1", ""}, {2, ids(3, 4), "R-2", ""}, {3, ids(5, 5), "R-3", ""}}},
		{name: "a full last page without a total reads one empty page", srv: server{nodes: 4}, size: 2, want: []read{
			{1, ids(1, 2), "R-1", ""}, {2, ids(3, 4), "R-2", ""}, {3, nil, "R-3", ""}}},
		{name: "the total count ends it at a full page", srv: server{nodes: 4, total: true}, size: 2, want: []read{
			{1, ids(1, 2), "R-1", ""}, {2, ids(3, 4), "R-2", ""}}},
		{name: "no nodes", srv: server{}, size: 10, want: []read{{1, nil, "R-1", ""}}},
		{name: "a failed call ends it with its page", srv: server{nodes: 5, failPage: 2}, size: 2, want: []read{
			{1, ids(1, 2), "R-1", ""}, {2, nil, "", "connection refused"}}},
		{name: "an answer that does not decode ends it", srv: server{nodes: 5, garbage: 1}, size: 2, want: []read{
			{1, nil, "", "decode DescribeClusterNodesResponse"}}},
		{name: "the loop stops it", srv: server{nodes: 9}, size: 2, stopAfter: 2, want: []read{
			{1, ids(1, 2), "R-1", ""}, {2, ids(3, 4), "R-2", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := collect(context.Background(), &tt.srv, tt.size, tt.stopAfter)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("pages (-want +got):\n%s", diff)
			}
			if len(tt.srv.queries) != len(tt.want) {
				t.Errorf("%d calls, want one a page: %d", len(tt.srv.queries), len(tt.want))
			}
			for i, q := range tt.srv.queries {
				want := url.Values{"nodepool_id": {"np-1"}, "pageNumber": {fmt.Sprint(i + 1)}, "pageSize": {fmt.Sprint(tt.size)}}
				if diff := cmp.Diff(want, q); diff != "" {
					t.Errorf("query of call %d (-want +got):\n%s", i+1, diff)
				}
				if tt.srv.paths[i] != "/clusters/c-1/nodes" {
					t.Errorf("path of call %d: %s", i+1, tt.srv.paths[i])
				}
			}
		})
	}
}
