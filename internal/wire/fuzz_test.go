package wire

import (
	"encoding/json"
	"net/url"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// seedGolden adds every golden file as a seed.
func seedGolden(f *testing.F) {
	for _, tc := range goldenCases {
		f.Add(readGolden(f, tc.file))
	}
	f.Add([]byte(`{}`))
	f.Add([]byte(`null`))
	f.Add([]byte(`[]`))
}

// jsonEqual compares values; raw JSON is compared by meaning, since
// encoding compacts it.
var jsonEqual = cmp.Options{
	cmpopts.EquateEmpty(),
	cmp.Transformer("raw", func(r json.RawMessage) any {
		var v any
		_ = json.Unmarshal(r, &v)
		return v
	}),
}

// fuzzDecode checks a decoder: it never panics, and whatever it accepts
// encodes without error and decodes again to the same value.
func fuzzDecode[T any](f *testing.F, decode func([]byte) (T, error)) {
	seedGolden(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		v, err := decode(body)
		if err != nil {
			return
		}
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("decoded value does not encode: %v", err)
		}
		again, err := decode(b)
		if err != nil {
			t.Fatalf("own encoding %s does not decode: %v", b, err)
		}
		if diff := cmp.Diff(v, again, jsonEqual); diff != "" {
			t.Fatalf("round trip changed the value (-first +second):\n%s", diff)
		}
	})
}

func FuzzDecodeClusterDetail(f *testing.F) {
	fuzzDecode(f, func(b []byte) (ClusterDetail, error) {
		d, err := DecodeClusterDetail(b)
		if err == nil {
			// The nested documents must not panic either.
			_, _ = d.DecodeMasterURL()
			_, _ = d.DecodeMetaData()
		}
		return d, err
	})
}

func FuzzDecodeClustersV1(f *testing.F)   { fuzzDecode(f, Decode[DescribeClustersV1Response]) }
func FuzzDecodeClusterList(f *testing.F)  { fuzzDecode(f, DecodeClusterList) }
func FuzzDecodeClusterNodes(f *testing.F) { fuzzDecode(f, Decode[DescribeClusterNodesResponse]) }
func FuzzDecodeCreateClusterRequest(f *testing.F) {
	fuzzDecode(f, Decode[CreateClusterRequest])
}
func FuzzDecodeNodepool(f *testing.F)        { fuzzDecode(f, Decode[Nodepool]) }
func FuzzDecodeNodePoolDetail(f *testing.F)  { fuzzDecode(f, DecodeNodePoolDetail) }
func FuzzDecodeUserQuota(f *testing.F)       { fuzzDecode(f, DecodeUserQuota) }
func FuzzDecodeTaskInfo(f *testing.F)        { fuzzDecode(f, DecodeTaskInfo) }
func FuzzDecodeClusterTasks(f *testing.F)    { fuzzDecode(f, Decode[ClusterTasksResponse]) }
func FuzzDecodeVersionMetadata(f *testing.F) { fuzzDecode(f, DecodeVersionMetadata) }
func FuzzDecodeUpgradeStatus(f *testing.F)   { fuzzDecode(f, Decode[UpgradeStatus]) }
func FuzzDecodeModifyNodePool(f *testing.F)  { fuzzDecode(f, Decode[ModifyNodePoolRequest]) }
func FuzzDecodeModifyCluster(f *testing.F)   { fuzzDecode(f, Decode[ModifyClusterRequest]) }
func FuzzDecodeScaleOutCluster(f *testing.F) { fuzzDecode(f, Decode[ScaleOutClusterRequest]) }
func FuzzDecodeDeleteClusterNodes(f *testing.F) {
	fuzzDecode(f, Decode[DeleteClusterNodesRequest])
}

func FuzzParseMasterURL(f *testing.F) {
	f.Add(`{"api_server_endpoint":"https://1.2.3.4:6443","intranet_api_server_endpoint":""}`)
	f.Add(``)
	f.Add(`[]`)
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMasterURL(s)
		if err != nil {
			return
		}
		again, err := ParseMasterURL(m.Encode())
		if err != nil || again != m {
			t.Fatalf("round trip: %+v -> %+v, %v", m, again, err)
		}
	})
}

func FuzzParseMetaData(f *testing.F) {
	f.Add(`{"KubernetesVersion":"1.31.1-aliyun.1","MultiAZ":true,"Addons":[{"name":"flannel"}]}`)
	f.Add(``)
	f.Add(`null`)
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMetaData(s)
		if err != nil {
			return
		}
		_ = m.KubernetesVersion()
		_ = m.MultiAZ()
		enc, err := m.Encode()
		if err != nil {
			t.Fatalf("decoded meta_data does not encode: %v", err)
		}
		again, err := ParseMetaData(enc)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(m, again, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("round trip (-first +second):\n%s", diff)
		}
	})
}

