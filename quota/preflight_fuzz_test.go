package quota

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/ackgo/ack/internal/wire"
	"github.com/google/go-cmp/cmp"
)

func TestAnswerDecoders(t *testing.T) {
	tests := []struct {
		name       string
		body       string
		wantNodes  int
		wantTotal  int
		wantPools  int
		wantIDs    []string
		wantErrors [3]bool // cluster page, node page, node pools
	}{
		{"empty object", `{}`, 0, 0, 0, nil, [3]bool{}},
		{"nodes page", `{"nodes":[{"instance_id":"i-1"},{"instance_id":"i-2"}],"page":{"total_count":7}}`, 2, 7, 0, nil, [3]bool{}},
		{"page_info is not the nodes' paging block", `{"nodes":[],"page_info":{"total_count":7}}`, 0, 0, 0, nil, [3]bool{}},
		{"negative total", `{"nodes":[],"page":{"total_count":-1}}`, 0, 0, 0, nil, [3]bool{false, true, false}},
		{"node pools", `{"nodepools":[{},{},{}]}`, 0, 0, 3, nil, [3]bool{}},
		{"clusters", `{"clusters":[{"cluster_id":"c-1"},{"cluster_id":"c-2"}],"page_info":{"total_count":2}}`, 0, 0, 0, []string{"c-1", "c-2"}, [3]bool{}},
		{"not JSON", `quota`, 0, 0, 0, nil, [3]bool{true, true, true}},
		{"bare array", `[]`, 0, 0, 0, nil, [3]bool{true, true, true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clusters, _, err1 := clusterPageOf([]byte(tt.body))
			nodes, total, err2 := nodePageCounts([]byte(tt.body))
			pools, err3 := nodePoolCount([]byte(tt.body))
			gotErrors := [3]bool{err1 != nil, err2 != nil, err3 != nil}
			if gotErrors != tt.wantErrors {
				t.Fatalf("errors = %v, %v, %v; want errors %v", err1, err2, err3, tt.wantErrors)
			}
			var ids []string
			for _, c := range clusters {
				ids = append(ids, c.ClusterID)
			}
			got := []any{nodes, total, pools, ids}
			want := []any{tt.wantNodes, tt.wantTotal, tt.wantPools, tt.wantIDs}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("decoded mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// FuzzAnswerDecoders feeds any body to the decoders of the list answers:
// none may panic, counts are never negative, and a decoded answer encodes
// back to one that decodes to the same counts.
func FuzzAnswerDecoders(f *testing.F) {
	for _, name := range []string{"describe_clusters_v1.json", "describe_cluster_nodes.json", "describe_cluster_nodepools.json"} {
		body, err := os.ReadFile(filepath.Join("testdata", "client", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(body)
	}
	f.Add([]byte(`{"nodes":null,"page":{"total_count":9223372036854775807}}`))
	f.Add([]byte(`{"page":{"total_count":-5}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		if clusters, info, err := clusterPageOf(body); err == nil {
			again, againInfo, err := clusterPageOf(mustJSON(t, wire.DescribeClustersV1Response{Clusters: clusters, PageInfo: info}))
			if err != nil || len(again) != len(clusters) || againInfo != info {
				t.Errorf("cluster page does not survive a round trip: %d clusters %+v, then %d %+v (%v)", len(clusters), info, len(again), againInfo, err)
			}
		}
		if nodes, total, err := nodePageCounts(body); err == nil {
			if nodes < 0 || total < 0 {
				t.Errorf("nodePageCounts = %d, %d; counts must not be negative", nodes, total)
			}
		}
		if pools, err := nodePoolCount(body); err == nil {
			if pools < 0 {
				t.Errorf("nodePoolCount = %d", pools)
			}
			resp := wire.DescribeNodePoolsResponse{Nodepools: make([]wire.NodePoolDetail, pools)}
			if again, err := nodePoolCount(mustJSON(t, resp)); err != nil || again != pools {
				t.Errorf("node pool count does not survive a round trip: %d, then %d (%v)", pools, again, err)
			}
		}
	})
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
