package wire

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/ackgo/ack/internal/envelope"
	"github.com/google/go-cmp/cmp"
)

// goldenCase names a hand-written file under testdata and the type its JSON
// must decode into.
type goldenCase struct {
	file string
	// roundTrip decodes strictly (unknown keys are an error) into the
	// type and encodes the value again.
	roundTrip func(body []byte) ([]byte, error)
}

// strictRoundTrip decodes body into a T, refusing unknown keys, and
// encodes the result.
func strictRoundTrip[T any](body []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	var v T
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return json.Marshal(v)
}

var goldenCases = []goldenCase{
	{"create_cluster_dedicated.json", strictRoundTrip[CreateClusterRequest]},
	{"create_cluster_managed_pro.json", strictRoundTrip[CreateClusterRequest]},
	{"create_cluster_serverless.json", strictRoundTrip[CreateClusterRequest]},
	{"create_cluster_response.json", strictRoundTrip[CreateClusterResponse]},
	{"describe_cluster_detail.json", strictRoundTrip[ClusterDetail]},
	{"describe_clusters_v1.json", strictRoundTrip[DescribeClustersV1Response]},
	{"describe_cluster_nodes.json", strictRoundTrip[DescribeClusterNodesResponse]},
	{"delete_cluster_body.json", strictRoundTrip[DeleteClusterRequest]},
	{"delete_cluster_nodes.json", strictRoundTrip[DeleteClusterNodesRequest]},
	{"modify_cluster.json", strictRoundTrip[ModifyClusterRequest]},
	{"scale_out_cluster.json", strictRoundTrip[ScaleOutClusterRequest]},
	{"migrate_cluster.json", strictRoundTrip[MigrateClusterRequest]},
	{"kubeconfig.json", strictRoundTrip[KubeconfigResponse]},
	{"create_node_pool.json", strictRoundTrip[Nodepool]},
	{"create_node_pool_response.json", strictRoundTrip[CreateNodePoolResponse]},
	{"node_pool_detail.json", strictRoundTrip[NodePoolDetail]},
	{"describe_node_pools.json", strictRoundTrip[DescribeNodePoolsResponse]},
	{"modify_node_pool.json", strictRoundTrip[ModifyNodePoolRequest]},
	{"scale_node_pool.json", strictRoundTrip[ScaleNodePoolRequest]},
	{"scale_node_pool_response.json", strictRoundTrip[ScaleNodePoolResponse]},
	{"upgrade_node_pool_response.json", strictRoundTrip[UpgradeNodePoolResponse]},
	{"attach_instances.json", strictRoundTrip[AttachInstancesRequest]},
	{"describe_user_quota.json", strictRoundTrip[UserQuota]},
	{"describe_task_info_success.json", strictRoundTrip[TaskInfo]},
	{"describe_task_info_failed.json", strictRoundTrip[TaskInfo]},
	{"describe_cluster_tasks.json", strictRoundTrip[ClusterTasksResponse]},
	{"version_metadata.json", strictRoundTrip[[]VersionMetadata]},
	{"upgrade_cluster.json", strictRoundTrip[UpgradeClusterRequest]},
	{"get_upgrade_status.json", strictRoundTrip[UpgradeStatus]},
	{"error_body.json", strictRoundTrip[envelope.ErrorBody]},
}

func readGolden(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// semantic unmarshals JSON into a generic value for comparison.
func semantic(t *testing.T, b []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("invalid JSON %s: %v", b, err)
	}
	return v
}

func TestGoldenRoundTrip(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.file, func(t *testing.T) {
			in := readGolden(t, tc.file)
			out, err := tc.roundTrip(in)
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			if diff := cmp.Diff(semantic(t, in), semantic(t, out)); diff != "" {
				t.Errorf("re-encoded JSON differs from %s (-golden +encoded):\n%s", tc.file, diff)
			}
		})
	}
}

// TestGoldenFilesAllUsed keeps the table and the directory in step.
func TestGoldenFilesAllUsed(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, tc := range goldenCases {
		used[tc.file] = true
	}
	for _, f := range files {
		if !used[filepath.Base(f)] {
			t.Errorf("%s is not in goldenCases", f)
		}
	}
}
