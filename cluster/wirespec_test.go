package cluster_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/internal/wire"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// viaJSON sends a request through its JSON encoding, as the fake receives
// it.
func viaJSON(t *testing.T, req *wire.CreateClusterRequest) *wire.CreateClusterRequest {
	t.Helper()
	body, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	var out wire.CreateClusterRequest
	if err := json.Unmarshal(body, &out); err != nil {
		t.Fatal(err)
	}
	return &out
}

// zonesOf returns a lookup of the zones s knows.
func zonesOf(s cluster.Spec) func(string) string {
	zones := map[string]string{}
	add := func(vs []cluster.VSwitch) {
		for _, v := range vs {
			zones[v.ID] = v.Zone
		}
	}
	add(s.VSwitches)
	if s.Masters != nil {
		add(s.Masters.VSwitches)
	}
	if s.Workers != nil {
		add(s.Workers.VSwitches)
	}
	return func(id string) string { return zones[id] }
}

func TestValidateCreateRequestBreaksTheSameRule(t *testing.T) {
	for _, c := range ruleCases {
		if c.specOnly {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			req := viaJSON(t, clusterWire.CreateRequest(c.build()))
			err := clusterWire.ValidateCreate(req, c.opts...)
			if diff := cmp.Diff(c.want(), broken(t, err)); diff != "" {
				t.Errorf("ValidateCreateRequest (-want +got):\n%s\nerror: %v", diff, err)
			}
		})
	}
}

func TestValidateCreateRequestPresets(t *testing.T) {
	s := managedProSpec()
	s.SNAT = cluster.Bool(false)
	req := clusterWire.CreateRequest(s)
	if got := broken(t, clusterWire.ValidateCreate(req)); !cmp.Equal(got, []string{"cluster.nat.required @ snat"}) {
		t.Errorf("product preset: %v", got)
	}
	if err := clusterWire.ValidateCreate(req, cluster.WithPreset(cluster.PresetCurrent)); err != nil {
		t.Errorf("current preset: %v", err)
	}
}

