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
	u, err := d.DecodeMasterURL()
	return specFromDetailURL(d, u, err == nil)
}

// specFromDetailURL is specFromDetail with the detail's master_url decoded
// (ok false when it is malformed).
func specFromDetailURL(d *wire.ClusterDetail, u wire.MasterURL, ok bool) Spec {
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
	if ok {
		s.PublicEndpoint = u.APIServerEndpoint != ""
	}
	if addons, err := d.DecodeMetaAddons(); err == nil {
		var dec decoder
		dec.addons(&s, addons)
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
