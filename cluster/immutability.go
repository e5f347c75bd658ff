package cluster

import "slices"

// changeRule is a registered immutability rule and its check.
type changeRule struct {
	Rule
	check func(from, to Spec, r report)
}

// changeRegistry lists every immutability rule, in the order CheckChange
// reports violations. The first six are the product description's; the
// others refuse the changes no ModifyCluster field can make, so that a
// change CheckChange accepts is one modifyRequest can express.
var changeRegistry = []changeRule{
	{Rule{"cluster.immutable.vpc", fieldVPC,
		"a cluster stays in the VPC it was created in", allPresets}, checkVPCChange},
	{Rule{"cluster.immutable.multi_zone", fieldVSwitches,
		"a single-zone cluster does not become multi-zone", allPresets}, checkZoneChange},
	{Rule{"cluster.immutable.dedicated_to_managed", fieldForm,
		"a dedicated cluster does not become a managed one", allPresets}, checkDedicatedToManaged},
	{Rule{"cluster.immutable.public_endpoint", fieldPublicEndpoint,
		"no internet load balancer is added to expose the API server after creation (today's ACK binds an EIP instead)", productOnly}, checkPublicEndpointChange},
	{Rule{"cluster.immutable.cloud_monitor", fieldCloudMonitor,
		"the cloud-monitor plugin is neither added nor removed after creation", allPresets}, checkCloudMonitorChange},
	{Rule{"cluster.immutable.network_plugin", fieldPlugin,
		"the container network plugin does not change", allPresets}, checkPluginChange},
	{Rule{"cluster.immutable.form", fieldForm,
		"the form does not change by ModifyCluster (Basic to Pro is MigrateCluster's)", allPresets}, checkFormChange},
	{Rule{"cluster.immutable.version", fieldVersion,
		"the Kubernetes version changes by an upgrade, not by ModifyCluster", allPresets}, checkVersionChange},
	{Rule{"cluster.immutable.workers", fieldWorkers,
		"legacy workers change by ScaleOutCluster and node removal, not by ModifyCluster", allPresets}, checkWorkersChange},
	{Rule{"cluster.immutable.field", "",
		"no other field changes after creation (region, pod and Service CIDRs, node CIDR mask, pod vSwitches, NAT gateway, masters, login, addons), and the modifiable ones are not cleared", allPresets}, checkFixedFields},
}

// ChangeRules returns every immutability rule, in the order CheckChange
// reports violations.
func ChangeRules() []Rule {
	out := make([]Rule, len(changeRegistry))
	for i, r := range changeRegistry {
		out[i] = r.clone()
	}
	return out
}

// CheckChange judges a modification written as the desired Spec: it
// returns a *ack.ValidationError listing every difference between from
// (the cluster as it is) and to (as it should be) that the preset's rules
// refuse, or nil when ACK allows them all. Its options are Validate's: the
// preset is PresetProduct unless WithPreset says otherwise.
//
// What passes in both presets is what ModifyCluster and ModifyClusterTags
// change: the name, deletion protection, resource group, tags, time zone,
// maintenance window and the control plane's vSwitches (as long as a
// single-zone cluster stays single-zone; fill zones with WithZones first,
// an unknown zone counts for none), and removing the API server's public
// endpoint. PresetCurrent also passes adding it.
func CheckChange(from, to Spec, optFns ...ValidationOption) error {
	p := newOptions(optFns).preset
	var out violationList
	for _, r := range changeRegistry {
		if r.In(p) {
			r.check(from, to, out.reporter(r.ID))
		}
	}
	return asError(from.Name, out)
}

func checkVPCChange(from, to Spec, r report) {
	if from.VPCID != to.VPCID {
		r(fieldVPC, "changes from %q to %q; a cluster cannot move to another VPC", from.VPCID, to.VPCID)
	}
}

func checkZoneChange(from, to Spec, r report) {
	if oz, nz := from.Zones(), to.Zones(); len(oz) <= 1 && len(nz) > 1 {
		r(fieldVSwitches, "span zones %v; a single-zone cluster cannot become multi-zone", nz)
	}
}

func checkDedicatedToManaged(from, to Spec, r report) {
	if from.Form == Dedicated && to.Form.Managed() {
		r(fieldForm, "changes from %s to %s; a dedicated cluster cannot become a managed one", from.Form, to.Form)
	}
}

