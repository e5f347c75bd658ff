package fake

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/nodepool"
)

// RuleRegion is the fake's own rule that a cluster is created in one of
// the regions the fake serves (WithRegions).
const RuleRegion = "fake.region.served"

// Task types of the cluster changes, as DescribeTaskInfo reports them.
const (
	// TaskTypeCreate is the task of CreateCluster.
	TaskTypeCreate = "cluster_create"
	// TaskTypeDelete is the task of DeleteCluster.
	TaskTypeDelete = "cluster_delete"
	// TaskTypeModify is the task of ModifyCluster.
	TaskTypeModify = "cluster_update"
)

// The world's cluster changes: CreateCluster, DeleteCluster. Each runs
// under one lock: the rules (the cluster package's, through the bridge,
// with what the world knows of the network), the admission (network and
// quotas), then the change. A refused change changes nothing.

// createCluster admits and stores a cluster from a CreateCluster body: it
// is initial until its creation completes. The body is judged by the
// cluster package's create rules with the fake's preset (and the CIDR of
// the cluster's VPC when the fake knows it) and by the fake's region
// rule, its version by the catalog at the clock (createVersionLocked);
// its network by network.admit, its size by the quotas.
func (s *store) createCluster(req *wire.CreateClusterRequest) (started, *Error) {
	return update(s, func(now time.Time) (started, *Error) {
		// A VPC left out but named by known vSwitches is filled in (in
		// req), so that rule "cluster.network.vpc_required" sees it; its
		// CIDR, when known, joins the cluster package's overlap rule.
		nr := createNetRequest(req)
		req.VPCID = s.net.inferVPC(req.VPCID, nr.vswitchIDs)
		nr.vpcID = req.VPCID
		spec, pools, e := s.checkCreateLocked(req)
		if e != nil {
			return started{}, e
		}
		// The version is chosen before anything is admitted: a version
		// that is not creatable leaves the network and the quotas as
		// they were.
		if spec.KubernetesVersion, e = s.createVersionLocked(req.KubernetesVersion, now); e != nil {
			return started{}, e
		}
		nr.podCIDR, nr.serviceCIDR = spec.Network.PodCIDR, spec.ServiceCIDR
		plan, e := s.net.admit(nr, s.cidrOverlapsLocked(nr.vpcID, nr.podCIDR, nr.serviceCIDR), s.ids)
		if e != nil {
			return started{}, e
		}
		if e := s.admitLocked(createPlan(req, spec, pools)); e != nil {
			return started{}, e
		}
		s.net.commit(plan)
		rec := s.newClusterLocked(req, s.placeLocked(spec, plan), pools, now)
		t := s.startChangeLocked(rec, createChange(rec.spec.Form), TaskTypeCreate, map[string]any{"cluster_type": req.ClusterType}, now, changeData{})
		return started{clusterID: rec.id, taskID: t.id}, nil
	})
}

// checkCreateLocked judges a CreateCluster body (its VPC inferred),
// reading it once, and returns its Spec with the defaults applied and,
// apart, its node pools, which live on as pools, not in the cluster's
// Spec.
func (s *store) checkCreateLocked(req *wire.CreateClusterRequest) (cluster.Spec, []nodepool.Spec, *Error) {
	spec, pools, err := s.checkCreateRulesLocked(req)
	if err != nil {
		return cluster.Spec{}, nil, refusal(err)
	}
	return spec, pools, nil
}

