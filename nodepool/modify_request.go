package nodepool

import (
	"slices"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/wire"
)

// Clone returns a copy of s that shares no slices with it.
func (s Spec) Clone() Spec {
	s.VSwitchIDs = slices.Clone(s.VSwitchIDs)
	s.InstanceTypes = slices.Clone(s.InstanceTypes)
	s.DataDisks = slices.Clone(s.DataDisks)
	s.Labels = slices.Clone(s.Labels)
	s.Taints = slices.Clone(s.Taints)
	return s
}

// modifyRequest returns the ModifyClusterNodePool body that changes a pool
// described by old into next, or nil when nothing it can send differs.
// Each block holds only what changed, as absolute values (never the
// deprecated count), so that sending the body twice changes nothing more.
//
// Fields are compared with ACK's defaults written in. A string or size
// field that next leaves empty while old has it keeps old's value: the
// body cannot unset it. Labels and taints are sent whole, an empty list as [] to
// remove them all. A password is sent when next sets one that differs from
// old's (a Spec read from ACK has none). The fixed fields (CheckChange's)
// are not sent: call CheckChange first.
func modifyRequest(old, next Spec) *wire.ModifyNodePoolRequest {
	o, n := old.WithDefaults(), next.WithDefaults()
	var req wire.ModifyNodePoolRequest
	changed := false
	if n.Name != "" && n.Name != o.Name {
		req.NodepoolInfo = &wire.NodepoolInfo{Name: n.Name}
		changed = true
	}
	if sg := scalingGroupChange(o, n, next.Password); sg != nil {
		req.ScalingGroup = sg
		changed = true
	}
	if k := kubernetesChange(o, n); k != nil {
		req.KubernetesConfig = k
		changed = true
	}
	if a := n.AutoScaling; a.Enabled != o.AutoScaling.Enabled || a.Enabled && (a.Min != o.AutoScaling.Min || a.Max != o.AutoScaling.Max) {
		req.AutoScaling = &wire.AutoScaling{
			Enable: wire.Bool(a.Enabled), MinInstances: wire.Int(int64(a.Min)), MaxInstances: wire.Int(int64(a.Max)),
		}
		changed = true
	}
	if n.Management != o.Management {
		req.Management = &wire.Management{
			Enable:      wire.Bool(n.Management.Enabled),
			AutoRepair:  wire.Bool(n.Management.AutoRepair),
			AutoUpgrade: wire.Bool(n.Management.AutoUpgrade),
		}
		changed = true
	}
	if !changed {
		return nil
	}
	return &req
}

// scalingGroupChange returns the scaling_group block of modifyRequest, or
// nil when none of its fields changed. o and n have the defaults written
// in; password is next's.
func scalingGroupChange(o, n Spec, password ack.Secret) *wire.ScalingGroup {
	var sg wire.ScalingGroup
	changed := false
	set := func(differs bool, apply func()) {
		if differs {
			apply()
			changed = true
		}
	}
	set(len(n.VSwitchIDs) > 0 && !slices.Equal(n.VSwitchIDs, o.VSwitchIDs), func() { sg.VSwitchIDs = slices.Clone(n.VSwitchIDs) })
	set(len(n.InstanceTypes) > 0 && !slices.Equal(n.InstanceTypes, o.InstanceTypes), func() { sg.InstanceTypes = slices.Clone(n.InstanceTypes) })
	set(n.ChargeType != o.ChargeType || n.Subscription != o.Subscription, func() {
		sg.InstanceChargeType = string(n.ChargeType)
		sg.Period, sg.PeriodUnit = int64(n.Subscription.Period), string(n.Subscription.Unit)
		sg.AutoRenew, sg.AutoRenewPeriod = wire.Bool(n.Subscription.AutoRenew), int64(n.Subscription.AutoRenewPeriod)
	})
	set(n.DesiredSize != o.DesiredSize && !n.AutoScaling.Enabled, func() { sg.DesiredSize = wire.Int(int64(n.DesiredSize)) })
	disk := n.SystemDisk
	if disk.SizeGiB == 0 {
		disk.SizeGiB = o.SystemDisk.SizeGiB
	}
	if disk.PerformanceLevel == "" && disk.Category == o.SystemDisk.Category {
		disk.PerformanceLevel = o.SystemDisk.PerformanceLevel
	}
	set(disk != o.SystemDisk, func() {
		sg.SystemDiskCategory = string(disk.Category)
		sg.SystemDiskSize = int64(disk.SizeGiB)
		sg.SystemDiskPerformanceLevel = disk.PerformanceLevel
	})
	set(!slices.Equal(n.DataDisks, o.DataDisks), func() {
		sg.DataDisks = []wire.DataDisk{}
		for _, d := range n.DataDisks {
			sg.DataDisks = append(sg.DataDisks, wire.DataDisk{Category: string(d.Category), Size: int64(d.SizeGiB), PerformanceLevel: d.PerformanceLevel})
		}
	})
	set(n.ImageType != "" && n.ImageType != o.ImageType, func() { sg.ImageType = string(n.ImageType) })
	set(n.KeyPair != "" && n.KeyPair != o.KeyPair, func() { sg.KeyPair = n.KeyPair })
	set(!password.IsZero() && !password.Equal(o.Password), func() { sg.LoginPassword = password.Reveal() })
	if !changed {
		return nil
	}
	return &sg
}

