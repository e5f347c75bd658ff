package fake_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/quota"
)

// validPoolSpec is a node pool Spec that breaks no rule and sets most
// fields (the nodepool package's test fixture, on managedRequest's VPC).
func validPoolSpec() nodepool.Spec {
	return nodepool.Spec{
		Name:          "workers",
		VSwitchIDs:    []string{"vsw-bp1a", "vsw-bp1b"},
		InstanceTypes: []string{"ecs.g7.xlarge", "ecs.c7.xlarge"},
		ChargeType:    nodepool.PrePaid,
		Subscription:  nodepool.Subscription{Period: 1, Unit: nodepool.Month, AutoRenew: true, AutoRenewPeriod: 1},
		DesiredSize:   3,
		SystemDisk:    nodepool.Disk{Category: nodepool.DiskESSD, SizeGiB: 120, PerformanceLevel: "PL1"},
		DataDisks:     []nodepool.Disk{{Category: nodepool.DiskESSD, SizeGiB: 200, PerformanceLevel: "PL0"}},
		ImageType:     nodepool.ImageAliyunLinux3,
		Password:      ack.NewSecret("Ack-Test-2024"),
		Labels:        []nodepool.Label{{Key: "example.com/team", Value: "platform"}, {Key: "tier", Value: "web"}},
		Taints:        []nodepool.Taint{{Key: "dedicated", Value: "web", Effect: nodepool.NoExecute}},
		Runtime:       nodepool.Containerd,
		CPUPolicy:     nodepool.CPUPolicyStatic,
		MaxPods:       64,
		AutoScaling:   nodepool.AutoScaling{Type: nodepool.ScaleCPU},
		Management:    nodepool.Management{Enabled: true, AutoRepair: true},
	}
}

// postPaidPool turns the fixture into a PostPaid pool without a term.
func postPaidPool(s *nodepool.Spec) {
	s.ChargeType = nodepool.PostPaid
	s.Subscription = nodepool.Subscription{}
}

// autoScalePool turns the fixture's autoscaler on.
func autoScalePool(s *nodepool.Spec, minimum, maximum int) {
	s.DesiredSize = 0
	s.AutoScaling = nodepool.AutoScaling{Enabled: true, Min: minimum, Max: maximum}
}

// poolBreaker breaks one rule: through the Spec, or through the raw body.
type poolBreaker struct {
	spec func(*nodepool.Spec)
	req  func(*wire.Nodepool)
}

