package nodepool

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/wire"
)

// modifyCases are edits of a pool as ACK reports it (no password) and
// the ModifyClusterNodePool body each must produce, as JSON.
func modifyCases() []struct {
	name string
	edit func(*Spec)
	want string
} {
	return []struct {
		name string
		edit func(*Spec)
		want string
	}{
		{"nothing", func(*Spec) {}, `null`},
		{"defaults written out", func(s *Spec) { s.CPUPolicy = CPUPolicyNone; s.SystemDisk.Category = DiskESSD }, `null`},
		{"empty fields keep the pool's", func(s *Spec) {
			s.Name, s.KeyPair, s.ImageType, s.VSwitchIDs, s.SystemDisk.SizeGiB = "", "", "", nil, 0
		}, `null`},
		{"name", func(s *Spec) { s.Name = "web-2" }, `{"nodepool_info":{"name":"web-2"}}`},
		{"desired size", func(s *Spec) { s.DesiredSize = 7 }, `{"scaling_group":{"desired_size":7}}`},
		{"desired size to zero", func(s *Spec) { s.DesiredSize = 0 }, `{"scaling_group":{"desired_size":0}}`},
		{"vswitches and types", func(s *Spec) {
			s.VSwitchIDs = []string{"vsw-c"}
			s.InstanceTypes = append(s.InstanceTypes, "ecs.c7.xlarge")
		}, `{"scaling_group":{"vswitch_ids":["vsw-c"],"instance_types":["ecs.g7.xlarge","ecs.c7.xlarge"]}}`},
		{"system disk size keeps the level", func(s *Spec) { s.SystemDisk.SizeGiB = 200 },
			`{"scaling_group":{"system_disk_category":"cloud_essd","system_disk_size":200,"system_disk_performance_level":"PL1"}}`},
		{"system disk category drops the level", func(s *Spec) { s.SystemDisk = Disk{Category: DiskSSD} },
			`{"scaling_group":{"system_disk_category":"cloud_ssd","system_disk_size":120}}`},
		{"prepaid", func(s *Spec) {
			s.ChargeType = PrePaid
			s.Subscription = Subscription{Period: 3, AutoRenew: true, AutoRenewPeriod: 1}
		}, `{"scaling_group":{"instance_charge_type":"PrePaid","period":3,"period_unit":"Month","auto_renew":true,"auto_renew_period":1}}`},
		{"password", func(s *Spec) { s.KeyPair, s.Password = "", ack.NewSecret("New-Pass-1") },
			`{"scaling_group":{"login_password":"New-Pass-1"}}`},
		{"labels removed", func(s *Spec) { s.Labels = nil }, `{"kubernetes_config":{"labels":[]}}`},
		{"taint and policy", func(s *Spec) {
			s.Taints = []Taint{{Key: "gpu", Effect: NoExecute}}
			s.CPUPolicy = CPUPolicyStatic
		}, `{"kubernetes_config":{"taints":[{"key":"gpu","value":"","effect":"NoExecute"}],"cpu_policy":"static"}}`},
		{"auto scaling on", func(s *Spec) { s.DesiredSize = 0; s.AutoScaling = AutoScaling{Enabled: true, Min: 1, Max: 9} },
			`{"auto_scaling":{"enable":true,"min_instances":1,"max_instances":9}}`},
		{"management", func(s *Spec) { s.Management = Management{Enabled: true, AutoUpgrade: true} },
			`{"management":{"enable":true,"auto_repair":false,"auto_upgrade":true}}`},
		{"fixed fields are not sent", func(s *Spec) { s.MaxPods = 8; s.Runtime = Docker; s.AutoScaling.Type = ScaleGPU }, `null`},
	}
}

