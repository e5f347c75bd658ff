package nodepool

import "slices"

// ACK's defaults for the fields a Spec may leave empty (API reference,
// CreateClusterNodePool).
const (
	// DefaultChargeType is the charge type when none is set.
	DefaultChargeType = PostPaid
	// DefaultPeriodUnit is the unit of a PrePaid term when none is set.
	DefaultPeriodUnit = Month
	// DefaultSystemDiskCategory is the system disk category when none is
	// set.
	DefaultSystemDiskCategory = DiskEfficiency
	// DefaultDataDiskCategory is a data disk's category when none is set.
	DefaultDataDiskCategory = DiskEfficiency
	// DefaultRuntime is the container runtime when none is set.
	DefaultRuntime = Containerd
	// DefaultCPUPolicy is the CPU manager policy when none is set.
	DefaultCPUPolicy = CPUPolicyNone
	// DefaultTaintEffect is the effect of a taint that names none.
	DefaultTaintEffect = NoSchedule
	// DefaultAutoScalingType is the auto scaling type when none is set.
	DefaultAutoScalingType = ScaleCPU
)

// ACK's limits on a node pool Spec (API reference, CreateClusterNodePool).
const (
	// MaxNameLength is the longest pool name, in characters.
	MaxNameLength = 63
	// MaxVSwitches is the most vSwitches a pool names.
	MaxVSwitches = 8
	// MaxInstanceTypes is the most instance types a pool names.
	MaxInstanceTypes = 10
	// MaxAutoScalingInstances is the highest AutoScaling.Max.
	MaxAutoScalingInstances = 2000
	// MinSystemDiskGiB is the smallest system disk, in GiB.
	MinSystemDiskGiB = 20
	// MaxSystemDiskGiB is the largest system disk, in GiB.
	MaxSystemDiskGiB = 2048
	// MinDataDiskGiB is the smallest data disk, in GiB.
	MinDataDiskGiB = 40
	// MaxDataDiskGiB is the largest data disk, in GiB.
	MaxDataDiskGiB = 32768
)

// ValidPeriods returns the terms a PrePaid pool may buy in unit (empty
// means Month): 1 to 9, 12, 24, 36, 48 and 60 months, or 1 to 4 weeks. It
// returns nil for an unknown unit.
func ValidPeriods(unit PeriodUnit) []int {
	switch unit {
	case "", Month:
		return []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36, 48, 60}
	case Week:
		return []int{1, 2, 3, 4}
	}
	return nil
}

// ValidAutoRenewPeriods returns the renewal lengths an auto-renewed pool
// may use in unit (empty means Month): 1, 2, 3, 6 or 12 months (ACK), or
// 1 to 3 weeks (ECS). It returns nil for an unknown unit.
func ValidAutoRenewPeriods(unit PeriodUnit) []int {
	switch unit {
	case "", Month:
		return []int{1, 2, 3, 6, 12}
	case Week:
		return []int{1, 2, 3}
	}
	return nil
}

// WithDefaults returns a copy of s with ACK's defaults written in where s
// leaves a field empty: the charge type, a PrePaid term's unit, the disk
// categories, the runtime, the CPU policy, the taints' effects and the
// auto scaling type. It fills nothing that ACK derives from the cluster
// (image, runtime version, max pods, disk sizes). The copy shares no
// slices with s.
func (s Spec) WithDefaults() Spec {
	s.VSwitchIDs = slices.Clone(s.VSwitchIDs)
	s.InstanceTypes = slices.Clone(s.InstanceTypes)
	s.Labels = slices.Clone(s.Labels)
	if s.ChargeType == "" {
		s.ChargeType = DefaultChargeType
	}
	if s.ChargeType == PrePaid && s.Subscription.Unit == "" {
		s.Subscription.Unit = DefaultPeriodUnit
	}
	if s.SystemDisk.Category == "" {
		s.SystemDisk.Category = DefaultSystemDiskCategory
	}
	s.DataDisks = slices.Clone(s.DataDisks)
	for i := range s.DataDisks {
		if s.DataDisks[i].Category == "" {
			s.DataDisks[i].Category = DefaultDataDiskCategory
		}
	}
	if s.Runtime == "" {
		s.Runtime = DefaultRuntime
	}
	if s.CPUPolicy == "" {
		s.CPUPolicy = DefaultCPUPolicy
	}
	s.Taints = slices.Clone(s.Taints)
	for i := range s.Taints {
		s.Taints[i].Effect = s.Taints[i].Effect.effective()
	}
	if s.AutoScaling.Type == "" {
		s.AutoScaling.Type = DefaultAutoScalingType
	}
	return s
}
