package quota_test

import (
	"github.com/ackgo/ack/internal/bridge"
	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/quota"
)

// quotaWire holds the package's wire conversions, as the fake reaches them.
var quotaWire = bridge.Get[bridge.Quota[quota.Limits]]()

// poolWire holds nodepool's wire conversions, as the fake reaches them.
var poolWire = bridge.Get[bridge.NodePool[nodepool.Spec, nodepool.Pool, nodepool.Node]]()
