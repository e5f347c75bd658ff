package fake

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/nodepool"
)

// DefaultKubernetesVersion is the version of clusters created without
// kubernetes_version at the fake's default start (2026-01-01, see
// WithStart) under its default version timeline (version.PolicyProduct on
// version.DefaultCalendar): the newest creatable version of the catalog
// then. A cluster created without a version takes the newest creatable one
// at the clock (Cloud.Catalog().NewestCreatable()), which differs once the
// clock or the timeline does.
const DefaultKubernetesVersion = "1.34.1-aliyun.1"

// responseZone is the offset of the timestamps the fake writes, as ACK
// writes them ("2026-01-01T08:00:00+08:00").
var responseZone = time.FixedZone("UTC+8", 8*60*60)

// formatTime writes a virtual timestamp as ACK does: RFC 3339 with a +08:00
// offset. The zero time is empty.
func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(responseZone).Format(time.RFC3339)
}

// renderDetail turns a cluster snapshot into DescribeClusterDetail's
// answer. The fields a client's cluster.SpecFromDetail reads (meta_data's
// Addons, master_url, control_plane_config) describe the stored Spec, so
// that the Spec a client derives from the detail is the one the fake
// judges modifications against. The fields a create request and a detail
// share are encoded by the cluster package (Spec.CreateRequest).
func renderDetail(s snapshot) wire.ClusterDetail {
	r := s.rec
	sp := r.spec
	cr := clusterWire.CreateRequest(sp)
	cr.LoginPassword = ""
	d := wire.ClusterDetail{
		ClusterID:          r.id,
		Name:               cr.Name,
		RegionID:           cr.RegionID,
		ClusterType:        r.wireType,
		Profile:            r.profile,
		ClusterSpec:        r.clusterSpec,
		State:              string(r.state),
		Size:               int64(s.size),
		CurrentVersion:     r.extra.version,
		InitVersion:        r.extra.initVersion,
		VPCID:              cr.VPCID,
		VSwitchIDs:         cr.VSwitchIDs,
		SecurityGroupID:    r.extra.securityGroupID,
		ResourceGroupID:    cr.ResourceGroupID,
		ContainerCIDR:      cr.ContainerCIDR,
		ServiceCIDR:        cr.ServiceCIDR,
		NodeCIDRMask:       cr.NodeCIDRMask,
		ProxyMode:          r.extra.proxyMode,
		IPStack:            r.extra.ipStack,
		Timezone:           cr.Timezone,
		ClusterDomain:      r.extra.clusterDomain,
		DeletionProtection: sp.DeletionProtection,
		Created:            formatTime(r.created),
		Updated:            formatTime(r.updated),
		Tags:               cr.Tags,
		MaintenanceWindow:  cr.MaintenanceWindow,
		OperationPolicy:    r.extra.operationPolicy,
		ExtraSANs:          r.extra.extraSANs,

		ControlPlaneEndpointsConfig: r.extra.controlPlaneEndpoints,
	}
	if sp.Form.HasNodes() {
		// Twelve characters of the ID after its "c"; a seeded ID may be
		// shorter (WithState).
		d.WorkerRAMRoleName = "KubernetesWorkerRole-" + r.id[min(1, len(r.id)):min(13, len(r.id))]
	}
	if zones := sp.Zones(); len(zones) > 0 {
		d.ZoneID = zones[0]
	}
	if r.extra.rrsa {
		d.RRSAConfig = &wire.RRSAConfig{Enabled: wire.Bool(true), Issuer: "https://oidc-ack-" + sp.Region + ".oss-" + sp.Region + ".aliyuncs.com/" + r.id, Audience: "sts.aliyuncs.com"}
	}
	mu := wire.MasterURL{IntranetAPIServerEndpoint: r.extra.intranetEndpoint}
	if sp.PublicEndpoint {
		mu.APIServerEndpoint = r.extra.publicEndpoint
	}
	d.SetMasterURL(mu)
	d.MetaData = metaData(r.extra.version, sp.MultiZone(), cr)
	if m := sp.Masters; m != nil && sp.Form == cluster.Dedicated {
		d.ControlPlaneConfig = &wire.ControlPlaneConfig{
			Size:               int64(m.Count),
			InstanceTypes:      m.InstanceTypes,
			ChargeType:         m.ChargeType,
			SystemDiskCategory: m.SystemDisk.Category,
			SystemDiskSize:     int64(m.SystemDisk.Size),
			CloudMonitorFlags:  wire.Bool(sp.CloudMonitor),
		}
	}
	return d
}

