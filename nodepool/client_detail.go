package nodepool

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/ackgo/ack/internal/wire"
)

// Detail is a node pool as the client read it: the Pool (ID, Spec, state,
// node counts) and where it came from. Get, List and a finished Operation
// return it.
type Detail struct {
	Pool
	// ClusterID is the cluster the pool belongs to.
	ClusterID string
	// HasDesiredSize reports whether ACK reported the pool's desired size
	// (scaling_group.desired_size): the pool keeps Spec.DesiredSize nodes.
	// A pool without one is sized by its node count (Nodes.Total). A
	// canned Detail (in a test) may leave it false: Size takes a non-zero
	// Spec.DesiredSize all the same.
	HasDesiredSize bool
	// RequestID identifies the call that read the pool, for logs and for
	// Alibaba Cloud support.
	RequestID string
	// Raw is the pool's JSON object as ACK sent it, for the fields this
	// package does not model.
	Raw json.RawMessage
}

// Size returns the pool's size as Scale counts it: Spec.DesiredSize when
// it is set (HasDesiredSize, or not zero), Nodes.Total otherwise.
//
// On a Detail read from ACK this is the desired size when ACK reports one
// (even 0), else the node count: a pool without one has a DesiredSize of
// 0. On a Detail a test builds, setting DesiredSize is enough; a canned
// pool that keeps 0 nodes while it still has some sets HasDesiredSize.
func (d *Detail) Size() int {
	if d.HasDesiredSize || d.Spec.DesiredSize != 0 {
		return d.Spec.DesiredSize
	}
	return d.Nodes.Total
}

// detailFromBody decodes one pool object of DescribeClusterNodePoolDetail
// or DescribeClusterNodePools.
func detailFromBody(raw []byte, clusterID, requestID string) (*Detail, error) {
	w, err := wire.DecodeNodePoolDetail(raw)
	if err != nil {
		return nil, err
	}
	return detailFromWire(&w, raw, clusterID, requestID)
}

// detailFromWire converts a decoded pool; raw is the object it was decoded
// from.
func detailFromWire(w *wire.NodePoolDetail, raw []byte, clusterID, requestID string) (*Detail, error) {
	p, err := poolFromDetail(w)
	if err != nil {
		return nil, fmt.Errorf("cluster %s: %w", clusterID, err)
	}
	return &Detail{
		Pool:           p,
		ClusterID:      clusterID,
		HasDesiredSize: w.ScalingGroup != nil && w.ScalingGroup.DesiredSize != nil,
		RequestID:      requestID,
		Raw:            slices.Clone(json.RawMessage(raw)),
	}, nil
}
