package nodepool

// Rules about the autoscaler and the managed node pool feature. ACK ignores
// the autoscaler's range while auto scaling is off, and so do the range
// rules; the type is checked whenever it is set, since it is fixed at
// creation.

func checkASMin(s Spec, r report) {
	if a := s.AutoScaling; a.Enabled && a.Min < 0 {
		r(fieldASMin, "is %d; it cannot be negative", a.Min)
	}
}

func checkASMax(s Spec, r report) {
	if a := s.AutoScaling; a.Enabled && (a.Max < 0 || a.Max > MaxAutoScalingInstances) {
		r(fieldASMax, "is %d; the autoscaler's maximum is 0 to %d", a.Max, MaxAutoScalingInstances)
	}
}

func checkASRange(s Spec, r report) {
	if a := s.AutoScaling; a.Enabled && a.Min > a.Max {
		r(fieldASMin, "is %d, above the maximum %d", a.Min, a.Max)
	}
}

func checkASType(s Spec, r report) {
	switch s.AutoScaling.Type {
	case "", ScaleCPU, ScaleGPU, ScaleGPUShare, ScaleSpot:
	default:
		r(fieldASType, "is %q; the auto scaling type is cpu, gpu, gpushare or spot", s.AutoScaling.Type)
	}
}

func checkManagement(s Spec, r report) {
	m := s.Management
	if m.Enabled {
		return
	}
	switch {
	case m.AutoRepair && m.AutoUpgrade:
		r(fieldManagement, "is false, but auto repair and auto upgrade are on; they need the managed node pool feature")
	case m.AutoRepair:
		r(fieldManagement, "is false, but auto repair is on; it needs the managed node pool feature")
	case m.AutoUpgrade:
		r(fieldManagement, "is false, but auto upgrade is on; it needs the managed node pool feature")
	}
}
