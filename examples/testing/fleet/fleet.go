package fleet

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/nodepool"
)

// Pools is what the tool needs of the node pool client: nodepool.Client
// has it, and a test can build it from three mocks (see the package
// documentation).
type Pools interface {
	nodepool.Lister
	nodepool.Creator
	nodepool.Scaler
}

// Tool keeps a fleet of clusters to a Policy. Build it with New or
// ForConfig; it holds no state between runs, so every Ensure looks at the
// fleet afresh.
type Tool struct {
	clusters cluster.Lister
	pools    Pools
}

// New returns a tool that lists clusters with clusters and reads, creates
// and scales node pools with pools.
func New(clusters cluster.Lister, pools Pools) *Tool {
	return &Tool{clusters: clusters, pools: pools}
}

// ForConfig returns a tool on the SDK's clients built from cfg, which
// decides where the calls go (ACK, or a fake), how they are retried and
// on which clock the tool waits.
func ForConfig(cfg *ack.Config) *Tool {
	return New(cluster.NewClient(cfg), nodepool.NewClient(cfg))
}

// Policy is what every cluster of the fleet must have.
type Policy struct {
	// Tag selects the fleet: the clusters that carry this tag, key and
	// value. Its Key must not be empty.
	Tag cluster.Tag
	// Pool is the node pool each cluster of the fleet must have, found by
	// its Name. A cluster without one gets it, created from this Spec
	// with a desired size of MinNodes (Pool.DesiredSize is not read) and,
	// when Pool.VSwitchIDs is empty, in the cluster's own vSwitches.
	Pool nodepool.Spec
	// MinNodes is the fewest nodes the pool may keep, at least 1. A pool
	// with fewer is scaled out to MinNodes by its desired size; a larger
	// pool is left as it is.
	MinNodes int
}

// check reports the first problem of p.
func (p Policy) check() error {
	switch {
	case p.Tag.Key == "":
		return errors.New("fleet: policy: Tag.Key is empty; name the tag that selects the fleet")
	case p.Pool.Name == "":
		return errors.New("fleet: policy: Pool.Name is empty; name the node pool every cluster must have")
	case p.MinNodes < 1:
		return fmt.Errorf("fleet: policy: MinNodes %d is below 1; a pool the policy keeps has at least one node", p.MinNodes)
	}
	return nil
}

// Action is what Ensure did with one cluster.
type Action string

// The actions of a Result.
const (
	// Kept: the pool was there with at least MinNodes nodes (or an
	// autoscaler minimum of at least MinNodes); nothing was changed.
	Kept Action = "kept"
	// Created: the cluster had no pool of the policy's name; one was
	// created with MinNodes nodes.
	Created Action = "created"
	// Scaled: the pool had fewer than MinNodes nodes and was scaled out
	// to MinNodes.
	Scaled Action = "scaled"
	// Failed: the cluster's last operation failed; it was left alone and
	// needs a human.
	Failed Action = "failed"
	// Busy: the cluster or its pool is changing (being created, updated,
	// upgraded...); it was left alone, for the next run.
	Busy Action = "busy"
	// AutoScaled: the pool is sized by its autoscaler, whose minimum is
	// below MinNodes; it was left alone, since the autoscaler's range is
	// not this tool's to change.
	AutoScaled Action = "autoscaled"
	// Error: a call about this cluster failed (Result.Err says which);
	// the other clusters were still handled.
	Error Action = "error"
)

// Result is what Ensure found and did in one cluster of the fleet.
type Result struct {
	// ClusterID and ClusterName identify the cluster.
	ClusterID, ClusterName string
	// State is the cluster's state when it was listed.
	State cluster.State
	// Action is what was done.
	Action Action
	// PoolID is the policy's pool in the cluster, empty when there is
	// none (or it could not be read).
	PoolID string
	// From and To are the pool's size before and after: 0 and MinNodes
	// for a pool created, equal when nothing changed.
	From, To int
	// Err is why the cluster's Action is Error, nil otherwise. It wraps
	// the SDK's error, so ack.IsThrottled, ack.IsQuotaExceeded and
	// errors.As with *ack.APIError work on it.
	Err error
}

// String is one line of a report, such as
// "c-1 (prod-a): scaled pool np-1 from 1 to 3 nodes".
func (r Result) String() string {
	head := fmt.Sprintf("%s (%s): ", r.ClusterID, r.ClusterName)
	switch r.Action {
	case Kept:
		return head + fmt.Sprintf("kept pool %s at %d nodes", r.PoolID, r.To)
	case Created:
		return head + fmt.Sprintf("created pool %s with %d nodes", r.PoolID, r.To)
	case Scaled:
		return head + fmt.Sprintf("scaled pool %s from %d to %d nodes", r.PoolID, r.From, r.To)
	case Failed:
		return head + fmt.Sprintf("cluster is %s: left alone, needs a human", r.State)
	case Busy:
		if r.PoolID != "" {
			return head + fmt.Sprintf("pool %s is changing: left for the next run", r.PoolID)
		}
		return head + fmt.Sprintf("cluster is %s: left for the next run", r.State)
	case AutoScaled:
		return head + fmt.Sprintf("pool %s is autoscaled from %d: left alone", r.PoolID, r.From)
	}
	cause := r.Err
	if inner := errors.Unwrap(r.Err); inner != nil {
		cause = inner // the cluster is named in head already
	}
	return head + fmt.Sprintf("not handled: %v", cause)
}

