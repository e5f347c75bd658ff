package nodepool_test

import (
	"github.com/ackgo/ack/internal/bridge"
	"github.com/ackgo/ack/nodepool"
)

// poolWire holds the package's wire conversions, as the fake reaches them.
var poolWire = bridge.Get[bridge.NodePool[nodepool.Spec, nodepool.Pool, nodepool.Node]]()
