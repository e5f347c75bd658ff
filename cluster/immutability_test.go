package cluster_test

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
)

// changeCase is a modification, as an edit of a spec and as a raw
// ModifyCluster body asking for the same change.
type changeCase struct {
	name   string
	rule   string // "" for a change ACK allows
	preset cluster.Preset
	base   func() cluster.Spec
	edit   func(*cluster.Spec)
	// body is a ModifyCluster body that makes the same change; "" when no
	// body can (clearing a field, tags).
	body string
	// zones are the zones the fake would know for new vSwitches.
	zones  map[string]string
	fields []string
}

func (c changeCase) build() cluster.Spec {
	s := c.base()
	c.edit(&s)
	return s
}

func (c changeCase) want() []string {
	var out []string
	for _, f := range c.fields {
		out = append(out, c.rule+" @ "+f)
	}
	return out
}

var refusedChanges = []changeCase{
	{name: "new VPC", rule: "cluster.immutable.vpc", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.VPCID = "vpc-9" }, body: `{"vpcid":"vpc-9"}`, fields: []string{"vpc_id"}},
	{name: "new VPC as vpc_id", rule: "cluster.immutable.vpc", preset: cluster.PresetCurrent, base: serverlessSpec,
		edit: func(s *cluster.Spec) { s.VPCID = "vpc-9" }, body: `{"vpc_id":"vpc-9"}`, fields: []string{"vpc_id"}},
	{name: "single zone to two zones", rule: "cluster.immutable.multi_zone", base: basicFlannelSpec,
		edit: func(s *cluster.Spec) {
			s.VSwitches = append(s.VSwitches, cluster.VSwitch{ID: "vsw-c", Zone: "cn-beijing-i"})
		},
		body: `{"vswitch_ids":["vsw-a","vsw-c"]}`, zones: map[string]string{"vsw-c": "cn-beijing-i"}, fields: []string{"vswitches"}},
	{name: "single zone to two zones, current ACK", rule: "cluster.immutable.multi_zone", preset: cluster.PresetCurrent, base: serverlessSpec,
		edit: func(s *cluster.Spec) {
			s.VSwitches = []cluster.VSwitch{{ID: "vsw-x", Zone: "cn-shanghai-e"}, {ID: "vsw-y", Zone: "cn-shanghai-f"}}
		},
		body: `{"vswitch_ids":["vsw-x","vsw-y"]}`, zones: map[string]string{"vsw-x": "cn-shanghai-e", "vsw-y": "cn-shanghai-f"}, fields: []string{"vswitches"}},
	{name: "dedicated to managed Pro", rule: "cluster.immutable.dedicated_to_managed", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Form = cluster.ManagedPro },
		body: `{"cluster_type":"ManagedKubernetes","cluster_spec":"ack.pro.small"}`, fields: []string{"form"}},
	{name: "dedicated to managed Basic", rule: "cluster.immutable.dedicated_to_managed", preset: cluster.PresetCurrent, base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Form = cluster.ManagedBasic }, body: `{"cluster_type":"ManagedKubernetes"}`, fields: []string{"form"}},
	{name: "public endpoint added", rule: "cluster.immutable.public_endpoint", base: basicFlannelSpec,
		edit: func(s *cluster.Spec) { s.PublicEndpoint = true }, body: `{"api_server_eip":true}`, fields: []string{"public_endpoint"}},
	{name: "public endpoint added by create field", rule: "cluster.immutable.public_endpoint", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.PublicEndpoint = true }, body: `{"endpoint_public_access":true}`, fields: []string{"public_endpoint"}},
	{name: "cloud monitor added by flag", rule: "cluster.immutable.cloud_monitor", base: basicFlannelSpec,
		edit: func(s *cluster.Spec) { s.CloudMonitor = true }, body: `{"cloud_monitor_flags":true}`, fields: []string{"cloud_monitor"}},
	{name: "cloud monitor added as addon", rule: "cluster.immutable.cloud_monitor", preset: cluster.PresetCurrent, base: managedProSpec,
		edit: func(s *cluster.Spec) { s.CloudMonitor = true }, body: `{"addons":[{"name":"cloud-monitor"}]}`, fields: []string{"cloud_monitor"}},
	{name: "cloud monitor removed", rule: "cluster.immutable.cloud_monitor", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.CloudMonitor = false }, body: `{"addons":[{"name":"cloud-monitor","disabled":true}]}`, fields: []string{"cloud_monitor"}},
	{name: "Terway to Flannel", rule: "cluster.immutable.network_plugin", base: managedProSpec,
		edit: func(s *cluster.Spec) { s.Network.Plugin = cluster.Flannel }, body: `{"addons":[{"name":"flannel"}]}`, fields: []string{"network.plugin"}},
	{name: "Flannel to Terway", rule: "cluster.immutable.network_plugin", preset: cluster.PresetCurrent, base: basicFlannelSpec,
		edit: func(s *cluster.Spec) { s.Network.Plugin = cluster.Terway }, body: `{"addons":[{"name":"terway-eniip"}]}`, fields: []string{"network.plugin"}},
	{name: "Basic to Pro", rule: "cluster.immutable.form", base: basicFlannelSpec,
		edit: func(s *cluster.Spec) { s.Form = cluster.ManagedPro }, body: `{"cluster_spec":"ack.pro.small"}`, fields: []string{"form"}},
	{name: "serverless to managed", rule: "cluster.immutable.form", base: serverlessSpec,
		edit: func(s *cluster.Spec) { s.Form = cluster.ManagedBasic }, body: `{"profile":"Default"}`, fields: []string{"form"}},
	{name: "managed to dedicated", rule: "cluster.immutable.form", base: managedProSpec,
		edit: func(s *cluster.Spec) { s.Form = cluster.Dedicated }, body: `{"cluster_type":"Kubernetes"}`, fields: []string{"form"}},
	{name: "new version", rule: "cluster.immutable.version", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.KubernetesVersion = "1.31.1-aliyun.1" }, body: `{"kubernetes_version":"1.31.1-aliyun.1"}`, fields: []string{"kubernetes_version"}},
	{name: "more legacy workers", rule: "cluster.immutable.workers", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Workers.Count = 5 }, body: `{"num_of_nodes":5}`, fields: []string{"workers"}},
	{name: "legacy workers added", rule: "cluster.immutable.workers", base: managedProSpec,
		edit: func(s *cluster.Spec) {
			s.Workers = &cluster.Workers{Count: 2, InstanceTypes: []string{"ecs.g7.large"}, VSwitches: []cluster.VSwitch{{ID: "vsw-a", Zone: "cn-beijing-h"}}}
		},
		body:  `{"num_of_nodes":2,"worker_instance_types":["ecs.g7.large"],"worker_vswitch_ids":["vsw-a"]}`,
		zones: map[string]string{"vsw-a": "cn-beijing-h"}, fields: []string{"workers"}},
	{name: "new region", rule: "cluster.immutable.field", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Region = "cn-shanghai" }, body: `{"region_id":"cn-shanghai"}`, fields: []string{"region"}},
	{name: "new plugin config", rule: "cluster.immutable.field", base: basicFlannelSpec,
		edit: func(s *cluster.Spec) { s.Network.PluginConfig = `{"mtu":"1400"}` }, body: `{"addons":[{"name":"flannel","config":"{\"mtu\":\"1400\"}"}]}`,
		fields: []string{"network.plugin_config"}},
	{name: "new pod CIDR", rule: "cluster.immutable.field", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Network.PodCIDR = "172.30.0.0/16" }, body: `{"container_cidr":"172.30.0.0/16"}`, fields: []string{"network.pod_cidr"}},
	{name: "new node CIDR mask as string", rule: "cluster.immutable.field", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Network.NodeCIDRMask = 24 }, body: `{"node_cidr_mask":"24"}`, fields: []string{"network.node_cidr_mask"}},
	{name: "new node CIDR mask as number", rule: "cluster.immutable.field", base: basicFlannelSpec,
		edit: func(s *cluster.Spec) { s.Network.NodeCIDRMask = 28 }, body: `{"node_cidr_mask":28}`, fields: []string{"network.node_cidr_mask"}},
	{name: "new pod vSwitches", rule: "cluster.immutable.field", base: managedProSpec,
		edit: func(s *cluster.Spec) { s.Network.PodVSwitchIDs = []string{"vsw-pod-c"} }, body: `{"pod_vswitch_ids":["vsw-pod-c"]}`, fields: []string{"network.pod_vswitch_ids"}},
	{name: "new Service CIDR", rule: "cluster.immutable.field", base: serverlessSpec,
		edit: func(s *cluster.Spec) { s.ServiceCIDR = "10.96.0.0/12" }, body: `{"service_cidr":"10.96.0.0/12"}`, fields: []string{"service_cidr"}},
	{name: "NAT gateway dropped", rule: "cluster.immutable.field", preset: cluster.PresetCurrent, base: managedProSpec,
		edit: func(s *cluster.Spec) { s.SNAT = cluster.Bool(false) }, body: `{"snat_entry":false}`, fields: []string{"snat"}},
	{name: "five masters", rule: "cluster.immutable.field", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Masters.Count = 5 }, body: `{"master_count":5}`, fields: []string{"masters"}},
	{name: "five masters by control_plane_config", rule: "cluster.immutable.field", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Masters.Count = 5 }, body: `{"control_plane_config":{"size":5}}`, fields: []string{"masters"}},
	{name: "new master instance types", rule: "cluster.immutable.field", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Masters.InstanceTypes = []string{"a", "b", "c"} }, body: `{"master_instance_types":["a","b","c"]}`, fields: []string{"masters"}},
	{name: "new password", rule: "cluster.immutable.field", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Login.Password = ack.NewSecret("Other-Pass-99") }, body: `{"login_password":"Other-Pass-99"}`, fields: []string{"login"}},
	{name: "key pair added", rule: "cluster.immutable.field", base: serverlessSpec,
		edit: func(s *cluster.Spec) { s.Login.KeyPair = "ops" }, body: `{"key_pair":"ops"}`, fields: []string{"login"}},
	{name: "addon installed", rule: "cluster.immutable.field", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Addons = append(s.Addons, cluster.Addon{Name: "ack-node-problem-detector"}) },
		body: `{"addons":[{"name":"ack-node-problem-detector"}]}`, fields: []string{"addons"}},
	{name: "addon reconfigured", rule: "cluster.immutable.field", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Addons[0].Disabled = true }, body: `{"addons":[{"name":"csi-plugin","disabled":true}]}`, fields: []string{"addons"}},
	{name: "name cleared", rule: "cluster.immutable.field", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Name = "" }, fields: []string{"name"}},
	{name: "resource group cleared", rule: "cluster.immutable.field", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.ResourceGroupID = "" }, fields: []string{"resource_group_id"}},
	{name: "time zone cleared", rule: "cluster.immutable.field", base: serverlessSpec,
		edit: func(s *cluster.Spec) { s.Timezone = "" }, fields: []string{"timezone"}},
	{name: "vSwitches cleared", rule: "cluster.immutable.field", base: managedProSpec,
		edit: func(s *cluster.Spec) { s.VSwitches = nil }, fields: []string{"vswitches"}},
	{name: "maintenance window removed", rule: "cluster.immutable.field", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.MaintenanceWindow = nil }, fields: []string{"maintenance_window"}},
}

