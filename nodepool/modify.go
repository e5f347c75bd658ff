package nodepool

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/waiter"
	"github.com/ackgo/ack/internal/wire"
)

// Modify changes a node pool to the Spec that edit makes of its current
// one. It reads the pool (DescribeClusterNodePoolDetail), lets edit change
// a copy, and refuses what ACK does not allow before any mutating call:
// the differences CheckChange refuses (the auto scaling type, max pods,
// the runtime) and values the edit breaks that Validate checks, as a
// *ack.ValidationError. It then sends modifyRequest's body with
// ModifyClusterNodePool.
//
// The Operation waits for the task and then for the pool to be active
// again; when nothing changed it is already done. The body holds absolute
// values only, so a lost response is harmless: after an ambiguous outcome
// the retry step reads the pool, and a pool that already has the change,
// or is updating, counts as modified (the Operation then waits on the pool
// alone); otherwise the body is sent again.
func (c *Client) Modify(ctx context.Context, clusterID, poolID string, edit func(*Spec)) (*Operation, error) {
	fail := func(err error) (*Operation, error) {
		return nil, fmt.Errorf("node pool %s: modify: %w", poolID, err)
	}
	if err := checkIDs(clusterID, poolID); err != nil {
		return fail(err)
	}
	if edit == nil {
		return fail(fmt.Errorf("no edit function: %w", ack.ErrInvalid))
	}
	cur, err := c.describe(ctx, clusterID, poolID)
	if err != nil {
		return fail(err)
	}
	old := cur.Spec
	next := old.Clone()
	edit(&next)
	if err := CheckChange(old, next); err != nil {
		return nil, err
	}
	if err := introducedViolations(old, next); err != nil {
		return nil, err
	}
	body := modifyRequest(old, next)
	if body == nil {
		return CompletedOperation(KindModify, cur, nil), nil
	}
	req := wire.NewRequest(wire.ActionModifyClusterNodePool, clusterID, poolID)
	if req.Body, err = json.Marshal(body); err != nil {
		return fail(err)
	}
	req.Retry = ack.Reconcile
	req.Reconcile = func(ctx context.Context, _ error) (*ack.Response, error) {
		now, err := c.describe(ctx, clusterID, poolID)
		if err != nil {
			return nil, fmt.Errorf("reading the pool: %w", err)
		}
		if now.State != StateUpdating && modifyRequest(now.Spec, next) != nil {
			return nil, nil // not applied; the body is absolute, so sending it again is safe
		}
		return waiter.Answer(wire.ModifyNodePoolResponse{NodepoolID: poolID}, now.RequestID)
	}
	resp, err := c.do(ctx, req)
	if err != nil {
		return fail(err)
	}
	out, err := wire.Decode[wire.ModifyNodePoolResponse](resp.Body)
	if err != nil {
		return fail(err)
	}
	return c.newOperation(KindModify, clusterID, poolID, out.TaskID, resp.RequestID), nil
}

// introducedViolations returns a *ack.ValidationError listing the rules
// next breaks that old did not. A Spec read from a pool lacks what a
// detail does not report (the password), so rules it already broke say
// nothing about the edit and are left out.
func introducedViolations(old, next Spec) error {
	before := violations(old)
	var added []ack.Violation
	for _, v := range violations(next) {
		if !slices.ContainsFunc(before, func(w ack.Violation) bool { return w.Rule == v.Rule && w.Field == v.Field }) {
			added = append(added, v)
		}
	}
	return asError(old.Name, added)
}