// checkCreateRulesLocked is checkCreateLocked with the rules' error as
// they return it: an *ack.ValidationError listing the cluster package's
// violations and the fake's region rule's.
func (s *store) checkCreateRulesLocked(req *wire.CreateClusterRequest) (cluster.Spec, []nodepool.Spec, error) {
	var vs []ack.Violation
	if regions := s.settings.regions; req.RegionID != "" && !slices.Contains(regions, req.RegionID) {
		vs = append(vs, ack.Violation{Rule: RuleRegion, Field: "region_id",
			Message: fmt.Sprintf("%q is not served by this fake (it serves %s)", req.RegionID, strings.Join(regions, ", "))})
	}
	spec, err := clusterWire.CheckCreate(req, s.validateOptionsLocked(req.VPCID)...)
	if err != nil {
		var ve *ack.ValidationError
		if !errors.As(err, &ve) {
			return cluster.Spec{}, nil, err
		}
		vs = append(vs, ve.Violations...)
	}
	if len(vs) > 0 {
		return cluster.Spec{}, nil, &ack.ValidationError{Resource: fmt.Sprintf("cluster %q", req.Name), Violations: vs}
	}
	spec = spec.WithDefaults()
	pools := spec.NodePools
	spec.NodePools = nil
	return spec, pools, nil
}

// placeLocked completes an admitted cluster's Spec with its place in the
// network (the VPC and vSwitches the fake made for it, the zones it
// knows); its version is already chosen (createVersionLocked).
func (s *store) placeLocked(spec cluster.Spec, plan netPlan) cluster.Spec {
	spec.VPCID = plan.vpc.ID
	if plan.created {
		spec.VSwitches = nil
		for _, v := range plan.vswitches {
			spec.VSwitches = append(spec.VSwitches, cluster.VSwitch{ID: v.ID, Zone: v.ZoneID})
		}
	}
	return spec.WithZones(s.net.zoneOf)
}

// newClusterLocked stores a new cluster of an admitted Spec in state
// initial, with its nodes, its node pools and its endpoints.
func (s *store) newClusterLocked(req *wire.CreateClusterRequest, spec cluster.Spec, pools []nodepool.Spec, now time.Time) *clusterRec {
	rec := &clusterRec{
		id: s.ids.cluster(), spec: spec, created: now, updated: now, state: cluster.StateInitial,
		wireType: req.ClusterType, profile: req.Profile, clusterSpec: req.ClusterSpec,
		extra: createExtra(req, spec.KubernetesVersion),
	}
	if rec.wireType != cluster.ClusterTypeAsk {
		if rec.profile == "" {
			rec.profile = cluster.ProfileDefault
		}
		if rec.clusterSpec == "" && rec.wireType == cluster.ClusterTypeManaged {
			rec.clusterSpec = cluster.SpecStandard
		}
	}
	if rec.extra.securityGroupID == "" && spec.Form.HasNodes() {
		rec.extra.securityGroupID = "sg-" + s.ids.hexID("sg", 20)
	}
	s.addNodesLocked(rec, now)
	for i, ps := range pools {
		p, _ := s.newPoolLocked(rec, ps, now)
		p.isDefault = i == 0
	}
	rec.extra.intranetEndpoint = "https://" + s.net.hostIP(firstVSwitch(spec), 2) + ":6443"
	rec.extra.publicEndpoint = "https://" + rec.id + "." + spec.Region + ".cs.fake.invalid:6443"
	rec.cidrs = cidrUsesOf(rec.id, spec)
	s.addClusterLocked(rec)
	return rec
}

// validateOptionsLocked are the options of the cluster package's
// validation: the fake's preset, and the CIDR of the cluster's VPC when
// the fake knows it.
func (s *store) validateOptionsLocked(vpcID string) []cluster.ValidationOption {
	opts := []cluster.ValidationOption{cluster.WithPreset(s.settings.preset)}
	if v, ok := s.net.vpcs[vpcID]; ok && v.CIDR != "" {
		opts = append(opts, cluster.WithVPCCIDRs(v.CIDR))
	}
	return opts
}

// createNetRequest collects the vSwitches and zones of a CreateCluster
// body, field by field, for the network admission of the new cluster.
func createNetRequest(req *wire.CreateClusterRequest) netRequest {
	nr := netRequest{clusterName: req.Name, vpcID: req.VPCID, zones: slices.Clone(req.ZoneIDs)}
	if req.ZoneID != "" && !slices.Contains(nr.zones, req.ZoneID) {
		nr.zones = append(nr.zones, req.ZoneID)
	}
	nr.addVSwitches("vswitch_ids", req.VSwitchIDs)
	nr.addVSwitches("master_vswitch_ids", req.MasterVSwitchIDs)
	nr.addVSwitches("worker_vswitch_ids", req.WorkerVSwitchIDs)
	nr.addVSwitches("pod_vswitch_ids", req.PodVSwitchIDs)
	for i, p := range req.Nodepools {
		if p.ScalingGroup != nil {
			nr.addVSwitches(fmt.Sprintf("nodepools[%d].scaling_group.vswitch_ids", i), p.ScalingGroup.VSwitchIDs)
		}
	}
	return nr
}

