package cluster

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/waiter"
	"github.com/ackgo/ack/internal/wire"
)

// ScaleOutSpec describes the workers ScaleOut adds to a cluster with
// legacy workers (a dedicated cluster, or a managed one created with
// worker fields). Clusters whose nodes come from node pools scale their
// pools instead.
type ScaleOutSpec struct {
	// Count is how many workers to add; at least 1.
	Count int
	// InstanceTypes are the ECS instance types to choose from; at least
	// one.
	InstanceTypes []string
	// VSwitchIDs are the vSwitches to place the workers in; at least one.
	VSwitchIDs []string
	// Login is how to log in to the new workers: a password or a key pair.
	Login Login
	// SystemDisk is each worker's system disk; zero fields take ACK's
	// defaults.
	SystemDisk Disk
	// ChargeType is "PostPaid" (the default) or "PrePaid".
	ChargeType string
	// Tags are ECS tags of the new workers.
	Tags []Tag
}

// scaleOutRules are the rules of a ScaleOutSpec, in the order violations
// are reported; the login is judged by Validate's own login rules.
var scaleOutRules = []Rule{
	{"cluster.scale_out.count", "count", "a scale-out adds at least one worker", allPresets},
	{"cluster.scale_out.instance_types", "instance_types", "a scale-out names at least one instance type", allPresets},
	{"cluster.scale_out.vswitches", "vswitch_ids", "a scale-out names at least one vSwitch", allPresets},
}

// ScaleOutRules returns the rules ScaleOut checks besides those of Rules
// that judge the workers it adds ("cluster.network.vswitch_id",
// "cluster.workers.not_serverless", "cluster.login.required",
// "cluster.login.password").
func ScaleOutRules() []Rule {
	out := slices.Clone(scaleOutRules)
	for i := range out {
		out[i].Presets = slices.Clone(out[i].Presets)
	}
	return out
}

// scaleOutWorkerRules are the rules of the registry that judge the
// workers a scale-out adds, as they judge those a create makes.
var scaleOutWorkerRules = []string{"cluster.network.vswitch_id", "cluster.workers.not_serverless", "cluster.login.required", "cluster.login.password"}

// validate returns a *ack.ValidationError listing what s breaks. The
// client does not know the cluster's form, so the form rule cannot fail
// here; the fake, which knows it, runs the same checks with it.
func (s ScaleOutSpec) validate(clusterID string, o options) error {
	req := s.request()
	return validateScaleOut(&req, clusterID, 0, o)
}

// validateScaleOutRequest judges a ScaleOutCluster body for cluster
// clusterID, of form f (zero when not known), and returns a
// *ack.ValidationError listing what it breaks, or nil: the rules of
// ScaleOutRules (a count of at least one, an instance type, a vSwitch),
// then the rules of Rules that judge the workers it adds
// ("cluster.network.vswitch_id" on its vSwitches, at
// "workers.vswitches[i]", "cluster.workers.not_serverless",
// "cluster.login.required", "cluster.login.password") under the preset of
// opts. ScaleOut runs the
// same checks on its ScaleOutSpec before sending it, and the fake on the
// bodies it receives.
func validateScaleOutRequest(req *wire.ScaleOutClusterRequest, clusterID string, f Form, opts ...ValidationOption) error {
	return validateScaleOut(req, clusterID, f, newOptions(opts))
}

// validateScaleOut is validateScaleOutRequest with its options read.
func validateScaleOut(req *wire.ScaleOutClusterRequest, clusterID string, f Form, o options) error {
	var vs violationList
	add := func(r Rule, format string, args ...any) { vs.reporter(r.ID)(r.Field, format, args...) }
	if req.Count < 1 {
		add(scaleOutRules[0], "is %d; add at least one worker", req.Count)
	}
	if len(req.WorkerInstanceTypes) == 0 {
		add(scaleOutRules[1], "is empty; name at least one instance type")
	}
	if len(req.VSwitchIDs) == 0 {
		add(scaleOutRules[2], "is empty; name at least one vSwitch")
	}
	workers := Spec{
		Form:    f,
		Workers: &Workers{Count: max(int(req.Count), 1), InstanceTypes: req.WorkerInstanceTypes, VSwitches: vswitchesOf(req.VSwitchIDs)},
		Login:   Login{Password: ack.NewSecret(req.LoginPassword), KeyPair: req.KeyPair},
	}
	for _, r := range registry {
		if slices.Contains(scaleOutWorkerRules, r.ID) && r.In(o.preset) {
			r.check(workers, o, vs.reporter(r.ID))
		}
	}
	if len(vs) == 0 {
		return nil
	}
	return &ack.ValidationError{Resource: "cluster " + clusterID + " scale-out", Violations: vs}
}

// request encodes s as the body of ScaleOutCluster.
func (s ScaleOutSpec) request() wire.ScaleOutClusterRequest {
	return wire.ScaleOutClusterRequest{
		Count:                    int64(s.Count),
		VSwitchIDs:               slices.Clone(s.VSwitchIDs),
		WorkerInstanceTypes:      slices.Clone(s.InstanceTypes),
		KeyPair:                  s.Login.KeyPair,
		LoginPassword:            s.Login.Password.Reveal(),
		WorkerSystemDiskCategory: s.SystemDisk.Category,
		WorkerSystemDiskSize:     int64(s.SystemDisk.Size),
		WorkerInstanceChargeType: s.ChargeType,
		Tags:                     wireTags(s.Tags),
	}
}

// ScaleOut adds s.Count legacy workers to the cluster (ScaleOutCluster)
// and returns an Operation to wait for the cluster to be running again.
// s is validated first (ScaleOutRules and the login rules), before any
// call.
//
// A lost response never adds the workers twice: ScaleOut reads the
// cluster's node count first, and after an ambiguous outcome the retry
// step reads the cluster again before any re-send: a cluster that is
// scaling, or has gained the workers, counts as scaled (the Operation then
// waits on the cluster alone, its task unknown).
func (c *Client) ScaleOut(ctx context.Context, id string, s ScaleOutSpec) (*Operation, error) {
	fail := func(err error) (*Operation, error) { return nil, opError("cluster", id, "scale out", err) }
	if err := checkID("cluster", id); err != nil {
		return fail(err)
	}
	if err := s.validate(id, c.validation); err != nil {
		return nil, err
	}
	before, err := c.describe(ctx, id)
	if err != nil {
		return fail(err)
	}
	req := wire.NewRequest(wire.ActionScaleOutCluster, id)
	if req.Body, err = json.Marshal(s.request()); err != nil {
		return fail(err)
	}
	req.Retry = ack.Reconcile
	req.Reconcile = func(ctx context.Context, _ error) (*ack.Response, error) {
		now, err := c.describe(ctx, id)
		if err != nil {
			return nil, err
		}
		if now.State != StateScaling && now.Size < before.Size+s.Count {
			return nil, nil
		}
		return waiter.Answer(wire.ScaleOutClusterResponse{ClusterID: id}, now.RequestID)
	}
	resp, err := c.do(ctx, req)
	if err != nil {
		return fail(fmt.Errorf("adding %d workers: %w", s.Count, err))
	}
	out, err := wire.Decode[wire.ScaleOutClusterResponse](resp.Body)
	if err != nil {
		return fail(err)
	}
	return c.newOperation(KindScaleOut, id, out.TaskID, resp.RequestID), nil
}