// metaAddon is an item of meta_data's Addons.
type metaAddon struct {
	Config   string `json:"config"`
	Disabled bool   `json:"disabled,omitempty"`
	Name     string `json:"name"`
	Version  string `json:"version,omitempty"`
}

// metaJSON is the cluster's meta_data (keys in the order a map would
// encode them): the version, the sub-class, whether the cluster spans
// zones, and the addons installed at creation, the network plugin and the
// cloud-monitor plugin among them. A struct encodes faster than
// wire.MetaData's map, and meta_data is written on every read.
type metaJSON struct {
	Addons            []metaAddon `json:"Addons"`
	KubernetesVersion string      `json:"KubernetesVersion"`
	MultiAZ           bool        `json:"MultiAZ"`
	SubClass          string      `json:"SubClass"`
}

// metaData encodes the cluster's meta_data from the addons of its create
// request (the network plugin among them) and the cloud-monitor plugin.
func metaData(version string, multiZone bool, cr *wire.CreateClusterRequest) string {
	// Written by hand as encoding/json would write metaJSON (a test
	// compares the two): meta_data is written on every read.
	var buf [512]byte
	b := append(buf[:0], `{"Addons":[`...)
	for i, a := range cr.Addons {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendMetaAddon(b, metaAddon{Name: a.Name, Config: a.Config, Disabled: a.Disabled, Version: a.Version})
	}
	if wire.BoolValue(cr.CloudMonitorFlags, false) {
		if len(cr.Addons) > 0 {
			b = append(b, ',')
		}
		b = appendMetaAddon(b, metaAddon{Name: cluster.CloudMonitorAddon})
	}
	b = append(b, `],"KubernetesVersion":`...)
	b = wire.AppendJSONString(b, version)
	b = append(b, `,"MultiAZ":`...)
	b = strconv.AppendBool(b, multiZone)
	b = append(b, `,"SubClass":"default"}`...)
	return string(b)
}

// appendMetaAddon appends an item of meta_data's Addons as encoding/json
// writes a metaAddon.
func appendMetaAddon(b []byte, a metaAddon) []byte {
	b = append(b, `{"config":`...)
	b = wire.AppendJSONString(b, a.Config)
	if a.Disabled {
		b = append(b, `,"disabled":true`...)
	}
	b = append(b, `,"name":`...)
	b = wire.AppendJSONString(b, a.Name)
	if a.Version != "" {
		b = append(b, `,"version":`...)
		b = wire.AppendJSONString(b, a.Version)
	}
	return append(b, '}')
}

// renderTask turns a task into DescribeTaskInfo's answer. It leaves out
// task_result: ACK sends it as an array, which alibaba-cloud-sdk-go's
// typed DescribeTaskInfo cannot decode (it models an object), and nothing
// the fake simulates needs it.
func renderTask(t taskRec) wire.TaskInfo {
	ti := wire.TaskInfo{
		TaskID:     t.id,
		ClusterID:  t.clusterID,
		TaskType:   t.taskType,
		State:      t.state,
		Created:    formatTime(t.created),
		Updated:    formatTime(t.updated),
		Target:     &wire.TaskTarget{ID: t.clusterID, Type: "cluster"},
		Parameters: t.params,
	}
	if t.poolID != "" {
		ti.Target = &wire.TaskTarget{ID: t.poolID, Type: "nodepool"}
	}
	if t.err != nil {
		ti.Error = &wire.TaskError{Code: t.err.Code, Message: t.err.Message}
	}
	return ti
}

