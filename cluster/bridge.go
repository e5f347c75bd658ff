package cluster

import (
	"github.com/ackgo/ack/internal/bridge"
	"github.com/ackgo/ack/nodepool"
)

// init lends the fake this package's wire conversions and wire-level
// checks, so that it runs the same code as the client.
func init() {
	bridge.Provide(bridge.Cluster[Spec, ValidationOption, Form]{
		CreateRequest:    Spec.createRequest,
		SpecFromCreate:   specFromCreateRequest,
		ValidateCreate:   validateCreateRequest,
		CheckCreate:      checkCreateRequest,
		ValidateScaleOut: validateScaleOutRequest,
		SpecFromDetail:   specFromDetail,
		ModifyRequest:    modifyRequest,
		TagsRequest:      tagsRequest,
	})
}

// poolWire holds the nodepool package's wire conversions, which the node
// pools of a CreateCluster body use (nodepool initialises first).
var poolWire = bridge.Get[bridge.NodePool[nodepool.Spec, nodepool.Pool, nodepool.Node]]()
