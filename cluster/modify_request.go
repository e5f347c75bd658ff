package cluster

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/wire"
)

// modifyRequest turns a modification written as the desired Spec into the
// body of ModifyCluster: the name, deletion protection, resource group,
// maintenance window, time zone, control-plane vSwitches (sent whole, as
// ACK overwrites them) and the API server's public endpoint (api_server_eip).
// It returns nil when none of those differ. Tags are not part of
// ModifyCluster: send tagsRequest's body with ModifyClusterTags.
//
// It refuses, with CheckChange's *ack.ValidationError, every difference
// that no ModifyCluster field expresses (the rules of PresetCurrent, the
// more permissive preset); call CheckChange with the preset you follow
// first.
func modifyRequest(from, to Spec) (*wire.ModifyClusterRequest, error) {
	if err := CheckChange(from, to, WithPreset(PresetCurrent)); err != nil {
		return nil, err
	}
	var req wire.ModifyClusterRequest
	changed := false
	if to.Name != from.Name {
		req.ClusterName, changed = to.Name, true
	}
	if to.DeletionProtection != from.DeletionProtection {
		req.DeletionProtection, changed = wire.Bool(to.DeletionProtection), true
	}
	if to.ResourceGroupID != from.ResourceGroupID {
		req.ResourceGroupID, changed = to.ResourceGroupID, true
	}
	if !equalPtr(from.MaintenanceWindow, to.MaintenanceWindow) {
		req.MaintenanceWindow, changed = wireWindow(to.MaintenanceWindow), true
	}
	if to.Timezone != from.Timezone {
		req.Timezone, changed = to.Timezone, true
	}
	if !slices.Equal(vswitchIDs(from.VSwitches), vswitchIDs(to.VSwitches)) {
		req.VSwitchIDs, changed = vswitchIDs(to.VSwitches), true
	}
	if to.PublicEndpoint != from.PublicEndpoint {
		req.APIServerEIP, changed = wire.Bool(to.PublicEndpoint), true
	}
	if !changed {
		return nil, nil
	}
	return &req, nil
}

// tagsRequest returns the body of ModifyClusterTags, the cluster's whole
// new tag set, and whether the tags differ at all.
func tagsRequest(from, to Spec) ([]wire.Tag, bool) {
	if slices.Equal(from.Tags, to.Tags) {
		return nil, false
	}
	tags := wireTags(to.Tags)
	if tags == nil {
		tags = []wire.Tag{}
	}
	return tags, true
}

// modifyBody is what ApplyModifyBody reads: the fields of ModifyCluster,
// and the create-time fields a client might send there although ACK does
// not accept them, so that CheckChange can refuse them by rule.
type modifyBody struct {
	wire.ModifyClusterRequest

	VPCID                string          `json:"vpcid"`
	VPCIDAlias           string          `json:"vpc_id"`
	RegionID             string          `json:"region_id"`
	ClusterType          string          `json:"cluster_type"`
	Profile              string          `json:"profile"`
	ClusterSpec          string          `json:"cluster_spec"`
	KubernetesVersion    string          `json:"kubernetes_version"`
	ContainerCIDR        string          `json:"container_cidr"`
	ServiceCIDR          string          `json:"service_cidr"`
	NodeCIDRMask         json.RawMessage `json:"node_cidr_mask"`
	PodVSwitchIDs        []string        `json:"pod_vswitch_ids"`
	SNATEntry            *bool           `json:"snat_entry"`
	EndpointPublicAccess *bool           `json:"endpoint_public_access"`
	CloudMonitorFlags    *bool           `json:"cloud_monitor_flags"`
	Addons               []wire.Addon    `json:"addons"`
	MasterCount          *int64          `json:"master_count"`
	MasterInstanceTypes  []string        `json:"master_instance_types"`
	MasterVSwitchIDs     []string        `json:"master_vswitch_ids"`
	NumOfNodes           *int64          `json:"num_of_nodes"`
	WorkerInstanceTypes  []string        `json:"worker_instance_types"`
	WorkerVSwitchIDs     []string        `json:"worker_vswitch_ids"`
	LoginPassword        string          `json:"login_password"`
	KeyPair              string          `json:"key_pair"`
}