// Report is the outcome of one Ensure: one Result per cluster of the
// fleet, in the order ACK lists them.
type Report []Result

// With returns the results whose action is one of actions.
func (rep Report) With(actions ...Action) Report {
	var out Report
	for _, r := range rep {
		if slices.Contains(actions, r.Action) {
			out = append(out, r)
		}
	}
	return out
}

// Ensure brings every cluster that carries p.Tag to the policy: it creates
// the pool where it is missing and scales it out where it is too small,
// waiting for each change before the next. A cluster that is failed or
// changing is reported and left alone; a call that fails about one cluster
// is reported in its Result and the run goes on with the next.
//
// Ensure returns an error only when it cannot list the fleet (or ctx
// ends), with the results of the clusters handled before. Throttling and
// other transient failures are retried by the SDK's pipeline, as the
// Config's ack.RetryPolicy says, before they reach the tool; a create or
// scale whose answer was lost is reconciled by the SDK's clients, so a
// run never creates a pool twice or adds nodes twice.
func (t *Tool) Ensure(ctx context.Context, p Policy) (Report, error) {
	if err := p.check(); err != nil {
		return nil, err
	}
	var rep Report
	for c, err := range t.clusters.List(ctx) {
		if err != nil {
			return rep, fmt.Errorf("fleet: list clusters: %w", err)
		}
		if !slices.Contains(c.Spec.Tags, p.Tag) {
			continue
		}
		rep = append(rep, t.ensure(ctx, c, p))
		if err := ctx.Err(); err != nil {
			return rep, fmt.Errorf("fleet: %w", err)
		}
	}
	return rep, nil
}

// ensure handles one cluster of the fleet.
func (t *Tool) ensure(ctx context.Context, c *cluster.Cluster, p Policy) Result {
	r := Result{ClusterID: c.ID, ClusterName: c.Spec.Name, State: c.State}
	switch {
	case c.State.Failed():
		r.Action = Failed
		return r
	case c.State != cluster.StateRunning:
		r.Action = Busy
		return r
	}
	pool, err := t.findPool(ctx, c.ID, p.Pool.Name)
	if err != nil {
		return r.failed(err)
	}
	if pool == nil {
		return t.create(ctx, r, c, p)
	}
	r.PoolID = pool.ID
	size := pool.Size()
	r.From, r.To = size, size
	switch {
	case pool.State != nodepool.StateActive:
		r.Action = Busy
	case pool.Spec.AutoScaling.Enabled:
		r.From, r.To = pool.Spec.AutoScaling.Min, pool.Spec.AutoScaling.Min
		r.Action = Kept
		if pool.Spec.AutoScaling.Min < p.MinNodes {
			r.Action = AutoScaled
		}
	case size >= p.MinNodes:
		r.Action = Kept
	default:
		return t.scale(ctx, r, p)
	}
	return r
}

// findPool returns the cluster's pool named name, nil when it has none.
// ACK's name filter matches a part of the name, so the name is compared
// in full here.
func (t *Tool) findPool(ctx context.Context, clusterID, name string) (*nodepool.Pool, error) {
	for pool, err := range t.pools.List(ctx, clusterID, func(o *nodepool.ListOptions) { o.Name = name }) {
		if err != nil {
			return nil, fmt.Errorf("list node pools: %w", err)
		}
		if pool.Spec.Name == name {
			return pool, nil
		}
	}
	return nil, nil
}

func (t *Tool) create(ctx context.Context, r Result, c *cluster.Cluster, p Policy) Result {
	spec := p.Pool.Clone()
	spec.DesiredSize = p.MinNodes
	if len(spec.VSwitchIDs) == 0 {
		for _, v := range c.Spec.VSwitches {
			spec.VSwitchIDs = append(spec.VSwitchIDs, v.ID)
		}
	}
	op, err := t.pools.Create(ctx, r.ClusterID, spec)
	if err != nil {
		return r.failed(fmt.Errorf("create node pool %q: %w", spec.Name, err))
	}
	pool, err := op.Wait(ctx)
	if err != nil {
		r.PoolID = op.PoolID()
		return r.failed(fmt.Errorf("create node pool %q: %w", spec.Name, err))
	}
	r.Action, r.PoolID, r.To = Created, pool.ID, pool.Size()
	return r
}

func (t *Tool) scale(ctx context.Context, r Result, p Policy) Result {
	op, err := t.pools.Scale(ctx, r.ClusterID, r.PoolID, p.MinNodes)
	if err != nil {
		return r.failed(fmt.Errorf("scale node pool %s to %d: %w", r.PoolID, p.MinNodes, err))
	}
	pool, err := op.Wait(ctx)
	if err != nil {
		return r.failed(fmt.Errorf("scale node pool %s to %d: %w", r.PoolID, p.MinNodes, err))
	}
	r.Action, r.To = Scaled, pool.Size()
	return r
}

// failed returns r as an Error of err.
func (r Result) failed(err error) Result {
	r.Action, r.Err = Error, fmt.Errorf("cluster %s: %w", r.ClusterID, err)
	return r
}