// masterState is a master's state, which follows its cluster's.
func masterState(st cluster.State) string {
	switch st {
	case cluster.StateInitial:
		return nodeInitial
	case cluster.StateFailed:
		return nodeFailed
	case cluster.StateDeleting:
		return nodeRemoving
	}
	return nodeRunning
}

// nodeState returns a node's state with its Kubernetes and ECS statuses:
// a worker's own, a master's its cluster's (see masterState); every node
// is removing while its cluster is deleted.
func nodeState(n nodeRec, st cluster.State) (state, nodeStatus, instanceStatus string) {
	state = n.state
	if state == "" || st == cluster.StateDeleting {
		state = masterState(st)
	}
	switch state {
	case nodeInitial:
		return state, "NotReady", "Pending"
	case nodeFailed:
		return state, "NotReady", "Stopped"
	case nodeRemoving:
		return state, "NotReady", "Running"
	}
	return state, "Ready", "Running"
}

// renderNode turns a node into an item of DescribeClusterNodes.
func renderNode(n nodeRec, region string, st cluster.State) wire.Node {
	state, status, instance := nodeState(n, st)
	return wire.Node{
		InstanceID:         n.instanceID,
		InstanceName:       n.name,
		NodeName:           nodeName(region, n.ip),
		HostName:           "iZ" + n.instanceID[2:] + "Z",
		InstanceRole:       n.role,
		State:              state,
		NodeStatus:         status,
		InstanceStatus:     instance,
		InstanceType:       n.instanceType,
		InstanceTypeFamily: instanceFamily(n.instanceType),
		IPAddress:          []string{n.ip},
		InstanceChargeType: n.chargeType,
		SpotStrategy:       "NoSpot",
		NodepoolID:         n.nodepoolID,
		Source:             nodeSource(n),
		IsAliyunNode:       true,
		CreationTime:       formatTime(n.created),
	}
}

// nodeSource is a node's "source" as ACK documents it: the one known
// value, nodepool.SourceESSAttach, for every node of a node pool whatever
// its origin (created with the pool, by a scale-out or by the autoscaler),
// and none for a node of no pool (a master, a legacy worker), for which
// nothing is documented. The origin stays in the fake (Cloud.Nodes).
func nodeSource(n nodeRec) string {
	if n.nodepoolID == "" {
		return ""
	}
	return nodepool.SourceESSAttach
}

// matchingNodes returns the nodes of a cluster snapshot that
// DescribeClusterNodes' filters keep, nil for none.
func matchingNodes(snap snapshot, q wire.DescribeClusterNodesQuery) []nodeRec {
	want := strings.ToLower(q.State)
	var nodes []nodeRec
	for _, n := range snap.nodes {
		state, _, _ := nodeState(n, snap.rec.state)
		switch {
		case q.NodepoolID != "" && n.nodepoolID != q.NodepoolID:
		case want != "" && want != "all" && state != want:
		case len(q.InstanceIDs) > 0 && !slices.Contains(q.InstanceIDs, n.instanceID):
		default:
			nodes = append(nodes, n)
		}
	}
	return nodes
}

// renderNodes renders nodes of cluster snapshot snap, nil for nil.
func renderNodes(snap snapshot, nodes []nodeRec) []wire.Node {
	if nodes == nil {
		return nil
	}
	out := make([]wire.Node, len(nodes))
	for i, n := range nodes {
		out[i] = renderNode(n, snap.rec.spec.Region, snap.rec.state)
	}
	return out
}

// instanceFamily returns the family of an ECS type as ACK reports it
// ("ecs.g7" of "ecs.g7.large", "ecs.gn6i" of "ecs.gn6i-c4g1.xlarge"), read
// by the nodepool package's parser. A name that parser refuses (the fake's
// validation refuses such types, so no node has one) has no family: the
// answer leaves instance_type_family out rather than guess.
func instanceFamily(t string) string {
	it, err := nodepool.ParseInstanceType(t)
	if err != nil {
		return ""
	}
	return it.FamilyName()
}
