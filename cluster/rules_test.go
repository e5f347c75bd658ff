package cluster_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/nodepool"
)

// ruleCase is a spec that breaks exactly one rule.
type ruleCase struct {
	name string
	rule string
	base func() cluster.Spec
	edit func(*cluster.Spec)
	opts []cluster.ValidationOption
	// fields are the field paths the violations name, in order.
	fields []string
	// specOnly marks a spec the wire cannot express.
	specOnly bool
}

func tags(n int) []cluster.Tag {
	out := make([]cluster.Tag, n)
	for i := range out {
		out[i] = cluster.Tag{Key: fmt.Sprintf("k%d", i), Value: "v"}
	}
	return out
}

func threeVSwitches() []cluster.VSwitch {
	return []cluster.VSwitch{{ID: "vsw-1"}, {ID: "vsw-2"}, {ID: "vsw-3"}}
}

var ruleCases = []ruleCase{
	{name: "empty name", rule: "cluster.name.format", base: serverlessSpec,
		edit: func(s *cluster.Spec) { s.Name = "" }, fields: []string{"name"}},
	{name: "name of 64 characters", rule: "cluster.name.format", base: serverlessSpec,
		edit: func(s *cluster.Spec) { s.Name = strings.Repeat("a", 64) }, fields: []string{"name"}},
	{name: "name starting with a hyphen", rule: "cluster.name.format", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Name = "-prod" }, fields: []string{"name"}},
	{name: "name with an underscore", rule: "cluster.name.format", base: basicFlannelSpec,
		edit: func(s *cluster.Spec) { s.Name = "prod_1" }, fields: []string{"name"}},
	{name: "name with non-ASCII letters", rule: "cluster.name.format", base: basicFlannelSpec,
		edit: func(s *cluster.Spec) { s.Name = "集群" }, fields: []string{"name"}},
	{name: "no region", rule: "cluster.region.required", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Region = "" }, fields: []string{"region"}},
	{name: "zero form", rule: "cluster.form.known", base: serverlessSpec,
		edit: func(s *cluster.Spec) { s.Form = 0 }, fields: []string{"form"}},
	{name: "form out of range", rule: "cluster.form.known", base: serverlessSpec,
		edit: func(s *cluster.Spec) { s.Form = 9 }, fields: []string{"form"}},
	{name: "21 tags", rule: "cluster.tags.limit", base: managedProSpec,
		edit: func(s *cluster.Spec) { s.Tags = tags(21) }, fields: []string{"tags"}},
	{name: "pod CIDR without prefix", rule: "cluster.cidr.syntax", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Network.PodCIDR = "172.20.0.0" }, fields: []string{"network.pod_cidr"}},
	{name: "Service CIDR with host bits", rule: "cluster.cidr.syntax", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.ServiceCIDR = "172.21.0.1/20" }, fields: []string{"service_cidr"}},
	{name: "IPv6 pod CIDR", rule: "cluster.cidr.syntax", base: basicFlannelSpec,
		edit: func(s *cluster.Spec) { s.Network.PodCIDR = "fd00::/64" }, fields: []string{"network.pod_cidr"}},
	{name: "bad VPC CIDR", rule: "cluster.cidr.syntax", base: dedicatedSpec,
		opts: []cluster.ValidationOption{cluster.WithVPCCIDRs("192.168.0.0/16", "10.0.0.0/33")}, fields: []string{"vpc_cidrs[1]"}},
	{name: "pod CIDR overlaps the default Service CIDR", rule: "cluster.cidr.overlap", base: basicFlannelSpec,
		edit: func(s *cluster.Spec) { s.Network.PodCIDR = "172.16.0.0/12" }, fields: []string{"network.pod_cidr"}},
	{name: "pod CIDR overlaps the Service CIDR", rule: "cluster.cidr.overlap", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.ServiceCIDR = "172.20.16.0/20" }, fields: []string{"network.pod_cidr"}},
	{name: "pod CIDR overlaps the VPC", rule: "cluster.cidr.overlap", base: dedicatedSpec,
		opts: []cluster.ValidationOption{cluster.WithVPCCIDRs("172.20.128.0/17")}, fields: []string{"network.pod_cidr"}},
	{name: "Service CIDR overlaps a secondary VPC block", rule: "cluster.cidr.overlap", base: managedProSpec,
		opts: []cluster.ValidationOption{cluster.WithVPCCIDRs("192.168.0.0/16", "172.19.0.0/16")}, fields: []string{"service_cidr"}},
	{name: "placeholder VPC ID", rule: "cluster.network.vpc_id", base: managedProSpec,
		edit: func(s *cluster.Spec) { s.VPCID = "vpc-..." }, fields: []string{"vpc_id"}},
	{name: "upper-case VPC ID", rule: "cluster.network.vpc_id", base: serverlessSpec,
		edit: func(s *cluster.Spec) { s.VPCID = "VPC_1" }, fields: []string{"vpc_id"}},
	{name: "no VPC, managed", rule: "cluster.network.vpc_required", base: managedProSpec,
		edit: func(s *cluster.Spec) { s.VPCID = "" }, fields: []string{"vpc_id"}},
	{name: "no VPC, serverless", rule: "cluster.network.vpc_required", base: serverlessSpec,
		edit: func(s *cluster.Spec) { s.VPCID = "" }, fields: []string{"vpc_id"}},
	{name: "malformed control-plane vSwitches", rule: "cluster.network.vswitch_id", base: managedProSpec,
		edit: func(s *cluster.Spec) {
			s.VSwitches = append(s.VSwitches, cluster.VSwitch{ID: "subnet-1"}, cluster.VSwitch{})
		},
		fields: []string{"vswitches[2]", "vswitches[3]"}},
	{name: "malformed master vSwitch", rule: "cluster.network.vswitch_id", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Masters.VSwitches[1].ID = "vsw-M2" }, fields: []string{"masters.vswitches[1]"}},
	{name: "malformed worker vSwitch", rule: "cluster.network.vswitch_id", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Workers.VSwitches[0].ID = "vsw-" }, fields: []string{"workers.vswitches[0]"}},
	{name: "malformed pod vSwitch", rule: "cluster.network.vswitch_id", base: managedProSpec,
		edit: func(s *cluster.Spec) { s.Network.PodVSwitchIDs[1] = "vsw-pod_b" }, fields: []string{"network.pod_vswitch_ids[1]"}},
	{name: "managed cluster without plugin", rule: "cluster.network.plugin", base: managedProSpec,
		edit: func(s *cluster.Spec) { s.Network.Plugin = cluster.NoNetworkPlugin }, fields: []string{"network.plugin"}},
	{name: "dedicated cluster without plugin", rule: "cluster.network.plugin", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Network = cluster.Network{} }, fields: []string{"network.plugin"}},
	{name: "unknown plugin", rule: "cluster.network.plugin", base: serverlessSpec, specOnly: true,
		edit: func(s *cluster.Spec) { s.Network.Plugin = 7 }, fields: []string{"network.plugin"}},
	{name: "Flannel without pod CIDR", rule: "cluster.network.pod_cidr", base: basicFlannelSpec,
		edit: func(s *cluster.Spec) { s.Network.PodCIDR = "" }, fields: []string{"network.pod_cidr"}},
	{name: "mask 23 gives 512 pods per node", rule: "cluster.network.node_cidr_mask", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Network.NodeCIDRMask = 23 }, fields: []string{"network.node_cidr_mask"}},
	{name: "mask 29", rule: "cluster.network.node_cidr_mask", base: basicFlannelSpec,
		edit: func(s *cluster.Spec) { s.Network.NodeCIDRMask = 29 }, fields: []string{"network.node_cidr_mask"}},
	{name: "negative mask", rule: "cluster.network.node_cidr_mask", base: basicFlannelSpec,
		edit: func(s *cluster.Spec) { s.Network.NodeCIDRMask = -1 }, fields: []string{"network.node_cidr_mask"}},
	{name: "dedicated cluster without NAT gateway", rule: "cluster.nat.required", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.SNAT = cluster.Bool(false) }, fields: []string{"snat"}},
	{name: "managed cluster without NAT gateway", rule: "cluster.nat.required", base: managedProSpec,
		edit: func(s *cluster.Spec) { s.SNAT = cluster.Bool(false) }, fields: []string{"snat"}},
	{name: "masters on a managed cluster", rule: "cluster.masters.dedicated_only", base: managedProSpec,
		edit: func(s *cluster.Spec) { s.Masters = dedicatedSpec().Masters }, fields: []string{"masters"}},
	{name: "masters on a serverless cluster", rule: "cluster.masters.dedicated_only", base: serverlessSpec,
		edit: func(s *cluster.Spec) { s.Masters = &cluster.Masters{Count: 3} }, fields: []string{"masters"}},
	{name: "four masters", rule: "cluster.masters.count", base: dedicatedSpec,
		edit: func(s *cluster.Spec) {
			s.Masters.Count = 4
			s.Masters.InstanceTypes = append(s.Masters.InstanceTypes, "ecs.g7.xlarge")
			s.Masters.VSwitches = append(s.Masters.VSwitches, cluster.VSwitch{ID: "vsw-m4"})
		}, fields: []string{"masters.count"}},
	{name: "two instance types for three masters", rule: "cluster.masters.instance_types", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Masters.InstanceTypes = s.Masters.InstanceTypes[:2] }, fields: []string{"masters.instance_types"}},
	{name: "empty instance type", rule: "cluster.masters.instance_types", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Masters.InstanceTypes[1] = "" }, fields: []string{"masters.instance_types[1]"}},
	{name: "malformed instance type", rule: "cluster.masters.instance_types", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Masters.InstanceTypes[2] = "g7.xlarge" }, fields: []string{"masters.instance_types[2]"}},
	{name: "three instance types for five masters", rule: "cluster.masters.instance_types", base: dedicatedSpec,
		edit: func(s *cluster.Spec) {
			s.Masters.Count = 5
			s.Masters.VSwitches = append(s.Masters.VSwitches, cluster.VSwitch{ID: "vsw-m4"}, cluster.VSwitch{ID: "vsw-m5"})
		}, fields: []string{"masters.instance_types"}},
	{name: "four vSwitches for three masters", rule: "cluster.masters.vswitches", base: dedicatedSpec,
		edit:   func(s *cluster.Spec) { s.Masters.VSwitches = append(threeVSwitches(), cluster.VSwitch{ID: "vsw-4"}) },
		fields: []string{"masters.vswitches"}},
	{name: "empty vSwitch ID", rule: "cluster.masters.vswitches", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Masters.VSwitches[2].ID = "" }, fields: []string{"masters.vswitches[2]"}},
	{name: "node pools on a serverless cluster", rule: cluster.RuleServerlessNodePools, base: serverlessSpec,
		edit: func(s *cluster.Spec) { s.NodePools = []nodepool.Spec{testPool("p", "vsw-s")} }, fields: []string{"node_pools"}},
	{name: "workers on a serverless cluster", rule: "cluster.workers.not_serverless", base: serverlessSpec,
		edit: func(s *cluster.Spec) {
			s.Workers = &cluster.Workers{Count: 1, InstanceTypes: []string{"ecs.c7.large"}, VSwitches: []cluster.VSwitch{{ID: "vsw-s"}}}
			s.Login.KeyPair = "ci"
		}, fields: []string{"workers"}},
	{name: "minus one worker", rule: "cluster.workers.count", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Workers.Count = -1 }, fields: []string{"workers.count"}},
	{name: "minus one worker on a managed cluster", rule: "cluster.workers.count", base: managedProSpec,
		edit: func(s *cluster.Spec) {
			s.Workers = dedicatedSpec().Workers
			s.Workers.Count = -1
			s.Login.KeyPair = "ops"
		}, fields: []string{"workers.count"}},
	{name: "101 workers", rule: "cluster.workers.count", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Workers.Count = cluster.MaxWorkers + 1 }, fields: []string{"workers.count"}},
	{name: "dedicated cluster without login", rule: "cluster.login.required", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Login = cluster.Login{} }, fields: []string{"login"}},
	{name: "legacy workers without login", rule: "cluster.login.required", base: managedProSpec,
		edit: func(s *cluster.Spec) { s.Workers = dedicatedSpec().Workers }, fields: []string{"login"}},
	{name: "password and key pair", rule: "cluster.login.required", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Login.KeyPair = "ops" }, fields: []string{"login"}},
	{name: "password of 7 characters", rule: "cluster.login.password", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Login.Password = ack.NewSecret("Ab-1234") }, fields: []string{"login.password"}},
	{name: "password of 31 characters", rule: "cluster.login.password", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Login.Password = ack.NewSecret("Ab-" + strings.Repeat("1", 28)) }, fields: []string{"login.password"}},
	{name: "password of two kinds", rule: "cluster.login.password", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Login.Password = ack.NewSecret("lowercase1234") }, fields: []string{"login.password"}},
	{name: "password with a space", rule: "cluster.login.password", base: dedicatedSpec,
		edit: func(s *cluster.Spec) { s.Login.Password = ack.NewSecret("Pass word-12") }, fields: []string{"login.password"}},
}

