package fake

import (
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/internal/wire"
)

// modifyCluster applies ModifyCluster: the cluster package reads the body
// (ApplyModifyBody) and judges the change (CheckChange) and the result
// (Validate, which also judges the format of new vSwitch IDs) with the
// fake's preset; new control-plane vSwitches must belong to the cluster's
// VPC.
// The cluster is updating until the change completes, and only then shows
// the new values.
func (c *Cloud) modifyCluster(r *request) answer {
	var body wire.ModifyClusterRequest
	return c.onCluster(r, &body, func(rec *clusterRec, now time.Time) answer {
		st := c.st
		if rec.state != cluster.StateRunning {
			return fail(NewError(ErrorClusterState, "cluster %s is %s; ModifyCluster needs it running", rec.id, rec.state))
		}
		next, err := cluster.ApplyModifyBody(rec.spec, r.body)
		if err != nil {
			return fail(refusal(err))
		}
		next = next.WithZones(st.net.zoneOf)
		if err := cluster.CheckChange(c.settings.preset, rec.spec, next); err != nil {
			return fail(refusal(err))
		}
		if err := cluster.Validate(next, c.validateOptions(next.VPCID)...); err != nil {
			return fail(refusal(err))
		}
		var plan netPlan
		if body.VSwitchIDs != nil {
			nr := netRequest{clusterName: next.Name, vpcID: next.VPCID}
			for i, id := range body.VSwitchIDs {
				nr.vswitchIDs = append(nr.vswitchIDs, id)
				nr.fields = append(nr.fields, fmt.Sprintf("vswitch_ids[%d]", i))
			}
			p, e := st.net.admit(nr, nil, c.ids)
			if e != nil {
				return fail(e)
			}
			plan = p
		}
		st.net.commit(plan)
		extra := modifyExtra(rec.extra, &body)
		apply := func() { rec.spec, rec.extra = next, extra }
		rec.state = cluster.StateUpdating
		t := st.startLocked(rec, ChangeModifyCluster, TaskTypeModify, modifyParams(&body), now, apply)
		return ok(wire.ModifyClusterResponse{ClusterID: rec.id, TaskID: t.id, RequestID: r.id})
	})
}

// modifyExtra applies the ModifyCluster fields that the Spec does not
// model to a copy of the cluster's extras.
func modifyExtra(old clusterExtra, b *wire.ModifyClusterRequest) clusterExtra {
	e := old.clone()
	if b.SecurityGroupID != "" {
		e.securityGroupID = b.SecurityGroupID
	}
	if p := b.OperationPolicy; p != nil && p.ClusterAutoUpgrade != nil {
		if e.operationPolicy == nil {
			e.operationPolicy = &wire.OperationPolicy{}
		}
		au := cloneAutoUpgrade(e.operationPolicy.ClusterAutoUpgrade)
		if au == nil {
			au = &wire.ClusterAutoUpgrade{}
		}
		if p.ClusterAutoUpgrade.Enabled != nil {
			au.Enabled = wire.Bool(*p.ClusterAutoUpgrade.Enabled)
		}
		if p.ClusterAutoUpgrade.Channel != "" {
			au.Channel = p.ClusterAutoUpgrade.Channel
		}
		e.operationPolicy.ClusterAutoUpgrade = au
	}
	if b.EnableRRSA != nil {
		e.rrsa = *b.EnableRRSA
	}
	if b.ControlPlaneEndpointsConfig != nil {
		e.controlPlaneEndpoints = cloneEndpoints(b.ControlPlaneEndpointsConfig)
	}
	if s := b.APIServerCustomCertSANs; s != nil {
		switch s.Action {
		case "overwrite":
			e.extraSANs = slices.Clone(s.SubjectAlternativeNames)
		default:
			for _, n := range s.SubjectAlternativeNames {
				if !slices.Contains(e.extraSANs, n) {
					e.extraSANs = append(e.extraSANs, n)
				}
			}
		}
	}
	return e
}

// modifyParams records a ModifyCluster body as the task's parameters.
func modifyParams(b *wire.ModifyClusterRequest) map[string]any {
	var m map[string]any
	if err := jsonRoundTrip(b, &m); err != nil || len(m) == 0 {
		return nil
	}
	return m
}

// modifyClusterTags replaces the cluster's tags with the body, a bare JSON
// array of {key, value}, at once (ACK runs no task for it and answers
// without a body). The new tag set is judged by the cluster package's
// rules (cluster.Validate, cluster.CheckChange), which limit the count.
func (c *Cloud) modifyClusterTags(r *request) answer {
	var tags []wire.Tag
	return c.onCluster(r, &tags, func(rec *clusterRec, _ time.Time) answer {
		if rec.state == cluster.StateDeleting {
			return fail(NewError(ErrorClusterState, "cluster %s is %s; its tags no longer change", rec.id, rec.state))
		}
		next := rec.spec.Clone()
		next.Tags = nil
		for _, t := range tags {
			next.Tags = append(next.Tags, cluster.Tag{Key: t.Key, Value: t.Value})
		}
		if err := cluster.CheckChange(c.settings.preset, rec.spec, next); err != nil {
			return fail(refusal(err))
		}
		if err := cluster.Validate(next, c.validateOptions(next.VPCID)...); err != nil {
			return fail(refusal(err))
		}
		rec.spec = next
		return answer{status: http.StatusOK}
	})
}
