package cluster

import (
	"fmt"
	"slices"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/nodepool"
)

// Spec is what a user decides when creating a cluster. The zero value of
// each field means "not set, ACK's default applies" (see the defaults table
// in the package documentation and WithDefaults); ACK defaults SNAT to on,
// so SNAT is three-state.
//
// A Spec also describes an existing cluster (specFromDetail) so that a
// modification can be written as the desired Spec: CheckChange refuses the
// differences ACK does not allow and modifyRequest turns the others into a
// ModifyCluster body.
type Spec struct {
	// Name is the cluster's name: 1 to 63 letters, digits and hyphens, not
	// starting with a hyphen.
	Name string
	// Region is the region ID, for example "cn-hangzhou".
	Region string
	// Form is the kind of cluster.
	Form Form
	// KubernetesVersion is the version to create, for example
	// "1.30.1-aliyun.1"; empty means the latest ACK offers. For an existing
	// cluster it is the current version.
	KubernetesVersion string
	// ResourceGroupID is the resource group; empty means the account's
	// default group.
	ResourceGroupID string

	// VPCID is the VPC the cluster lives in.
	VPCID string
	// VSwitches are the control plane's vSwitches (wire vswitch_ids). Their
	// zones, with those of the masters and workers, are the cluster's zones:
	// more than one zone makes a multi-zone cluster. See VSwitch.
	VSwitches []VSwitch
	// Network is the container network: the plugin and its addresses.
	Network Network
	// ServiceCIDR is the range of Service cluster IPs; empty means
	// DefaultServiceCIDR.
	ServiceCIDR string
	// SNAT says whether ACK creates a NAT gateway with SNAT rules so that
	// nodes reach the internet (wire snat_entry). Nil means ACK's default,
	// on. The product description requires it for dedicated and managed
	// clusters (rule "cluster.nat.required").
	SNAT *bool
	// PublicEndpoint exposes the API server to the internet (wire
	// endpoint_public_access; ModifyCluster api_server_eip). Today ACK binds
	// an EIP to the API server's intranet load balancer and can do so after
	// creation; the product description calls it an internet load balancer
	// for the API server and does not allow adding it later.
	PublicEndpoint bool
	// CloudMonitor installs the cloud-monitor plugin, the CloudMonitor
	// agent, on the cluster's ECS nodes (wire cloud_monitor_flags).
	CloudMonitor bool
	// DeletionProtection refuses DeleteCluster while set.
	DeletionProtection bool
	// Tags label the cluster; ACK accepts at most MaxTags.
	Tags []Tag
	// Timezone is the cluster's time zone, for example "Asia/Shanghai";
	// empty means ACK's default.
	Timezone string
	// MaintenanceWindow is when ACK may run automatic maintenance; nil
	// means none is configured.
	MaintenanceWindow *MaintenanceWindow
	// Addons are the components installed at creation other than the
	// network plugin (see Network) and the cloud-monitor plugin (see
	// CloudMonitor), for example csi-plugin or logtail-ds.
	Addons []Addon

	// Masters are the control-plane nodes of a dedicated cluster; nil for
	// the other forms.
	Masters *Masters
	// Workers are worker nodes created with the cluster by ACK's legacy
	// worker fields; nil when the cluster gets its nodes from node pools.
	Workers *Workers
	// Login is how to log in to the ECS nodes created with the cluster
	// (masters and legacy workers).
	Login Login

	// NodePools are node pools created with the cluster, in the same
	// CreateCluster call (wire "nodepools"). Each is a nodepool.Spec and is
	// checked with the nodepool package's own rules (violations name
	// "node_pools[i]." before the pool's field); the first becomes the
	// cluster's default pool. A serverless cluster takes none (rule
	// "cluster.node_pools.serverless"). The field is read only at creation:
	// Get leaves it empty and CheckChange ignores it; manage the pools of a
	// running cluster with nodepool.Client.
	NodePools []nodepool.Spec
}

// VSwitch is a vSwitch and its zone. The zone is what makes a cluster
// single- or multi-zone; the wire carries vSwitch IDs only, so a Spec
// decoded from a request or a cluster detail has empty zones until
// WithZones fills them from what the caller knows (the VPC API, the fake's
// network). An empty Zone is unknown and counts for no zone.
type VSwitch struct {
	// ID is the vSwitch ID, for example "vsw-bp1...".
	ID string
	// Zone is the zone ID, for example "cn-hangzhou-k"; empty if unknown.
	Zone string
}

