package nodepool

import (
	"fmt"
	"slices"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/rulecheck"
)

// Rule describes one rule of this package: validation rules (Rules) and
// immutability rules (ChangeRules) alike. Violations carry its ID.
type Rule struct {
	// ID is the rule's stable ID, for example "nodepool.vswitches.count".
	ID string
	// Field is the path, in the CreateClusterNodePool body, of the field
	// the rule is about, for example "scaling_group.vswitch_ids"; a
	// violation may name a more precise path
	// ("scaling_group.instance_types[1]").
	Field string
	// Description says what the rule requires.
	Description string
}

// report records a violation of the rule being checked at a field path.
type report func(field, format string, args ...any)

// specRule is a registered validation rule and its check of a Spec.
type specRule struct {
	Rule
	check func(s Spec, r report)
}

// registry lists every rule a Spec must follow, in the order Validate
// reports violations. It is the only list: Rules, Validate and
// validateCreateRequest all read it.
var registry = []specRule{
	{Rule{"nodepool.name.length", fieldName,
		fmt.Sprintf("the name has 1 to %d characters", MaxNameLength)}, checkName},
	{Rule{"nodepool.vswitches.count", fieldVSwitches,
		fmt.Sprintf("the pool names 1 to %d vSwitches", MaxVSwitches)}, checkVSwitchCount},
	{Rule{"nodepool.vswitches.format", fieldVSwitches,
		"each vSwitch ID is \"vsw-\" and lower-case letters, digits and hyphens, starting with a letter or digit (ValidVSwitchID)"}, checkVSwitchFormat},
	{Rule{"nodepool.vswitches.unique", fieldVSwitches,
		"no vSwitch is named twice"}, checkVSwitchUnique},
	{Rule{"nodepool.instance_types.count", fieldInstanceTypes,
		fmt.Sprintf("the pool names 1 to %d instance types", MaxInstanceTypes)}, checkInstanceTypeCount},
	{Rule{"nodepool.instance_types.format", fieldInstanceTypes,
		"each instance type is written ecs.<family>.<size>"}, checkInstanceTypeFormat},
	{Rule{"nodepool.instance_types.unique", fieldInstanceTypes,
		"no instance type is named twice"}, checkInstanceTypeUnique},
	{Rule{"nodepool.charge_type.known", fieldChargeType,
		"the charge type is PostPaid or PrePaid"}, checkChargeType},
	{Rule{"nodepool.subscription.prepaid_only", fieldPeriod,
		"only PrePaid pools set a period, period unit or auto renewal"}, checkPrePaidOnly},
	{Rule{"nodepool.subscription.unit", fieldPeriodUnit,
		"the period unit is Month or Week"}, checkPeriodUnit},
	{Rule{"nodepool.subscription.period", fieldPeriod,
		"a PrePaid pool buys 1 to 9, 12, 24, 36, 48 or 60 months, or 1 to 4 weeks"}, checkPeriod},
	{Rule{"nodepool.subscription.auto_renew_period", fieldAutoRenewPeriod,
		"auto renewal of a PrePaid pool is for 1, 2, 3, 6 or 12 months, or 1 to 3 weeks, and needs auto_renew"}, checkAutoRenewPeriod},
	{Rule{"nodepool.desired_size.range", fieldDesiredSize,
		"the desired size is not negative"}, checkDesiredSize},
	{Rule{"nodepool.desired_size.auto_scaling", fieldDesiredSize,
		"a pool with auto scaling sets no desired size: the autoscaler sizes it"}, checkDesiredSizeAutoScaling},
	{Rule{"nodepool.system_disk.category", fieldSystemDiskCategory,
		"the system disk category is one ACK accepts"}, checkSystemDiskCategory},
	{Rule{"nodepool.system_disk.size", fieldSystemDiskSize,
		fmt.Sprintf("the system disk has %d to %d GiB", MinSystemDiskGiB, MaxSystemDiskGiB)}, checkSystemDiskSize},
	{Rule{"nodepool.system_disk.performance_level", fieldSystemDiskPL,
		"a performance level is PL0 to PL3 and only for cloud_essd"}, checkSystemDiskPL},
	{Rule{"nodepool.data_disks.category", fieldDataDisks,
		"each data disk category is one ACK accepts"}, checkDataDiskCategory},
	{Rule{"nodepool.data_disks.size", fieldDataDisks,
		fmt.Sprintf("each data disk has %d to %d GiB", MinDataDiskGiB, MaxDataDiskGiB)}, checkDataDiskSize},
	{Rule{"nodepool.data_disks.performance_level", fieldDataDisks,
		"a data disk's performance level is PL0 to PL3 and only for cloud_essd"}, checkDataDiskPL},
	{Rule{"nodepool.image_type.known", fieldImageType,
		"the image type is one ACK accepts"}, checkImageType},
	{Rule{"nodepool.login.required", fieldKeyPair,
		"the nodes get a key pair or a password"}, checkLoginRequired},
	{Rule{"nodepool.login.exclusive", fieldPassword,
		"the nodes get a key pair or a password, not both"}, checkLoginExclusive},
	{Rule{"nodepool.login.container_os_key_pair", fieldKeyPair,
		"ContainerOS nodes log in with a key pair, not a password"}, checkContainerOSLogin},
	{Rule{"nodepool.login.password", fieldPassword, PasswordPolicy}, checkPassword},
	{Rule{"nodepool.labels.key", fieldLabels,
		"each label key is a Kubernetes qualified name"}, checkLabelKeys},
	{Rule{"nodepool.labels.value", fieldLabels,
		"each label value is empty or a Kubernetes label value"}, checkLabelValues},
	{Rule{"nodepool.labels.unique", fieldLabels,
		"no label key is set twice"}, checkLabelsUnique},
	{Rule{"nodepool.taints.key", fieldTaints,
		"each taint key is a Kubernetes qualified name"}, checkTaintKeys},
	{Rule{"nodepool.taints.value", fieldTaints,
		"each taint value is empty or a Kubernetes label value"}, checkTaintValues},
	{Rule{"nodepool.taints.effect", fieldTaints,
		"each taint's effect is NoSchedule, NoExecute or PreferNoSchedule"}, checkTaintEffects},
	{Rule{"nodepool.taints.unique", fieldTaints,
		"no key and effect pair is tainted twice"}, checkTaintsUnique},
	{Rule{"nodepool.runtime.known", fieldRuntime,
		"the runtime is containerd, docker or Sandboxed-Container.runv"}, checkRuntime},
	{Rule{"nodepool.cpu_policy.known", fieldCPUPolicy,
		"the CPU policy is none or static"}, checkCPUPolicy},
	{Rule{"nodepool.max_pods.range", fieldMaxPods,
		maxPodsDescription()}, checkMaxPods},
	{Rule{"nodepool.auto_scaling.min", fieldASMin,
		"the autoscaler's minimum is not negative"}, checkASMin},
	{Rule{"nodepool.auto_scaling.max", fieldASMax,
		fmt.Sprintf("the autoscaler's maximum is at most %d", MaxAutoScalingInstances)}, checkASMax},
	{Rule{"nodepool.auto_scaling.range", fieldASMin,
		"the autoscaler's minimum is at most its maximum"}, checkASRange},
	{Rule{"nodepool.auto_scaling.type", fieldASType,
		"the auto scaling type is cpu, gpu, gpushare or spot"}, checkASType},
	{Rule{"nodepool.management.enable", fieldManagement,
		"auto repair and auto upgrade need the managed node pool feature enabled"}, checkManagement},
}

