package cluster_test

import (
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/internal/bridge"
)

// clusterWire holds the package's wire conversions, as the fake reaches them.
var clusterWire = bridge.Get[bridge.Cluster[cluster.Spec, cluster.ValidationOption, cluster.Form]]()
