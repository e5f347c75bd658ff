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

// Wire values of a node's "source" that this package reads and writes:
// the values the fake reports, one per Origin.
//
// ACK's own values are not these, and not documented. The API reference
// of DescribeClusterNodes (alibabacloud.com/help/en/ack, "Query nodes in a
// cluster", response parameter source) says only that the field "indicates
// how the nodes in the node pool were initialized. The nodes can be
// manually created or created by using Resource Orchestration Service
// (ROS)", with the example "ess_attach". The Go SDK's model
// (alibaba-cloud-sdk-go services/cs, Node.Source) is a bare string, and
// no other value turned up in the public SDK and terraform provider
// sources searched. By its name, "ess_attach" tells how the node joined
// (attached by the pool's Auto Scaling group), which a pool's initial
// nodes and the nodes a scale-out added would share, so it cannot tell
// OriginInitial from OriginScaleOut. Mapping it, or any other value, would
// be a guess, so every value not listed here, "ess_attach" included, reads
// as OriginUnknown.
var originBySource = map[string]Origin{
	"initial":   OriginInitial,
	"attached":  OriginAttached,
	"scale-out": OriginScaleOut,
}

// OriginFromSource reads a node's wire "source" as an Origin. It returns
// OriginUnknown for every value Origin.Source does not write, including
// ACK's documented example "ess_attach" (see originBySource for why).
//
// A node of unknown origin is never chosen by a scale-in (Removable is
// false), since nothing proves that a scale-out added it. On ACK, whose
// source values this package cannot read, Client.Scale to a smaller size
// therefore fails with ErrNotEnoughScaleOut, and its error says how many
// of the pool's nodes are of unknown origin; remove chosen nodes with
// Client.RemoveNodes instead.
func OriginFromSource(source string) Origin { return originBySource[source] }

// Source returns the wire "source" of a node of this origin (what the
// fake reports), or "" for OriginUnknown.
func (o Origin) Source() string {
	for src, origin := range originBySource {
		if origin == o {
			return src
		}
	}
	return ""
}

// nodeFromWire reads a node of DescribeClusterNodes. Seq is left zero: the
// wire has no creation order beyond creation_time (Client.Nodes numbers
// the nodes in the order the list gives them).
func nodeFromWire(w wire.Node) (Node, error) {
	created, err := parseTime(w.CreationTime)
	if err != nil {
		return Node{}, fmt.Errorf("node %s: creation_time: %w", w.InstanceID, err)
	}
	return Node{
		InstanceID: w.InstanceID, Name: w.NodeName, InstanceName: w.InstanceName, HostName: w.HostName,
		InstanceType: w.InstanceType, PoolID: w.NodepoolID, Role: w.InstanceRole, State: w.State,
		Status: w.NodeStatus, InstanceStatus: w.InstanceStatus, IPs: slices.Clone(w.IPAddress),
		ChargeType: w.InstanceChargeType, Created: created, Origin: OriginFromSource(w.Source),
		ErrorMessage: w.ErrorMessage,
	}, nil
}
