package wire

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// decodeGolden decodes a golden file into a T.
func decodeGolden[T any](t *testing.T, name string) T {
	t.Helper()
	v, err := Decode[T](readGolden(t, name))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// The round trip proves that no key is lost; these checks prove that the
// keys land in the intended fields with the intended types.

func TestCreateClusterGoldenFields(t *testing.T) {
	ded := decodeGolden[CreateClusterRequest](t, "create_cluster_dedicated.json")
	pro := decodeGolden[CreateClusterRequest](t, "create_cluster_managed_pro.json")
	srv := decodeGolden[CreateClusterRequest](t, "create_cluster_serverless.json")

	type view struct {
		Type, Profile, Spec, VPC, Mask   string
		SNAT, Public, EnterpriseSG, Prot *bool
		MasterCount                      int64
		MasterAutoRenew                  *bool
		WorkerDiskSize                   string
		NumOfNodes                       *int64
		Pools                            int
	}
	got := func(r CreateClusterRequest) view {
		v := view{
			Type: r.ClusterType, Profile: r.Profile, Spec: r.ClusterSpec, VPC: r.VPCID, Mask: r.NodeCIDRMask,
			SNAT: r.SNATEntry, Public: r.EndpointPublicAccess, EnterpriseSG: r.IsEnterpriseSecurityGroup,
			Prot: r.DeletionProtection, MasterCount: r.MasterCount, MasterAutoRenew: r.MasterAutoRenew,
			NumOfNodes: r.NumOfNodes, Pools: len(r.Nodepools),
		}
		if len(r.WorkerDataDisks) > 0 {
			v.WorkerDiskSize = r.WorkerDataDisks[0].Size
		}
		return v
	}
	tests := []struct {
		name string
		req  CreateClusterRequest
		want view
	}{
		{"dedicated", ded, view{
			Type: "Kubernetes", VPC: "vpc-2zeik9h3ahvv2zz95****", Mask: "26",
			SNAT: Bool(true), Public: Bool(false), EnterpriseSG: Bool(false), Prot: Bool(true),
			MasterCount: 3, MasterAutoRenew: Bool(false), WorkerDiskSize: "200", NumOfNodes: Int(3),
		}},
		{"managed pro", pro, view{
			Type: "ManagedKubernetes", Profile: "Default", Spec: "ack.pro.small", VPC: "vpc-bp1kd7yn4qnrvuc5****",
			SNAT: Bool(true), Public: Bool(true), EnterpriseSG: Bool(true), Prot: Bool(false), Pools: 1,
		}},
		{"serverless", srv, view{
			Type: "ManagedKubernetes", Profile: "Serverless", Spec: "ack.standard", VPC: "vpc-uf6nsyt4a2gf5r1o****",
			SNAT: Bool(false), Public: Bool(false), Prot: Bool(false),
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, got(tc.req)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}

	pool := pro.Nodepools[0]
	if pool.ScalingGroup.DesiredSize == nil || *pool.ScalingGroup.DesiredSize != 0 {
		t.Errorf("desired_size 0 was not kept: %v", pool.ScalingGroup.DesiredSize)
	}
	if got := pool.NodeConfig.KubeletConfiguration.MaxPods; got != 64 {
		t.Errorf("maxPods = %d, want 64", got)
	}
	if got := pool.ScalingGroup.DataDisks[0].Size; got != 200 {
		t.Errorf("node pool data disk size = %d, want 200 (an integer)", got)
	}
	if srv.NATGateway == nil || *srv.NATGateway {
		t.Errorf("nat_gateway false was not kept: %v", srv.NATGateway)
	}
}

func TestClusterDetailGoldenFields(t *testing.T) {
	d := decodeGolden[ClusterDetail](t, "describe_cluster_detail.json")
	mu, err := d.DecodeMasterURL()
	if err != nil {
		t.Fatal(err)
	}
	want := MasterURL{APIServerEndpoint: "https://47.96.1.1:6443", IntranetAPIServerEndpoint: "https://192.168.0.251:6443"}
	if diff := cmp.Diff(want, mu); diff != "" {
		t.Errorf("master_url (-want +got):\n%s", diff)
	}
	md, err := d.DecodeMetaData()
	if err != nil {
		t.Fatal(err)
	}
	if md.KubernetesVersion() != "1.30.7-aliyun.1" || md.SubClass() != "default" || !md.MultiAZ() {
		t.Errorf("meta_data = %v", md)
	}
	if d.VPCID != "vpc-bp1kd7yn4qnrvuc5****" || d.State != "running" || d.Size != 5 || d.NextVersion != "1.31.1-aliyun.1" {
		t.Errorf("detail fields: vpc %q state %q size %d next %q", d.VPCID, d.State, d.Size, d.NextVersion)
	}
	if d.Parameters["MasterAutoRenew"] != "true" {
		t.Errorf("parameters = %v", d.Parameters)
	}
	if d.MaintenanceWindow == nil || d.MaintenanceWindow.Enable == nil || *d.MaintenanceWindow.Enable {
		t.Errorf("maintenance_window.enable false was not kept: %+v", d.MaintenanceWindow)
	}

	list := decodeGolden[DescribeClustersV1Response](t, "describe_clusters_v1.json")
	if diff := cmp.Diff(PageInfo{PageNumber: 1, PageSize: 10, TotalCount: 2}, list.PageInfo); diff != "" {
		t.Errorf("page_info (-want +got):\n%s", diff)
	}
	mu, err = list.Clusters[0].DecodeMasterURL()
	if err != nil || mu.APIServerEndpoint != "" || mu.IntranetAPIServerEndpoint != "https://192.168.0.10:6443" {
		t.Errorf("list master_url = %+v, %v", mu, err)
	}
	if mu, err := list.Clusters[1].DecodeMasterURL(); err != nil || mu != (MasterURL{}) {
		t.Errorf("absent master_url = %+v, %v; want zero, nil", mu, err)
	}
}

func TestNodeAndNodePoolGoldenFields(t *testing.T) {
	nodes := decodeGolden[DescribeClusterNodesResponse](t, "describe_cluster_nodes.json")
	if len(nodes.Nodes) != 2 || nodes.Page.TotalCount != 2 {
		t.Fatalf("nodes = %d, page = %+v", len(nodes.Nodes), nodes.Page)
	}
	if n := nodes.Nodes[0]; n.NodeName != "cn-beijing.192.168.0.36" || !n.IsAliyunNode || n.IPAddress[0] != "192.168.0.36" {
		t.Errorf("node 0 = %+v", n)
	}

	d := decodeGolden[NodePoolDetail](t, "node_pool_detail.json")
	wantStatus := NodePoolStatus{
		State: "active", TotalNodes: 2, ServingNodes: 2, HealthyNodes: 2,
		Conditions: []NodePoolCondition{{Type: "Ready", Status: "True", Reason: "Steady", LastTransitionTime: "2020-09-27T20:37:46+08:00"}},
	}
	if diff := cmp.Diff(&wantStatus, d.Status); diff != "" {
		t.Errorf("status (-want +got):\n%s", diff)
	}
	if d.NodepoolInfo.NodepoolID != "np615c0e0966124216a0412e10afe0****" || !BoolValue(d.NodepoolInfo.IsDefault, false) {
		t.Errorf("nodepool_info = %+v", d.NodepoolInfo)
	}
	if d.ScalingGroup.ScalingGroupID != "asg-2zeieod8giqmov7z****" {
		t.Errorf("scaling_group_id = %q", d.ScalingGroup.ScalingGroupID)
	}
	if IntValue(d.AutoScaling.MinInstances, -1) != 0 || IntValue(d.AutoScaling.MaxInstances, -1) != 0 {
		t.Errorf("auto_scaling zeros not kept: %+v", d.AutoScaling)
	}

	req := decodeGolden[Nodepool](t, "create_node_pool.json")
	kc := req.NodeConfig.KubeletConfiguration
	if kc.MaxPods != 110 || kc.ReadOnlyPort == nil || *kc.ReadOnlyPort != 0 || kc.CPUCFSQuota == nil || *kc.CPUCFSQuota {
		t.Errorf("kubelet config = %+v", kc)
	}
	if req.ScalingGroup.OnDemandBaseCapacity == nil || *req.ScalingGroup.OnDemandBaseCapacity != 0 {
		t.Errorf("on_demand_base_capacity 0 not kept")
	}
}

func TestTaskQuotaVersionGoldenFields(t *testing.T) {
	ok := decodeGolden[TaskInfo](t, "describe_task_info_success.json")
	if ok.State != "success" || ok.Error != nil || len(ok.TaskResult) != 2 || ok.TaskResult[1].Data != "i-yyy" {
		t.Errorf("success task = %+v", ok)
	}
	failed := decodeGolden[TaskInfo](t, "describe_task_info_failed.json")
	if diff := cmp.Diff(&TaskError{Code: "400", Message: "failed to install addon: quota exceeded"}, failed.Error); diff != "" {
		t.Errorf("task error (-want +got):\n%s", diff)
	}

	q := decodeGolden[UserQuota](t, "describe_user_quota.json")
	wantItem := QuotaItem{Quota: "1", OperationCode: "q_Kubernetes_Cluster", Adjustable: true, Unit: "Cluster"}
	if diff := cmp.Diff(wantItem, q.Quotas["key"]); diff != "" {
		t.Errorf("quotas[key] (-want +got):\n%s", diff)
	}
	if q.ClusterQuota != 50 || q.ASKClusterQuota != 3 || q.Quotas["q_Kubernetes_Node"].Adjustable {
		t.Errorf("quota = %+v", q)
	}

	vs, err := DecodeVersionMetadata(readGolden(t, "version_metadata.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 2 || !vs[0].Creatable || vs[1].Creatable || vs[0].MetaData.SubClass() != "default" || vs[0].Images[1].Architecture != "arm64" {
		t.Errorf("versions = %+v", vs)
	}
	if _, err := DecodeVersionMetadata([]byte(`{"version":"1.31.1-aliyun.1"}`)); err == nil {
		t.Error("an object was accepted as version metadata; the answer is a bare array")
	}

	st := decodeGolden[UpgradeStatus](t, "get_upgrade_status.json")
	if st.Status != "running" || st.UpgradeStep != "upgrading" || st.UpgradeTask == nil || st.UpgradeTask.Message != "upgrading master nodes" {
		t.Errorf("upgrade status = %+v", st)
	}
	up := decodeGolden[UpgradeNodePoolResponse](t, "upgrade_node_pool_response.json")
	if up.RequestID != "F04DF81D-5C12-1524-B36A-86E02526****" {
		t.Errorf("capitalised RequestId not read: %+v", up)
	}
}

// TestThreeStateBooleans checks that false and zero survive encoding where
// ACK's default differs, and that nil is not sent.
func TestThreeStateBooleans(t *testing.T) {
	tests := []struct {
		name    string
		v       any
		present map[string]string // key -> encoded value
		absent  []string
	}{
		{"snat false", CreateClusterRequest{SNATEntry: Bool(false), IsEnterpriseSecurityGroup: Bool(false), MasterAutoRenew: Bool(false)},
			map[string]string{"snat_entry": "false", "is_enterprise_security_group": "false", "master_auto_renew": "false"},
			[]string{"nat_gateway", "endpoint_public_access", "deletion_protection"}},
		{"nil not sent", CreateClusterRequest{},
			map[string]string{"name": `""`, "region_id": `""`, "cluster_type": `""`},
			[]string{"snat_entry", "is_enterprise_security_group", "master_auto_renew", "num_of_nodes", "nodepools"}},
		{"desired size zero", ScalingGroup{DesiredSize: Int(0)},
			map[string]string{"desired_size": "0"}, []string{"auto_renew"}},
		{"maintenance off", ModifyClusterRequest{MaintenanceWindow: &MaintenanceWindow{Enable: Bool(false)}},
			map[string]string{"maintenance_window": `{"enable":false}`}, []string{"deletion_protection"}},
		{"clear taints", KubernetesConfig{Taints: []Taint{}},
			map[string]string{"taints": "[]"}, []string{"labels"}},
		{"scale count always sent", ScaleNodePoolRequest{},
			map[string]string{"count": "0"}, nil},
		{"empty page is []", DescribeClustersV1Response{},
			map[string]string{"clusters": "[]"}, nil},
		{"no tasks is []", ClusterTasksResponse{},
			map[string]string{"tasks": "[]"}, nil},
		{"no nodes is []", DescribeClusterNodesResponse{},
			map[string]string{"nodes": "[]"}, nil},
		{"no pools is []", DescribeNodePoolsResponse{},
			map[string]string{"nodepools": "[]"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := json.Marshal(tc.v)
			if err != nil {
				t.Fatal(err)
			}
			var m map[string]json.RawMessage
			if err := json.Unmarshal(b, &m); err != nil {
				t.Fatal(err)
			}
			for k, want := range tc.present {
				if got := string(m[k]); got != want {
					t.Errorf("%s = %s, want %s in %s", k, got, want, b)
				}
			}
			for _, k := range tc.absent {
				if _, ok := m[k]; ok {
					t.Errorf("%s sent in %s", k, b)
				}
			}
		})
	}

	// And back: false decodes to a non-nil pointer.
	var r CreateClusterRequest
	if err := json.Unmarshal([]byte(`{"snat_entry":false}`), &r); err != nil {
		t.Fatal(err)
	}
	if r.SNATEntry == nil || *r.SNATEntry {
		t.Errorf("snat_entry false decoded as %v", r.SNATEntry)
	}
	if r.IsEnterpriseSecurityGroup != nil {
		t.Errorf("absent is_enterprise_security_group decoded as %v", *r.IsEnterpriseSecurityGroup)
	}
}

func TestMetaDataEncode(t *testing.T) {
	var d ClusterDetail
	d.SetMasterURL(MasterURL{APIServerEndpoint: "https://1.2.3.4:6443"})
	if err := d.SetMetaData(MetaData{"KubernetesVersion": "1.31.1-aliyun.1", "MultiAZ": true}); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	// Both are strings holding JSON on the wire.
	for _, want := range []string{
		`"master_url":"{\"api_server_endpoint\":\"https://1.2.3.4:6443\",\"intranet_api_server_endpoint\":\"\"}"`,
		`"meta_data":"{\"KubernetesVersion\":\"1.31.1-aliyun.1\",\"MultiAZ\":true}"`,
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("%s lacks %s", b, want)
		}
	}
	if _, err := ParseMasterURL(`["not","an","object"]`); err == nil {
		t.Error("ParseMasterURL accepted an array")
	}
	if _, err := ParseMetaData(`{`); err == nil {
		t.Error("ParseMetaData accepted broken JSON")
	}
	d.ClusterID = "c-1"
	d.MetaData = "nope"
	if _, err := d.DecodeMetaData(); err == nil || !strings.Contains(err.Error(), "cluster c-1") {
		t.Errorf("error %v does not name the cluster", err)
	}
}
