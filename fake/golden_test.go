package fake_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// golden compares got with testdata/name, or rewrites the file with
// -update. JSON is compared indented.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	if filepath.Ext(name) == ".json" {
		var b bytes.Buffer
		if err := json.Indent(&b, got, "", "  "); err != nil {
			t.Fatalf("%s: answer is not JSON: %v\n%s", name, err, got)
		}
		b.WriteByte('\n')
		got = b.Bytes()
	}
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s (-want +got):\n%s", name, diff)
	}
}

// TestWireShapes records the fake's answers for a scripted session in
// golden files: IDs, request IDs and times are deterministic.
func TestWireShapes(t *testing.T) {
	c := fake.New(
		fake.WithVPC(fake.VPC{ID: "vpc-golden", CIDR: "192.168.0.0/16"}),
		fake.WithVSwitch(fake.VSwitch{ID: "vsw-golden-h", VPCID: "vpc-golden", ZoneID: "cn-hangzhou-h", CIDR: "192.168.1.0/24"}),
		fake.WithVSwitch(fake.VSwitch{ID: "vsw-golden-k", VPCID: "vpc-golden", ZoneID: "cn-hangzhou-k", CIDR: "192.168.2.0/24"}),
	)
	ded := dedicatedRequest("golden-dedicated")
	ded.VPCID = "vpc-golden"
	ded.VSwitchIDs = []string{"vsw-golden-h"}
	ded.MasterVSwitchIDs = []string{"vsw-golden-h", "vsw-golden-k", "vsw-golden-h"}
	ded.EndpointPublicAccess = wire.Bool(true)
	ded.Tags = []wire.Tag{{Key: "team", Value: "infra"}}
	ded.DeletionProtection = wire.Bool(true)
	ded.MaintenanceWindow = &wire.MaintenanceWindow{Enable: wire.Bool(true), MaintenanceTime: "03:00:00Z", Duration: "3h", WeeklyPeriod: "Monday"}

	create := call(t, c, wire.ActionCreateCluster, nil, nil, ded)
	golden(t, "create_response.json", create.Body)
	cr := decode[wire.CreateClusterResponse](t, create)
	golden(t, "task_running.json", call(t, c, wire.ActionDescribeTaskInfo, []string{cr.TaskID}, nil, nil).Body)
	c.Advance(12 * time.Minute)
	golden(t, "detail_dedicated.json", call(t, c, wire.ActionDescribeClusterDetail, []string{cr.ClusterID}, nil, nil).Body)
	golden(t, "task_success.json", call(t, c, wire.ActionDescribeTaskInfo, []string{cr.TaskID}, nil, nil).Body)
	golden(t, "nodes.json", call(t, c, wire.ActionDescribeClusterNodes, []string{cr.ClusterID}, url.Values{"pageSize": {"2"}}, nil).Body)
	kc := call(t, c, wire.ActionDescribeClusterUserKubeconfig, []string{cr.ClusterID}, url.Values{"TemporaryDurationMinutes": {"60"}}, nil)
	golden(t, "kubeconfig.json", kc.Body)
	golden(t, "kubeconfig.yaml", []byte(decode[wire.KubeconfigResponse](t, kc).Config))

	c.FailNext(fake.ChangeAnyCreate, "ErrorCreateFailed", "the control plane did not come up")
	sls := serverlessRequest("golden-serverless")
	sls.VPCID, sls.VSwitchIDs = "vpc-golden", []string{"vsw-golden-k"}
	failed := decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, sls))
	c.Advance(2 * time.Minute)
	golden(t, "task_failed.json", call(t, c, wire.ActionDescribeTaskInfo, []string{failed.TaskID}, nil, nil).Body)
	golden(t, "list.json", call(t, c, wire.ActionDescribeClustersV1, nil, url.Values{"page_size": {"1"}, "page_number": {"2"}}, nil).Body)
	golden(t, "quota.json", call(t, c, wire.ActionDescribeUserQuota, nil, nil, nil).Body)
	golden(t, "error_not_found.json", call(t, c, wire.ActionDescribeClusterDetail, []string{"cnotthere"}, nil, nil).Body)
	golden(t, "error_deletion_protection.json", call(t, c, wire.ActionDeleteCluster, []string{cr.ClusterID}, nil, nil).Body)
	golden(t, "error_not_implemented.json", call(t, c, wire.ActionRepairClusterNodePool, []string{cr.ClusterID, "np-none"}, nil, map[string]any{}).Body)
	golden(t, "error_validation.json", call(t, c, wire.ActionCreateCluster, nil, nil, &wire.CreateClusterRequest{Name: "-x", RegionID: "cn-hangzhou", ClusterType: "Kubernetes"}).Body)
}

// TestRequestIDs checks that every answer carries its request ID in the
// header and in the body.
func TestRequestIDs(t *testing.T) {
	c := fake.New()
	// A cluster whose tags name the request ID's key: only the top level
	// of an answer counts.
	tagged := managedRequest("tagged")
	tagged.VPCID, tagged.VSwitchIDs = "vpc-tagged", []string{"vsw-tagged"}
	tagged.Tags = []wire.Tag{{Key: "request_id", Value: "requestId"}}
	taggedID := decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, tagged)).ClusterID
	tests := []struct {
		name   string
		action string
		params []string
		body   any
		key    string
	}{
		{"create", wire.ActionCreateCluster, nil, managedRequest("ids"), "request_id"},
		{"detail of a cluster tagged request_id", wire.ActionDescribeClusterDetail, []string{taggedID}, nil, "request_id"},
		{"detail", wire.ActionDescribeClusterDetail, []string{"cnone"}, nil, "requestId"},
		{"quota", wire.ActionDescribeUserQuota, nil, nil, "request_id"},
		{"list", wire.ActionDescribeClustersV1, nil, nil, "request_id"},
		{"not implemented", wire.ActionDescribeClusterTasks, []string{"cnone"}, nil, "requestId"},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := call(t, c, tt.action, tt.params, nil, tt.body)
			m := decode[map[string]any](t, resp)
			if resp.RequestID == "" || m[tt.key] != resp.RequestID || seen[resp.RequestID] {
				t.Fatalf("header %q, body %s %v; want one fresh ID in both", resp.RequestID, tt.key, m[tt.key])
			}
			seen[resp.RequestID] = true
			if ct := resp.Header.Get("Content-Type"); ct == "" {
				t.Error("no Content-Type")
			}
			_ = http.StatusOK
		})
	}
}