// createExtra keeps what the detail reports beyond the Spec.
func createExtra(req *wire.CreateClusterRequest, version string) clusterExtra {
	return clusterExtra{
		version: version, initVersion: version,
		securityGroupID:       req.SecurityGroupID,
		proxyMode:             orDefault(req.ProxyMode, "ipvs"),
		ipStack:               orDefault(req.IPStack, "ipv4"),
		clusterDomain:         orDefault(req.ClusterDomain, "cluster.local"),
		operationPolicy:       cloneOperationPolicy(req.OperationPolicy),
		controlPlaneEndpoints: cloneEndpoints(req.ControlPlaneEndpointsConfig),
		rrsa:                  wire.BoolValue(req.EnableRRSA, false) || (req.RRSAConfig != nil && wire.BoolValue(req.RRSAConfig.Enabled, false)),
		extraSANs:             slices.Clone(req.ExtraSANs),
	}
}

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

// firstVSwitch returns the cluster's first vSwitch ID, "" for none.
func firstVSwitch(s cluster.Spec) string {
	if len(s.VSwitches) > 0 {
		return s.VSwitches[0].ID
	}
	if s.Masters != nil && len(s.Masters.VSwitches) > 0 {
		return s.Masters.VSwitches[0].ID
	}
	return ""
}

// createChange is the change that creates a cluster of form f.
func createChange(f cluster.Form) Change {
	switch f {
	case cluster.Dedicated:
		return ChangeCreateDedicated
	case cluster.Serverless:
		return ChangeCreateServerless
	}
	return ChangeCreateManaged
}

// deletable lists the states DeleteCluster accepts; ACK refuses it while
// another operation runs.
var deletable = []cluster.State{
	cluster.StateRunning, cluster.StateFailed, cluster.StateUpdatingFailed, cluster.StateDeleteFailed,
	cluster.StateInactive, cluster.StateUnavailable, cluster.StateStopped,
}

// deleteCluster starts deleting cluster id: deleting → gone. ACK refuses
// it while another operation runs and while deletion protection is on.
func (s *store) deleteCluster(id string, opts wire.DeleteClusterRequest) (started, *Error) {
	return s.onCluster(id, func(rec *clusterRec, now time.Time) (started, *Error) {
		if !slices.Contains(deletable, rec.state) {
			return started{}, NewError(ErrorClusterState, "cluster %s is %s; DeleteCluster waits for the operation in progress to end", rec.id, rec.state)
		}
		if rec.spec.DeletionProtection {
			return started{}, NewError(ErrorDeletionProtection, "cluster %s has deletion protection on; turn it off with ModifyCluster (deletion_protection: false) first", rec.id)
		}
		rec.state = cluster.StateDeleting
		t := s.startChangeLocked(rec, ChangeDeleteCluster, TaskTypeDelete, deleteParams(opts), now, changeData{})
		return started{clusterID: rec.id, taskID: t.id}, nil
	})
}

// deleteParams records DeleteCluster's options as the task's parameters.
func deleteParams(opts wire.DeleteClusterRequest) map[string]any {
	params := map[string]any{
		"retain_all_resources": opts.RetainAllResources,
		"keep_slb":             opts.KeepSLB,
	}
	if len(opts.RetainResources) > 0 {
		params["retain_resources"] = slices.Clone(opts.RetainResources)
	}
	if len(opts.DeleteOptions) > 0 {
		params["delete_options"] = cloneJSON(opts.DeleteOptions)
	}
	return params
}
