package quota_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/quota"
	"github.com/google/go-cmp/cmp"
)

// createOnFake creates a cluster of the kind on the fake, each in a VPC of
// its own, and returns its ID.
func createOnFake(t *testing.T, cfg *ack.Config, kind quota.ClusterKind, n int) string {
	t.Helper()
	name := fmt.Sprintf("%s-%d", kind, n)
	req := &wire.CreateClusterRequest{
		Name: name, RegionID: fake.DefaultRegion,
		VPCID: fmt.Sprintf("vpc-quota%03d", n), VSwitchIDs: []string{fmt.Sprintf("vsw-quota%03d", n)},
		ServiceCIDR: "172.21.0.0/20",
	}
	switch kind {
	case quota.Dedicated:
		req.ClusterType = "Kubernetes"
		req.MasterCount = 3
		req.MasterVSwitchIDs = []string{req.VSwitchIDs[0], req.VSwitchIDs[0], req.VSwitchIDs[0]}
		req.MasterInstanceTypes = []string{"ecs.g7.large", "ecs.g7.large", "ecs.g7.large"}
		req.ContainerCIDR, req.SNATEntry, req.LoginPassword = "172.20.0.0/16", wire.Bool(true), "Hello1234!"
		req.Addons = []wire.Addon{{Name: "flannel"}}
	case quota.Managed:
		req.ClusterType, req.ClusterSpec = "ManagedKubernetes", "ack.pro.small"
		req.ContainerCIDR, req.SNATEntry = "172.20.0.0/16", wire.Bool(true)
		req.Addons = []wire.Addon{{Name: "flannel"}}
	case quota.Serverless:
		req.ClusterType, req.Profile = "ManagedKubernetes", "Serverless"
	}
	body, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	r := wire.NewRequest(wire.ActionCreateCluster)
	r.Body = body
	resp, err := cfg.Do(context.Background(), r)
	if err != nil {
		t.Fatalf("create %s: %v", name, err)
	}
	out, err := wire.Decode[wire.CreateClusterResponse](resp.Body)
	if err != nil || out.ClusterID == "" {
		t.Fatalf("create %s: %s (%v)", name, resp.Body, err)
	}
	return out.ClusterID
}

// actions returns the actions of the fake's call log, and fails the test
// on any call that is not a read.
func actions(t *testing.T, cloud *fake.Cloud) []string {
	t.Helper()
	var got []string
	for _, c := range cloud.Calls() {
		if c.Method != http.MethodGet {
			t.Errorf("call %v is not a read", c)
		}
		got = append(got, c.Action)
	}
	return got
}

// TestPreflightOnFake runs the client against the in-process fake, an
// account at the product's defaults: 10 dedicated + managed clusters
// (six dedicated, four managed), the 2 serverless clusters, and 40 nodes
// per cluster, of which the first dedicated cluster uses 38 (its three
// masters and a node pool of 35). Each plan of the acceptance (an 11th
// cluster, a 3rd serverless one, nodes past 40) is flagged with the exact
// reads it needs, all of them GETs.
func TestPreflightOnFake(t *testing.T) {
	cloud := fake.New(fake.WithProgressions(fake.Immediately()))
	cfg := cloud.Config()
	var dedicated string
	for i := range 6 {
		id := createOnFake(t, cfg, quota.Dedicated, i)
		if i == 0 {
			dedicated = id
		}
	}
	for i := 6; i < 10; i++ {
		createOnFake(t, cfg, quota.Managed, i)
	}
	for i := 10; i < 12; i++ {
		createOnFake(t, cfg, quota.Serverless, i)
	}
	pool := nodepool.Spec{
		Name: "workers", VSwitchIDs: []string{"vsw-quota000"}, InstanceTypes: []string{"ecs.g7.xlarge"},
		DesiredSize: 35, KeyPair: "ops",
	}
	body, err := json.Marshal(poolWire.CreateRequest(pool))
	if err != nil {
		t.Fatal(err)
	}
	req := wire.NewRequest(wire.ActionCreateClusterNodePool, dedicated)
	req.Body = body
	if _, err := cfg.Do(context.Background(), req); err != nil {
		t.Fatalf("create a pool of 35: %v", err)
	}

	tests := []struct {
		name        string
		plan        quota.Plan
		want        quota.Violations
		wantActions []string
	}{
		{
			name:        "11th dedicated + managed cluster",
			plan:        quota.Plan{Create: []quota.NewCluster{{Kind: quota.Managed}}},
			want:        quota.Violations{violation(quota.LimitClusters, "account", 10, 1, 10)},
			wantActions: []string{"DescribeUserQuota", "DescribeClustersV1"},
		},
		{
			name:        "3rd serverless cluster",
			plan:        quota.Plan{Create: []quota.NewCluster{{Kind: quota.Serverless}}},
			want:        quota.Violations{violation(quota.LimitServerlessClusters, "account", 2, 1, 2)},
			wantActions: []string{"DescribeUserQuota", "DescribeClustersV1"},
		},
		{
			name:        "nodes past 40",
			plan:        quota.Plan{Change: []quota.ClusterChange{{ClusterID: dedicated, AddNodes: 3}}},
			want:        quota.Violations{violation(quota.LimitNodes, "cluster "+dedicated, 38, 3, 40)},
			wantActions: []string{"DescribeUserQuota", "DescribeClusterNodes"},
		},
		{
			name: "every plan at once",
			plan: quota.Plan{
				Create: []quota.NewCluster{{Kind: quota.Dedicated}, {Kind: quota.Serverless}},
				Change: []quota.ClusterChange{{ClusterID: dedicated, AddNodes: 3, AddNodePools: 1}},
			},
			want: quota.Violations{
				violation(quota.LimitClusters, "account", 10, 1, 10),
				violation(quota.LimitServerlessClusters, "account", 2, 1, 2),
				violation(quota.LimitNodes, "cluster "+dedicated, 38, 3, 40),
			},
			wantActions: []string{"DescribeUserQuota", "DescribeClustersV1", "DescribeClusterNodes", "DescribeClusterNodePools"},
		},
		{
			name:        "nodes up to 40 fit",
			plan:        quota.Plan{Change: []quota.ClusterChange{{ClusterID: dedicated, AddNodes: 2}}},
			wantActions: []string{"DescribeUserQuota", "DescribeClusterNodes"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cloud.ClearCalls()
			err := quota.NewClient(cfg).Preflight(context.Background(), tt.plan)
			var got quota.Violations
			var ex *quota.ExceededError
			switch {
			case errors.As(err, &ex):
				got = ex.Violations
			case err != nil:
				t.Fatalf("Preflight: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("violations mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantActions, actions(t, cloud)); diff != "" {
				t.Errorf("actions mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLimitsOnFake reads the limits the fake was given.
func TestLimitsOnFake(t *testing.T) {
	want := quota.CurrentDefaults()
	want.NodePoolsPerCluster.Max = 7
	cloud := fake.New(fake.WithLimits(want))
	r, err := quota.NewClient(cloud.Config()).DescribeLimits(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, r.Limits); diff != "" {
		t.Errorf("Limits mismatch (-want +got):\n%s", diff)
	}
	calls := cloud.Calls()
	if len(calls) != 1 || calls[0].Action != "DescribeUserQuota" || calls[0].RequestID != r.RequestID || r.RequestID == "" {
		t.Errorf("calls = %v, want one DescribeUserQuota answered with request id %q", calls, r.RequestID)
	}
}
