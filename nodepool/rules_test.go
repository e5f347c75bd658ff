package nodepool

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/quota"
)

// ruleCase breaks exactly one rule: a Spec rule through spec, or a decode
// rule through req (applied to validSpec's request).
type ruleCase struct {
	rule  string
	name  string
	spec  func(*Spec)
	req   func(*wire.Nodepool)
	field string
}

// postPaid turns validSpec into a PostPaid pool with no subscription.
func postPaid(s *Spec) {
	s.ChargeType = PostPaid
	s.Subscription = Subscription{}
}

// setAutoScaling turns the autoscaler on (dropping the desired size).
func setAutoScaling(s *Spec, min, max int) {
	s.DesiredSize = 0
	s.AutoScaling = AutoScaling{Enabled: true, Min: min, Max: max}
}

func ruleCases() []ruleCase {
	long := strings.Repeat("a", 64)
	return []ruleCase{
		{rule: "nodepool.name.length", name: "empty", spec: func(s *Spec) { s.Name = "" }, field: "nodepool_info.name"},
		{rule: "nodepool.name.length", name: "64 characters", spec: func(s *Spec) { s.Name = long }, field: "nodepool_info.name"},

		{rule: "nodepool.vswitches.count", name: "none", spec: func(s *Spec) { s.VSwitchIDs = nil }, field: "scaling_group.vswitch_ids"},
		{rule: "nodepool.vswitches.count", name: "nine", spec: func(s *Spec) {
			s.VSwitchIDs = nil
			for i := range 9 {
				s.VSwitchIDs = append(s.VSwitchIDs, fmt.Sprintf("vsw-%d", i))
			}
		}, field: "scaling_group.vswitch_ids"},
		{rule: "nodepool.vswitches.format", name: "subnet", spec: func(s *Spec) { s.VSwitchIDs[1] = "subnet-1" }, field: "scaling_group.vswitch_ids[1]"},
		{rule: "nodepool.vswitches.format", name: "bare prefix", spec: func(s *Spec) { s.VSwitchIDs[0] = "vsw-" }, field: "scaling_group.vswitch_ids[0]"},
		{rule: "nodepool.vswitches.format", name: "upper case", spec: func(s *Spec) { s.VSwitchIDs[0] = "vsw-BP1" }, field: "scaling_group.vswitch_ids[0]"},
		{rule: "nodepool.vswitches.unique", name: "repeat", spec: func(s *Spec) {
			s.VSwitchIDs = append(s.VSwitchIDs, s.VSwitchIDs[0])
		}, field: "scaling_group.vswitch_ids[2]"},

		{rule: "nodepool.instance_types.count", name: "none", spec: func(s *Spec) { s.InstanceTypes = nil }, field: "scaling_group.instance_types"},
		{rule: "nodepool.instance_types.count", name: "eleven", spec: func(s *Spec) {
			s.InstanceTypes = nil
			for i := range 11 {
				s.InstanceTypes = append(s.InstanceTypes, fmt.Sprintf("ecs.g7.%dxlarge", i+2))
			}
		}, field: "scaling_group.instance_types"},
		{rule: "nodepool.instance_types.format", name: "no prefix", spec: func(s *Spec) { s.InstanceTypes[1] = "g7.large" }, field: "scaling_group.instance_types[1]"},
		{rule: "nodepool.instance_types.format", name: "no size", spec: func(s *Spec) { s.InstanceTypes[0] = "ecs.g7" }, field: "scaling_group.instance_types[0]"},
		{rule: "nodepool.instance_types.format", name: "unknown size word", spec: func(s *Spec) { s.InstanceTypes[0] = "ecs.g7.huge" }, field: "scaling_group.instance_types[0]"},
		{rule: "nodepool.instance_types.unique", name: "repeat", spec: func(s *Spec) { s.InstanceTypes[1] = s.InstanceTypes[0] }, field: "scaling_group.instance_types[1]"},

		{rule: "nodepool.charge_type.known", name: "spot", spec: func(s *Spec) { postPaid(s); s.ChargeType = "Spot" }, field: "scaling_group.instance_charge_type"},

		{rule: "nodepool.subscription.prepaid_only", name: "period", spec: func(s *Spec) { postPaid(s); s.Subscription.Period = 1 }, field: "scaling_group.period"},
		{rule: "nodepool.subscription.prepaid_only", name: "period on default charge", spec: func(s *Spec) {
			postPaid(s)
			s.ChargeType = ""
			s.Subscription.Period = 1
		}, field: "scaling_group.period"},
		{rule: "nodepool.subscription.prepaid_only", name: "unit", spec: func(s *Spec) { postPaid(s); s.Subscription.Unit = Month }, field: "scaling_group.period_unit"},
		{rule: "nodepool.subscription.prepaid_only", name: "auto renew", spec: func(s *Spec) { postPaid(s); s.Subscription.AutoRenew = true }, field: "scaling_group.auto_renew"},
		{rule: "nodepool.subscription.prepaid_only", name: "auto renew period", spec: func(s *Spec) { postPaid(s); s.Subscription.AutoRenewPeriod = 1 }, field: "scaling_group.auto_renew_period"},
		{rule: "nodepool.subscription.unit", name: "year", spec: func(s *Spec) { s.Subscription.Unit = "Year" }, field: "scaling_group.period_unit"},
		{rule: "nodepool.subscription.period", name: "10 months", spec: func(s *Spec) { s.Subscription.Period = 10 }, field: "scaling_group.period"},
		{rule: "nodepool.subscription.period", name: "no period", spec: func(s *Spec) { s.Subscription.Period = 0 }, field: "scaling_group.period"},
		{rule: "nodepool.subscription.period", name: "5 weeks", spec: func(s *Spec) {
			s.Subscription = Subscription{Period: 5, Unit: Week}
		}, field: "scaling_group.period"},
		{rule: "nodepool.subscription.period", name: "61 months, default unit", spec: func(s *Spec) {
			s.Subscription.Unit = ""
			s.Subscription.Period = 61
		}, field: "scaling_group.period"},
		{rule: "nodepool.subscription.auto_renew_period", name: "4 months", spec: func(s *Spec) { s.Subscription.AutoRenewPeriod = 4 }, field: "scaling_group.auto_renew_period"},
		{rule: "nodepool.subscription.auto_renew_period", name: "missing", spec: func(s *Spec) { s.Subscription.AutoRenewPeriod = 0 }, field: "scaling_group.auto_renew_period"},
		{rule: "nodepool.subscription.auto_renew_period", name: "without auto renew", spec: func(s *Spec) { s.Subscription.AutoRenew = false }, field: "scaling_group.auto_renew_period"},

		{rule: "nodepool.desired_size.range", name: "negative", spec: func(s *Spec) { s.DesiredSize = -1 }, field: "scaling_group.desired_size"},
		{rule: "nodepool.desired_size.auto_scaling", name: "with autoscaler", spec: func(s *Spec) {
			setAutoScaling(s, 0, 5)
			s.DesiredSize = 3
		}, field: "scaling_group.desired_size"},

		{rule: "nodepool.system_disk.category", name: "unknown", spec: func(s *Spec) {
			s.SystemDisk = Disk{Category: "ssd", SizeGiB: 120}
		}, field: "scaling_group.system_disk_category"},
		{rule: "nodepool.system_disk.size", name: "19 GiB", spec: func(s *Spec) { s.SystemDisk.SizeGiB = 19 }, field: "scaling_group.system_disk_size"},
		{rule: "nodepool.system_disk.size", name: "2049 GiB", spec: func(s *Spec) { s.SystemDisk.SizeGiB = 2049 }, field: "scaling_group.system_disk_size"},
		{rule: "nodepool.system_disk.performance_level", name: "PL4", spec: func(s *Spec) { s.SystemDisk.PerformanceLevel = "PL4" }, field: "scaling_group.system_disk_performance_level"},
		{rule: "nodepool.system_disk.performance_level", name: "not an ESSD", spec: func(s *Spec) { s.SystemDisk.Category = DiskSSD }, field: "scaling_group.system_disk_performance_level"},
		{rule: "nodepool.system_disk.performance_level", name: "default category", spec: func(s *Spec) { s.SystemDisk.Category = "" }, field: "scaling_group.system_disk_performance_level"},

		{rule: "nodepool.data_disks.category", name: "unknown", spec: func(s *Spec) {
			s.DataDisks = append(s.DataDisks, Disk{Category: "nvme", SizeGiB: 100})
		}, field: "scaling_group.data_disks[1].category"},
		{rule: "nodepool.data_disks.size", name: "39 GiB", spec: func(s *Spec) { s.DataDisks[0].SizeGiB = 39 }, field: "scaling_group.data_disks[0].size"},
		{rule: "nodepool.data_disks.size", name: "no size", spec: func(s *Spec) { s.DataDisks[0].SizeGiB = 0 }, field: "scaling_group.data_disks[0].size"},
		{rule: "nodepool.data_disks.size", name: "32769 GiB", spec: func(s *Spec) { s.DataDisks[0].SizeGiB = 32769 }, field: "scaling_group.data_disks[0].size"},
		{rule: "nodepool.data_disks.performance_level", name: "not an ESSD", spec: func(s *Spec) {
			s.DataDisks[0].Category = DiskEfficiency
		}, field: "scaling_group.data_disks[0].performance_level"},

		{rule: "nodepool.image_type.known", name: "ubuntu", spec: func(s *Spec) { s.ImageType = "Ubuntu" }, field: "scaling_group.image_type"},

		{rule: "nodepool.login.required", name: "neither", spec: func(s *Spec) { s.Password = ack.Secret{} }, field: "scaling_group.key_pair"},
		{rule: "nodepool.login.exclusive", name: "both", spec: func(s *Spec) { s.KeyPair = "ops" }, field: "scaling_group.login_password"},
		{rule: "nodepool.login.container_os_key_pair", name: "password", spec: func(s *Spec) { s.ImageType = ImageContainerOS }, field: "scaling_group.key_pair"},
		{rule: "nodepool.login.password", name: "short", spec: func(s *Spec) { s.Password = ack.NewSecret("Ab1-") }, field: "scaling_group.login_password"},
		{rule: "nodepool.login.password", name: "31 characters", spec: func(s *Spec) {
			s.Password = ack.NewSecret("Ab1-" + strings.Repeat("x", 27))
		}, field: "scaling_group.login_password"},
		{rule: "nodepool.login.password", name: "one kind", spec: func(s *Spec) { s.Password = ack.NewSecret("alllowercase") }, field: "scaling_group.login_password"},
		{rule: "nodepool.login.password", name: "space", spec: func(s *Spec) { s.Password = ack.NewSecret("Has Space1a") }, field: "scaling_group.login_password"},
		{rule: "nodepool.login.password", name: "slash on Windows", spec: func(s *Spec) {
			s.ImageType = ImageWindows
			s.Password = ack.NewSecret("/Abcdef123")
		}, field: "scaling_group.login_password"},

		{rule: "nodepool.labels.key", name: "empty", spec: func(s *Spec) { s.Labels[0].Key = "" }, field: "kubernetes_config.labels[0].key"},
		{rule: "nodepool.labels.key", name: "leading dash", spec: func(s *Spec) { s.Labels[1].Key = "-tier" }, field: "kubernetes_config.labels[1].key"},
		{rule: "nodepool.labels.key", name: "upper-case prefix", spec: func(s *Spec) { s.Labels[0].Key = "Example.com/team" }, field: "kubernetes_config.labels[0].key"},
		{rule: "nodepool.labels.key", name: "two slashes", spec: func(s *Spec) { s.Labels[0].Key = "a.com/b/c" }, field: "kubernetes_config.labels[0].key"},
		{rule: "nodepool.labels.key", name: "long name", spec: func(s *Spec) { s.Labels[1].Key = long }, field: "kubernetes_config.labels[1].key"},
		{rule: "nodepool.labels.value", name: "trailing dot", spec: func(s *Spec) { s.Labels[0].Value = "web." }, field: "kubernetes_config.labels[0].value"},
		{rule: "nodepool.labels.value", name: "64 characters", spec: func(s *Spec) { s.Labels[0].Value = long }, field: "kubernetes_config.labels[0].value"},
		{rule: "nodepool.labels.unique", name: "repeat", spec: func(s *Spec) { s.Labels[1].Key = s.Labels[0].Key }, field: "kubernetes_config.labels[1].key"},

		{rule: "nodepool.taints.key", name: "empty", spec: func(s *Spec) { s.Taints[0].Key = "" }, field: "kubernetes_config.taints[0].key"},
		{rule: "nodepool.taints.value", name: "space", spec: func(s *Spec) { s.Taints[0].Value = "a b" }, field: "kubernetes_config.taints[0].value"},
		{rule: "nodepool.taints.effect", name: "unknown", spec: func(s *Spec) { s.Taints[0].Effect = "NoRun" }, field: "kubernetes_config.taints[0].effect"},
		{rule: "nodepool.taints.unique", name: "default effect repeats NoSchedule", spec: func(s *Spec) {
			s.Taints = []Taint{{Key: "gpu", Value: "a", Effect: NoSchedule}, {Key: "gpu", Value: "b"}}
		}, field: "kubernetes_config.taints[1]"},

		{rule: "nodepool.runtime.known", name: "cri-o", spec: func(s *Spec) { s.Runtime = "cri-o" }, field: "kubernetes_config.runtime"},
		{rule: "nodepool.cpu_policy.known", name: "dynamic", spec: func(s *Spec) { s.CPUPolicy = "dynamic" }, field: "kubernetes_config.cpu_policy"},

		{rule: "nodepool.max_pods.range", name: "over the hard limit", spec: func(s *Spec) { s.MaxPods = quota.MaxPodsPerNode + 1 }, field: "node_config.kubelet_configuration.maxPods"},
		{rule: "nodepool.max_pods.range", name: "negative", spec: func(s *Spec) { s.MaxPods = -1 }, field: "node_config.kubelet_configuration.maxPods"},

		{rule: "nodepool.auto_scaling.min", name: "negative", spec: func(s *Spec) { setAutoScaling(s, -1, 5) }, field: "auto_scaling.min_instances"},
		{rule: "nodepool.auto_scaling.max", name: "2001", spec: func(s *Spec) { setAutoScaling(s, 0, MaxAutoScalingInstances+1) }, field: "auto_scaling.max_instances"},
		{rule: "nodepool.auto_scaling.range", name: "min above max", spec: func(s *Spec) { setAutoScaling(s, 6, 5) }, field: "auto_scaling.min_instances"},
		{rule: "nodepool.auto_scaling.type", name: "tpu", spec: func(s *Spec) { s.AutoScaling.Type = "tpu" }, field: "auto_scaling.type"},

		{rule: "nodepool.management.enable", name: "repair without management", spec: func(s *Spec) { s.Management.Enabled = false }, field: "management.enable"},
		{rule: "nodepool.management.enable", name: "upgrade without management", spec: func(s *Spec) {
			s.Management = Management{AutoUpgrade: true}
		}, field: "management.enable"},

		{rule: "nodepool.type.supported", name: "edge", req: func(r *wire.Nodepool) { r.NodepoolInfo.Type = "edge" }, field: "nodepool_info.type"},
		{rule: "nodepool.type.supported", name: "lingjun", req: func(r *wire.Nodepool) { r.NodepoolInfo.Type = "lingjun" }, field: "nodepool_info.type"},
	}
}

