package cluster

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/wire"
)

// Addon names that this package reads as Spec fields rather than as
// Spec.Addons.
const (
	// FlannelAddon is the addon that installs Flannel.
	FlannelAddon = "flannel"
	// TerwayAddon is the addon that installs Terway; any addon whose name
	// starts with "terway" (terway-eni, terway-controlplane) is read as
	// Terway too.
	TerwayAddon = "terway-eniip"
	// CloudMonitorAddon is the addon name of the cloud-monitor plugin. A
	// CreateCluster request asks for the plugin with cloud_monitor_flags;
	// an enabled addon of this name is read the same way.
	CloudMonitorAddon = "cloud-monitor"
)

// pluginOf returns the network plugin an addon installs, or
// NoNetworkPlugin for any other addon.
func pluginOf(addon string) NetworkPlugin {
	switch {
	case addon == FlannelAddon:
		return Flannel
	case strings.HasPrefix(addon, "terway"):
		return Terway
	}
	return NoNetworkPlugin
}

// pluginAddon returns the addon name of a plugin, "" for none.
func pluginAddon(p NetworkPlugin) string {
	switch p {
	case Flannel:
		return FlannelAddon
	case Terway:
		return TerwayAddon
	}
	return ""
}

// CreateRequest encodes s as the body of CreateCluster. Only the fields s
// sets are sent, so ACK applies its own defaults to the rest (a nil SNAT
// leaves snat_entry out). Zones are not sent: the wire knows vSwitches by
// ID. The login password is revealed here, into the body, and nowhere
// else; the request type redacts it when printed.
func (s Spec) createRequest() *wire.CreateClusterRequest {
	ct, profile, cspec := s.Form.Wire()
	req := &wire.CreateClusterRequest{
		Name:              s.Name,
		RegionID:          s.Region,
		ClusterType:       ct,
		Profile:           profile,
		ClusterSpec:       cspec,
		KubernetesVersion: s.KubernetesVersion,
		ResourceGroupID:   s.ResourceGroupID,
		VPCID:             s.VPCID,
		VSwitchIDs:        vswitchIDs(s.VSwitches),
		ContainerCIDR:     s.Network.PodCIDR,
		PodVSwitchIDs:     slices.Clone(s.Network.PodVSwitchIDs),
		ServiceCIDR:       s.ServiceCIDR,
		SNATEntry:         clonePtr(s.SNAT),
		Timezone:          s.Timezone,
		Tags:              wireTags(s.Tags),
		MaintenanceWindow: wireWindow(s.MaintenanceWindow),
		LoginPassword:     s.Login.Password.Reveal(),
		KeyPair:           s.Login.KeyPair,
	}
	if s.Network.NodeCIDRMask != 0 {
		req.NodeCIDRMask = strconv.Itoa(s.Network.NodeCIDRMask)
	}
	req.EndpointPublicAccess = trueOrNil(s.PublicEndpoint)
	req.CloudMonitorFlags = trueOrNil(s.CloudMonitor)
	req.DeletionProtection = trueOrNil(s.DeletionProtection)
	if name := pluginAddon(s.Network.Plugin); name != "" {
		req.Addons = append(req.Addons, wire.Addon{Name: name, Config: s.Network.PluginConfig})
	}
	for _, a := range s.Addons {
		req.Addons = append(req.Addons, wire.Addon{Name: a.Name, Config: a.Config, Disabled: a.Disabled, Version: a.Version})
	}
	if m := s.Masters; m != nil {
		req.MasterCount = int64(m.Count)
		req.MasterInstanceTypes = slices.Clone(m.InstanceTypes)
		req.MasterVSwitchIDs = vswitchIDs(m.VSwitches)
		req.MasterSystemDiskCategory = m.SystemDisk.Category
		req.MasterSystemDiskSize = int64(m.SystemDisk.Size)
		req.MasterInstanceChargeType = m.ChargeType
	}
	if w := s.Workers; w != nil {
		req.NumOfNodes = wire.Int(int64(w.Count))
		req.WorkerInstanceTypes = slices.Clone(w.InstanceTypes)
		req.WorkerVSwitchIDs = vswitchIDs(w.VSwitches)
		req.WorkerSystemDiskCategory = w.SystemDisk.Category
		req.WorkerSystemDiskSize = int64(w.SystemDisk.Size)
		req.WorkerInstanceChargeType = w.ChargeType
	}
	for _, p := range s.NodePools {
		req.Nodepools = append(req.Nodepools, *poolWire.CreateRequest(p))
	}
	return req
}

