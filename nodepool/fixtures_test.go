package nodepool

import (
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/ackgo/ack"
)

// testPassword is the password of the fixtures; tests check that it never
// shows up where it must not.
const testPassword = "Ack-Test-2024"

// validSpec returns a Spec that breaks no rule and sets every field.
func validSpec() Spec {
	return Spec{
		Name:          "workers",
		VSwitchIDs:    []string{"vsw-bp1a", "vsw-bp1b"},
		InstanceTypes: []string{"ecs.g7.xlarge", "ecs.c7.xlarge"},
		ChargeType:    PrePaid,
		Subscription:  Subscription{Period: 1, Unit: Month, AutoRenew: true, AutoRenewPeriod: 1},
		DesiredSize:   3,
		SystemDisk:    Disk{Category: DiskESSD, SizeGiB: 120, PerformanceLevel: "PL1"},
		DataDisks:     []Disk{{Category: DiskESSD, SizeGiB: 200, PerformanceLevel: "PL0"}},
		ImageType:     ImageAliyunLinux3,
		Password:      ack.NewSecret(testPassword),
		Labels:        []Label{{Key: "example.com/team", Value: "platform"}, {Key: "tier", Value: "web"}},
		Taints:        []Taint{{Key: "dedicated", Value: "web", Effect: NoExecute}},
		Runtime:       Containerd,
		CPUPolicy:     CPUPolicyStatic,
		MaxPods:       64,
		AutoScaling:   AutoScaling{Type: ScaleCPU},
		Management:    Management{Enabled: true, AutoRepair: true},
	}
}

// autoScaled returns validSpec with the autoscaler on between min and max.
func autoScaled(min, max int) Spec {
	s := validSpec()
	s.DesiredSize = 0
	s.AutoScaling = AutoScaling{Enabled: true, Min: min, Max: max, Type: ScaleGPU}
	return s
}

// specOpts compares Specs, treating nil and empty slices alike and
// comparing secrets by value.
var specOpts = cmp.Options{
	cmpopts.EquateEmpty(),
	cmp.Comparer(func(a, b ack.Secret) bool { return a.Reveal() == b.Reveal() }),
}

// ruleField is what a test expects of a violation.
type ruleField struct {
	Rule, Field string
}

// ruleFields lists the rule and field of each violation of err, which must
// be a *ack.ValidationError or nil.
func ruleFields(err error) []ruleField {
	if err == nil {
		return nil
	}
	ve, ok := err.(*ack.ValidationError)
	if !ok {
		return []ruleField{{Rule: "not a *ack.ValidationError", Field: err.Error()}}
	}
	out := make([]ruleField, len(ve.Violations))
	for i, v := range ve.Violations {
		out[i] = ruleField{v.Rule, v.Field}
	}
	return out
}