func TestValidSpecPasses(t *testing.T) {
	for name, s := range map[string]Spec{
		"every field":      validSpec(),
		"autoscaled":       autoScaled(0, MaxAutoScalingInstances),
		"defaults written": validSpec().WithDefaults(),
		"smallest":         {Name: "p", VSwitchIDs: []string{"vsw-1"}, InstanceTypes: []string{"ecs.g6.large"}, KeyPair: "k"},
		"hard max pods":    func() Spec { s := validSpec(); s.MaxPods = quota.MaxPodsPerNode; return s }(),
		"container os": func() Spec {
			s := validSpec()
			s.ImageType = ImageContainerOS
			s.Password = ack.Secret{}
			s.KeyPair = "k"
			return s
		}(),
		"weekly subscription": func() Spec { s := validSpec(); s.Subscription = Subscription{Period: 4, Unit: Week}; return s }(),
	} {
		t.Run(name, func(t *testing.T) {
			if err := Validate(s); err != nil {
				t.Errorf("Validate: %v", err)
			}
			if err := validateCreateRequest(s.createRequest()); err != nil {
				t.Errorf("validateCreateRequest: %v", err)
			}
		})
	}
}

func TestEachRuleAlone(t *testing.T) {
	for _, c := range ruleCases() {
		t.Run(c.rule+"/"+c.name, func(t *testing.T) {
			want := []ruleField{{c.rule, c.field}}
			s := validSpec()
			if c.spec != nil {
				c.spec(&s)
				if diff := cmp.Diff(want, ruleFields(Validate(s))); diff != "" {
					t.Errorf("Validate (-want +got):\n%s", diff)
				}
			}
			req := s.createRequest()
			if c.req != nil {
				c.req(req)
			}
			if diff := cmp.Diff(want, ruleFields(validateCreateRequest(req))); diff != "" {
				t.Errorf("validateCreateRequest (-want +got):\n%s", diff)
			}
		})
	}
}

