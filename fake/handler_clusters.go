package fake

import (
	"errors"
	"fmt"
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/internal/wire"
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

// refusal turns an error of the cluster package into an answer: a
// *ack.ValidationError becomes InvalidParameter with its text (every
// violation as "field: message [rule.id]"), anything else
// InvalidParameter.Format.
func refusal(err error) *Error {
	var ve *ack.ValidationError
	if errors.As(err, &ve) {
		return NewError(InvalidParameter, "%s", ve.Error())
	}
	return NewError(InvalidParameterFormat, "%v", err)
}

func (c *Cloud) createCluster(r *request) answer {
	var req wire.CreateClusterRequest
	return c.locked(r, &req, func(now time.Time) answer {
		st := c.st
		// A VPC left out but named by known vSwitches is filled in, so
		// that rule "cluster.network.vpc_required" sees it; its CIDR,
		// when known, joins the cluster package's overlap rule.
		req.VPCID = st.net.inferVPC(req.VPCID, createNetRequest(&req, cluster.Spec{}).vswitchIDs)
		opts := c.validateOptions(req.VPCID)
		var vs []ack.Violation
		if req.RegionID != "" && !slices.Contains(c.settings.regions, req.RegionID) {
			vs = append(vs, ack.Violation{Rule: RuleRegion, Field: "region_id",
				Message: fmt.Sprintf("%q is not served by this fake (it serves %s)", req.RegionID, strings.Join(c.settings.regions, ", "))})
		}
		if err := clusterWire.ValidateCreate(&req, opts...); err != nil {
			var ve *ack.ValidationError
			if !errors.As(err, &ve) {
				return fail(refusal(err))
			}
			vs = append(vs, ve.Violations...)
		}
		if len(vs) > 0 {
			return fail(refusal(&ack.ValidationError{Resource: fmt.Sprintf("cluster %q", req.Name), Violations: vs}))
		}
		spec, err := clusterWire.SpecFromCreate(&req)
		if err != nil {
			return fail(refusal(err))
		}
		spec = spec.WithDefaults()
		pools := spec.NodePools
		spec.NodePools = nil // the pools live on as pools, not in the cluster's Spec

		nr := createNetRequest(&req, spec)
		others := st.cidrOverlapsLocked(st.net.inferVPC(nr.vpcID, nr.vswitchIDs), nr.podCIDR, nr.serviceCIDR)
		plan, e := st.net.admit(nr, others, c.ids)
		if e != nil {
			return fail(e)
		}
		if e := st.admitLocked(createPlan(&req, spec, pools)); e != nil {
			return fail(e)
		}
		st.net.commit(plan)
		spec.VPCID = plan.vpc.ID
		if plan.created {
			spec.VSwitches = nil
			for _, v := range plan.vswitches {
				spec.VSwitches = append(spec.VSwitches, cluster.VSwitch{ID: v.ID, Zone: v.ZoneID})
			}
		}
		spec = spec.WithZones(st.net.zoneOf)
		version, e := c.createVersionLocked(req.KubernetesVersion, now)
		if e != nil {
			return fail(e)
		}
		spec.KubernetesVersion = version

		rec := &clusterRec{
			id: c.ids.cluster(), spec: spec, created: now, updated: now, state: cluster.StateInitial,
			wireType: req.ClusterType, profile: req.Profile, clusterSpec: req.ClusterSpec,
			extra: createExtra(&req, version),
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
			rec.extra.securityGroupID = "sg-" + c.ids.hexID("sg", 20)
		}
		st.addNodesLocked(rec, now)
		for i, ps := range pools {
			p, _ := st.newPoolLocked(rec, ps, now)
			p.isDefault = i == 0
		}
		rec.extra.intranetEndpoint = "https://" + st.net.hostIP(firstVSwitch(spec), 2) + ":6443"
		rec.extra.publicEndpoint = "https://" + rec.id + "." + spec.Region + ".cs.fake.invalid:6443"
		rec.cidrs = cidrUsesOf(rec.id, spec)
		st.addClusterLocked(rec)
		t := st.startDoneLocked(rec, createChange(spec.Form), TaskTypeCreate, map[string]any{"cluster_type": req.ClusterType}, now,
			func(f *Failure) { st.endCreateLocked(rec, f) })
		return ok(wire.CreateClusterResponse{ClusterID: rec.id, TaskID: t.id, RequestID: r.id})
	})
}

// validateOptions are the options of the cluster package's validation:
// the fake's preset, and the CIDR of the cluster's VPC when the fake knows
// it. The caller holds the store's lock.
func (c *Cloud) validateOptions(vpcID string) []cluster.Option {
	opts := []cluster.Option{cluster.WithPreset(c.settings.preset)}
	if v, ok := c.st.net.vpcs[vpcID]; ok && v.CIDR != "" {
		opts = append(opts, cluster.WithVPCCIDRs(v.CIDR))
	}
	return opts
}

// createNetRequest collects what the network admission of a new cluster
// looks at.
func createNetRequest(req *wire.CreateClusterRequest, spec cluster.Spec) netRequest {
	nr := netRequest{
		clusterName: req.Name, vpcID: req.VPCID,
		podCIDR: spec.Network.PodCIDR, serviceCIDR: spec.ServiceCIDR,
		zones: slices.Clone(req.ZoneIDs),
	}
	if req.ZoneID != "" && !slices.Contains(nr.zones, req.ZoneID) {
		nr.zones = append(nr.zones, req.ZoneID)
	}
	add := func(field string, list []string) {
		for i, id := range list {
			nr.vswitchIDs = append(nr.vswitchIDs, id)
			nr.fields = append(nr.fields, fmt.Sprintf("%s[%d]", field, i))
		}
	}
	add("vswitch_ids", req.VSwitchIDs)
	add("master_vswitch_ids", req.MasterVSwitchIDs)
	add("worker_vswitch_ids", req.WorkerVSwitchIDs)
	add("pod_vswitch_ids", req.PodVSwitchIDs)
	for i, p := range req.Nodepools {
		if p.ScalingGroup != nil {
			add(fmt.Sprintf("nodepools[%d].scaling_group.vswitch_ids", i), p.ScalingGroup.VSwitchIDs)
		}
	}
	return nr
}

// createExtra keeps what the detail reports beyond the Spec.
func createExtra(req *wire.CreateClusterRequest, version string) clusterExtra {
	e := clusterExtra{
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
	return e
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

// hostIP returns an address for host number n of a vSwitch: inside its
// CIDR when the fake knows it, in 192.168.0.0/16 otherwise.
func (n *network) hostIP(vswitchID string, host int) string {
	base := netip.MustParsePrefix("192.168.0.0/24")
	if p, ok := parseCIDR(n.vswitches[vswitchID].CIDR); ok && p.Addr().Is4() {
		base = p
	}
	a := base.Addr().As4()
	v := uint32(a[0])<<24 | uint32(a[1])<<16 | uint32(a[2])<<8 | uint32(a[3])
	v += uint32(host)
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}).String()
}

func (c *Cloud) describeClusterDetail(r *request) answer {
	d, e := withStore(c.st, func() (detailRead, *Error) {
		rec, e := c.st.clusterLocked(r.params[wire.ParamClusterID], c.now(), true)
		if e != nil {
			return detailRead{}, e
		}
		return c.st.readDetailLocked(rec), nil
	})
	if e != nil {
		return fail(e)
	}
	return c.detailAnswer(d)
}

// Paging of DescribeClustersV1 and DescribeClusterNodes.
const (
	defaultPageSize = 10
	maxPageSize     = wire.MaxPageSize
)

// page checks paging parameters and returns the bounds of the page in a
// list of n items. A page past the end of the list, however far, is empty,
// as a page just past it is (wire.PageBounds never overflows).
func page(number, size int64, numberKey, sizeKey string, n int) (lo, hi int, num, sz int64, e *Error) {
	if number == 0 {
		number = 1
	}
	if size == 0 {
		size = defaultPageSize
	}
	switch {
	case number < 1:
		return 0, 0, 0, 0, NewError(InvalidParameter, "%s is %d; pages are numbered from 1", numberKey, number)
	case size < 1 || size > maxPageSize:
		return 0, 0, 0, 0, NewError(InvalidParameter, "%s is %d; it must be 1 to %d", sizeKey, size, maxPageSize)
	}
	lo, hi = wire.PageBounds(number, size, n)
	return lo, hi, number, size, nil
}

func (c *Cloud) describeClustersV1(r *request) answer {
	q, err := wire.ParseDescribeClustersV1Query(r.http.URL.Query())
	if err != nil {
		return fail(NewError(InvalidParameterFormat, "%v", err))
	}
	var info wire.PageInfo
	reads, e := withStore(c.st, func() ([]detailRead, *Error) {
		now := c.now()
		match := c.st.matchingLocked(q, now)
		lo, hi, num, size, e := page(q.PageNumber, q.PageSize, "page_number", "page_size", len(match))
		if e != nil {
			return nil, e
		}
		info = wire.PageInfo{PageNumber: num, PageSize: size, TotalCount: int64(len(match))}
		page := slices.Clone(match[lo:hi])
		for _, rec := range page {
			c.st.settleLocked(rec, now)
			if rec.op != nil {
				rec.op.poll(now)
			}
		}
		// Read after every cluster of the page was settled, so that each
		// read carries the generation its cached answer needs.
		reads := make([]detailRead, 0, len(page))
		for _, rec := range page {
			reads = append(reads, c.st.readDetailLocked(rec))
		}
		return reads, nil
	})
	if e != nil {
		return fail(e)
	}
	return c.listAnswer(reads, info)
}

// matchingLocked returns the living clusters that DescribeClustersV1's
// filters keep, by creation; the caller settles those it answers with.
// Without a filter that is the creation order itself, once the deletions
// due by now have completed: a page then costs the same whatever the
// number of clusters. A filter by ID looks the cluster up; the other
// filters (a name may change when a modification completes) settle every
// cluster and scan them.
func (s *store) matchingLocked(q wire.DescribeClustersV1Query, now time.Time) []*clusterRec {
	switch {
	case q.Name == "" && q.ClusterType == "" && q.ClusterSpec == "" && q.Profile == "" && q.RegionID == "" && q.ClusterID == "":
		s.settleDeletingLocked(now)
		return s.order
	case q.ClusterID != "":
		if rec, e := s.clusterLocked(q.ClusterID, now, false); e == nil && clusterMatches(rec, q) {
			return []*clusterRec{rec}
		}
		return nil
	}
	var match []*clusterRec
	for _, rec := range s.livingLocked(now) {
		if clusterMatches(rec, q) {
			match = append(match, rec)
		}
	}
	return match
}

// clusterMatches applies DescribeClustersV1's filters: name is a
// substring match, the others exact.
func clusterMatches(rec *clusterRec, q wire.DescribeClustersV1Query) bool {
	return (q.Name == "" || strings.Contains(rec.spec.Name, q.Name)) &&
		(q.ClusterType == "" || q.ClusterType == rec.wireType) &&
		(q.ClusterSpec == "" || q.ClusterSpec == rec.clusterSpec) &&
		(q.Profile == "" || q.Profile == rec.profile) &&
		(q.RegionID == "" || q.RegionID == rec.spec.Region) &&
		(q.ClusterID == "" || q.ClusterID == rec.id)
}

// deletable lists the states DeleteCluster accepts; ACK refuses it while
// another operation runs.
var deletable = []cluster.State{
	cluster.StateRunning, cluster.StateFailed, cluster.StateUpdatingFailed, cluster.StateDeleteFailed,
	cluster.StateInactive, cluster.StateUnavailable, cluster.StateStopped,
}

// deleteOptions reads DeleteCluster's options from the query and the body:
// a JSON body (as ParseDeleteClusterRequest reads it), or a form body (the
// old SDK's encoding of its "Body" parameters), whose values count as
// query values.
func deleteOptions(r *request) (wire.DeleteClusterRequest, error) {
	q := r.http.URL.Query()
	body := r.body
	trimmed := strings.TrimSpace(string(body))
	if trimmed != "" && !strings.HasPrefix(trimmed, "{") {
		form, err := url.ParseQuery(trimmed)
		if err != nil {
			return wire.DeleteClusterRequest{}, fmt.Errorf("delete cluster body: neither JSON nor a form: %w", err)
		}
		for k, v := range form {
			if !q.Has(k) {
				q[k] = v
			}
		}
		body = nil
	}
	return wire.ParseDeleteClusterRequest(q, body)
}

func (c *Cloud) deleteCluster(r *request) answer {
	opts, err := deleteOptions(r)
	if err != nil {
		return fail(NewError(InvalidParameterFormat, "%v", err))
	}
	return c.onCluster(r, nil, func(rec *clusterRec, now time.Time) answer {
		st := c.st
		if !slices.Contains(deletable, rec.state) {
			return fail(NewError(ErrorClusterState, "cluster %s is %s; DeleteCluster waits for the operation in progress to end", rec.id, rec.state))
		}
		if rec.spec.DeletionProtection {
			return fail(NewError(ErrorDeletionProtection, "cluster %s has deletion protection on; turn it off with ModifyCluster (deletion_protection: false) first", rec.id))
		}
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
		rec.state = cluster.StateDeleting
		t := st.startLocked(rec, ChangeDeleteCluster, TaskTypeDelete, params, now, nil)
		return ok(wire.DeleteClusterResponse{ClusterID: rec.id, TaskID: t.id, RequestID: r.id})
	})
}