// NetworkPlugin is the container network plugin, installed as an addon.
type NetworkPlugin int

// The network plugins. The zero value is no plugin, which only serverless
// clusters may have.
const (
	// NoNetworkPlugin: no plugin (serverless clusters).
	NoNetworkPlugin NetworkPlugin = iota
	// Flannel gives pods addresses from a pod CIDR outside the VPC, a
	// block of it per node (addon "flannel").
	Flannel
	// Terway gives pods addresses from vSwitches of the VPC through
	// elastic network interfaces (addon "terway-eniip").
	Terway
)

// String returns the plugin's name.
func (p NetworkPlugin) String() string {
	switch p {
	case NoNetworkPlugin:
		return "none"
	case Flannel:
		return "Flannel"
	case Terway:
		return "Terway"
	}
	return fmt.Sprintf("NetworkPlugin(%d)", int(p))
}

// Network is the container network of a cluster.
type Network struct {
	// Plugin is the network plugin.
	Plugin NetworkPlugin
	// PluginConfig is the plugin addon's config, a JSON document held as a
	// string; usually empty.
	PluginConfig string
	// PodCIDR is Flannel's pod address range (wire container_cidr),
	// required for Flannel.
	PodCIDR string
	// NodeCIDRMask is the prefix length of each node's block of PodCIDR;
	// a node runs at most 2^(32-NodeCIDRMask) pods. Zero means
	// DefaultNodeCIDRMask. Flannel only.
	NodeCIDRMask int
	// PodVSwitchIDs are Terway's vSwitches for pod addresses.
	PodVSwitchIDs []string
}

// Masters are the control-plane ECS nodes of a dedicated cluster.
type Masters struct {
	// Count is 3 or 5; zero means DefaultMasterCount.
	Count int
	// InstanceTypes are the ECS instance types, one per master.
	InstanceTypes []string
	// VSwitches are the vSwitches, one per master.
	VSwitches []VSwitch
	// SystemDisk is each master's system disk; zero fields take ACK's
	// defaults.
	SystemDisk Disk
	// ChargeType is "PostPaid" (pay-as-you-go, the default) or "PrePaid"
	// (subscription).
	ChargeType string
}

// Workers are worker ECS nodes created with the cluster by ACK's legacy
// worker fields (worker_instance_types, num_of_nodes, ...).
type Workers struct {
	// Count is the number of workers.
	Count int
	// InstanceTypes are the ECS instance types to choose from.
	InstanceTypes []string
	// VSwitches are the vSwitches to place workers in.
	VSwitches []VSwitch
	// SystemDisk is each worker's system disk; zero fields take ACK's
	// defaults.
	SystemDisk Disk
	// ChargeType is "PostPaid" (pay-as-you-go, the default) or "PrePaid"
	// (subscription).
	ChargeType string
}

// Disk is an ECS disk.
type Disk struct {
	// Category is the disk category, for example "cloud_essd".
	Category string
	// Size is the size in GiB.
	Size int
}

// Login is how to log in to ECS nodes: a password or the name of a key
// pair, exactly one of them.
type Login struct {
	// Password is the root password (8 to 30 characters of at least three
	// kinds: upper case, lower case, digits, special characters). It is a
	// Secret: it prints as "[redacted]" and appears in plain text only in
	// the request body.
	Password ack.Secret
	// KeyPair is the name of an ECS key pair.
	KeyPair string
}

// Tag is a key/value label on the cluster.
type Tag struct {
	// Key is the tag's key.
	Key string
	// Value is the tag's value.
	Value string
}

// Addon is a component installed when the cluster is created.
type Addon struct {
	// Name is the addon's name, for example "csi-plugin".
	Name string
	// Version is the addon's version; empty means the default.
	Version string
	// Config is the addon's configuration, a JSON document held as a
	// string.
	Config string
	// Disabled installs the addon disabled.
	Disabled bool
}