// Field paths named by violations: the CreateClusterNodePool body's.
const (
	fieldName               = "nodepool_info.name"
	fieldType               = "nodepool_info.type"
	fieldVSwitches          = "scaling_group.vswitch_ids"
	fieldInstanceTypes      = "scaling_group.instance_types"
	fieldChargeType         = "scaling_group.instance_charge_type"
	fieldPeriod             = "scaling_group.period"
	fieldPeriodUnit         = "scaling_group.period_unit"
	fieldAutoRenew          = "scaling_group.auto_renew"
	fieldAutoRenewPeriod    = "scaling_group.auto_renew_period"
	fieldDesiredSize        = "scaling_group.desired_size"
	fieldSystemDiskCategory = "scaling_group.system_disk_category"
	fieldSystemDiskSize     = "scaling_group.system_disk_size"
	fieldSystemDiskPL       = "scaling_group.system_disk_performance_level"
	fieldDataDisks          = "scaling_group.data_disks"
	fieldImageType          = "scaling_group.image_type"
	fieldKeyPair            = "scaling_group.key_pair"
	fieldPassword           = "scaling_group.login_password"
	fieldLabels             = "kubernetes_config.labels"
	fieldTaints             = "kubernetes_config.taints"
	fieldRuntime            = "kubernetes_config.runtime"
	fieldCPUPolicy          = "kubernetes_config.cpu_policy"
	fieldMaxPods            = "node_config.kubelet_configuration.maxPods"
	fieldASMin              = "auto_scaling.min_instances"
	fieldASMax              = "auto_scaling.max_instances"
	fieldASType             = "auto_scaling.type"
	fieldManagement         = "management.enable"
)

// Rules returns every validation rule: the rules of a Spec, in the order
// Validate reports violations, then the rules that only a raw request can
// break (DecodeRules).
func Rules() []Rule {
	out := make([]Rule, 0, len(registry)+len(decodeRegistry))
	for _, r := range registry {
		out = append(out, r.Rule)
	}
	return append(out, DecodeRules()...)
}

// Validate checks s against every rule and returns a *ack.ValidationError
// listing every violation, or nil when s is valid. Empty fields are judged
// with ACK's defaults. It does not look at the cluster: whether the
// cluster's node quota allows the pool is the quota package's question.
//
// The fake runs the same rules on the requests it receives, through
// validateCreateRequest.
func Validate(s Spec) error {
	return asError(s.Name, violations(s))
}

// violations runs every Spec rule on s.
func violations(s Spec) []ack.Violation {
	c := rulecheck.NewCollector()
	for _, r := range registry {
		r.check(s, c.Of(r.ID))
	}
	return c.Violations()
}

// reporter returns a report that appends violations of rule to out.
func reporter(rule Rule, out *[]ack.Violation) report { return rulecheck.Reporter(rule.ID, out) }

// asError wraps violations in a *ack.ValidationError naming the pool, or
// returns nil for none.
func asError(name string, vs []ack.Violation) error {
	if len(vs) == 0 {
		return nil
	}
	return &ack.ValidationError{Resource: resource(name), Violations: slices.Clip(vs)}
}

// resource names a node pool in errors.
func resource(name string) string {
	if name == "" {
		return "node pool"
	}
	return fmt.Sprintf("node pool %q", name)
}

// at returns the path of element i of a list field.
func at(field string, i int) string { return fmt.Sprintf("%s[%d]", field, i) }
