package paging

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/wire"
)

// clusterServer answers DescribeClustersV1 with n clusters, paged as ACK
// pages them, with or without the total count.
func clusterServer(n int, total bool, queries *[]string) Doer {
	return func(_ context.Context, req *ack.Request) (*ack.Response, error) {
		*queries = append(*queries, req.Query.Encode())
		q, err := wire.ParseDescribeClustersV1Query(req.Query)
		if err != nil {
			return nil, err
		}
		var out wire.DescribeClustersV1Response
		for i := (q.PageNumber - 1) * q.PageSize; i < q.PageNumber*q.PageSize && i < int64(n); i++ {
			out.Clusters = append(out.Clusters, wire.ClusterDetail{ClusterID: fmt.Sprintf("c-%d", i+1)})
		}
		if total {
			out.PageInfo.TotalCount = int64(n)
		}
		b, err := json.Marshal(out)
		return &ack.Response{StatusCode: 200, Body: b, RequestID: fmt.Sprintf("R-%d", q.PageNumber)}, err
	}
}

func TestClusters(t *testing.T) {
	tests := []struct {
		name      string
		n         int
		total     bool
		wantCalls int
	}{
		{"no clusters", 0, false, 1},
		{"one short page", 1, true, 1},
		{"a short last page", 3, false, 2},
		{"full pages with a total: no page past the end", 4, true, 2},
		{"full pages without a total: one empty page", 4, false, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var queries []string
			var got, want []string
			for i := range tt.n {
				want = append(want, fmt.Sprintf("c-%d", i+1))
			}
			for p, err := range Clusters(context.Background(), clusterServer(tt.n, tt.total, &queries), wire.DescribeClustersV1Query{PageSize: 2}) {
				if err != nil {
					t.Fatal(err)
				}
				if p.RequestID != fmt.Sprintf("R-%d", p.Number) {
					t.Errorf("page %d has request ID %s", p.Number, p.RequestID)
				}
				for _, raw := range p.Clusters {
					d, err := wire.DecodeClusterDetail(raw)
					if err != nil {
						t.Fatal(err)
					}
					got = append(got, d.ClusterID)
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("clusters (-want +got):\n%s", diff)
			}
			if len(queries) != tt.wantCalls {
				t.Errorf("%d calls (%v), want %d", len(queries), queries, tt.wantCalls)
			}
		})
	}
}

// TestMaxPages checks that a list whose pages never end stops with an
// error after MaxPages calls.
func TestMaxPages(t *testing.T) {
	calls := 0
	full := func(_ context.Context, _ *ack.Request) (*ack.Response, error) {
		calls++
		return &ack.Response{StatusCode: 200, Body: []byte(`{"nodes":[{"instance_id":"i-1"}],"page":{}}`)}, nil
	}
	var last error
	for _, err := range ClusterNodes(context.Background(), full, "c-1", wire.DescribeClusterNodesQuery{PageSize: 1}) {
		last = err
	}
	if last == nil || !strings.Contains(last.Error(), "more than 1000 pages of 1; the list does not end") {
		t.Errorf("last error %v, want the list's bound", last)
	}
	if calls != MaxPages {
		t.Errorf("%d calls, want %d", calls, MaxPages)
	}
}
