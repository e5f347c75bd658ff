package wire

import (
	"net/url"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func mustQuery(t *testing.T, raw string) url.Values {
	t.Helper()
	q, err := url.ParseQuery(raw)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func TestQueryEncoding(t *testing.T) {
	tests := []struct {
		name string
		got  url.Values
		want string // url.Values.Encode form, keys sorted
	}{
		{"delete cluster", DeleteClusterRequest{
			RetainAllResources: true,
			RetainResources:    []string{"lb-x", "sg-y"},
			DeleteOptions:      []DeleteOption{{DeleteMode: "retain", ResourceType: "SLB"}},
			KeepSLB:            true,
		}.Query(), "delete_options=" + url.QueryEscape(`[{"delete_mode":"retain","resource_type":"SLB"}]`) +
			"&keep_slb=true&retain_all_resources=true&retain_resources=" + url.QueryEscape(`["lb-x","sg-y"]`)},
		{"delete cluster defaults", DeleteClusterRequest{}.Query(), ""},
		{"remove pool nodes", RemoveNodePoolNodesRequest{
			InstanceIDs: []string{"i-1", "i-2"}, ReleaseNode: Bool(true), DrainNode: Bool(false),
		}.Query(), "drain_node=false&instance_ids=" + url.QueryEscape(`["i-1","i-2"]`) + "&release_node=true"},
		{"cluster nodes", DescribeClusterNodesQuery{
			NodepoolID: "np-1", State: "running", PageNumber: 2, PageSize: 100, InstanceIDs: []string{"i-1", "i-2"},
		}.Query(), "instanceIds=i-1%2Ci-2&nodepool_id=np-1&pageNumber=2&pageSize=100&state=running"},
		{"clusters v1", DescribeClustersV1Query{
			Name: "a", ClusterType: "ManagedKubernetes", ClusterSpec: "ack.pro.small", Profile: "Default",
			RegionID: "cn-hangzhou", ClusterID: "c-1", PageNumber: 1, PageSize: 50,
		}.Query(), "cluster_id=c-1&cluster_spec=ack.pro.small&cluster_type=ManagedKubernetes&name=a&page_number=1&page_size=50&profile=Default&region_id=cn-hangzhou"},
		{"legacy clusters", DescribeClustersQuery{Name: "a", ClusterType: "Kubernetes", ResourceGroupID: "rg-1"}.Query(),
			"clusterType=Kubernetes&name=a&resource_group_id=rg-1"},
		{"kubeconfig", KubeconfigQuery{PrivateIPAddress: true, TemporaryDurationMinutes: 60}.Query(),
			"PrivateIpAddress=true&TemporaryDurationMinutes=60"},
		{"node pools", DescribeNodePoolsQuery{NodepoolName: "gpu"}.Query(), "NodepoolName=gpu"},
		{"delete pool", DeleteNodePoolQuery{Force: true}.Query(), "force=true"},
		{"versions", VersionMetadataQuery{
			Region: "cn-hangzhou", ClusterType: "ManagedKubernetes", KubernetesVersion: "1.30.7-aliyun.1",
			Profile: "Default", Runtime: "containerd", Mode: "supported", QueryUpgradableVersion: true,
		}.Query(), "ClusterType=ManagedKubernetes&KubernetesVersion=1.30.7-aliyun.1&Mode=supported&Profile=Default&QueryUpgradableVersion=true&Region=cn-hangzhou&runtime=containerd"},
		{"cluster tasks", ClusterTasksQuery{PageNumber: 3, PageSize: 20}.Query(), "page_number=3&page_size=20"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.got.Encode(); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestParseDeleteClusterRequest(t *testing.T) {
	tests := []struct {
		name    string
		query   string
		body    string
		want    DeleteClusterRequest
		wantErr bool
	}{
		{"tea query", "retain_all_resources=true&retain_resources=%5B%22lb-x%22%2C%22sg-y%22%5D&delete_options=%5B%7B%22delete_mode%22%3A%22delete%22%2C%22resource_type%22%3A%22ALB%22%7D%5D",
			"", DeleteClusterRequest{RetainAllResources: true, RetainResources: []string{"lb-x", "sg-y"},
				DeleteOptions: []DeleteOption{{DeleteMode: "delete", ResourceType: "ALB"}}}, false},
		{"old sdk body", "", `{"retain_all_resources":true,"keep_slb":true}`,
			DeleteClusterRequest{RetainAllResources: true, KeepSLB: true}, false},
		{"query wins over body", "keep_slb=false", `{"keep_slb":true}`, DeleteClusterRequest{}, false},
		{"comma list", "retain_resources=lb-x,sg-y", "", DeleteClusterRequest{RetainResources: []string{"lb-x", "sg-y"}}, false},
		{"bad bool", "retain_all_resources=yes", "", DeleteClusterRequest{}, true},
		{"bad json list", "retain_resources=%5B1%5D", "", DeleteClusterRequest{}, true},
		{"bad options", "delete_options=nope", "", DeleteClusterRequest{}, true},
		{"bad body", "", `{"keep_slb":"yes"}`, DeleteClusterRequest{}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseDeleteClusterRequest(mustQuery(t, tc.query), []byte(tc.body))
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tc.wantErr)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseQueries(t *testing.T) {
	tests := []struct {
		name    string
		parse   func(url.Values) (any, error)
		query   string
		want    any
		wantErr bool
	}{
		{"remove nodes", wrap(ParseRemoveNodePoolNodesRequest), `instance_ids=["i-1"]&nodes=n1,n2&concurrency=true`,
			RemoveNodePoolNodesRequest{InstanceIDs: []string{"i-1"}, Nodes: []string{"n1", "n2"}, Concurrency: Bool(true)}, false},
		{"remove nodes bad bool", wrap(ParseRemoveNodePoolNodesRequest), "drain_node=maybe", RemoveNodePoolNodesRequest{}, true},
		{"cluster nodes", wrap(ParseDescribeClusterNodesQuery), "pageSize=50&instanceIds=i-1,i-2&state=all",
			DescribeClusterNodesQuery{PageSize: 50, InstanceIDs: []string{"i-1", "i-2"}, State: "all"}, false},
		{"cluster nodes bad int", wrap(ParseDescribeClusterNodesQuery), "pageNumber=one", DescribeClusterNodesQuery{}, true},
		{"clusters v1", wrap(ParseDescribeClustersV1Query), "page_size=50&page_number=2&profile=Serverless",
			DescribeClustersV1Query{PageSize: 50, PageNumber: 2, Profile: "Serverless"}, false},
		{"clusters v1 bad int", wrap(ParseDescribeClustersV1Query), "page_size=1.5", DescribeClustersV1Query{}, true},
		{"legacy clusters", wrap(ParseDescribeClustersQuery), "clusterType=Ask", DescribeClustersQuery{ClusterType: "Ask"}, false},
		{"kubeconfig", wrap(ParseKubeconfigQuery), "PrivateIpAddress=true&TemporaryDurationMinutes=15",
			KubeconfigQuery{PrivateIPAddress: true, TemporaryDurationMinutes: 15}, false},
		{"kubeconfig bad", wrap(ParseKubeconfigQuery), "TemporaryDurationMinutes=x", KubeconfigQuery{}, true},
		{"node pools", wrap(ParseDescribeNodePoolsQuery), "NodepoolName=gpu", DescribeNodePoolsQuery{NodepoolName: "gpu"}, false},
		{"delete pool", wrap(ParseDeleteNodePoolQuery), "force=1", DeleteNodePoolQuery{Force: true}, false},
		{"delete pool bad", wrap(ParseDeleteNodePoolQuery), "force=sure", DeleteNodePoolQuery{}, true},
		{"versions", wrap(ParseVersionMetadataQuery), "Region=cn-beijing&ClusterType=Kubernetes&QueryUpgradableVersion=true&runtime=containerd",
			VersionMetadataQuery{Region: "cn-beijing", ClusterType: "Kubernetes", QueryUpgradableVersion: true, Runtime: "containerd"}, false},
		{"versions bad", wrap(ParseVersionMetadataQuery), "QueryUpgradableVersion=please", VersionMetadataQuery{}, true},
		{"tasks", wrap(ParseClusterTasksQuery), "page_number=1&page_size=10", ClusterTasksQuery{PageNumber: 1, PageSize: 10}, false},
		{"tasks bad", wrap(ParseClusterTasksQuery), "page_size=ten", ClusterTasksQuery{}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.parse(mustQuery(t, tc.query))
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tc.wantErr)
			}
			if diff := cmp.Diff(tc.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// wrap adapts a typed parser for the table.
func wrap[T any](parse func(url.Values) (T, error)) func(url.Values) (any, error) {
	return func(q url.Values) (any, error) {
		v, err := parse(q)
		return v, err
	}
}