// ApplyModifyBody applies a raw ModifyCluster body to old and returns the
// Spec it asks for; CheckChange(old, result, WithPreset(preset)) then judges it with
// the same rule IDs a client sees. Besides ModifyCluster's own fields it
// applies the create-time fields a body might carry although ACK does not
// accept them there (vpcid, region_id, cluster_type, profile,
// cluster_spec, kubernetes_version, the CIDRs, snat_entry,
// endpoint_public_access, cloud_monitor_flags, addons naming a network
// plugin, the cloud-monitor plugin or another addon, master_*, worker_*
// and login fields), so that they are refused by rule rather than ignored.
// Tags are not ModifyCluster's and are ignored.
//
// vSwitches keep the zones old knows for their IDs; new IDs have unknown
// zones until the caller fills them (Spec.WithZones). It fails with an
// error matching ack.ErrInvalid when the body is not a JSON object, and
// with a *ack.ValidationError when the form fields name no form or
// node_cidr_mask is not a number.
func ApplyModifyBody(old Spec, body []byte) (Spec, error) {
	var b modifyBody
	if err := json.Unmarshal(body, &b); err != nil {
		return Spec{}, fmt.Errorf("%s: ModifyCluster body: %w: %w", resource(old.Name), ack.ErrInvalid, err)
	}
	s := old.Clone()
	var d decoder

	// ModifyCluster's own fields.
	setIf(&s.Name, b.ClusterName)
	if b.DeletionProtection != nil {
		s.DeletionProtection = *b.DeletionProtection
	}
	setIf(&s.ResourceGroupID, b.ResourceGroupID)
	if w := b.MaintenanceWindow; w != nil {
		mw := MaintenanceWindow{}
		if s.MaintenanceWindow != nil {
			mw = *s.MaintenanceWindow
		}
		if w.Enable != nil {
			mw.Enabled = *w.Enable
		}
		setIf(&mw.StartTime, w.MaintenanceTime)
		setIf(&mw.Duration, w.Duration)
		setIf(&mw.WeeklyPeriod, w.WeeklyPeriod)
		setIf(&mw.Recurrence, w.Recurrence)
		s.MaintenanceWindow = &mw
	}
	setIf(&s.Timezone, b.Timezone)
	if b.VSwitchIDs != nil {
		s.VSwitches = keepZones(old.VSwitches, b.VSwitchIDs)
	}
	if b.APIServerEIP != nil {
		s.PublicEndpoint = *b.APIServerEIP
	}
	if cp := b.ControlPlaneConfig; cp != nil {
		m := ensureMasters(&s)
		if cp.Size != 0 {
			m.Count = int(cp.Size)
		}
		if cp.InstanceTypes != nil {
			m.InstanceTypes = cloneList(cp.InstanceTypes)
		}
		setIf(&m.ChargeType, cp.ChargeType)
		setIf(&m.SystemDisk.Category, cp.SystemDiskCategory)
		if cp.SystemDiskSize != 0 {
			m.SystemDisk.Size = int(cp.SystemDiskSize)
		}
	}

	// Create-time fields.
	setIf(&s.VPCID, b.VPCIDAlias)
	setIf(&s.VPCID, b.VPCID)
	setIf(&s.Region, b.RegionID)
	if b.ClusterType != "" || b.Profile != "" || b.ClusterSpec != "" {
		ct, profile, cspec := old.Form.Wire()
		setIf(&ct, b.ClusterType)
		setIf(&profile, b.Profile)
		setIf(&cspec, b.ClusterSpec)
		s.Form = d.form(ct, profile, cspec)
	}
	setIf(&s.KubernetesVersion, b.KubernetesVersion)
	setIf(&s.Network.PodCIDR, b.ContainerCIDR)
	setIf(&s.ServiceCIDR, b.ServiceCIDR)
	if len(b.NodeCIDRMask) > 0 && !bytes.Equal(b.NodeCIDRMask, []byte("null")) {
		s.Network.NodeCIDRMask = d.mask(unquote(b.NodeCIDRMask))
	}
	if b.PodVSwitchIDs != nil {
		s.Network.PodVSwitchIDs = cloneList(b.PodVSwitchIDs)
	}
	if b.SNATEntry != nil {
		s.SNAT = Bool(*b.SNATEntry)
	}
	if b.EndpointPublicAccess != nil {
		s.PublicEndpoint = *b.EndpointPublicAccess
	}
	if b.CloudMonitorFlags != nil {
		s.CloudMonitor = *b.CloudMonitorFlags
	}
	applyAddons(&s, b.Addons)
	if b.MasterCount != nil || b.MasterInstanceTypes != nil || b.MasterVSwitchIDs != nil {
		m := ensureMasters(&s)
		if b.MasterCount != nil {
			m.Count = int(*b.MasterCount)
		}
		if b.MasterInstanceTypes != nil {
			m.InstanceTypes = cloneList(b.MasterInstanceTypes)
		}
		if b.MasterVSwitchIDs != nil {
			m.VSwitches = keepZones(vswitchesOfMasters(old.Masters), b.MasterVSwitchIDs)
		}
	}
	if b.NumOfNodes != nil || b.WorkerInstanceTypes != nil || b.WorkerVSwitchIDs != nil {
		if s.Workers == nil {
			s.Workers = &Workers{}
		}
		if b.NumOfNodes != nil {
			s.Workers.Count = int(*b.NumOfNodes)
		}
		if b.WorkerInstanceTypes != nil {
			s.Workers.InstanceTypes = cloneList(b.WorkerInstanceTypes)
		}
		if b.WorkerVSwitchIDs != nil {
			var oldWorkers []VSwitch
			if old.Workers != nil {
				oldWorkers = old.Workers.VSwitches
			}
			s.Workers.VSwitches = keepZones(oldWorkers, b.WorkerVSwitchIDs)
		}
	}
	if b.LoginPassword != "" {
		s.Login.Password = ack.NewSecret(b.LoginPassword)
	}
	setIf(&s.Login.KeyPair, b.KeyPair)

	if err := asError(old.Name, d.violations); err != nil {
		return Spec{}, err
	}
	return s, nil
}