func TestModifyRequest(t *testing.T) {
	for _, tc := range modifyCases() {
		t.Run(tc.name, func(t *testing.T) {
			old := clientSpec()
			next := old.Clone()
			tc.edit(&next)
			got, err := json.Marshal(modifyRequest(old, next))
			if err != nil {
				t.Fatal(err)
			}
			var gotV, wantV any
			if err := json.Unmarshal(got, &gotV); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal([]byte(tc.want), &wantV); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(wantV, gotV); diff != "" {
				t.Errorf("body (-want +got):\n%s", diff)
			}
		})
	}
}

// TestApplyModifyRequestInvertsModifyRequest checks that ACK's reading of
// a body (as the fake applies it) gives the Spec the edit asked for, in
// every field the body can carry.
func TestApplyModifyRequestInvertsModifyRequest(t *testing.T) {
	for _, tc := range modifyCases() {
		t.Run(tc.name, func(t *testing.T) {
			old := clientSpec()
			next := old.Clone()
			tc.edit(&next)
			got := applyModifyRequest(old, modifyRequest(old, next))
			if next.Name == "" || next.KeyPair == "" && next.Password.IsZero() {
				return // the edit emptied fields the body keeps
			}
			want := next
			want.MaxPods, want.Runtime, want.AutoScaling.Type = old.MaxPods, old.Runtime, old.AutoScaling.Type
			if want.SystemDisk.SizeGiB == 0 {
				want.SystemDisk.SizeGiB = old.SystemDisk.SizeGiB
			}
			if diff := cmp.Diff(want.WithDefaults(), got.WithDefaults(), specOpts); diff != "" {
				t.Errorf("applied (-want +got):\n%s", diff)
			}
		})
	}
}

func TestApplyModifyRequestRawBodies(t *testing.T) {
	s := clientSpec()
	cases := []struct {
		name string
		req  *wire.ModifyNodePoolRequest
		want func(*Spec)
		rule string // the immutability rule CheckChange(s, result) breaks
	}{
		{"nil", nil, func(*Spec) {}, ""},
		{"empty", &wire.ModifyNodePoolRequest{}, func(*Spec) {}, ""},
		{"deprecated count adds", &wire.ModifyNodePoolRequest{Count: 3}, func(s *Spec) { s.DesiredSize += 3 }, ""},
		{"auto scaling type", &wire.ModifyNodePoolRequest{AutoScaling: &wire.AutoScaling{Type: "spot"}},
			func(s *Spec) { s.AutoScaling.Type = ScaleSpot }, "nodepool.immutable.auto_scaling_type"},
		{"runtime", &wire.ModifyNodePoolRequest{KubernetesConfig: &wire.KubernetesConfig{Runtime: "docker"}},
			func(s *Spec) { s.Runtime = Docker }, "nodepool.immutable.runtime"},
		{"key pair replaces a password", &wire.ModifyNodePoolRequest{ScalingGroup: &wire.ScalingGroup{KeyPair: "other"}},
			func(s *Spec) { s.KeyPair = "other" }, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			want := s.Clone()
			tc.want(&want)
			got := applyModifyRequest(s, tc.req)
			if diff := cmp.Diff(want, got, specOpts); diff != "" {
				t.Errorf("applied (-want +got):\n%s", diff)
			}
			var rules []ruleField
			if tc.rule != "" {
				rules = []ruleField{{tc.rule, ""}}
			}
			var gotRules []ruleField
			for _, r := range ruleFields(CheckChange(s, got)) {
				gotRules = append(gotRules, ruleField{Rule: r.Rule})
			}
			if diff := cmp.Diff(rules, gotRules); diff != "" {
				t.Errorf("CheckChange (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCloneSharesNothing(t *testing.T) {
	s := validSpec()
	c := s.Clone()
	c.VSwitchIDs[0], c.InstanceTypes[0], c.DataDisks[0].SizeGiB = "vsw-x", "ecs.x.large", 1
	c.Labels[0].Key, c.Taints[0].Key = "x", "x"
	if diff := cmp.Diff(validSpec(), s, specOpts); diff != "" {
		t.Errorf("changing the clone changed the Spec (-want +got):\n%s", diff)
	}
}
