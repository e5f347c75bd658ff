package cluster

import (
	"errors"
	"fmt"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/optfn"
	"github.com/ackgo/ack/internal/rulecheck"
	"github.com/ackgo/ack/nodepool"
)

// ValidationOptions say which rules Validate, CheckChange and the client
// (ClientOptions.Validation) apply. Zero fields take the defaults: the
// preset PresetProduct and no VPC CIDR blocks.
type ValidationOptions struct {
	// Preset chooses the rules' preset (see WithPreset).
	Preset Preset
	// VPCCIDRs are the CIDR blocks of the cluster's VPC (see
	// WithVPCCIDRs).
	VPCCIDRs []string
}

// ValidationOption changes ValidationOptions: the options style of every
// package (a function of a pointer to the options struct), named for the
// slices that hold them.
type ValidationOption = func(*ValidationOptions)

// Option is the earlier name of ValidationOption.
//
// Deprecated: use ValidationOption (or func(*ValidationOptions)); Option
// will be removed in the next release.
type Option = ValidationOption

// options is what the rules read: the ValidationOptions, and what a
// create request adds.
type options struct {
	preset   Preset
	vpcCIDRs []string
	// autoVPC says the request asks ACK to create the VPC (zone_id or
	// zone_ids, which a Spec cannot set), so it may name none.
	autoVPC bool
}

// WithPreset chooses the rules' preset; the default is PresetProduct.
func WithPreset(p Preset) ValidationOption {
	return func(o *ValidationOptions) { o.Preset = p }
}

// WithVPCCIDRs gives the CIDR blocks of the cluster's VPC (its primary
// block and any secondary ones), so that rule "cluster.cidr.overlap" also
// checks the pod and Service ranges against them. A client that has not
// looked the VPC up leaves them out; the fake knows them.
func WithVPCCIDRs(cidrs ...string) ValidationOption {
	return func(o *ValidationOptions) { o.VPCCIDRs = append(o.VPCCIDRs, cidrs...) }
}

func newOptions(optFns []ValidationOption) options {
	v := optfn.Apply(optFns)
	return options{preset: v.Preset, vpcCIDRs: v.VPCCIDRs}
}

// report records a violation of the rule being checked at a field path.
type report func(field, format string, args ...any)

// violationList collects violations.
type violationList []ack.Violation

// reporter returns a report that adds violations of rule to the list.
func (l *violationList) reporter(rule string) report {
	return rulecheck.Reporter(rule, (*[]ack.Violation)(l))
}

// specRule is a registered validation rule and its check.
type specRule struct {
	Rule
	check func(s Spec, o options, r report)
}

// registry lists every validation rule, in the order Validate reports
// violations. It is the only list: Rules, Validate and
// validateCreateRequest all read it.
var registry = []specRule{
	{Rule{"cluster.name.format", fieldName,
		"the name has 1 to 63 characters: letters, digits and '-', not starting with '-'", allPresets}, checkName},
	{Rule{"cluster.region.required", fieldRegion,
		"the region is set", allPresets}, checkRegion},
	{Rule{"cluster.form.known", fieldForm,
		"the form is Dedicated, ManagedBasic, ManagedPro or Serverless", allPresets}, checkForm},
	{Rule{"cluster.tags.limit", fieldTags,
		fmt.Sprintf("at most %d tags", MaxTags), allPresets}, checkTags},
	{Rule{"cluster.cidr.syntax", fieldPodCIDR,
		"the pod, Service and VPC CIDRs are IPv4 network addresses with a prefix length, such as 172.20.0.0/16", allPresets}, checkCIDRSyntax},
	{Rule{"cluster.cidr.overlap", fieldPodCIDR,
		"the pod CIDR, the Service CIDR and the VPC's CIDRs do not overlap", allPresets}, checkCIDROverlap},
	{Rule{"cluster.network.vpc_required", fieldVPC,
		"the cluster names its VPC: CreateCluster needs vpcid unless zone_id or zone_ids ask ACK to create one, which a Spec does not (API.md, CreateCluster)", allPresets}, checkVPCRequired},
	{Rule{"cluster.network.vpc_id", fieldVPC,
		"a VPC ID, when set, is \"vpc-\" and lower-case letters, digits and hyphens (nodepool.ValidVPCID)", allPresets}, checkVPCID},
	{Rule{"cluster.network.vswitch_id", fieldVSwitches,
		"every vSwitch ID (control plane, masters, workers, Terway pods) is \"vsw-\" and lower-case letters, digits and hyphens (nodepool.ValidVSwitchID)", allPresets}, checkVSwitchIDs},
	{Rule{"cluster.network.plugin", fieldPlugin,
		"dedicated and managed clusters have a network plugin, Flannel or Terway", allPresets}, checkPlugin},
	{Rule{"cluster.network.pod_cidr", fieldPodCIDR,
		"Flannel needs a pod CIDR", allPresets}, checkPodCIDR},
	{Rule{"cluster.network.node_cidr_mask", fieldNodeCIDRMask,
		nodeCIDRMaskDescription(), allPresets}, checkNodeCIDRMask},
	{Rule{"cluster.nat.required", fieldSNAT,
		"dedicated and managed clusters create a NAT gateway (snat_entry is not false)", productOnly}, checkNAT},
	{Rule{"cluster.masters.dedicated_only", fieldMasters,
		"only dedicated clusters have masters", allPresets}, checkMastersForm},
	{Rule{"cluster.masters.count", fieldMasterCount,
		"a dedicated cluster has 3 or 5 masters", allPresets}, checkMasterCount},
	{Rule{"cluster.masters.instance_types", fieldMasterTypes,
		"a dedicated cluster names one ECS instance type (ecs.<family>.<size>) per master", allPresets}, checkMasterTypes},
	{Rule{"cluster.masters.vswitches", fieldMasterVSwitches,
		"a dedicated cluster names one vSwitch per master", allPresets}, checkMasterVSwitches},
	{Rule{"cluster.workers.not_serverless", fieldWorkers,
		"serverless clusters have no worker nodes", allPresets}, checkWorkersForm},
	{Rule{RuleServerlessNodePools, fieldNodePools,
		"a serverless cluster has no node pools: its pods run on container instances", allPresets}, checkNodePoolsForm},
	{Rule{"cluster.workers.count", fieldWorkerCount,
		fmt.Sprintf("the legacy workers number 0 to %d (MaxWorkers)", MaxWorkers), allPresets}, checkWorkerCount},
	{Rule{"cluster.login.required", fieldLogin,
		"the ECS nodes created with the cluster get exactly one of a password and a key pair", allPresets}, checkLogin},
	{Rule{"cluster.login.password", fieldPassword, nodepool.PasswordPolicy, allPresets}, checkPassword},
}