// kubernetesChange returns the kubernetes_config block of modifyRequest,
// or nil when neither the labels, the taints nor the CPU policy changed.
func kubernetesChange(o, n Spec) *wire.KubernetesConfig {
	labels, taints := !slices.Equal(n.Labels, o.Labels), !slices.Equal(n.Taints, o.Taints)
	policy := n.CPUPolicy != o.CPUPolicy
	if !labels && !taints && !policy {
		return nil
	}
	var k wire.KubernetesConfig
	if labels {
		k.Labels = []wire.Tag{}
		for _, l := range n.Labels {
			k.Labels = append(k.Labels, wire.Tag{Key: l.Key, Value: l.Value})
		}
	}
	if taints {
		k.Taints = []wire.Taint{}
		for _, t := range n.Taints {
			k.Taints = append(k.Taints, wire.Taint{Key: t.Key, Value: t.Value, Effect: string(t.Effect)})
		}
	}
	if policy {
		k.CPUPolicy = string(n.CPUPolicy)
	}
	return &k
}

// applyModifyRequest returns the Spec of a pool described by s after ACK
// applies the ModifyClusterNodePool body req: each field the body sets
// replaces s's, the deprecated count adds nodes to the desired size, and
// auto scaling turned on drops the desired size.
// A body that sets the fixed fields (the auto scaling type, the runtime)
// changes them too, so that CheckChange(s, result) refuses it as a client
// would have. s is not modified.
func applyModifyRequest(s Spec, req *wire.ModifyNodePoolRequest) Spec {
	s = s.Clone()
	if req == nil {
		return s
	}
	if info := req.NodepoolInfo; info != nil && info.Name != "" {
		s.Name = info.Name
	}
	if sg := req.ScalingGroup; sg != nil {
		applyScalingGroup(&s, sg)
	}
	if req.Count != 0 {
		s.DesiredSize += int(req.Count)
	}
	if k := req.KubernetesConfig; k != nil {
		applyKubernetes(&s, k)
	}
	if a := req.AutoScaling; a != nil {
		s.AutoScaling.Enabled = wire.BoolValue(a.Enable, s.AutoScaling.Enabled)
		s.AutoScaling.Min = int(wire.IntValue(a.MinInstances, int64(s.AutoScaling.Min)))
		s.AutoScaling.Max = int(wire.IntValue(a.MaxInstances, int64(s.AutoScaling.Max)))
		if a.Type != "" {
			s.AutoScaling.Type = AutoScalingType(a.Type)
		}
		if s.AutoScaling.Enabled {
			s.DesiredSize = 0 // the autoscaler sizes the pool now
		}
	}
	if m := req.Management; m != nil {
		s.Management.Enabled = wire.BoolValue(m.Enable, s.Management.Enabled)
		s.Management.AutoRepair = wire.BoolValue(m.AutoRepair, s.Management.AutoRepair)
		s.Management.AutoUpgrade = wire.BoolValue(m.AutoUpgrade, s.Management.AutoUpgrade)
	}
	return s
}

// applyScalingGroup applies the scaling_group block of a modify body.
func applyScalingGroup(s *Spec, sg *wire.ScalingGroup) {
	if len(sg.VSwitchIDs) > 0 {
		s.VSwitchIDs = slices.Clone(sg.VSwitchIDs)
	}
	if len(sg.InstanceTypes) > 0 {
		s.InstanceTypes = slices.Clone(sg.InstanceTypes)
	}
	if sg.InstanceChargeType != "" {
		s.ChargeType = ChargeType(sg.InstanceChargeType)
		s.Subscription = Subscription{
			Period: int(sg.Period), Unit: PeriodUnit(sg.PeriodUnit),
			AutoRenew: wire.BoolValue(sg.AutoRenew, false), AutoRenewPeriod: int(sg.AutoRenewPeriod),
		}
	}
	if sg.DesiredSize != nil {
		s.DesiredSize = int(*sg.DesiredSize)
	}
	if sg.SystemDiskCategory != "" || sg.SystemDiskSize != 0 || sg.SystemDiskPerformanceLevel != "" {
		s.SystemDisk = Disk{Category: DiskCategory(sg.SystemDiskCategory), SizeGiB: int(sg.SystemDiskSize), PerformanceLevel: sg.SystemDiskPerformanceLevel}
	}
	if sg.DataDisks != nil {
		s.DataDisks = nil
		for _, d := range sg.DataDisks {
			s.DataDisks = append(s.DataDisks, Disk{Category: DiskCategory(d.Category), SizeGiB: int(d.Size), PerformanceLevel: d.PerformanceLevel})
		}
	}
	if sg.ImageType != "" {
		s.ImageType = ImageType(sg.ImageType)
	}
	if sg.KeyPair != "" {
		s.KeyPair, s.Password = sg.KeyPair, ack.Secret{}
	}
	if sg.LoginPassword != "" {
		s.Password, s.KeyPair = ack.NewSecret(sg.LoginPassword), ""
	}
}

// applyKubernetes applies the kubernetes_config block of a modify body.
func applyKubernetes(s *Spec, k *wire.KubernetesConfig) {
	if k.Labels != nil {
		s.Labels = []Label{}
		for _, l := range k.Labels {
			s.Labels = append(s.Labels, Label{Key: l.Key, Value: l.Value})
		}
	}
	if k.Taints != nil {
		s.Taints = []Taint{}
		for _, t := range k.Taints {
			s.Taints = append(s.Taints, Taint{Key: t.Key, Value: t.Value, Effect: TaintEffect(t.Effect)})
		}
	}
	if k.CPUPolicy != "" {
		s.CPUPolicy = CPUPolicy(k.CPUPolicy)
	}
	if k.Runtime != "" {
		s.Runtime = Runtime(k.Runtime)
	}
	if k.RuntimeVersion != "" {
		s.RuntimeVersion = k.RuntimeVersion
	}
}
