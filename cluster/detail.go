package cluster

import (
	"slices"
	"strconv"
	"strings"

	"github.com/ackgo/ack/internal/wire"
)

// specFromDetail describes an existing cluster as a Spec, the starting
// point of a modification: copy it (Clone), change the copy, then
// CheckChange and modifyRequest. A detail does not report everything a
// create request set (SNAT, legacy workers, the login), so
// those fields stay empty on both sides of the comparison. The network
// plugin and the cloud-monitor plugin are read from meta_data's Addons,
// the public endpoint from master_url, the masters of a dedicated cluster
// from control_plane_config. An unknown form leaves Form zero; malformed
// embedded JSON leaves the fields it would fill empty.
func specFromDetail(d *wire.ClusterDetail) Spec {
	if d == nil {
		return Spec{}
	}
	form, _ := FormOf(d.ClusterType, d.Profile, d.ClusterSpec)
	s := Spec{
		Name:               d.Name,
		Region:             d.RegionID,
		Form:               form,
		KubernetesVersion:  d.CurrentVersion,
		ResourceGroupID:    d.ResourceGroupID,
		VPCID:              d.VPCID,
		VSwitches:          vswitchesOf(d.VSwitchIDs),
		ServiceCIDR:        d.ServiceCIDR,
		DeletionProtection: d.DeletionProtection,
		Tags:               specTags(d.Tags),
		Timezone:           d.Timezone,
		MaintenanceWindow:  specWindow(d.MaintenanceWindow),
		Network:            Network{PodCIDR: d.ContainerCIDR},
	}
	if len(s.VSwitches) == 0 && d.VSwitchID != "" {
		s.VSwitches = vswitchesOf(strings.Split(d.VSwitchID, ","))
	}
	if m, err := strconv.Atoi(d.NodeCIDRMask); err == nil {
		s.Network.NodeCIDRMask = m
	}
	if u, err := d.DecodeMasterURL(); err == nil {
		s.PublicEndpoint = u.APIServerEndpoint != ""
	}
	if md, err := d.DecodeMetaData(); err == nil {
		var dec decoder
		dec.addons(&s, metaAddons(md))
	}
	if cp := d.ControlPlaneConfig; cp != nil && form == Dedicated {
		s.Masters = &Masters{
			Count:         int(cp.Size),
			InstanceTypes: slices.Clone(cp.InstanceTypes),
			SystemDisk:    Disk{Category: cp.SystemDiskCategory, Size: int(cp.SystemDiskSize)},
			ChargeType:    cp.ChargeType,
		}
		s.CloudMonitor = s.CloudMonitor || wire.BoolValue(cp.CloudMonitorFlags, false)
	}
	return s
}

// metaAddons reads the Addons list of a cluster's meta_data: objects with
// at least a name.
func metaAddons(md wire.MetaData) []wire.Addon {
	list, _ := md["Addons"].([]any)
	var out []wire.Addon
	for _, item := range list {
		m, ok := item.(map[string]any)
		if !ok {
			continue
		}
		a := wire.Addon{}
		a.Name, _ = m["name"].(string)
		a.Config, _ = m["config"].(string)
		a.Version, _ = m["version"].(string)
		a.Disabled, _ = m["disabled"].(bool)
		if a.Name != "" {
			out = append(out, a)
		}
	}
	return out
}