func managedProSpec() cluster.Spec { return managedSpec(cluster.ManagedPro) }

// build returns the case's spec.
func (c ruleCase) build() cluster.Spec {
	s := c.base()
	if c.edit != nil {
		c.edit(&s)
	}
	return s
}

// broken lists the rule and field of each violation in err.
func broken(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var ve *ack.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v is not a *ack.ValidationError", err)
	}
	if !errors.Is(err, ack.ErrInvalid) {
		t.Errorf("error %v does not match ack.ErrInvalid", err)
	}
	var out []string
	for _, v := range ve.Violations {
		if v.Message == "" {
			t.Errorf("violation %s at %s has no message", v.Rule, v.Field)
		}
		out = append(out, v.Rule+" @ "+v.Field)
	}
	return out
}

func (c ruleCase) want() []string {
	var out []string
	for _, f := range c.fields {
		out = append(out, c.rule+" @ "+f)
	}
	return out
}

func TestValidateBreaksOneRule(t *testing.T) {
	for _, c := range ruleCases {
		t.Run(c.name, func(t *testing.T) {
			err := cluster.Validate(c.build(), c.opts...)
			if diff := cmp.Diff(c.want(), broken(t, err)); diff != "" {
				t.Errorf("Validate (-want +got):\n%s\nerror: %v", diff, err)
			}
		})
	}
}

