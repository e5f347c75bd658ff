package fake_test

import (
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/internal/bridge"
	"github.com/ackgo/ack/nodepool"
)

// poolWire holds nodepool's wire conversions, as the fake reaches them.
var poolWire = bridge.Get[bridge.NodePool[nodepool.Spec, nodepool.Pool, nodepool.Node]]()

// clusterWire holds cluster's wire conversions, as the fake reaches them.
var clusterWire = bridge.Get[bridge.Cluster[cluster.Spec, cluster.ValidationOption, cluster.Form]]()