func TestEveryRuleHasACase(t *testing.T) {
	cased := map[string]bool{}
	for _, c := range ruleCases() {
		cased[c.rule] = true
	}
	ids := map[string]bool{}
	for _, r := range Rules() {
		if ids[r.ID] {
			t.Errorf("rule %s is registered twice", r.ID)
		}
		ids[r.ID] = true
		if !cased[r.ID] {
			t.Errorf("rule %s has no test case", r.ID)
		}
		if !strings.HasPrefix(r.ID, "nodepool.") || r.Field == "" || r.Description == "" {
			t.Errorf("rule %+v lacks a nodepool. ID, a field or a description", r)
		}
	}
	for id := range cased {
		if !ids[id] {
			t.Errorf("test case for %s, which Rules does not list", id)
		}
	}
}

func TestValidateListsEveryViolation(t *testing.T) {
	s := validSpec()
	s.Name = ""
	s.InstanceTypes = []string{"bogus"}
	s.MaxPods = quota.MaxPodsPerNode * 2
	s.KeyPair = "ops"
	err := Validate(s)
	want := []ruleField{
		{"nodepool.name.length", "nodepool_info.name"},
		{"nodepool.instance_types.format", "scaling_group.instance_types[0]"},
		{"nodepool.login.exclusive", "scaling_group.login_password"},
		{"nodepool.max_pods.range", "node_config.kubelet_configuration.maxPods"},
	}
	if diff := cmp.Diff(want, ruleFields(err)); diff != "" {
		t.Errorf("violations (-want +got):\n%s", diff)
	}
	if !errors.Is(err, ack.ErrInvalid) {
		t.Errorf("errors.Is(err, ack.ErrInvalid) = false for %v", err)
	}
}

