package cluster

import "github.com/ackgo/ack/internal/bridge"

// init lends the fake this package's wire conversions and wire-level
// checks, so that it runs the same code as the client.
func init() {
	bridge.Provide(bridge.Cluster[Spec, Option, Form]{
		CreateRequest:    Spec.createRequest,
		SpecFromCreate:   specFromCreateRequest,
		ValidateCreate:   validateCreateRequest,
		ValidateScaleOut: validateScaleOutRequest,
		SpecFromDetail:   specFromDetail,
		ModifyRequest:    modifyRequest,
		TagsRequest:      tagsRequest,
	})
}
