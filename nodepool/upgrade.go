package nodepool

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/waiter"
	"github.com/ackgo/ack/internal/wire"
)

// PausePolicy says where a rolling node upgrade pauses.
type PausePolicy string

// The pause policies of RollingPolicy.
const (
	// PauseFirstBatch pauses after the first batch.
	PauseFirstBatch PausePolicy = "FirstBatch"
	// PauseEveryBatch pauses after every batch.
	PauseEveryBatch PausePolicy = "EveryBatch"
	// PauseNever does not pause.
	PauseNever PausePolicy = "NotPause"
)

// The limits of RollingPolicy.BatchInterval.
const (
	// MinBatchInterval is the shortest pause between two batches.
	MinBatchInterval = 5 * time.Minute
	// MaxBatchInterval is the longest pause between two batches.
	MaxBatchInterval = 120 * time.Minute
)

// Rules of an upgrade's rolling policy, reported at "rolling_policy.*".
const (
	// RuleUpgradeBatchInterval: BatchInterval is zero (ACK's default) or
	// whole minutes between MinBatchInterval and MaxBatchInterval.
	RuleUpgradeBatchInterval = "nodepool.upgrade.batch_interval"
	// RuleUpgradePausePolicy: PausePolicy is empty or one of the three.
	RuleUpgradePausePolicy = "nodepool.upgrade.pause_policy"
	// RuleUpgradeParallelism: MaxParallelism is not negative.
	RuleUpgradeParallelism = "nodepool.upgrade.max_parallelism"
)

// UpgradeOptions say what Client.Upgrade upgrades on a node pool's nodes
// (UpgradeClusterNodepool). Empty fields keep what the pool runs.
type UpgradeOptions struct {
	// KubernetesVersion is the kubelet's target, "1.34.1-aliyun.1"; its
	// minor may not be newer than the control plane's.
	KubernetesVersion string
	// ImageID is the OS image to move the nodes to.
	ImageID string
	// Runtime and RuntimeVersion are the container runtime to move to.
	Runtime        Runtime
	RuntimeVersion string
	// NodeNames limits the upgrade to these nodes; empty means all.
	NodeNames []string
	// UseReplace replaces the nodes' system disks instead of upgrading in
	// place.
	UseReplace bool
	// Rolling paces the upgrade; nil lets ACK choose.
	Rolling *RollingPolicy
}

// RollingPolicy paces a node upgrade in batches.
type RollingPolicy struct {
	// MaxParallelism is the most nodes upgraded at once; zero lets ACK
	// choose.
	MaxParallelism int
	// BatchInterval is the pause between batches, whole minutes from
	// MinBatchInterval to MaxBatchInterval; zero lets ACK choose.
	BatchInterval time.Duration
	// PausePolicy says where the upgrade pauses; empty lets ACK choose.
	PausePolicy PausePolicy
}

// Validate returns a *ack.ValidationError listing what the options of an
// upgrade of pool poolID break: the rolling policy's rules, and
// RuleUpgradeVersion for a KubernetesVersion that does not parse. The
// fake judges UpgradeClusterNodepool bodies with it too.
func (o UpgradeOptions) Validate(poolID string) error {
	var vs []ack.Violation
	add := func(rule, field, msg string) { vs = append(vs, ack.Violation{Rule: rule, Field: field, Message: msg}) }
	if err := CheckUpgrade(poolID, "", "", o.KubernetesVersion); err != nil {
		if ve, ok := errors.AsType[*ack.ValidationError](err); ok {
			vs = append(vs, ve.Violations...)
		}
	}
	if r := o.Rolling; r != nil {
		if r.MaxParallelism < 0 {
			add(RuleUpgradeParallelism, "rolling_policy.max_parallelism", fmt.Sprintf("is %d; it may not be negative", r.MaxParallelism))
		}
		if d := r.BatchInterval; d != 0 && (d < MinBatchInterval || d > MaxBatchInterval || d%time.Minute != 0) {
			add(RuleUpgradeBatchInterval, "rolling_policy.batch_interval", fmt.Sprintf("is %s; want whole minutes from 5 to 120", d))
		}
		if p := r.PausePolicy; p != "" && !slices.Contains([]PausePolicy{PauseFirstBatch, PauseEveryBatch, PauseNever}, p) {
			add(RuleUpgradePausePolicy, "rolling_policy.pause_policy", fmt.Sprintf("is %q; want FirstBatch, EveryBatch or NotPause", p))
		}
	}
	if len(vs) == 0 {
		return nil
	}
	return &ack.ValidationError{Resource: "node pool " + poolID + " upgrade", Violations: vs}
}