// poolBreakers holds one breaker per rule of nodepool.Rules().
var poolBreakers = map[string]poolBreaker{
	"nodepool.name.length":                    {spec: func(s *nodepool.Spec) { s.Name = "" }},
	"nodepool.vswitches.count":                {spec: func(s *nodepool.Spec) { s.VSwitchIDs = nil }},
	"nodepool.vswitches.format":               {spec: func(s *nodepool.Spec) { s.VSwitchIDs[1] = "subnet-1" }},
	"nodepool.vswitches.unique":               {spec: func(s *nodepool.Spec) { s.VSwitchIDs = append(s.VSwitchIDs, s.VSwitchIDs[0]) }},
	"nodepool.instance_types.count":           {spec: func(s *nodepool.Spec) { s.InstanceTypes = nil }},
	"nodepool.instance_types.format":          {spec: func(s *nodepool.Spec) { s.InstanceTypes[1] = "g7.large" }},
	"nodepool.instance_types.unique":          {spec: func(s *nodepool.Spec) { s.InstanceTypes[1] = s.InstanceTypes[0] }},
	"nodepool.charge_type.known":              {spec: func(s *nodepool.Spec) { postPaidPool(s); s.ChargeType = "Spot" }},
	"nodepool.subscription.prepaid_only":      {spec: func(s *nodepool.Spec) { postPaidPool(s); s.Subscription.Period = 1 }},
	"nodepool.subscription.unit":              {spec: func(s *nodepool.Spec) { s.Subscription.Unit = "Year" }},
	"nodepool.subscription.period":            {spec: func(s *nodepool.Spec) { s.Subscription.Period = 10 }},
	"nodepool.subscription.auto_renew_period": {spec: func(s *nodepool.Spec) { s.Subscription.AutoRenewPeriod = 4 }},
	"nodepool.desired_size.range":             {spec: func(s *nodepool.Spec) { s.DesiredSize = -1 }},
	"nodepool.desired_size.auto_scaling":      {spec: func(s *nodepool.Spec) { autoScalePool(s, 0, 5); s.DesiredSize = 3 }},
	"nodepool.system_disk.category": {spec: func(s *nodepool.Spec) {
		s.SystemDisk = nodepool.Disk{Category: "ssd", SizeGiB: 120}
	}},
	"nodepool.system_disk.size":              {spec: func(s *nodepool.Spec) { s.SystemDisk.SizeGiB = 19 }},
	"nodepool.system_disk.performance_level": {spec: func(s *nodepool.Spec) { s.SystemDisk.PerformanceLevel = "PL4" }},
	"nodepool.data_disks.category": {spec: func(s *nodepool.Spec) {
		s.DataDisks = append(s.DataDisks, nodepool.Disk{Category: "nvme", SizeGiB: 100})
	}},
	"nodepool.data_disks.size":              {spec: func(s *nodepool.Spec) { s.DataDisks[0].SizeGiB = 39 }},
	"nodepool.data_disks.performance_level": {spec: func(s *nodepool.Spec) { s.DataDisks[0].Category = nodepool.DiskEfficiency }},
	"nodepool.image_type.known":             {spec: func(s *nodepool.Spec) { s.ImageType = "Ubuntu" }},
	"nodepool.login.required":               {spec: func(s *nodepool.Spec) { s.Password = ack.Secret{} }},
	"nodepool.login.exclusive":              {spec: func(s *nodepool.Spec) { s.KeyPair = "ops" }},
	"nodepool.login.container_os_key_pair":  {spec: func(s *nodepool.Spec) { s.ImageType = nodepool.ImageContainerOS }},
	"nodepool.login.password":               {spec: func(s *nodepool.Spec) { s.Password = ack.NewSecret("Ab1-") }},
	"nodepool.labels.key":                   {spec: func(s *nodepool.Spec) { s.Labels[0].Key = "" }},
	"nodepool.labels.value":                 {spec: func(s *nodepool.Spec) { s.Labels[0].Value = "web." }},
	"nodepool.labels.unique":                {spec: func(s *nodepool.Spec) { s.Labels[1].Key = s.Labels[0].Key }},
	"nodepool.taints.key":                   {spec: func(s *nodepool.Spec) { s.Taints[0].Key = "" }},
	"nodepool.taints.value":                 {spec: func(s *nodepool.Spec) { s.Taints[0].Value = "a b" }},
	"nodepool.taints.effect":                {spec: func(s *nodepool.Spec) { s.Taints[0].Effect = "NoRun" }},
	"nodepool.taints.unique": {spec: func(s *nodepool.Spec) {
		s.Taints = []nodepool.Taint{{Key: "gpu", Value: "a", Effect: nodepool.NoSchedule}, {Key: "gpu", Value: "b"}}
	}},
	"nodepool.runtime.known":      {spec: func(s *nodepool.Spec) { s.Runtime = "cri-o" }},
	"nodepool.cpu_policy.known":   {spec: func(s *nodepool.Spec) { s.CPUPolicy = "dynamic" }},
	"nodepool.max_pods.range":     {spec: func(s *nodepool.Spec) { s.MaxPods = quota.MaxPodsPerNode + 1 }},
	"nodepool.auto_scaling.min":   {spec: func(s *nodepool.Spec) { autoScalePool(s, -1, 5) }},
	"nodepool.auto_scaling.max":   {spec: func(s *nodepool.Spec) { autoScalePool(s, 0, nodepool.MaxAutoScalingInstances+1) }},
	"nodepool.auto_scaling.range": {spec: func(s *nodepool.Spec) { autoScalePool(s, 6, 5) }},
	"nodepool.auto_scaling.type":  {spec: func(s *nodepool.Spec) { s.AutoScaling.Type = "tpu" }},
	"nodepool.management.enable":  {spec: func(s *nodepool.Spec) { s.Management.Enabled = false }},
	"nodepool.type.supported":     {req: func(r *wire.Nodepool) { r.NodepoolInfo.Type = "edge" }},
}

// refusedRules reads the rule IDs back from a refusal: an InvalidParameter
// answer whose message is a *ack.ValidationError's text, equal to want's
// text when want is not nil.
func refusedRules(t *testing.T, resp *ack.Response, want error) []string {
	t.Helper()
	e := errorBody(t, resp)
	if resp.StatusCode != http.StatusBadRequest || e.Code != fake.InvalidParameter {
		t.Fatalf("HTTP %d %s %s, want 400 InvalidParameter", resp.StatusCode, e.Code, e.Message)
	}
	if want != nil && e.Message != want.Error() {
		t.Errorf("message %q\nwant the ValidationError's text %q", e.Message, want.Error())
	}
	ve, ok := ack.ParseValidationError(e.Message)
	if !ok {
		t.Fatalf("message %q is not a ValidationError's text", e.Message)
	}
	var ids []string
	for _, v := range ve.Violations {
		ids = append(ids, v.Rule)
	}
	return ids
}

