package nodepool

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/ackgo/ack/internal/wire"
)

// poolFromDetail reads a node pool as ACK reports it. Reading never fails
// on a pool type or a field this package does not model; only malformed
// timestamps are errors.
func poolFromDetail(d *wire.NodePoolDetail) (Pool, error) {
	if d == nil {
		return Pool{}, errors.New("node pool: no detail")
	}
	spec, _ := decode(&d.Nodepool)
	p := Pool{Spec: spec}
	if info := d.NodepoolInfo; info != nil {
		p.ID = info.NodepoolID
		p.Type = info.Type
		p.Default = wire.BoolValue(info.IsDefault, false)
		var err error
		if p.Created, err = parseTime(info.Created); err != nil {
			return Pool{}, fmt.Errorf("node pool %s: created: %w", p.ID, err)
		}
		if p.Updated, err = parseTime(info.Updated); err != nil {
			return Pool{}, fmt.Errorf("node pool %s: updated: %w", p.ID, err)
		}
	}
	if sg := d.ScalingGroup; sg != nil {
		p.ScalingGroupID = sg.ScalingGroupID
	}
	if st := d.Status; st != nil {
		p.State = State(st.State)
		p.Nodes = NodeCounts{
			Total:    int(st.TotalNodes),
			Serving:  int(st.ServingNodes),
			Healthy:  int(st.HealthyNodes),
			Initial:  int(st.InitialNodes),
			Failed:   int(st.FailedNodes),
			Offline:  int(st.OfflineNodes),
			Removing: int(st.RemovingNodes),
		}
	}
	return p, nil
}

// specFromDetail returns the Spec of a node pool as ACK reports it; see
// poolFromDetail.
func specFromDetail(d *wire.NodePoolDetail) (Spec, error) {
	p, err := poolFromDetail(d)
	return p.Spec, err
}

// parseTime reads an ACK timestamp: RFC 3339 with an offset, seconds
// possibly fractional. Empty is the zero time.
func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(time.RFC3339Nano, s)
}

// SourceESSAttach is the one value of a node's "source" in
// DescribeClusterNodes that ACK documents. The API reference ("Query
// nodes in a cluster", response parameter source) says only that the
// field "indicates how the nodes in the node pool were initialized. The
// nodes can be manually created or created by using Resource
// Orchestration Service (ROS)", with the example "ess_attach"; the Go
// SDK's model (alibaba-cloud-sdk-go services/cs, Node.Source) is a bare
// string, and no other value turned up in the public SDKs and the
// terraform provider. By its name it says that the pool's Auto Scaling
// group (ESS) attached the node, which is how every node of a pool joins
// it: those created with the pool, by a scale-out and by the autoscaler
// alike. The fake reports it for every node of a node pool, and no source
// for nodes of no pool (masters, legacy workers), about which nothing is
// documented.
const SourceESSAttach = "ess_attach"

// OriginFromSource reads a node's wire "source" as an Origin: it returns
// OriginUnknown for every value. ACK's wire does not tell a node's origin:
// its one documented source, SourceESSAttach, is shared by a pool's
// initial nodes and the nodes a scale-out added, and no other value is
// known. Nodes read with Client.Nodes are therefore of unknown origin on
// ACK and on the fake alike, and a scale-in rule cannot be run on them:
// Client.Scale to a smaller size lowers the pool's desired size and lets
// ACK choose which nodes go, and Client.RemoveNodes removes nodes you
// choose. In tests, the fake's Go view (fake.Cloud.Nodes) tells each
// node's origin.
//
// Deprecated: it always returns OriginUnknown; earlier releases read the
// fake's own values ("initial", "attached", "scale-out"), which the fake
// no longer reports. Read origins from fake.Cloud.Nodes in tests.
func OriginFromSource(source string) Origin { return OriginUnknown }

// nodeFromWire reads a node of DescribeClusterNodes. Origin is left
// unknown: the wire does not tell it (see SourceESSAttach). Seq is left
// zero: the wire has no creation order beyond creation_time (Client.Nodes
// numbers the nodes in the order the list gives them).
func nodeFromWire(w wire.Node) (Node, error) {
	created, err := parseTime(w.CreationTime)
	if err != nil {
		return Node{}, fmt.Errorf("node %s: creation_time: %w", w.InstanceID, err)
	}
	return Node{
		InstanceID: w.InstanceID, Name: w.NodeName, InstanceName: w.InstanceName, HostName: w.HostName,
		InstanceType: w.InstanceType, PoolID: w.NodepoolID, Role: w.InstanceRole, State: w.State,
		Status: w.NodeStatus, InstanceStatus: w.InstanceStatus, IPs: slices.Clone(w.IPAddress),
		ChargeType: w.InstanceChargeType, Created: created,
		ErrorMessage: w.ErrorMessage,
	}, nil
}
