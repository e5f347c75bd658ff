package nodepool

import (
	"strconv"

	"github.com/ackgo/ack/internal/rulecheck"
)

// changeRule is a registered immutability rule and its check.
type changeRule struct {
	Rule
	check func(old, new Spec, r report)
}

// changeRegistry lists every immutability rule, in the order CheckChange
// reports violations. They refuse what ModifyClusterNodePool cannot
// change: its body has no auto scaling type (deprecated there) and no
// node_config, and a pool's runtime changes by UpgradeClusterNodepool.
var changeRegistry = []changeRule{
	{Rule{"nodepool.immutable.auto_scaling_type", fieldASType,
		"the auto scaling type is fixed at creation"}, checkASTypeChange},
	{Rule{"nodepool.immutable.max_pods", fieldMaxPods,
		"max pods per node is fixed at creation"}, checkMaxPodsChange},
	{Rule{"nodepool.immutable.runtime", fieldRuntime,
		"the runtime and its version change by a node pool upgrade, not by ModifyClusterNodePool"}, checkRuntimeChange},
}

// ChangeRules returns every immutability rule, in the order CheckChange
// reports violations.
func ChangeRules() []Rule {
	out := make([]Rule, len(changeRegistry))
	for i, r := range changeRegistry {
		out[i] = r.Rule
	}
	return out
}

// CheckChange judges a modification written as the desired Spec: it
// returns a *ack.ValidationError listing every difference between old and
// new that ModifyClusterNodePool cannot make, or nil when it can make them
// all. For these fixed fields a zero value in new means "keep what the pool
// has", so a Spec that leaves them empty changes nothing; in old an empty
// auto scaling type or runtime is ACK's default (cpu, containerd).
//
// It does not validate new on its own; call Validate for that.
func CheckChange(old, new Spec) error {
	c := rulecheck.NewCollector()
	for _, r := range changeRegistry {
		r.check(old, new, c.Of(r.ID))
	}
	return asError(old.Name, c.Violations())
}

func checkASTypeChange(old, new Spec, r report) {
	if new.AutoScaling.Type == "" {
		return
	}
	if o, n := old.WithDefaults().AutoScaling.Type, new.AutoScaling.Type; o != n {
		r(fieldASType, "changes from %s to %s; the auto scaling type is fixed at creation, create another pool instead", o, n)
	}
}

func checkMaxPodsChange(old, new Spec, r report) {
	if new.MaxPods != 0 && old.MaxPods != new.MaxPods {
		r(fieldMaxPods, "changes from %s to %d; max pods per node is fixed at creation", maxPodsName(old.MaxPods), new.MaxPods)
	}
}

// maxPodsName writes a MaxPods value, zero as ACK's choice.
func maxPodsName(n int) string {
	if n == 0 {
		return "ACK's default"
	}
	return strconv.Itoa(n)
}

func checkRuntimeChange(old, new Spec, r report) {
	o := old.WithDefaults()
	changed := new.Runtime != "" && new.Runtime != o.Runtime ||
		new.RuntimeVersion != "" && new.RuntimeVersion != o.RuntimeVersion
	if !changed {
		return
	}
	n := new
	if n.Runtime == "" {
		n.Runtime = o.Runtime
	}
	r(fieldRuntime, "changes from %s to %s; upgrade the node pool to change its runtime", runtimeName(o), runtimeName(n))
}

// runtimeName writes a runtime and its version, if any.
func runtimeName(s Spec) string {
	if s.RuntimeVersion == "" {
		return string(s.Runtime)
	}
	return string(s.Runtime) + " " + s.RuntimeVersion
}