// specFromCreateRequest decodes a CreateCluster body into a Spec: the
// form from cluster_type, profile and cluster_spec; the network plugin and
// the cloud-monitor plugin from the addons (and cloud_monitor_flags); the
// masters from the master_* fields, or control_plane_config where those
// are absent; the legacy workers from the worker_* fields. vSwitches come
// with unknown zones (see Spec.WithZones). Fields the Spec does not model
// (security group, proxy mode, node pools, ...) are dropped.
//
// What cannot be decoded is reported as a *ack.ValidationError with the
// same rule IDs Validate uses: an unknown form ("cluster.form.known"), a
// node_cidr_mask that is not a number ("cluster.network.node_cidr_mask"),
// two different network plugins ("cluster.network.plugin"). The returned
// Spec then holds everything else.
func specFromCreateRequest(req *wire.CreateClusterRequest) (Spec, error) {
	if req == nil {
		return Spec{}, fmt.Errorf("cluster: no CreateCluster body: %w", ack.ErrInvalid)
	}
	var d decoder
	s := Spec{
		Name:               req.Name,
		Region:             req.RegionID,
		KubernetesVersion:  req.KubernetesVersion,
		ResourceGroupID:    req.ResourceGroupID,
		VPCID:              req.VPCID,
		VSwitches:          vswitchesOf(req.VSwitchIDs),
		ServiceCIDR:        req.ServiceCIDR,
		SNAT:               clonePtr(req.SNATEntry),
		PublicEndpoint:     wire.BoolValue(req.EndpointPublicAccess, false),
		DeletionProtection: wire.BoolValue(req.DeletionProtection, false),
		Tags:               specTags(req.Tags),
		Timezone:           req.Timezone,
		MaintenanceWindow:  specWindow(req.MaintenanceWindow),
		Login:              Login{Password: ack.NewSecret(req.LoginPassword), KeyPair: req.KeyPair},
	}
	if s.SNAT == nil {
		s.SNAT = clonePtr(req.NATGateway) // the deprecated alias
	}
	s.Form = d.form(req.ClusterType, req.Profile, req.ClusterSpec)
	s.Network = Network{
		PodCIDR:       req.ContainerCIDR,
		NodeCIDRMask:  d.mask(req.NodeCIDRMask),
		PodVSwitchIDs: cloneList(req.PodVSwitchIDs),
	}
	s.CloudMonitor = wire.BoolValue(req.CloudMonitorFlags, false)
	d.addons(&s, req.Addons)

	cp := req.ControlPlaneConfig
	if cp == nil {
		cp = &wire.ControlPlaneConfig{}
	} else {
		s.CloudMonitor = s.CloudMonitor || wire.BoolValue(cp.CloudMonitorFlags, false)
		if s.Login.Equal(Login{}) {
			s.Login = Login{Password: ack.NewSecret(cp.LoginPassword), KeyPair: cp.KeyPair}
		}
	}
	if req.MasterCount != 0 || len(req.MasterInstanceTypes) > 0 || len(req.MasterVSwitchIDs) > 0 ||
		req.MasterSystemDiskCategory != "" || req.MasterSystemDiskSize != 0 || req.MasterInstanceChargeType != "" ||
		req.ControlPlaneConfig != nil {
		s.Masters = &Masters{
			Count:         int(first(req.MasterCount, cp.Size)),
			InstanceTypes: cloneList(firstList(req.MasterInstanceTypes, cp.InstanceTypes)),
			VSwitches:     vswitchesOf(req.MasterVSwitchIDs),
			SystemDisk: Disk{
				Category: first(req.MasterSystemDiskCategory, cp.SystemDiskCategory),
				Size:     int(first(req.MasterSystemDiskSize, cp.SystemDiskSize)),
			},
			ChargeType: first(req.MasterInstanceChargeType, cp.ChargeType),
		}
	}
	if req.NumOfNodes != nil || len(req.WorkerInstanceTypes) > 0 || len(req.WorkerVSwitchIDs) > 0 ||
		req.WorkerSystemDiskCategory != "" || req.WorkerSystemDiskSize != 0 || req.WorkerInstanceChargeType != "" {
		s.Workers = &Workers{
			Count:         int(wire.IntValue(req.NumOfNodes, 0)),
			InstanceTypes: cloneList(req.WorkerInstanceTypes),
			VSwitches:     vswitchesOf(req.WorkerVSwitchIDs),
			SystemDisk:    Disk{Category: req.WorkerSystemDiskCategory, Size: int(req.WorkerSystemDiskSize)},
			ChargeType:    req.WorkerInstanceChargeType,
		}
	}
	for i := range req.Nodepools {
		p, err := poolWire.SpecFromCreate(&req.Nodepools[i])
		var ve *ack.ValidationError
		switch {
		case errors.As(err, &ve):
			d.violations = append(d.violations, poolViolations(i, ve.Violations)...)
		case err != nil:
			return s, fmt.Errorf("cluster: nodepools[%d]: %w", i, err)
		}
		s.NodePools = append(s.NodePools, p)
	}
	return s, asError(s.Name, d.violations)
}

// validateCreateRequest decodes a CreateCluster body and validates it
// with the same rules as Validate. It returns a *ack.ValidationError
// listing every violation, decoding problems included, or nil.
func validateCreateRequest(req *wire.CreateClusterRequest, opts ...ValidationOption) error {
	_, err := checkCreateRequest(req, opts...)
	return err
}

