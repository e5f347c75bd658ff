package nodepool

import (
	"errors"
	"slices"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/rulecheck"
	"github.com/ackgo/ack/internal/wire"
)

// The pool type this package models: ACK's ordinary node pool, backed by
// an Auto Scaling (ESS) group. Edge and Lingjun pools are out of scope.
const poolTypeESS = "ess"

// CreateRequest returns the CreateClusterNodePool body for s. The charge
// type, which ACK requires, is sent as DefaultChargeType when s leaves it
// empty; other empty fields are left out for ACK to default. It does not
// validate s: call Validate first. The body holds the password in plain
// text, as ACK needs it; the wire type redacts it when printed.
func (s Spec) createRequest() *wire.Nodepool {
	charge := s.ChargeType
	if charge == "" {
		charge = DefaultChargeType
	}
	sg := &wire.ScalingGroup{
		VSwitchIDs:                 slices.Clone(s.VSwitchIDs),
		InstanceTypes:              slices.Clone(s.InstanceTypes),
		InstanceChargeType:         string(charge),
		Period:                     int64(s.Subscription.Period),
		PeriodUnit:                 string(s.Subscription.Unit),
		AutoRenewPeriod:            int64(s.Subscription.AutoRenewPeriod),
		SystemDiskCategory:         string(s.SystemDisk.Category),
		SystemDiskSize:             int64(s.SystemDisk.SizeGiB),
		SystemDiskPerformanceLevel: s.SystemDisk.PerformanceLevel,
		ImageType:                  string(s.ImageType),
		KeyPair:                    s.KeyPair,
		LoginPassword:              s.Password.Reveal(),
	}
	if s.Subscription.AutoRenew {
		sg.AutoRenew = wire.Bool(true)
	}
	// With auto scaling on, ACK ignores the desired size; it is sent only
	// when it says something.
	if !s.AutoScaling.Enabled || s.DesiredSize != 0 {
		sg.DesiredSize = wire.Int(int64(s.DesiredSize))
	}
	for _, d := range s.DataDisks {
		sg.DataDisks = append(sg.DataDisks, wire.DataDisk{
			Category:         string(d.Category),
			Size:             int64(d.SizeGiB),
			PerformanceLevel: d.PerformanceLevel,
		})
	}
	return &wire.Nodepool{
		NodepoolInfo:     &wire.NodepoolInfo{Name: s.Name, Type: poolTypeESS},
		ScalingGroup:     sg,
		KubernetesConfig: s.kubernetesConfig(),
		AutoScaling:      s.autoScaling(),
		Management:       s.management(),
		NodeConfig:       s.nodeConfig(),
	}
}

// kubernetesConfig returns the kubernetes_config block, or nil when s sets
// none of it.
func (s Spec) kubernetesConfig() *wire.KubernetesConfig {
	if s.Runtime == "" && s.RuntimeVersion == "" && s.CPUPolicy == "" && len(s.Labels) == 0 && len(s.Taints) == 0 {
		return nil
	}
	k := &wire.KubernetesConfig{
		Runtime:        string(s.Runtime),
		RuntimeVersion: s.RuntimeVersion,
		CPUPolicy:      string(s.CPUPolicy),
	}
	for _, l := range s.Labels {
		k.Labels = append(k.Labels, wire.Tag{Key: l.Key, Value: l.Value})
	}
	for _, t := range s.Taints {
		k.Taints = append(k.Taints, wire.Taint{Key: t.Key, Value: t.Value, Effect: string(t.Effect)})
	}
	return k
}

// autoScaling returns the auto_scaling block, or nil when s sets none of
// it.
func (s Spec) autoScaling() *wire.AutoScaling {
	a := s.AutoScaling
	if a == (AutoScaling{}) {
		return nil
	}
	return &wire.AutoScaling{
		Enable:       wire.Bool(a.Enabled),
		MinInstances: wire.Int(int64(a.Min)),
		MaxInstances: wire.Int(int64(a.Max)),
		Type:         string(a.Type),
	}
}

// management returns the management block, or nil when s sets none of it.
// The flags are always sent: ACK turns them on when they are missing.
func (s Spec) management() *wire.Management {
	m := s.Management
	if m == (Management{}) {
		return nil
	}
	return &wire.Management{
		Enable:      wire.Bool(m.Enabled),
		AutoRepair:  wire.Bool(m.AutoRepair),
		AutoUpgrade: wire.Bool(m.AutoUpgrade),
	}
}

// nodeConfig returns the node_config block carrying max pods, or nil.
func (s Spec) nodeConfig() *wire.NodeConfig {
	if s.MaxPods == 0 {
		return nil
	}
	return &wire.NodeConfig{KubeletConfiguration: &wire.KubeletConfig{MaxPods: int64(s.MaxPods)}}
}

// specFromCreateRequest reads a CreateClusterNodePool body into a Spec.
// Fields the Spec does not model are ignored. The deprecated count is read
// as the desired size when desired_size is absent. A body this package
// cannot model (a pool type other than ess) is a *ack.ValidationError
// under the rules of DecodeRules; the Spec is still returned. It does not
// validate the Spec: validateCreateRequest does both.
func specFromCreateRequest(req *wire.Nodepool) (Spec, error) {
	if req == nil {
		return Spec{}, errors.New("node pool: no create request body")
	}
	s, vs := decode(req)
	return s, asError(s.Name, vs)
}