// Spec field paths named by violations.
const (
	fieldName              = "name"
	fieldRegion            = "region"
	fieldForm              = "form"
	fieldVersion           = "kubernetes_version"
	fieldResourceGroup     = "resource_group_id"
	fieldVPC               = "vpc_id"
	fieldVSwitches         = "vswitches"
	fieldPlugin            = "network.plugin"
	fieldPluginConfig      = "network.plugin_config"
	fieldPodCIDR           = "network.pod_cidr"
	fieldNodeCIDRMask      = "network.node_cidr_mask"
	fieldPodVSwitches      = "network.pod_vswitch_ids"
	fieldServiceCIDR       = "service_cidr"
	fieldVPCCIDRs          = "vpc_cidrs"
	fieldSNAT              = "snat"
	fieldPublicEndpoint    = "public_endpoint"
	fieldCloudMonitor      = "cloud_monitor"
	fieldTags              = "tags"
	fieldTimezone          = "timezone"
	fieldMaintenanceWindow = "maintenance_window"
	fieldAddons            = "addons"
	fieldMasters           = "masters"
	fieldMasterCount       = "masters.count"
	fieldMasterTypes       = "masters.instance_types"
	fieldMasterVSwitches   = "masters.vswitches"
	fieldWorkers           = "workers"
	fieldNodePools         = "node_pools"
	fieldWorkerCount       = "workers.count"
	fieldWorkerVSwitches   = "workers.vswitches"
	fieldLogin             = "login"
	fieldPassword          = "login.password"
)

// Rules returns every validation rule, in the order Validate reports
// violations.
func Rules() []Rule {
	out := make([]Rule, len(registry))
	for i, r := range registry {
		out[i] = r.clone()
	}
	return out
}

// Validate checks s against every rule of the preset (PresetProduct
// unless WithPreset says otherwise) and returns a *ack.ValidationError
// listing every violation, or nil when s is valid. Empty fields are judged
// with ACK's defaults (an empty ServiceCIDR is DefaultServiceCIDR).
//
// The fake runs the same rules on the requests it receives, through
// validateCreateRequest.
func Validate(s Spec, optFns ...ValidationOption) error {
	return asError(s.Name, violations(s, newOptions(optFns)))
}

// violations runs the preset's rules on s.
func violations(s Spec, o options) violationList {
	c := rulecheck.NewCollector()
	for _, r := range registry {
		if r.In(o.preset) {
			r.check(s, o, c.Of(r.ID))
		}
	}
	out := violationList(c.Violations())
	for i, p := range s.NodePools {
		var ve *ack.ValidationError
		if errors.As(nodepool.Validate(p), &ve) {
			out = append(out, poolViolations(i, ve.Violations)...)
		}
	}
	return out
}

// poolViolations places the violations of node pool i under its field
// path, keeping the nodepool package's rule IDs.
func poolViolations(i int, vs []ack.Violation) []ack.Violation {
	out := make([]ack.Violation, len(vs))
	for j, v := range vs {
		v.Field = fmt.Sprintf("%s[%d].%s", fieldNodePools, i, v.Field)
		out[j] = v
	}
	return out
}

// asError wraps violations in a *ack.ValidationError naming the cluster,
// or returns nil for none.
func asError(name string, vs violationList) error {
	if len(vs) == 0 {
		return nil
	}
	return &ack.ValidationError{Resource: resource(name), Violations: vs}
}

// resource names a cluster in errors.
func resource(name string) string {
	if name == "" {
		return "cluster"
	}
	return fmt.Sprintf("cluster %q", name)
}
