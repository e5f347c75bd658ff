package nodepool

import (
	"errors"
	"fmt"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/wire"
)

// Rules of the bodies of the calls that change a pool's size, beyond what
// a Spec holds: the count of ScaleClusterNodePool and the deprecated
// count of ModifyClusterNodePool. The client checks them before sending;
// the fake checks the bodies it receives with the same functions.

var (
	ruleScaleCount = Rule{"nodepool.scale.count", "count",
		fmt.Sprintf("a ScaleClusterNodePool adds 1 to %d nodes (MaxScaleCount)", MaxScaleCount)}
	ruleModifyCount = Rule{"nodepool.modify.count", "count",
		"the deprecated count of a ModifyClusterNodePool adds nodes: it is not negative"}
)

// RequestRules returns the rules of the ScaleClusterNodePool and
// ModifyClusterNodePool bodies, checked besides the Spec's Rules by Scale
// before it sends and by the fake on what it receives.
func RequestRules() []Rule { return []Rule{ruleScaleCount, ruleModifyCount} }

// validateScaleRequest judges a ScaleClusterNodePool body for pool poolID:
// its count of nodes to add is 1 to MaxScaleCount (rule
// "nodepool.scale.count"). It returns a *ack.ValidationError, or nil.
func validateScaleRequest(poolID string, req *wire.ScaleNodePoolRequest) error {
	if req == nil {
		return errors.New("node pool " + poolID + ": no scale request body")
	}
	var vs []ack.Violation
	if req.Count < 1 || req.Count > MaxScaleCount {
		reporter(ruleScaleCount, &vs)(ruleScaleCount.Field, "is %d; one ScaleClusterNodePool adds 1 to %d nodes", req.Count, MaxScaleCount)
	}
	return requestError(poolID, "scale", vs)
}

// validateModifyRequest judges what a ModifyClusterNodePool body for pool
// poolID sets that no Spec holds: its deprecated count, which adds nodes
// to the desired size, is not negative (rule "nodepool.modify.count").
// The rest of the body is judged on the Spec it yields
// (ApplyModifyRequest, then CheckChange and Validate). It returns a
// *ack.ValidationError, or nil.
func validateModifyRequest(poolID string, req *wire.ModifyNodePoolRequest) error {
	if req == nil {
		return nil
	}
	var vs []ack.Violation
	if req.Count < 0 {
		reporter(ruleModifyCount, &vs)(ruleModifyCount.Field, "is %d; the count adds nodes and cannot be negative: set scaling_group.desired_size to shrink the pool", req.Count)
	}
	return requestError(poolID, "modify", vs)
}

// requestError wraps the violations of a request body for pool poolID.
func requestError(poolID, call string, vs []ack.Violation) error {
	if len(vs) == 0 {
		return nil
	}
	return &ack.ValidationError{Resource: "node pool " + poolID + " " + call, Violations: vs}
}
