package cluster

import (
	"context"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/optfn"
	"github.com/ackgo/ack/internal/waiter"
	"github.com/ackgo/ack/internal/wire"
)

// Resource types of DeleteOptions.Policies; each has ACK's own default
// (SLB is deleted, the others retained).
const (
	ResourceSLB             = "SLB"
	ResourceALB             = "ALB"
	ResourceSLSData         = "SLS_Data"
	ResourceSLSControlPlane = "SLS_ControlPlane"
	ResourcePrivateZone     = "PrivateZone"
)

// DeleteOptions say which of the cluster's cloud resources survive it.
// The zero value takes ACK's defaults.
type DeleteOptions struct {
	// RetainAllResources keeps every cloud resource the cluster created;
	// it overrides the other fields.
	RetainAllResources bool
	// RetainResources lists the IDs of resources to keep.
	RetainResources []string
	// Policies decide per resource type (ResourceSLB, ...) whether it is
	// kept or deleted.
	Policies []ResourcePolicy
}

// ResourcePolicy keeps or deletes the resources of one type.
type ResourcePolicy struct {
	// Type is the resource type, for example ResourceSLB.
	Type string
	// Retain keeps the resources; false deletes them.
	Retain bool
}

// wire returns the options as DeleteCluster's.
func (o DeleteOptions) wire() wire.DeleteClusterRequest {
	r := wire.DeleteClusterRequest{RetainAllResources: o.RetainAllResources, RetainResources: o.RetainResources}
	for _, p := range o.Policies {
		mode := "delete"
		if p.Retain {
			mode = "retain"
		}
		r.DeleteOptions = append(r.DeleteOptions, wire.DeleteOption{DeleteMode: mode, ResourceType: p.Type})
	}
	return r
}

// Delete asks ACK to delete the cluster and returns an Operation to wait
// until it is gone. A cluster with deletion protection on is refused
// (turn it off with Modify first).
//
// A delete whose response is lost still ends in success: after an
// ambiguous outcome the retry step reads the cluster before sending again,
// and a cluster that is gone or being deleted counts as deleted (the
// Operation then waits on the cluster alone, its task unknown); a re-sent
// delete answered not-found or "being deleted" counts the same. A cluster
// that does not exist at the first attempt is an error matching
// ack.ErrNotFound.
func (c *Client) Delete(ctx context.Context, id string, optFns ...func(*DeleteOptions)) (*Operation, error) {
	o := optfn.Apply(optFns)
	fail := func(err error) (*Operation, error) { return nil, opError("cluster", id, "delete", err) }
	if err := checkID("cluster", id); err != nil {
		return fail(err)
	}
	req := wire.NewRequest(wire.ActionDeleteCluster, id)
	req.Query = o.wire().Query()
	req.Retry = ack.Reconcile
	req.Reconcile = waiter.DeleteReconcile(func(ctx context.Context) (*Cluster, error) { return c.describe(ctx, id) },
		func(cl *Cluster) (bool, string) {
			return cl.State == StateDeleting || cl.State == StateDeleted, cl.RequestID
		},
		wire.DeleteClusterResponse{ClusterID: id})
	resp, err := c.do(ctx, req)
	if err != nil {
		return fail(err)
	}
	out, err := wire.Decode[wire.DeleteClusterResponse](resp.Body)
	if err != nil {
		return fail(err)
	}
	return c.newOperation(KindDelete, id, out.TaskID, resp.RequestID), nil
}
