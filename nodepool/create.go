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

// Create validates spec and asks ACK to create the node pool in the
// cluster clusterID (CreateClusterNodePool). It returns an Operation to
// wait for the task and then for the pool to be active.
//
// The Spec is validated first with Validate: a *ack.ValidationError is
// returned before any call.
//
// One Create makes at most one pool, even when a response is lost. Before
// sending, Create lists the cluster's pools of the Spec's name; after an
// ambiguous outcome (a connection broken after the request was sent, a
// 5xx other than 503) the retry step lists them again, and a pool of that
// name that was not there before is the one the lost response created:
// the Operation then waits on it, its task unknown. This holds as long as
// no one else creates a pool of the same name in the cluster at the same
// time.
func (c *Client) Create(ctx context.Context, clusterID string, spec Spec) (*Operation, error) {
	if err := Validate(spec); err != nil {
		return nil, err
	}
	fail := func(err error) (*Operation, error) {
		return nil, fmt.Errorf("cluster %s: create node pool %q: %w", clusterID, spec.Name, err)
	}
	if err := checkIDs(clusterID); err != nil {
		return fail(err)
	}
	body, err := json.Marshal(spec.createRequest())
	if err != nil {
		return fail(err)
	}
	before, err := c.poolIDsNamed(ctx, clusterID, spec.Name)
	if err != nil {
		return fail(fmt.Errorf("listing the pools of that name: %w", err))
	}
	req := wire.NewRequest(wire.ActionCreateClusterNodePool, clusterID)
	req.Body = body
	req.Retry = ack.Reconcile
	req.Reconcile = func(ctx context.Context, _ error) (*ack.Response, error) {
		return c.findCreated(ctx, clusterID, spec.Name, before)
	}
	resp, err := c.do(ctx, req)
	if err != nil {
		return fail(err)
	}
	out, err := wire.Decode[wire.CreateNodePoolResponse](resp.Body)
	if err != nil {
		return fail(err)
	}
	if out.NodepoolID == "" {
		return fail(fmt.Errorf("the answer (request id %s) names no node pool", resp.RequestID))
	}
	return c.newOperation(KindCreate, clusterID, out.NodepoolID, out.TaskID, resp.RequestID), nil
}

// poolIDsNamed returns the IDs of the cluster's pools named exactly name.
func (c *Client) poolIDsNamed(ctx context.Context, clusterID, name string) ([]string, error) {
	pools, err := c.list(ctx, clusterID, name)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, p := range pools {
		if p.Spec.Name == name {
			ids = append(ids, p.ID)
		}
	}
	return ids, nil
}

// findCreated is the Reconcile hook of Create: it answers as
// CreateClusterNodePool would have when exactly one pool named name is
// new since before, and (nil, nil) when there is none, so that the request
// may be sent again.
func (c *Client) findCreated(ctx context.Context, clusterID, name string, before []string) (*ack.Response, error) {
	pools, err := c.list(ctx, clusterID, name)
	if err != nil {
		return nil, fmt.Errorf("looking for the created node pool: %w", err)
	}
	var found []*Pool
	for _, p := range pools {
		if p.Spec.Name == name && !slices.Contains(before, p.ID) {
			found = append(found, p)
		}
	}
	switch len(found) {
	case 0:
		return nil, nil
	case 1:
		return waiter.Answer(wire.CreateNodePoolResponse{NodepoolID: found[0].ID}, found[0].RequestID)
	}
	return nil, fmt.Errorf("%d node pools named %q appeared since the request was sent; cannot tell which it created: %w",
		len(found), name, ack.ErrConflict)
}