// validateCreateRequest reads a CreateClusterNodePool body and checks it
// under the same rules as Validate (and the decode rules), so that the
// fake refuses a raw request with the rule IDs and field paths a client
// gets before sending it. It returns a *ack.ValidationError listing every
// violation, or nil.
func validateCreateRequest(req *wire.Nodepool) error {
	_, err := checkCreateRequest(req)
	return err
}

// checkCreateRequest is validateCreateRequest that also returns the Spec
// it decoded, so that the fake, which runs it on the requests it receives,
// reads each body once.
func checkCreateRequest(req *wire.Nodepool) (Spec, error) {
	if req == nil {
		return Spec{}, errors.New("node pool: no create request body")
	}
	s, vs := decode(req)
	return s, asError(s.Name, append(vs, violations(s)...))
}

// decode reads req, which is not nil, and reports what no Spec can hold.
func decode(req *wire.Nodepool) (Spec, []ack.Violation) {
	var s Spec
	if info := req.NodepoolInfo; info != nil {
		s.Name = info.Name
	}
	if sg := req.ScalingGroup; sg != nil {
		decodeScalingGroup(&s, sg)
		if sg.DesiredSize == nil && req.Count != 0 {
			s.DesiredSize = int(req.Count)
		}
	} else if req.Count != 0 {
		s.DesiredSize = int(req.Count)
	}
	if k := req.KubernetesConfig; k != nil {
		s.Runtime = Runtime(k.Runtime)
		s.RuntimeVersion = k.RuntimeVersion
		s.CPUPolicy = CPUPolicy(k.CPUPolicy)
		for _, l := range k.Labels {
			s.Labels = append(s.Labels, Label{Key: l.Key, Value: l.Value})
		}
		for _, t := range k.Taints {
			s.Taints = append(s.Taints, Taint{Key: t.Key, Value: t.Value, Effect: TaintEffect(t.Effect)})
		}
	}
	if a := req.AutoScaling; a != nil {
		s.AutoScaling = AutoScaling{
			Enabled: wire.BoolValue(a.Enable, false),
			Min:     int(wire.IntValue(a.MinInstances, 0)),
			Max:     int(wire.IntValue(a.MaxInstances, 0)),
			Type:    AutoScalingType(a.Type),
		}
	}
	if m := req.Management; m != nil {
		on := wire.BoolValue(m.Enable, false)
		s.Management = Management{
			Enabled:     on,
			AutoRepair:  wire.BoolValue(m.AutoRepair, on),
			AutoUpgrade: wire.BoolValue(m.AutoUpgrade, on),
		}
	}
	if nc := req.NodeConfig; nc != nil && nc.KubeletConfiguration != nil {
		s.MaxPods = int(nc.KubeletConfiguration.MaxPods)
	}
	c := rulecheck.NewCollector()
	for _, r := range decodeRegistry {
		r.check(req, c.Of(r.ID))
	}
	return s, c.Violations()
}

// decodeScalingGroup reads the scaling_group block into s.
func decodeScalingGroup(s *Spec, sg *wire.ScalingGroup) {
	s.VSwitchIDs = slices.Clone(sg.VSwitchIDs)
	s.InstanceTypes = slices.Clone(sg.InstanceTypes)
	s.ChargeType = ChargeType(sg.InstanceChargeType)
	s.Subscription = Subscription{
		Period:          int(sg.Period),
		Unit:            PeriodUnit(sg.PeriodUnit),
		AutoRenew:       wire.BoolValue(sg.AutoRenew, false),
		AutoRenewPeriod: int(sg.AutoRenewPeriod),
	}
	s.DesiredSize = int(wire.IntValue(sg.DesiredSize, 0))
	s.SystemDisk = Disk{
		Category:         DiskCategory(sg.SystemDiskCategory),
		SizeGiB:          int(sg.SystemDiskSize),
		PerformanceLevel: sg.SystemDiskPerformanceLevel,
	}
	for _, d := range sg.DataDisks {
		s.DataDisks = append(s.DataDisks, Disk{
			Category:         DiskCategory(d.Category),
			SizeGiB:          int(d.Size),
			PerformanceLevel: d.PerformanceLevel,
		})
	}
	s.ImageType = ImageType(sg.ImageType)
	s.KeyPair = sg.KeyPair
	s.Password = ack.NewSecret(sg.LoginPassword)
}

// wireRule is a rule that only a raw request can break, and its check.
type wireRule struct {
	Rule
	check func(req *wire.Nodepool, r report)
}

// decodeRegistry lists the rules of requests no Spec can express.
var decodeRegistry = []wireRule{
	{Rule{"nodepool.type.supported", fieldType,
		"the pool type is ess (ACK's default); edge and Lingjun pools are not modelled"}, checkPoolType},
}

// DecodeRules returns the rules that only a raw CreateClusterNodePool body
// can break, which validateCreateRequest applies besides Rules.
func DecodeRules() []Rule {
	out := make([]Rule, len(decodeRegistry))
	for i, r := range decodeRegistry {
		out[i] = r.Rule
	}
	return out
}

func checkPoolType(req *wire.Nodepool, r report) {
	if info := req.NodepoolInfo; info != nil && info.Type != "" && info.Type != poolTypeESS {
		r(fieldType, "is %q; only ess node pools are supported", info.Type)
	}
}