// TestCreateNodePoolRuleParity sends, for every rule of the nodepool
// package, a raw CreateClusterNodePool body that breaks it: the fake
// refuses it with that rule's ID and the very text the package's
// ValidateCreateRequest gives, and creates nothing.
func TestCreateNodePoolRuleParity(t *testing.T) {
	c := fake.New(fake.WithProgressions(fake.Immediately()))
	id := runningCluster(t, c, managedRequest("rules"))
	if err := nodepool.Validate(validPoolSpec()); err != nil {
		t.Fatalf("the fixture is invalid: %v", err)
	}
	for _, rule := range nodepool.Rules() {
		t.Run(rule.ID, func(t *testing.T) {
			b, ok := poolBreakers[rule.ID]
			if !ok {
				t.Fatalf("no body breaks rule %s: add one to poolBreakers", rule.ID)
			}
			spec := validPoolSpec()
			if b.spec != nil {
				b.spec(&spec)
			}
			req := poolWire.CreateRequest(spec)
			if b.req != nil {
				b.req(req)
			}
			resp := call(t, c, wire.ActionCreateClusterNodePool, []string{id}, nil, req)
			if got := refusedRules(t, resp, poolWire.ValidateCreate(req)); !slices.Contains(got, rule.ID) {
				t.Errorf("refused with rules %v, want %s among them", got, rule.ID)
			}
			if n := len(c.NodePools(id)); n != 0 {
				t.Errorf("%d pools after a refusal", n)
			}
		})
	}
	if missing := len(poolBreakers) - len(nodepool.Rules()); missing != 0 {
		t.Errorf("poolBreakers has %d breakers for %d rules", len(poolBreakers), len(nodepool.Rules()))
	}
}

// TestModifyNodePoolChangeRuleParity sends, for every immutability rule
// of the nodepool package, a ModifyClusterNodePool body that changes what
// it fixes: the fake refuses it with that rule's ID and CheckChange's very
// text, and the pool is unchanged.
func TestModifyNodePoolChangeRuleParity(t *testing.T) {
	breakers := map[string]struct {
		body string
		edit func(*nodepool.Spec)
	}{
		"nodepool.immutable.auto_scaling_type": {`{"auto_scaling":{"type":"gpu"}}`, func(s *nodepool.Spec) { s.AutoScaling.Type = nodepool.ScaleGPU }},
		"nodepool.immutable.max_pods":          {`{"node_config":{"kubelet_configuration":{"maxPods":32}}}`, func(s *nodepool.Spec) { s.MaxPods = 32 }},
		"nodepool.immutable.runtime":           {`{"kubernetes_config":{"runtime":"docker"}}`, func(s *nodepool.Spec) { s.Runtime = nodepool.Docker }},
	}
	c := fake.New(fake.WithProgressions(fake.Immediately()))
	id := runningCluster(t, c, managedRequest("changes"))
	spec := validPoolSpec()
	poolID, _ := createPool(t, c, id, poolWire.CreateRequest(spec))
	before, _ := c.NodePool(id, poolID)
	for _, rule := range nodepool.ChangeRules() {
		t.Run(rule.ID, func(t *testing.T) {
			b, ok := breakers[rule.ID]
			if !ok {
				t.Fatalf("no body breaks rule %s", rule.ID)
			}
			next := before.Spec.Clone()
			b.edit(&next)
			want := nodepool.CheckChange(before.Spec, next)
			var ve *ack.ValidationError
			if !errors.As(want, &ve) {
				t.Fatalf("CheckChange does not refuse the edit: %v", want)
			}
			req := wire.NewRequest(wire.ActionModifyClusterNodePool, id, poolID)
			req.Body = []byte(b.body)
			resp, err := c.Transport().RoundTrip(t.Context(), req)
			if err != nil {
				t.Fatal(err)
			}
			if got := refusedRules(t, resp, want); !slices.Contains(got, rule.ID) {
				t.Errorf("refused with rules %v, want %s", got, rule.ID)
			}
			after, _ := c.NodePool(id, poolID)
			if diff := cmp.Diff(before, after, cmp.Comparer(func(a, b ack.Secret) bool { return a.Reveal() == b.Reveal() })); diff != "" {
				t.Errorf("pool changed by a refused call (-before +after):\n%s", diff)
			}
		})
	}
}