func TestValidationErrorNamesThePool(t *testing.T) {
	s := validSpec()
	s.MaxPods = -1
	var ve *ack.ValidationError
	if !errors.As(Validate(s), &ve) {
		t.Fatal("Validate did not return a *ack.ValidationError")
	}
	if ve.Resource != `node pool "workers"` {
		t.Errorf("Resource = %q, want %q", ve.Resource, `node pool "workers"`)
	}
	s.Name = ""
	if !errors.As(Validate(s), &ve) || ve.Resource != "node pool" {
		t.Errorf("Resource of an unnamed pool = %q, want %q", ve.Resource, "node pool")
	}
}

func TestPasswordNeverInErrors(t *testing.T) {
	for _, pw := range []string{"Ab1-", "Has Space1a", "alllowercasepassword", testPassword} {
		s := validSpec()
		s.Password = ack.NewSecret(pw)
		s.KeyPair = "ops" // breaks login.exclusive even for a good password
		err := Validate(s)
		if err == nil {
			t.Fatalf("password %d: no error", len(pw))
		}
		for _, text := range []string{err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err)} {
			if strings.Contains(text, pw) {
				t.Errorf("error shows the password: %s", text)
			}
		}
	}
}

func TestValidatePassword(t *testing.T) {
	for _, c := range []struct {
		pw string
		ok bool
	}{
		{"Abcdefg1", true},
		{"abcdefg1!", true},
		{"ABCDEFG1!", true},
		{"abcdefgh", false},
		{"abcdefg1", false},
		{"Abcdef1", false},
		{"Abcdefg1é", false},
		{"Aa1" + strings.Repeat("b", 27), true},
		{"Aa1" + strings.Repeat("b", 28), false},
	} {
		if got := ValidatePassword(ack.NewSecret(c.pw)) == nil; got != c.ok {
			t.Errorf("ValidatePassword of a %d-character password: ok = %v, want %v", len(c.pw), got, c.ok)
		}
	}
}

func TestValidPeriods(t *testing.T) {
	for _, c := range []struct {
		unit        PeriodUnit
		period      []int
		renewPeriod []int
	}{
		{Month, []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36, 48, 60}, []int{1, 2, 3, 6, 12}},
		{"", []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36, 48, 60}, []int{1, 2, 3, 6, 12}},
		{Week, []int{1, 2, 3, 4}, []int{1, 2, 3}},
		{"Year", nil, nil},
	} {
		if diff := cmp.Diff(c.period, ValidPeriods(c.unit)); diff != "" {
			t.Errorf("ValidPeriods(%q) (-want +got):\n%s", c.unit, diff)
		}
		if diff := cmp.Diff(c.renewPeriod, ValidAutoRenewPeriods(c.unit)); diff != "" {
			t.Errorf("ValidAutoRenewPeriods(%q) (-want +got):\n%s", c.unit, diff)
		}
	}
}

func TestValidateCreateRequestNil(t *testing.T) {
	if err := validateCreateRequest(nil); err == nil {
		t.Error("validateCreateRequest(nil) = nil, want an error")
	}
	if _, err := specFromCreateRequest(nil); err == nil {
		t.Error("specFromCreateRequest(nil) error = nil, want an error")
	}
}
