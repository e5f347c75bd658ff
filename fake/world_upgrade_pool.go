package fake

import (
	"cmp"
	"time"

	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/nodepool"
)

// The world's node pool upgrades: UpgradeClusterNodepool, and the version
// each pool runs.

// upgradePool upgrades a node pool (UpgradeClusterNodepool), with body the
// request as decoded and opts its rolling policy, image and runtime as
// nodepool.UpgradeOptionsFromRequest reads them: opts is judged by
// nodepool.UpgradeOptions.Validate and the Kubernetes version by
// nodepool.CheckUpgrade (not a newer minor than the control plane, not a
// downgrade); a runtime given replaces the pool's. The cluster must be
// running and the pool active; the pool is upgrading until the change
// completes. action names the API in refusals.
func (s *store) upgradePool(clusterID, poolID string, body *wire.UpgradeNodePoolRequest, opts nodepool.UpgradeOptions, action string) (started, *Error) {
	return s.onPool(clusterID, poolID, func(rec *clusterRec, p *poolRec, now time.Time) (started, *Error) {
		if err := opts.Validate(p.id); err != nil {
			return started{}, refusal(err)
		}
		if err := nodepool.CheckUpgrade(p.id, rec.extra.version, rec.poolVersion(p.id), body.KubernetesVersion); err != nil {
			return started{}, refusal(err)
		}
		if e := s.idlePoolLocked(rec, p, action); e != nil {
			return started{}, e
		}
		target := cmp.Or(body.KubernetesVersion, rec.poolVersion(p.id))
		runtime, runtimeVersion := body.RuntimeType, body.RuntimeVersion
		return s.startPoolLocked(rec, p, poolChange{
			kind: ChangeUpgradeNodePool, taskType: TaskTypeUpgradeNodePool, state: nodepool.StateUpgrading,
			params: map[string]any{"nodepool_id": p.id, "kubernetes_version": target},
			data:   changeData{upgrade: &poolUpgrade{to: target, runtime: runtime, runtimeVersion: runtimeVersion}},
		}, now), nil
	})
}

// upgradedPoolLocked applies a successful upgrade of pool p: it runs
// version target (recorded only when it is not the control plane's) and
// the runtime given, if any.
func upgradedPoolLocked(rec *clusterRec, p *poolRec, target, runtime, runtimeVersion string) {
	u := rec.upgradesOf()
	if target == rec.extra.version {
		delete(u.pools, p.id)
	} else {
		u.pools[p.id] = target
	}
	if runtime != "" {
		p.spec.Runtime = nodepool.Runtime(runtime)
	}
	if runtimeVersion != "" {
		p.spec.RuntimeVersion = runtimeVersion
	}
}

// NodePoolVersion returns the Kubernetes version the fake's node pool
// runs: the control plane's, unless a control-plane-only upgrade left it
// behind or UpgradeClusterNodepool set it. ok is false when the cluster
// or the pool does not exist.
func (c *Cloud) NodePoolVersion(clusterID, poolID string) (v string, ok bool) {
	v, e := read(c.st, func(now time.Time) (string, *Error) {
		rec, p, e := c.st.poolTargetLocked(clusterID, poolID, now)
		if e != nil {
			return "", e
		}
		return rec.poolVersion(p.id), nil
	})
	return v, e == nil
}