func checkPublicEndpointChange(from, to Spec, r report) {
	if !from.PublicEndpoint && to.PublicEndpoint {
		r(fieldPublicEndpoint, "is added; the API server cannot be exposed to the internet after creation")
	}
}

func checkCloudMonitorChange(from, to Spec, r report) {
	switch {
	case !from.CloudMonitor && to.CloudMonitor:
		r(fieldCloudMonitor, "is added; the cloud-monitor plugin cannot be added after creation")
	case from.CloudMonitor && !to.CloudMonitor:
		r(fieldCloudMonitor, "is removed; the cloud-monitor plugin cannot be removed after creation")
	}
}

func checkPluginChange(from, to Spec, r report) {
	if from.Network.Plugin != to.Network.Plugin {
		r(fieldPlugin, "changes from %s to %s; the network plugin cannot change", from.Network.Plugin, to.Network.Plugin)
	}
}

func checkFormChange(from, to Spec, r report) {
	switch {
	case from.Form == to.Form, from.Form == Dedicated && to.Form.Managed():
		// Unchanged, or refused by cluster.immutable.dedicated_to_managed.
	case from.Form == ManagedBasic && to.Form == ManagedPro:
		r(fieldForm, "changes from %s to %s; migrate the cluster with MigrateCluster instead", from.Form, to.Form)
	default:
		r(fieldForm, "changes from %s to %s; a cluster cannot change its form", from.Form, to.Form)
	}
}

func checkVersionChange(from, to Spec, r report) {
	if from.KubernetesVersion != to.KubernetesVersion {
		r(fieldVersion, "changes from %q to %q; upgrade the cluster instead", from.KubernetesVersion, to.KubernetesVersion)
	}
}

func checkWorkersChange(from, to Spec, r report) {
	if !equalWorkers(from.Workers, to.Workers) {
		r(fieldWorkers, "change; scale legacy workers with ScaleOutCluster and remove nodes, or use node pools")
	}
}

func checkFixedFields(from, to Spec, r report) {
	fixed := func(field string, same bool) {
		if !same {
			r(field, "cannot change after the cluster is created")
		}
	}
	fixed(fieldRegion, from.Region == to.Region)
	fixed(fieldPluginConfig, from.Network.PluginConfig == to.Network.PluginConfig)
	fixed(fieldPodCIDR, from.Network.PodCIDR == to.Network.PodCIDR)
	fixed(fieldNodeCIDRMask, from.Network.NodeCIDRMask == to.Network.NodeCIDRMask)
	fixed(fieldPodVSwitches, slices.Equal(from.Network.PodVSwitchIDs, to.Network.PodVSwitchIDs))
	fixed(fieldServiceCIDR, from.ServiceCIDR == to.ServiceCIDR)
	fixed(fieldSNAT, equalPtr(from.SNAT, to.SNAT))
	fixed(fieldMasters, equalMasters(from.Masters, to.Masters))
	fixed(fieldLogin, from.Login.Equal(to.Login))
	fixed(fieldAddons, slices.Equal(from.Addons, to.Addons))
	// ModifyCluster sets these but cannot clear them.
	kept := func(field string, cleared bool) {
		if cleared {
			r(field, "cannot be cleared once set")
		}
	}
	kept(fieldName, from.Name != "" && to.Name == "")
	kept(fieldResourceGroup, from.ResourceGroupID != "" && to.ResourceGroupID == "")
	kept(fieldTimezone, from.Timezone != "" && to.Timezone == "")
	kept(fieldVSwitches, len(from.VSwitches) > 0 && len(to.VSwitches) == 0)
	kept(fieldMaintenanceWindow, from.MaintenanceWindow != nil && to.MaintenanceWindow == nil)
}

// equalPtr compares two optional values.
func equalPtr[T comparable](a, b *T) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

func equalMasters(a, b *Masters) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Count == b.Count && slices.Equal(a.InstanceTypes, b.InstanceTypes) &&
		slices.Equal(a.VSwitches, b.VSwitches) && a.SystemDisk == b.SystemDisk && a.ChargeType == b.ChargeType
}

func equalWorkers(a, b *Workers) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Count == b.Count && slices.Equal(a.InstanceTypes, b.InstanceTypes) &&
		slices.Equal(a.VSwitches, b.VSwitches) && a.SystemDisk == b.SystemDisk && a.ChargeType == b.ChargeType
}