func TestEveryRuleHasACase(t *testing.T) {
	hasCase, hasWireCase := map[string]bool{}, map[string]bool{}
	for _, c := range ruleCases {
		hasCase[c.rule] = true
		hasWireCase[c.rule] = hasWireCase[c.rule] || !c.specOnly
	}
	for _, r := range cluster.Rules() {
		if !hasCase[r.ID] {
			t.Errorf("rule %s has no case in ruleCases", r.ID)
		}
		if !hasWireCase[r.ID] {
			t.Errorf("rule %s has no case the wire can express", r.ID)
		}
		if r.Field == "" || r.Description == "" || len(r.Presets) == 0 {
			t.Errorf("rule %s lacks a field, a description or a preset: %+v", r.ID, r)
		}
		delete(hasCase, r.ID)
	}
	for id := range hasCase {
		t.Errorf("case rule %s is not registered", id)
	}
}

func TestValidSpecsPass(t *testing.T) {
	for name, s := range validSpecs() {
		for _, p := range []cluster.Preset{cluster.PresetProduct, cluster.PresetCurrent} {
			if err := cluster.Validate(s, cluster.WithPreset(p), cluster.WithVPCCIDRs("192.168.0.0/16")); err != nil {
				t.Errorf("%s, preset %v: %v", name, p, err)
			}
		}
	}
	// Five masters, the other count ACK allows.
	s := dedicatedSpec()
	s.Masters.Count = 5
	s.Masters.InstanceTypes = append(s.Masters.InstanceTypes, "ecs.g7.xlarge", "ecs.g7.xlarge")
	s.Masters.VSwitches = append(s.Masters.VSwitches, cluster.VSwitch{ID: "vsw-m4"}, cluster.VSwitch{ID: "vsw-m5"})
	if err := cluster.Validate(s); err != nil {
		t.Errorf("five masters: %v", err)
	}
	// Every mask of the allowed range.
	lo, hi := cluster.NodeCIDRMaskRange()
	for m := lo; m <= hi; m++ {
		s := basicFlannelSpec()
		s.Network.NodeCIDRMask = m
		if err := cluster.Validate(s); err != nil {
			t.Errorf("mask %d: %v", m, err)
		}
	}
}