// checkCreateRequest is validateCreateRequest that also returns the Spec
// it decoded, so that the fake, which runs it on the requests it receives,
// reads each body once.
func checkCreateRequest(req *wire.CreateClusterRequest, opts ...ValidationOption) (Spec, error) {
	s, err := specFromCreateRequest(req)
	var decodeErr *ack.ValidationError
	if err != nil && !errors.As(err, &decodeErr) {
		return s, err
	}
	var vs violationList
	if decodeErr != nil {
		vs = decodeErr.Violations
	}
	o := newOptions(opts)
	o.autoVPC = req.ZoneID != "" || len(req.ZoneIDs) > 0
	for _, v := range violations(s, o) {
		if !slices.ContainsFunc(vs, func(w ack.Violation) bool { return w.Rule == v.Rule && w.Field == v.Field }) {
			vs = append(vs, v)
		}
	}
	slices.SortStableFunc(vs, func(a, b ack.Violation) int { return ruleIndex(a.Rule) - ruleIndex(b.Rule) })
	return s, asError(s.Name, vs)
}

// ruleIndex returns the position of a validation rule in the registry.
func ruleIndex(id string) int {
	return slices.IndexFunc(registry, func(r specRule) bool { return r.ID == id })
}

// decoder collects the violations found while decoding a request.
type decoder struct {
	violations violationList
}

func (d *decoder) add(rule, field, format string, args ...any) {
	d.violations.reporter(rule)(field, format, args...)
}

// form decodes the form selection fields.
func (d *decoder) form(clusterType, profile, clusterSpec string) Form {
	f, err := FormOf(clusterType, profile, clusterSpec)
	if err != nil {
		d.add("cluster.form.known", fieldForm, "cluster_type %q, profile %q and cluster_spec %q name no known form",
			clusterType, profile, clusterSpec)
	}
	return f
}

// mask decodes node_cidr_mask, a number sent as a string.
func (d *decoder) mask(s string) int {
	if s == "" {
		return 0
	}
	m, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		d.add("cluster.network.node_cidr_mask", fieldNodeCIDRMask, "is %q, not a number", s)
		return 0
	}
	return m
}

// addons sorts a request's addons into the network plugin, the
// cloud-monitor plugin and the others.
func (d *decoder) addons(s *Spec, addons []wire.Addon) {
	for _, a := range addons {
		switch p := pluginOf(a.Name); {
		case p != NoNetworkPlugin:
			if s.Network.Plugin == NoNetworkPlugin {
				s.Network.Plugin, s.Network.PluginConfig = p, a.Config
			} else if s.Network.Plugin != p {
				d.add("cluster.network.plugin", fieldPlugin, "names two network plugins, %s and %s", s.Network.Plugin, p)
			}
		case a.Name == CloudMonitorAddon:
			s.CloudMonitor = s.CloudMonitor || !a.Disabled
		default:
			s.Addons = append(s.Addons, Addon{Name: a.Name, Version: a.Version, Config: a.Config, Disabled: a.Disabled})
		}
	}
}

func wireTags(tags []Tag) []wire.Tag {
	if tags == nil {
		return nil
	}
	out := make([]wire.Tag, len(tags))
	for i, t := range tags {
		out[i] = wire.Tag{Key: t.Key, Value: t.Value}
	}
	return out
}

func specTags(tags []wire.Tag) []Tag {
	if tags == nil {
		return nil
	}
	out := make([]Tag, len(tags))
	for i, t := range tags {
		out[i] = Tag{Key: t.Key, Value: t.Value}
	}
	return out
}

func wireWindow(w *MaintenanceWindow) *wire.MaintenanceWindow {
	if w == nil {
		return nil
	}
	return &wire.MaintenanceWindow{
		Enable:          wire.Bool(w.Enabled),
		MaintenanceTime: w.StartTime,
		Duration:        w.Duration,
		WeeklyPeriod:    w.WeeklyPeriod,
		Recurrence:      w.Recurrence,
	}
}

func specWindow(w *wire.MaintenanceWindow) *MaintenanceWindow {
	if w == nil {
		return nil
	}
	return &MaintenanceWindow{
		Enabled:      wire.BoolValue(w.Enable, false),
		StartTime:    w.MaintenanceTime,
		Duration:     w.Duration,
		WeeklyPeriod: w.WeeklyPeriod,
		Recurrence:   w.Recurrence,
	}
}

// trueOrNil sends a boolean whose ACK default is false only when it is
// true.
func trueOrNil(v bool) *bool {
	if v {
		return wire.Bool(true)
	}
	return nil
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// first returns a unless it is the zero value, else b.
func first[T comparable](a, b T) T {
	var zero T
	if a != zero {
		return a
	}
	return b
}

// firstList returns a unless it is empty, else b.
func firstList[T any](a, b []T) []T {
	if len(a) > 0 {
		return a
	}
	return b
}