func TestCreateRequestRoundTrip(t *testing.T) {
	for name, s := range validSpecs() {
		t.Run(name, func(t *testing.T) {
			req := viaJSON(t, clusterWire.CreateRequest(s))
			if err := clusterWire.ValidateCreate(req); err != nil {
				t.Errorf("ValidateCreateRequest: %v", err)
			}
			got, err := clusterWire.SpecFromCreate(req)
			if err != nil {
				t.Fatalf("SpecFromCreateRequest: %v", err)
			}
			for _, v := range got.VSwitches {
				if v.Zone != "" {
					t.Errorf("vSwitch %s has zone %q from the wire", v.ID, v.Zone)
				}
			}
			if diff := cmp.Diff(s, got.WithZones(zonesOf(s))); diff != "" {
				t.Errorf("round trip (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSNATFalseSurvives(t *testing.T) {
	tests := []struct {
		snat *bool
		json string // what the body says about snat_entry; "" for nothing
	}{
		{cluster.Bool(false), `"snat_entry":false`},
		{cluster.Bool(true), `"snat_entry":true`},
		{nil, ""},
	}
	for _, tt := range tests {
		s := serverlessSpec()
		s.SNAT = tt.snat
		body, err := json.Marshal(clusterWire.CreateRequest(s))
		if err != nil {
			t.Fatal(err)
		}
		has := strings.Contains(string(body), "snat_entry")
		if tt.json == "" && has || tt.json != "" && !strings.Contains(string(body), tt.json) {
			t.Errorf("SNAT %v: body %s", tt.snat, body)
		}
		var req wire.CreateClusterRequest
		if err := json.Unmarshal(body, &req); err != nil {
			t.Fatal(err)
		}
		got, err := clusterWire.SpecFromCreate(&req)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.snat, got.SNAT); diff != "" {
			t.Errorf("SNAT (-want +got):\n%s", diff)
		}
	}
}

func TestCreateRequestGolden(t *testing.T) {
	for name, s := range map[string]cluster.Spec{
		"create_dedicated":   dedicatedSpec(),
		"create_managed_pro": managedProSpec(),
		"create_serverless":  serverlessSpec(),
	} {
		t.Run(name, func(t *testing.T) {
			got, err := json.MarshalIndent(clusterWire.CreateRequest(s), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", name+".json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to write it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("%s (-want +got):\n%s", path, diff)
			}
		})
	}
}

func TestSpecFromCreateRequest(t *testing.T) {
	tests := []struct {
		name string
		body string
		want cluster.Spec
		errs []string // rule @ field of the decoding violations
	}{
		{
			name: "legacy serverless with the nat_gateway alias",
			body: `{"name":"ask","region_id":"cn-hangzhou","cluster_type":"Ask","vpcid":"vpc-1","nat_gateway":false,"private_zone":true}`,
			want: cluster.Spec{Name: "ask", Region: "cn-hangzhou", Form: cluster.Serverless, VPCID: "vpc-1", SNAT: cluster.Bool(false)},
		},
		{
			name: "dedicated by control_plane_config",
			body: `{"name":"d","region_id":"r","cluster_type":"Kubernetes","master_vswitch_ids":["v1","v2","v3"],
				"control_plane_config":{"size":3,"instance_types":["t1","t2","t3"],"charge_type":"PrePaid","system_disk_category":"cloud_essd",
				"system_disk_size":200,"key_pair":"kp","cloud_monitor_flags":true},
				"addons":[{"name":"terway-eni","config":"{}"},{"name":"terway-controlplane"},{"name":"csi-plugin","version":"1.2"}]}`,
			want: cluster.Spec{
				Name: "d", Region: "r", Form: cluster.Dedicated, CloudMonitor: true,
				Network: cluster.Network{Plugin: cluster.Terway, PluginConfig: "{}"},
				Addons:  []cluster.Addon{{Name: "csi-plugin", Version: "1.2"}},
				Masters: &cluster.Masters{
					Count: 3, InstanceTypes: []string{"t1", "t2", "t3"},
					VSwitches:  []cluster.VSwitch{{ID: "v1"}, {ID: "v2"}, {ID: "v3"}},
					SystemDisk: cluster.Disk{Category: "cloud_essd", Size: 200}, ChargeType: "PrePaid",
				},
				Login: cluster.Login{KeyPair: "kp"},
			},
		},
		{
			name: "cloud monitor as an addon, disabled addons ignored",
			body: `{"name":"m","region_id":"r","cluster_type":"ManagedKubernetes","cluster_spec":"ack.pro.small",
				"addons":[{"name":"flannel"},{"name":"cloud-monitor"}],"container_cidr":"10.0.0.0/8","node_cidr_mask":" 25 "}`,
			want: cluster.Spec{Name: "m", Region: "r", Form: cluster.ManagedPro, CloudMonitor: true,
				Network: cluster.Network{Plugin: cluster.Flannel, PodCIDR: "10.0.0.0/8", NodeCIDRMask: 25}},
		},
		{
			name: "what cannot be decoded",
			body: `{"name":"x","region_id":"r","cluster_type":"ManagedKubernetes","profile":"Edge","node_cidr_mask":"26/32",
				"addons":[{"name":"flannel"},{"name":"terway-eniip"}]}`,
			want: cluster.Spec{Name: "x", Region: "r", Network: cluster.Network{Plugin: cluster.Flannel}},
			errs: []string{
				"cluster.form.known @ form",
				"cluster.network.node_cidr_mask @ network.node_cidr_mask",
				"cluster.network.plugin @ network.plugin",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var req wire.CreateClusterRequest
			if err := json.Unmarshal([]byte(tt.body), &req); err != nil {
				t.Fatal(err)
			}
			got, err := clusterWire.SpecFromCreate(&req)
			if diff := cmp.Diff(tt.errs, broken(t, err)); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("spec (-want +got):\n%s", diff)
			}
			// ValidateCreateRequest lists the decoding violations once,
			// among the others, in registry order.
			all := broken(t, clusterWire.ValidateCreate(&req))
			for _, e := range tt.errs {
				n := 0
				for _, a := range all {
					if a == e {
						n++
					}
				}
				if n != 1 {
					t.Errorf("ValidateCreateRequest lists %s %d times: %v", e, n, all)
				}
			}
		})
	}
	if _, err := clusterWire.SpecFromCreate(nil); !isInvalid(err) {
		t.Errorf("nil request: %v", err)
	}
	if err := clusterWire.ValidateCreate(nil); !isInvalid(err) {
		t.Errorf("nil request: %v", err)
	}
}

func TestCreateRequestCarriesThePassword(t *testing.T) {
	s := dedicatedSpec()
	req := clusterWire.CreateRequest(s)
	if req.LoginPassword != "Ack-Test-2024" {
		t.Errorf("login_password = %q", req.LoginPassword)
	}
	got, _ := clusterWire.SpecFromCreate(req)
	if !got.Login.Password.Equal(ack.NewSecret("Ack-Test-2024")) {
		t.Errorf("password did not survive decoding")
	}
}

func TestSpecFromDetail(t *testing.T) {
	d := &wire.ClusterDetail{
		ClusterID: "c-1", Name: "prod", RegionID: "cn-beijing", ClusterType: "ManagedKubernetes", ClusterSpec: "ack.pro.small",
		State: "running", CurrentVersion: "1.32.1-aliyun.1", InitVersion: "1.30.1-aliyun.1",
		VPCID: "vpc-2", VSwitchID: "vsw-a,vsw-b", ResourceGroupID: "rg-1",
		ContainerCIDR: "172.20.0.0/16", ServiceCIDR: "172.21.0.0/20", NodeCIDRMask: "26",
		Timezone: "Asia/Shanghai", DeletionProtection: true,
		Tags:              []wire.Tag{{Key: "env", Value: "prod"}},
		MaintenanceWindow: &wire.MaintenanceWindow{Enable: wire.Bool(true), MaintenanceTime: "03:00:00Z", Duration: "3h"},
	}
	d.SetMasterURL(wire.MasterURL{APIServerEndpoint: "https://47.0.0.1:6443", IntranetAPIServerEndpoint: "https://192.168.0.1:6443"})
	if err := d.SetMetaData(wire.MetaData{"Addons": []any{
		map[string]any{"name": "flannel", "config": ""},
		map[string]any{"name": "csi-plugin", "version": "1.30"},
		"junk",
	}, "MultiAZ": true}); err != nil {
		t.Fatal(err)
	}
	want := cluster.Spec{
		Name: "prod", Region: "cn-beijing", Form: cluster.ManagedPro, KubernetesVersion: "1.32.1-aliyun.1",
		ResourceGroupID: "rg-1", VPCID: "vpc-2", VSwitches: []cluster.VSwitch{{ID: "vsw-a"}, {ID: "vsw-b"}},
		Network:        cluster.Network{Plugin: cluster.Flannel, PodCIDR: "172.20.0.0/16", NodeCIDRMask: 26},
		ServiceCIDR:    "172.21.0.0/20",
		PublicEndpoint: true, DeletionProtection: true,
		Tags:              []cluster.Tag{{Key: "env", Value: "prod"}},
		Timezone:          "Asia/Shanghai",
		MaintenanceWindow: &cluster.MaintenanceWindow{Enabled: true, StartTime: "03:00:00Z", Duration: "3h"},
		Addons:            []cluster.Addon{{Name: "csi-plugin", Version: "1.30"}},
	}
	if diff := cmp.Diff(want, clusterWire.SpecFromDetail(d)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}

	// A dedicated cluster's masters; malformed embedded JSON is skipped.
	ded := &wire.ClusterDetail{
		Name: "d", ClusterType: "Kubernetes", VSwitchIDs: []string{"vsw-1"}, MasterURL: "{", MetaData: "[",
		ControlPlaneConfig: &wire.ControlPlaneConfig{Size: 5, InstanceTypes: []string{"t"}, SystemDiskSize: 120, CloudMonitorFlags: wire.Bool(true)},
	}
	wantDed := cluster.Spec{
		Name: "d", Form: cluster.Dedicated, VSwitches: []cluster.VSwitch{{ID: "vsw-1"}}, CloudMonitor: true,
		Masters: &cluster.Masters{Count: 5, InstanceTypes: []string{"t"}, SystemDisk: cluster.Disk{Size: 120}},
	}
	if diff := cmp.Diff(wantDed, clusterWire.SpecFromDetail(ded)); diff != "" {
		t.Errorf("dedicated (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(cluster.Spec{}, clusterWire.SpecFromDetail(nil)); diff != "" {
		t.Errorf("nil detail (-want +got):\n%s", diff)
	}
}

// The modify flow of a client: describe, copy, edit, check, send.
func TestModifyFromDetail(t *testing.T) {
	d := &wire.ClusterDetail{Name: "prod", ClusterType: "ManagedKubernetes", VPCID: "vpc-1", VSwitchIDs: []string{"vsw-a"}, Timezone: "UTC"}
	old := clusterWire.SpecFromDetail(d)
	desired := old.Clone()
	desired.Name = "prod-2"
	desired.Timezone = "Asia/Shanghai"
	if err := cluster.CheckChange(old, desired, cluster.WithPreset(cluster.PresetProduct)); err != nil {
		t.Fatal(err)
	}
	req, err := clusterWire.ModifyRequest(old, desired)
	if err != nil {
		t.Fatal(err)
	}
	want := &wire.ModifyClusterRequest{ClusterName: "prod-2", Timezone: "Asia/Shanghai"}
	if diff := cmp.Diff(want, req); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	desired.VPCID = "vpc-2"
	if err := cluster.CheckChange(old, desired, cluster.WithPreset(cluster.PresetProduct)); !isInvalid(err) {
		t.Errorf("VPC change: %v", err)
	}
}

// TestCheckCreateIsValidateAndDecode checks that the one reading the fake
// makes of a create body gives the Spec SpecFromCreate reads and the
// violations ValidateCreate reports, for bodies that keep every rule and
// bodies that break one.
func TestCheckCreateIsValidateAndDecode(t *testing.T) {
	type body struct {
		req  *wire.CreateClusterRequest
		opts []cluster.ValidationOption
	}
	bodies := map[string]body{}
	for name, s := range validSpecs() {
		bodies["valid "+name] = body{req: viaJSON(t, clusterWire.CreateRequest(s))}
	}
	for _, c := range ruleCases {
		if !c.specOnly {
			bodies["breaks "+c.name] = body{req: viaJSON(t, clusterWire.CreateRequest(c.build())), opts: c.opts}
		}
	}
	for name, b := range bodies {
		t.Run(name, func(t *testing.T) {
			got, err := clusterWire.CheckCreate(b.req, b.opts...)
			want, _ := clusterWire.SpecFromCreate(b.req)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("CheckCreate's Spec (-SpecFromCreate +CheckCreate):\n%s", diff)
			}
			if diff := cmp.Diff(broken(t, clusterWire.ValidateCreate(b.req, b.opts...)), broken(t, err)); diff != "" {
				t.Errorf("CheckCreate's violations (-ValidateCreate +CheckCreate):\n%s", diff)
			}
		})
	}
}