// request encodes the options as UpgradeClusterNodepool's body.
func (o UpgradeOptions) request() wire.UpgradeNodePoolRequest {
	r := wire.UpgradeNodePoolRequest{
		KubernetesVersion: o.KubernetesVersion, ImageID: o.ImageID,
		RuntimeType: string(o.Runtime), RuntimeVersion: o.RuntimeVersion,
		NodeNames: slices.Clone(o.NodeNames), UseReplace: o.UseReplace,
	}
	if p := o.Rolling; p != nil {
		r.RollingPolicy = &wire.RollingPolicy{MaxParallelism: int64(p.MaxParallelism),
			BatchInterval: int64(p.BatchInterval / time.Minute), PausePolicy: string(p.PausePolicy)}
	}
	return r
}

// UpgradeOptionsFromRequest reads an UpgradeClusterNodepool body (JSON)
// into UpgradeOptions, for a server that judges it with Validate.
func UpgradeOptionsFromRequest(body []byte) (UpgradeOptions, error) {
	var r wire.UpgradeNodePoolRequest
	if err := json.Unmarshal(body, &r); err != nil {
		return UpgradeOptions{}, err
	}
	o := UpgradeOptions{
		KubernetesVersion: r.KubernetesVersion, ImageID: r.ImageID,
		Runtime: Runtime(r.RuntimeType), RuntimeVersion: r.RuntimeVersion,
		NodeNames: r.NodeNames, UseReplace: r.UseReplace,
	}
	if p := r.RollingPolicy; p != nil {
		o.Rolling = &RollingPolicy{MaxParallelism: int(p.MaxParallelism),
			BatchInterval: time.Duration(p.BatchInterval) * time.Minute, PausePolicy: PausePolicy(p.PausePolicy)}
	}
	return o, nil
}

// Upgrade upgrades a node pool's nodes (UpgradeClusterNodepool): their
// kubelet to o.KubernetesVersion, their image or their runtime, and
// returns an Operation to wait for the pool to be active again. The
// options are validated first (Validate); then the cluster is read, and a
// version whose minor is newer than the control plane's is refused
// before the call (CheckUpgrade, RuleUpgradeControlPlane): upgrade the
// control plane first (cluster.Client.Upgrade).
//
// After an ambiguous outcome the retry step reads the pool before any
// re-send: a pool that is upgrading counts as upgraded (the Operation then
// waits on the pool alone).
func (c *Client) Upgrade(ctx context.Context, clusterID, poolID string, o UpgradeOptions) (*Operation, error) {
	fail := func(err error) (*Operation, error) { return nil, fmt.Errorf("node pool %s: upgrade: %w", poolID, err) }
	if err := checkIDs(clusterID, poolID); err != nil {
		return fail(err)
	}
	if err := o.Validate(poolID); err != nil {
		return nil, err
	}
	if o.KubernetesVersion != "" {
		cp, err := c.controlPlaneVersion(ctx, clusterID)
		if err != nil {
			return fail(err)
		}
		if err := CheckUpgrade(poolID, cp, "", o.KubernetesVersion); err != nil {
			return nil, err
		}
	}
	req := wire.NewRequest(wire.ActionUpgradeClusterNodepool, clusterID, poolID)
	var err error
	if req.Body, err = json.Marshal(o.request()); err != nil {
		return fail(err)
	}
	req.Retry = ack.Reconcile
	req.Reconcile = func(ctx context.Context, _ error) (*ack.Response, error) {
		d, err := c.describe(ctx, clusterID, poolID)
		if err != nil {
			return nil, err
		}
		if d.State != StateUpgrading {
			return nil, nil
		}
		return waiter.Answer(wire.UpgradeNodePoolResponse{RequestID: d.RequestID}, d.RequestID)
	}
	resp, err := c.do(ctx, req)
	if err != nil {
		return fail(err)
	}
	out, err := wire.Decode[wire.UpgradeNodePoolResponse](resp.Body)
	if err != nil {
		return fail(err)
	}
	return c.newOperation(KindUpgrade, clusterID, poolID, out.TaskID, resp.RequestID), nil
}

// controlPlaneVersion reads the version the cluster's control plane runs
// (DescribeClusterDetail's current_version).
func (c *Client) controlPlaneVersion(ctx context.Context, clusterID string) (string, error) {
	resp, err := c.do(ctx, wire.NewRequest(wire.ActionDescribeClusterDetail, clusterID))
	if err != nil {
		return "", err
	}
	d, err := wire.DecodeClusterDetail(resp.Body)
	if err != nil {
		return "", err
	}
	return d.CurrentVersion, nil
}