// applyAddons applies the addons of a modify body: a network plugin
// addon sets the plugin and its config, the cloud-monitor addon turns the
// plugin on or off, any other addon is installed or replaced by name.
func applyAddons(s *Spec, addons []wire.Addon) {
	for _, a := range addons {
		switch p := pluginOf(a.Name); {
		case p != NoNetworkPlugin:
			s.Network.Plugin, s.Network.PluginConfig = p, a.Config
		case a.Name == CloudMonitorAddon:
			s.CloudMonitor = !a.Disabled
		default:
			add := Addon{Name: a.Name, Version: a.Version, Config: a.Config, Disabled: a.Disabled}
			if i := slices.IndexFunc(s.Addons, func(x Addon) bool { return x.Name == a.Name }); i >= 0 {
				s.Addons[i] = add
			} else {
				s.Addons = append(s.Addons, add)
			}
		}
	}
}

// keepZones returns vSwitches for ids, with the zones known in old.
func keepZones(old []VSwitch, ids []string) []VSwitch {
	if len(ids) == 0 {
		return nil
	}
	out := make([]VSwitch, len(ids))
	for i, id := range ids {
		out[i] = VSwitch{ID: id}
		if j := slices.IndexFunc(old, func(v VSwitch) bool { return v.ID == id }); j >= 0 {
			out[i].Zone = old[j].Zone
		}
	}
	return out
}

func vswitchesOfMasters(m *Masters) []VSwitch {
	if m == nil {
		return nil
	}
	return m.VSwitches
}

// ensureMasters returns s.Masters, creating it when nil.
func ensureMasters(s *Spec) *Masters {
	if s.Masters == nil {
		s.Masters = &Masters{}
	}
	return s.Masters
}

// setIf sets *dst to v unless v is empty.
func setIf(dst *string, v string) {
	if v != "" {
		*dst = v
	}
}

// unquote reads a JSON string, or any other JSON value as its text (a
// number stays a number).
func unquote(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}