// MaintenanceWindow is when ACK may run automatic maintenance. Its strings
// are in ACK's formats.
type MaintenanceWindow struct {
	// Enabled turns the window on.
	Enabled bool
	// StartTime is the start of the window, for example "03:00:00Z".
	StartTime string
	// Duration is the length of the window, for example "3h".
	Duration string
	// WeeklyPeriod lists the days, for example "Monday,Thursday".
	WeeklyPeriod string
	// Recurrence is an RFC 5545 recurrence rule, for example
	// "FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TH"; ACK prefers it to WeeklyPeriod.
	Recurrence string
}

// Bool returns a pointer to v, for Spec.SNAT.
func Bool(v bool) *bool { return &v }

// Zones returns the distinct known zones of the cluster's vSwitches (the
// control plane's, the masters' and the workers'), sorted.
func (s Spec) Zones() []string {
	var zones []string
	add := func(vs []VSwitch) {
		for _, v := range vs {
			if v.Zone != "" && !slices.Contains(zones, v.Zone) {
				zones = append(zones, v.Zone)
			}
		}
	}
	add(s.VSwitches)
	if s.Masters != nil {
		add(s.Masters.VSwitches)
	}
	if s.Workers != nil {
		add(s.Workers.VSwitches)
	}
	slices.Sort(zones)
	return zones
}

// MultiZone reports whether the cluster spans more than one known zone.
func (s Spec) MultiZone() bool { return len(s.Zones()) > 1 }

// WithZones returns a copy of s whose vSwitches of unknown zone get the
// zone zoneOf returns for their ID ("" when it does not know it either).
func (s Spec) WithZones(zoneOf func(vswitchID string) string) Spec {
	c := s.Clone()
	fill := func(vs []VSwitch) {
		for i := range vs {
			if vs[i].Zone == "" {
				vs[i].Zone = zoneOf(vs[i].ID)
			}
		}
	}
	fill(c.VSwitches)
	if c.Masters != nil {
		fill(c.Masters.VSwitches)
	}
	if c.Workers != nil {
		fill(c.Workers.VSwitches)
	}
	return c
}

// Clone returns a deep copy of s: no slice, map or pointer is shared.
func (s Spec) Clone() Spec {
	c := s
	c.VSwitches = slices.Clone(s.VSwitches)
	c.Network.PodVSwitchIDs = slices.Clone(s.Network.PodVSwitchIDs)
	c.SNAT = clonePtr(s.SNAT)
	c.Tags = slices.Clone(s.Tags)
	c.MaintenanceWindow = clonePtr(s.MaintenanceWindow)
	c.Addons = slices.Clone(s.Addons)
	if s.Masters != nil {
		m := *s.Masters
		m.InstanceTypes = slices.Clone(m.InstanceTypes)
		m.VSwitches = slices.Clone(m.VSwitches)
		c.Masters = &m
	}
	if s.Workers != nil {
		w := *s.Workers
		w.InstanceTypes = slices.Clone(w.InstanceTypes)
		w.VSwitches = slices.Clone(w.VSwitches)
		c.Workers = &w
	}
	if s.NodePools != nil {
		c.NodePools = make([]nodepool.Spec, len(s.NodePools))
		for i, p := range s.NodePools {
			c.NodePools[i] = p.Clone()
		}
	}
	return c
}

// cloneList returns a copy of list, nil when it is empty, so that an
// empty list and no list read the same.
func cloneList[T any](list []T) []T {
	if len(list) == 0 {
		return nil
	}
	return slices.Clone(list)
}

// vswitchIDs returns the IDs of vs, nil for none.
func vswitchIDs(vs []VSwitch) []string {
	if len(vs) == 0 {
		return nil
	}
	ids := make([]string, len(vs))
	for i, v := range vs {
		ids[i] = v.ID
	}
	return ids
}

// vswitchesOf returns vSwitches of unknown zone for ids, nil for none.
func vswitchesOf(ids []string) []VSwitch {
	if len(ids) == 0 {
		return nil
	}
	vs := make([]VSwitch, len(ids))
	for i, id := range ids {
		vs[i] = VSwitch{ID: id}
	}
	return vs
}

// Equal reports whether l and o are the same login: the same key pair and
// the same password (compared with Secret.Equal).
func (l Login) Equal(o Login) bool {
	return l.KeyPair == o.KeyPair && l.Password.Equal(o.Password)
}