func FuzzMatch(f *testing.F) {
	for _, tc := range routeCases {
		f.Add(tc.method, tc.path)
	}
	f.Add("GET", "/clusters/c%201%2F2")
	f.Add("GET", "/clusters//nodes")
	f.Add("DELETE", "/clusters/%zz")
	f.Fuzz(func(t *testing.T, method, path string) {
		r, params, ok := Match(method, path)
		allowed := AllowedMethods(path)
		if !ok {
			return
		}
		if !slices.Contains(allowed, method) {
			t.Fatalf("matched %s but AllowedMethods(%q) = %v", r.Action, path, allowed)
		}
		lr, found := Lookup(r.Action)
		if !found || lr != r {
			t.Fatalf("Lookup(%s) = %+v, %v", r.Action, lr, found)
		}
		names := r.Placeholders()
		if len(names) != len(params) {
			t.Fatalf("params %v for placeholders %v", params, names)
		}
		values := make([]string, len(names))
		for i, n := range names {
			values[i] = params[n]
		}
		// The canonical path of the same params routes to the same place.
		r2, params2, ok := Match(method, r.Path(values...))
		if !ok || r2 != r {
			t.Fatalf("Path(%q) = %s routes to %s, %v", values, r.Path(values...), r2.Action, ok)
		}
		if diff := cmp.Diff(params, params2); diff != "" {
			t.Fatalf("params changed (-first +second):\n%s", diff)
		}
	})
}

// fuzzQuery checks a query parser: it never panics, and what it accepts
// encodes to a query that parses to the same value.
func fuzzQuery[T interface{ Query() url.Values }](f *testing.F, parse func(url.Values) (T, error), seeds ...string) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Add("")
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		v, err := parse(q)
		if err != nil {
			return
		}
		again, err := parse(v.Query())
		if err != nil {
			t.Fatalf("own query %s does not parse: %v", v.Query().Encode(), err)
		}
		if diff := cmp.Diff(v, again, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("round trip (-first +second):\n%s", diff)
		}
	})
}

func FuzzParseDeleteClusterRequest(f *testing.F) {
	f.Add("retain_all_resources=true&retain_resources=%5B%22lb-x%22%5D", []byte(`{"keep_slb":true}`))
	f.Add("delete_options=%5B%7B%22delete_mode%22%3A%22retain%22%7D%5D", []byte(nil))
	f.Add("retain_resources=a,b", []byte(`null`))
	f.Fuzz(func(t *testing.T, raw string, body []byte) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		v, err := ParseDeleteClusterRequest(q, body)
		if err != nil {
			return
		}
		fromQuery, err := ParseDeleteClusterRequest(v.Query(), nil)
		if err != nil {
			t.Fatalf("own query does not parse: %v", err)
		}
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		fromBody, err := ParseDeleteClusterRequest(url.Values{}, b)
		if err != nil {
			t.Fatalf("own body does not parse: %v", err)
		}
		for _, again := range []DeleteClusterRequest{fromQuery, fromBody} {
			if diff := cmp.Diff(v, again, cmpopts.EquateEmpty()); diff != "" {
				t.Fatalf("round trip (-first +second):\n%s", diff)
			}
		}
	})
}

func FuzzParseRemoveNodePoolNodesRequest(f *testing.F) {
	fuzzQuery(f, ParseRemoveNodePoolNodesRequest, `instance_ids=["i-1","i-2"]&drain_node=false`, "nodes=a,b&release_node=1")
}

func FuzzParseDescribeClusterNodesQuery(f *testing.F) {
	fuzzQuery(f, ParseDescribeClusterNodesQuery, "pageNumber=1&pageSize=100&instanceIds=i-1,i-2&state=running")
}

func FuzzParseDescribeClustersV1Query(f *testing.F) {
	fuzzQuery(f, ParseDescribeClustersV1Query, "page_size=50&page_number=1&cluster_type=ManagedKubernetes")
}

func FuzzParseDescribeClustersQuery(f *testing.F) {
	fuzzQuery(f, ParseDescribeClustersQuery, "clusterType=Ask&name=a")
}

func FuzzParseKubeconfigQuery(f *testing.F) {
	fuzzQuery(f, ParseKubeconfigQuery, "PrivateIpAddress=true&TemporaryDurationMinutes=60")
}

func FuzzParseDescribeNodePoolsQuery(f *testing.F) {
	fuzzQuery(f, ParseDescribeNodePoolsQuery, "NodepoolName=gpu")
}

func FuzzParseDeleteNodePoolQuery(f *testing.F) {
	fuzzQuery(f, ParseDeleteNodePoolQuery, "force=true")
}

func FuzzParseVersionMetadataQuery(f *testing.F) {
	fuzzQuery(f, ParseVersionMetadataQuery, "Region=cn-hangzhou&ClusterType=Kubernetes&QueryUpgradableVersion=true")
}

func FuzzParseClusterTasksQuery(f *testing.F) {
	fuzzQuery(f, ParseClusterTasksQuery, "page_number=2&page_size=20")
}