// TestModifyNodePoolValidation refuses a modification that breaks a rule
// of a Spec (nodepool.Validate), and applies one that does not.
func TestModifyNodePoolValidation(t *testing.T) {
	c := fake.New(fake.WithProgressions(fake.Immediately()))
	id := runningCluster(t, c, managedRequest("modify"))
	poolID, _ := createPool(t, c, id, poolBody("web", 1))
	tests := []struct {
		name, body string
		rule       string
	}{
		{"too many vSwitches", mustJSONf(map[string]any{"scaling_group": map[string]any{"vswitch_ids": nineVSwitches()}}), "nodepool.vswitches.count"},
		{"autoscaler's minimum above its maximum", `{"auto_scaling":{"enable":true,"min_instances":5,"max_instances":3}}`, "nodepool.auto_scaling.range"},
		{"bad taint", `{"kubernetes_config":{"taints":[{"key":"a","effect":"Sometimes"}]}}`, "nodepool.taints.effect"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := wire.NewRequest(wire.ActionModifyClusterNodePool, id, poolID)
			req.Body = []byte(tt.body)
			resp, err := c.Transport().RoundTrip(t.Context(), req)
			if err != nil {
				t.Fatal(err)
			}
			if got := refusedRules(t, resp, nil); !slices.Contains(got, tt.rule) {
				t.Errorf("refused with %v, want %s", got, tt.rule)
			}
		})
	}
	body := `{"kubernetes_config":{"labels":[{"key":"tier","value":"db"}]},"auto_scaling":{"enable":true,"min_instances":1,"max_instances":4}}`
	req := wire.NewRequest(wire.ActionModifyClusterNodePool, id, poolID)
	req.Body = []byte(body)
	if resp, err := c.Transport().RoundTrip(t.Context(), req); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("modify: %v %s", err, resp.Body)
	}
	p, _ := c.NodePool(id, poolID)
	want := []nodepool.Label{{Key: "tier", Value: "db"}}
	if diff := cmp.Diff(want, p.Spec.Labels); diff != "" || !p.Spec.AutoScaling.Enabled || p.Spec.DesiredSize != 0 {
		t.Errorf("labels (-want +got):\n%s; auto scaling %+v, desired %d", diff, p.Spec.AutoScaling, p.Spec.DesiredSize)
	}
	var d wire.NodePoolDetail
	if err := json.Unmarshal(call(t, c, wire.ActionDescribeClusterNodePoolDetail, []string{id, poolID}, nil, nil).Body, &d); err != nil {
		t.Fatal(err)
	}
	if d.ScalingGroup.DesiredSize != nil {
		t.Errorf("an autoscaled pool reports desired_size %d", *d.ScalingGroup.DesiredSize)
	}
}

func nineVSwitches() []string {
	var out []string
	for i := range 9 {
		out = append(out, fmt.Sprintf("vsw-nine%d", i))
	}
	return out
}

// TestNodePoolRequestRuleParity sends, for every request rule of the
// nodepool package (nodepool.RequestRules), a raw body that breaks it:
// the fake refuses it with that rule's ID and the text of the function the
// client checks with, and the pool keeps its nodes and desired size.
func TestNodePoolRequestRuleParity(t *testing.T) {
	c := fake.New(fake.WithProgressions(fake.Immediately()))
	id := runningCluster(t, c, managedRequest("requests"))
	poolID, _ := createPool(t, c, id, poolBody("web", 2))
	breakers := map[string]struct {
		action string
		body   string
		want   func() error
	}{
		"nodepool.scale.count": {wire.ActionScaleClusterNodePool, `{"count":-1}`, func() error {
			return poolWire.ValidateScale(poolID, &wire.ScaleNodePoolRequest{Count: -1})
		}},
		"nodepool.modify.count": {wire.ActionModifyClusterNodePool, `{"count":-1}`, func() error {
			return poolWire.ValidateModify(poolID, &wire.ModifyNodePoolRequest{Count: -1})
		}},
	}
	before, _ := c.NodePool(id, poolID)
	for _, rule := range nodepool.RequestRules() {
		t.Run(rule.ID, func(t *testing.T) {
			b, ok := breakers[rule.ID]
			if !ok {
				t.Fatalf("no body breaks rule %s: add one", rule.ID)
			}
			req := wire.NewRequest(b.action, id, poolID)
			req.Body = []byte(b.body)
			resp, err := c.Transport().RoundTrip(t.Context(), req)
			if err != nil {
				t.Fatal(err)
			}
			if got := refusedRules(t, resp, b.want()); !slices.Contains(got, rule.ID) {
				t.Errorf("refused with rules %v, want %s", got, rule.ID)
			}
			after, _ := c.NodePool(id, poolID)
			if after.Nodes != before.Nodes || after.Spec.DesiredSize != before.Spec.DesiredSize {
				t.Errorf("pool changed by a refused call: %d nodes, desired %d; before %d, %d", after.Nodes, after.Spec.DesiredSize, before.Nodes, before.Spec.DesiredSize)
			}
		})
	}
}
