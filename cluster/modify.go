package cluster

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/wire"
)

// Modify changes a cluster to the Spec that edit makes of its current
// one. It reads the cluster (specFromDetail), lets edit change a copy,
// and refuses what ACK does not allow before any mutating call: the
// differences CheckChange refuses under the client's preset, and values
// the edit breaks that Validate checks (a name of the wrong form, too many
// tags), as a *ack.ValidationError. It then sends the tags, when they
// changed, with ModifyClusterTags (the whole set, so a re-send is
// harmless), and the rest with ModifyCluster (see modifyRequest).
//
// The Operation waits for the cluster to be running again; when nothing
// changed it is already done, and when only the tags changed it has no
// task and waits on the cluster alone. ModifyCluster is re-sent only when
// it provably did not reach ACK: a lost response ends Modify with the
// error, and the caller reads the cluster to learn whether it applied.
func (c *Client) Modify(ctx context.Context, id string, edit func(*Spec)) (*Operation, error) {
	fail := func(err error) (*Operation, error) { return nil, opError("cluster", id, "modify", err) }
	if edit == nil {
		return fail(fmt.Errorf("no edit function: %w", ack.ErrInvalid))
	}
	cur, err := c.describe(ctx, id)
	if err != nil {
		return fail(err)
	}
	old := c.withZones(cur.Spec)
	next := old.Clone()
	edit(&next)
	next = c.withZones(next)
	if err := CheckChange(old, next, WithPreset(c.validation.preset)); err != nil {
		return nil, err
	}
	if err := introducedViolations(old, next, c.validation); err != nil {
		return nil, err
	}
	body, err := modifyRequest(old, next)
	if err != nil {
		return nil, err
	}
	tags, tagsChanged := tagsRequest(old, next)
	if tagsChanged && cur.ClientToken != "" && len(tags) < MaxTags {
		// The whole set replaces the cluster's: keep the SDK's own tag,
		// which reads back as Cluster.ClientToken, while a slot is free.
		tags = append(tags, wire.Tag{Key: ClientTokenTag, Value: cur.ClientToken})
	}
	if body == nil && !tagsChanged {
		return CompletedOperation(KindModify, cur, nil), nil
	}
	requestID := ""
	if tagsChanged {
		req := wire.NewRequest(wire.ActionModifyClusterTags, id)
		req.Retry = ack.Safe // the whole tag set: sending it twice changes nothing
		if req.Body, err = json.Marshal(tags); err != nil {
			return fail(err)
		}
		resp, err := c.do(ctx, req)
		if err != nil {
			return fail(err)
		}
		requestID = resp.RequestID
	}
	taskID := ""
	if body != nil {
		req := wire.NewRequest(wire.ActionModifyCluster, id)
		if req.Body, err = json.Marshal(body); err != nil {
			return fail(err)
		}
		resp, err := c.do(ctx, req)
		if err != nil {
			return fail(err)
		}
		out, err := wire.Decode[wire.ModifyClusterResponse](resp.Body)
		if err != nil {
			return fail(err)
		}
		taskID, requestID = out.TaskID, resp.RequestID
	}
	return c.newOperation(KindModify, id, taskID, requestID), nil
}

// withZones fills the zones of s's vSwitches with ClientOptions.ZoneOf,
// when it is set.
func (c *Client) withZones(s Spec) Spec {
	if c.opts.ZoneOf == nil {
		return s
	}
	return s.WithZones(c.opts.ZoneOf)
}

// introducedViolations returns a *ack.ValidationError listing the rules
// next breaks that old did not. A Spec read from a cluster lacks what a
// detail does not report (the login, SNAT), so rules it already broke say
// nothing about the edit and are left out.
func introducedViolations(old, next Spec, o options) error {
	before := violations(old, o)
	var added []ack.Violation
	for _, v := range violations(next, o) {
		if !slices.ContainsFunc(before, func(w ack.Violation) bool { return w.Rule == v.Rule && w.Field == v.Field }) {
			added = append(added, v)
		}
	}
	return asError(old.Name, added)
}