func TestPresetsDiffer(t *testing.T) {
	// Only the product description requires the NAT gateway.
	s := dedicatedSpec()
	s.SNAT = cluster.Bool(false)
	if got := broken(t, cluster.Validate(s)); !cmp.Equal(got, []string{"cluster.nat.required @ snat"}) {
		t.Errorf("product preset: %v", got)
	}
	if err := cluster.Validate(s, cluster.WithPreset(cluster.PresetCurrent)); err != nil {
		t.Errorf("current preset: %v", err)
	}
	for _, r := range cluster.Rules() {
		want := r.ID != "cluster.nat.required"
		if r.In(cluster.PresetCurrent) != want || !r.In(cluster.PresetProduct) {
			t.Errorf("rule %s presets %v", r.ID, r.Presets)
		}
	}
}

func TestValidateListsEveryViolation(t *testing.T) {
	s := cluster.Spec{
		Name:    "-bad",
		Form:    cluster.Dedicated,
		Network: cluster.Network{Plugin: cluster.Flannel, NodeCIDRMask: 30},
		SNAT:    cluster.Bool(false),
	}
	want := []string{
		"cluster.name.format @ name",
		"cluster.region.required @ region",
		"cluster.network.vpc_required @ vpc_id",
		"cluster.network.pod_cidr @ network.pod_cidr",
		"cluster.network.node_cidr_mask @ network.node_cidr_mask",
		"cluster.nat.required @ snat",
		"cluster.masters.instance_types @ masters.instance_types",
		"cluster.masters.vswitches @ masters.vswitches",
		"cluster.login.required @ login",
	}
	err := cluster.Validate(s)
	if diff := cmp.Diff(want, broken(t, err)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if !strings.HasPrefix(err.Error(), `cluster "-bad": invalid (9 rules broken): `) {
		t.Errorf("message %q", err)
	}
}

func TestPasswordNeverInErrors(t *testing.T) {
	for _, pw := range []string{"Ab-1234", "lowercase1234", "Pass word-12", "Ünïcödé-Pass1"} {
		s := dedicatedSpec()
		s.Login = cluster.Login{Password: ack.NewSecret(pw), KeyPair: "also"}
		err := cluster.Validate(s)
		if err == nil {
			t.Fatalf("password %d chars: no error", len(pw))
		}
		for _, out := range []string{err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", s), fmt.Sprintf("%v", s)} {
			if strings.Contains(out, pw) {
				t.Errorf("the password appears in %q", out)
			}
		}
	}
}

func TestNodeCIDRMaskRange(t *testing.T) {
	lo, hi := cluster.NodeCIDRMaskRange()
	if lo != 24 || hi != 28 {
		t.Errorf("NodeCIDRMaskRange() = %d, %d; want 24, 28", lo, hi)
	}
	tests := map[int]int{0: 64, 24: 256, 26: 64, 28: 16, 33: 0, -1: 0}
	for mask, want := range tests {
		if got := cluster.PodsPerNode(mask); got != want {
			t.Errorf("PodsPerNode(%d) = %d, want %d", mask, got, want)
		}
	}
}
