package nodepool

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/ackgo/ack/internal/wire"
)

// Pool is a node pool as ACK reports it (DescribeClusterNodePoolDetail and
// the items of DescribeClusterNodePools): its Spec, its state and what ACK
// adds. Get, List and a finished Operation return it.
type Pool struct {
	// ID is the pool's ID, for example "np1f6779297c4444a3a1cdd29be8e5****".
	ID string
	// Type is the pool type: "ess" for the pools this package models,
	// "edge" or "lingjun" for others (whose Spec is partial).
	Type string
	// Default reports the cluster's default pool.
	Default bool
	// Spec is the pool's configuration. ACK never reports the password.
	Spec Spec
	// State is the pool's state.
	State State
	// Nodes counts the pool's nodes by condition.
	Nodes NodeCounts
	// ScalingGroupID is the ID of the pool's Auto Scaling group
	// ("asg-...").
	ScalingGroupID string
	// Created and Updated are when the pool was created and last changed;
	// zero when ACK does not say.
	Created, Updated time.Time
	// ClusterID is the cluster the pool belongs to.
	ClusterID string
	// HasDesiredSize reports whether ACK reported the pool's desired size
	// (scaling_group.desired_size): the pool keeps Spec.DesiredSize nodes.
	// A pool without one is sized by its node count (Nodes.Total). A
	// canned Pool (in a test) may leave it false: Size takes a non-zero
	// Spec.DesiredSize all the same.
	HasDesiredSize bool
	// RequestID identifies the call that read the pool, for logs and for
	// Alibaba Cloud support.
	RequestID string
	// Raw is the pool's JSON object as ACK sent it, for the fields this
	// package does not model.
	Raw json.RawMessage
}

// NodeCounts counts a pool's nodes (the status block of a pool).
type NodeCounts struct {
	// Total is every node of the pool.
	Total int
	// Serving is the nodes that run workloads.
	Serving int
	// Healthy is the nodes in good health.
	Healthy int
	// Initial is the nodes being initialized.
	Initial int
	// Failed is the nodes that failed.
	Failed int
	// Offline is the nodes that are offline.
	Offline int
	// Removing is the nodes being removed.
	Removing int
}

// Detail is the earlier name of Pool, whose fields it now holds.
//
// Deprecated: use Pool; Detail will be removed in the next release.
type Detail = Pool

// Size returns the pool's size as Scale counts it: Spec.DesiredSize when
// it is set (HasDesiredSize, or not zero), Nodes.Total otherwise.
//
// On a Pool read from ACK this is the desired size when ACK reports one
// (even 0), else the node count: a pool without one has a DesiredSize of
// 0. On a Pool a test builds, setting DesiredSize is enough; a canned
// pool that keeps 0 nodes while it still has some sets HasDesiredSize.
func (d *Pool) Size() int {
	if d.HasDesiredSize || d.Spec.DesiredSize != 0 {
		return d.Spec.DesiredSize
	}
	return d.Nodes.Total
}

// detailFromBody decodes one pool object of DescribeClusterNodePoolDetail
// or DescribeClusterNodePools.
func detailFromBody(raw []byte, clusterID, requestID string) (*Pool, error) {
	w, err := wire.DecodeNodePoolDetail(raw)
	if err != nil {
		return nil, err
	}
	return detailFromWire(&w, raw, clusterID, requestID)
}

// detailFromWire converts a decoded pool; raw is the object it was decoded
// from.
func detailFromWire(w *wire.NodePoolDetail, raw []byte, clusterID, requestID string) (*Pool, error) {
	p, err := poolFromDetail(w)
	if err != nil {
		return nil, fmt.Errorf("cluster %s: %w", clusterID, err)
	}
	p.ClusterID = clusterID
	p.HasDesiredSize = w.ScalingGroup != nil && w.ScalingGroup.DesiredSize != nil
	p.RequestID = requestID
	p.Raw = slices.Clone(json.RawMessage(raw))
	return &p, nil
}
