package fake

import (
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/internal/bridge"
	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/quota"
)

// The domain packages' wire conversions and wire-level checks: the fake
// runs the very code the clients run.
var (
	clusterWire = bridge.Get[bridge.Cluster[cluster.Spec, cluster.ValidationOption, cluster.Form]]()
	poolWire    = bridge.Get[bridge.NodePool[nodepool.Spec, nodepool.Pool, nodepool.Node]]()
	quotaWire   = bridge.Get[bridge.Quota[quota.Limits]]()
)
