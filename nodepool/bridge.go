package nodepool

import "github.com/ackgo/ack/internal/bridge"

// init lends the fake this package's wire conversions and wire-level
// checks, so that it runs the same code as the client.
func init() {
	bridge.Provide(bridge.NodePool[Spec, Pool, Node]{
		CreateRequest:  Spec.createRequest,
		SpecFromCreate: specFromCreateRequest,
		ValidateCreate: validateCreateRequest,
		CheckCreate:    checkCreateRequest,
		ApplyModify:    applyModifyRequest,
		ModifyRequest:  modifyRequest,
		PoolFromDetail: poolFromDetail,
		SpecFromDetail: specFromDetail,
		NodeFromWire:   nodeFromWire,
		ValidateScale:  validateScaleRequest,
		ValidateModify: validateModifyRequest,
	})
}