var allowedChanges = []changeCase{
	{name: "rename", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Name = "renamed" }, body: `{"cluster_name":"renamed"}`},
	{name: "deletion protection off", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.DeletionProtection = false }, body: `{"deletion_protection":false}`},
	{name: "deletion protection on", base: serverlessSpec,
		edit: func(s *cluster.Spec) { s.DeletionProtection = true }, body: `{"deletion_protection":true}`},
	{name: "resource group", base: managedProSpec,
		edit: func(s *cluster.Spec) { s.ResourceGroupID = "rg-2" }, body: `{"resource_group_id":"rg-2"}`},
	{name: "time zone", base: serverlessSpec,
		edit: func(s *cluster.Spec) { s.Timezone = "UTC" }, body: `{"timezone":"UTC"}`},
	{name: "maintenance window disabled", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.MaintenanceWindow.Enabled = false }, body: `{"maintenance_window":{"enable":false}}`},
	{name: "maintenance window added", base: managedProSpec,
		edit: func(s *cluster.Spec) {
			s.MaintenanceWindow = &cluster.MaintenanceWindow{Enabled: true, StartTime: "02:00:00Z", Duration: "4h", Recurrence: "FREQ=WEEKLY;BYDAY=SA"}
		},
		body: `{"maintenance_window":{"enable":true,"maintenance_time":"02:00:00Z","duration":"4h","recurrence":"FREQ=WEEKLY;BYDAY=SA"}}`},
	{name: "tags", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Tags = append(s.Tags, cluster.Tag{Key: "cost", Value: "ops"}) }},
	{name: "control-plane vSwitch in the same zone", base: managedProSpec,
		edit: func(s *cluster.Spec) { s.VSwitches[1] = cluster.VSwitch{ID: "vsw-c", Zone: "cn-beijing-i"} },
		body: `{"vswitch_ids":["vsw-a","vsw-c"]}`, zones: map[string]string{"vsw-c": "cn-beijing-i"}},
	{name: "multi-zone cluster gets a third zone", base: managedProSpec,
		edit: func(s *cluster.Spec) {
			s.VSwitches = append(s.VSwitches, cluster.VSwitch{ID: "vsw-d", Zone: "cn-beijing-j"})
		},
		body: `{"vswitch_ids":["vsw-a","vsw-b","vsw-d"]}`, zones: map[string]string{"vsw-d": "cn-beijing-j"}},
	{name: "vSwitch of unknown zone", base: basicFlannelSpec,
		edit: func(s *cluster.Spec) { s.VSwitches = append(s.VSwitches, cluster.VSwitch{ID: "vsw-x"}) },
		body: `{"vswitch_ids":["vsw-a","vsw-x"]}`},
	{name: "public endpoint removed", base: managedProSpec,
		edit: func(s *cluster.Spec) { s.PublicEndpoint = false }, body: `{"api_server_eip":false}`},
	{name: "public endpoint removed, current ACK", preset: cluster.PresetCurrent, base: managedProSpec,
		edit: func(s *cluster.Spec) { s.PublicEndpoint = false }, body: `{"api_server_eip":false}`},
	{name: "public endpoint added, current ACK", preset: cluster.PresetCurrent, base: basicFlannelSpec,
		edit: func(s *cluster.Spec) { s.PublicEndpoint = true }, body: `{"api_server_eip":true}`},
	{name: "unchanged network plugin named again", base: basicFlannelSpec,
		edit: func(s *cluster.Spec) {}, body: `{"addons":[{"name":"flannel"}]}`},
	{name: "tags in the body are not ModifyCluster's", base: serverlessSpec,
		edit: func(s *cluster.Spec) {}, body: `{"tags":[{"key":"a","value":"b"}]}`},
	{name: "nothing", base: dedicatedSpec, edit: func(s *cluster.Spec) {}, body: `{}`},
}

// zoneOf looks zones up in a case's map.
func zoneOf(zones map[string]string) func(string) string {
	return func(id string) string { return zones[id] }
}

func TestCheckChange(t *testing.T) {
	for _, c := range append(refusedChanges, allowedChanges...) {
		t.Run(c.name, func(t *testing.T) {
			err := cluster.CheckChange(c.base(), c.build(), cluster.WithPreset(c.preset))
			if diff := cmp.Diff(c.want(), broken(t, err)); diff != "" {
				t.Errorf("CheckChange (-want +got):\n%s\nerror: %v", diff, err)
			}
		})
	}
}

func TestApplyModifyBodyThenCheckChange(t *testing.T) {
	for _, c := range append(refusedChanges, allowedChanges...) {
		if c.body == "" {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			old := c.base()
			got, err := cluster.ApplyModifyBody(old, []byte(c.body))
			if err != nil {
				t.Fatalf("ApplyModifyBody: %v", err)
			}
			got = got.WithZones(zoneOf(c.zones))
			if diff := cmp.Diff(c.build(), got); diff != "" {
				t.Errorf("ApplyModifyBody result (-want +got):\n%s", diff)
			}
			err = cluster.CheckChange(old, got, cluster.WithPreset(c.preset))
			if diff := cmp.Diff(c.want(), broken(t, err)); diff != "" {
				t.Errorf("CheckChange (-want +got):\n%s\nerror: %v", diff, err)
			}
			if diff := cmp.Diff(c.base(), old); diff != "" {
				t.Errorf("ApplyModifyBody changed the old spec (-want +got):\n%s", diff)
			}
		})
	}
}

func TestEveryChangeRuleHasACase(t *testing.T) {
	hasCase, hasBody := map[string]bool{}, map[string]bool{}
	for _, c := range refusedChanges {
		hasCase[c.rule] = true
		hasBody[c.rule] = hasBody[c.rule] || c.body != ""
	}
	for _, r := range cluster.ChangeRules() {
		if r.Description == "" || len(r.Presets) == 0 {
			t.Errorf("rule %s lacks a description or a preset", r.ID)
		}
		if !hasCase[r.ID] {
			t.Errorf("rule %s has no case in refusedChanges", r.ID)
		}
		if !hasBody[r.ID] {
			t.Errorf("rule %s has no case with a ModifyCluster body", r.ID)
		}
		delete(hasCase, r.ID)
	}
	for id := range hasCase {
		t.Errorf("case rule %s is not registered", id)
	}
}

func TestChangePresetsDiffer(t *testing.T) {
	for _, r := range cluster.ChangeRules() {
		want := r.ID != "cluster.immutable.public_endpoint"
		if r.In(cluster.PresetCurrent) != want || !r.In(cluster.PresetProduct) {
			t.Errorf("rule %s presets %v", r.ID, r.Presets)
		}
	}
}

func TestCheckChangeListsEveryRefusal(t *testing.T) {
	old := dedicatedSpec()
	desired := old.Clone()
	desired.VPCID = "vpc-other"
	desired.Form = cluster.ManagedPro
	desired.CloudMonitor = false
	desired.Network.Plugin = cluster.Terway
	desired.Name = "renamed" // allowed
	want := []string{
		"cluster.immutable.vpc @ vpc_id",
		"cluster.immutable.dedicated_to_managed @ form",
		"cluster.immutable.cloud_monitor @ cloud_monitor",
		"cluster.immutable.network_plugin @ network.plugin",
	}
	err := cluster.CheckChange(old, desired, cluster.WithPreset(cluster.PresetProduct))
	if diff := cmp.Diff(want, broken(t, err)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestModifyRequest(t *testing.T) {
	for _, c := range allowedChanges {
		t.Run(c.name, func(t *testing.T) {
			old, desired := c.base(), c.build()
			req, err := clusterWire.ModifyRequest(old, desired)
			if err != nil {
				t.Fatalf("ModifyRequest: %v", err)
			}
			_, tagsChanged := clusterWire.TagsRequest(old, desired)
			if req == nil {
				// Nothing for ModifyCluster: the spec is unchanged but for tags.
				want := old.Clone()
				want.Tags = desired.Tags
				if diff := cmp.Diff(want, desired); diff != "" {
					t.Errorf("nil request for a change (-old +desired):\n%s", diff)
				}
				return
			}
			if tagsChanged {
				t.Errorf("tags changed along with other fields in this case")
			}
			body, err := json.Marshal(req)
			if err != nil {
				t.Fatal(err)
			}
			got, err := cluster.ApplyModifyBody(old, body)
			if err != nil {
				t.Fatalf("ApplyModifyBody(%s): %v", body, err)
			}
			if diff := cmp.Diff(desired, got.WithZones(zoneOf(c.zones))); diff != "" {
				t.Errorf("ModifyRequest body %s does not apply back (-want +got):\n%s", body, diff)
			}
		})
	}
	// ModifyRequest refuses what no ModifyCluster field expresses: every
	// refusal of the more permissive preset, PresetCurrent.
	for _, c := range refusedChanges {
		req, err := clusterWire.ModifyRequest(c.base(), c.build())
		if c.rule == "cluster.immutable.public_endpoint" {
			if err != nil || req == nil || req.APIServerEIP == nil || !*req.APIServerEIP {
				t.Errorf("%s: ModifyRequest = %v, %v; want api_server_eip true", c.name, req, err)
			}
			continue
		}
		if diff := cmp.Diff(c.want(), broken(t, err)); req != nil || diff != "" {
			t.Errorf("%s: ModifyRequest = %v, (-want +got):\n%s", c.name, req, diff)
		}
	}
}

func TestModifyRequestBody(t *testing.T) {
	old := managedProSpec()
	desired := old.Clone()
	desired.Name = "renamed"
	desired.DeletionProtection = true
	desired.PublicEndpoint = false
	desired.VSwitches[1] = cluster.VSwitch{ID: "vsw-c", Zone: "cn-beijing-i"}
	req, err := clusterWire.ModifyRequest(old, desired)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := json.Marshal(req)
	want := `{"cluster_name":"renamed","deletion_protection":true,"api_server_eip":false,"vswitch_ids":["vsw-a","vsw-c"]}`
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestTagsRequest(t *testing.T) {
	old := dedicatedSpec()
	if tags, changed := clusterWire.TagsRequest(old, old.Clone()); changed || tags != nil {
		t.Errorf("unchanged tags: %v, %v", tags, changed)
	}
	desired := old.Clone()
	desired.Tags = nil
	tags, changed := clusterWire.TagsRequest(old, desired)
	if body, _ := json.Marshal(tags); !changed || string(body) != "[]" {
		t.Errorf("cleared tags: %s, %v", body, changed)
	}
	desired.Tags = []cluster.Tag{{Key: "a", Value: "1"}}
	tags, changed = clusterWire.TagsRequest(old, desired)
	if body, _ := json.Marshal(tags); !changed || string(body) != `[{"key":"a","value":"1"}]` {
		t.Errorf("new tags: %s, %v", body, changed)
	}
}

func TestApplyModifyBodyErrors(t *testing.T) {
	tests := []struct {
		body string
		want []string // rule @ field; nil for a plain ErrInvalid
	}{
		{`not json`, nil},
		{`[1,2]`, nil},
		{`{"cluster_type":"ExternalKubernetes"}`, []string{"cluster.form.known @ form"}},
		{`{"node_cidr_mask":"wide"}`, []string{"cluster.network.node_cidr_mask @ network.node_cidr_mask"}},
		{`{"node_cidr_mask":true}`, []string{"cluster.network.node_cidr_mask @ network.node_cidr_mask"}},
	}
	for _, tt := range tests {
		_, err := cluster.ApplyModifyBody(dedicatedSpec(), []byte(tt.body))
		if err == nil {
			t.Errorf("%s: no error", tt.body)
			continue
		}
		if tt.want == nil {
			if !isInvalid(err) {
				t.Errorf("%s: %v does not match ack.ErrInvalid", tt.body, err)
			}
			continue
		}
		if diff := cmp.Diff(tt.want, broken(t, err)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.body, diff)
		}
	}
}
