package fake

import (
	"slices"
	"time"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/internal/wire"
)

// modifyCluster starts ModifyCluster on cluster id, whose body is body
// as decoded and raw as sent: the cluster package reads the body
// (ApplyModifyBody) and judges the change (CheckChange) and the result
// (Validate, which also judges the format of new vSwitch IDs) with the
// fake's preset; new control-plane vSwitches must belong to the
// cluster's VPC. The cluster is updating until the change completes, and
// only then shows the new values.
func (s *store) modifyCluster(id string, body *wire.ModifyClusterRequest, raw []byte) (started, *Error) {
	return s.onCluster(id, func(rec *clusterRec, now time.Time) (started, *Error) {
		if rec.state != cluster.StateRunning {
			return started{}, NewError(ErrorClusterState, "cluster %s is %s; ModifyCluster needs it running", rec.id, rec.state)
		}
		next, err := cluster.ApplyModifyBody(rec.spec, raw)
		if err != nil {
			return started{}, refusal(err)
		}
		next = next.WithZones(s.net.zoneOf)
		if e := s.checkSpecChangeLocked(rec.spec, next); e != nil {
			return started{}, e
		}
		var plan netPlan
		if body.VSwitchIDs != nil {
			nr := netRequest{clusterName: next.Name, vpcID: next.VPCID}
			nr.addVSwitches("vswitch_ids", body.VSwitchIDs)
			p, e := s.net.admit(nr, nil, s.ids)
			if e != nil {
				return started{}, e
			}
			plan = p
		}
		s.net.commit(plan)
		extra := modifyExtra(rec.extra, body)
		rec.state = cluster.StateUpdating
		t := s.startChangeLocked(rec, ChangeModifyCluster, TaskTypeModify, modifyParams(body), now, changeData{spec: &next, extra: &extra})
		return started{clusterID: rec.id, taskID: t.id}, nil
	})
}

// checkSpecChangeLocked judges a change of a cluster's Spec from old to
// next with the cluster package's rules: the change (CheckChange), then
// the result (Validate).
func (s *store) checkSpecChangeLocked(old, next cluster.Spec) *Error {
	if err := cluster.CheckChange(old, next, cluster.WithPreset(s.settings.preset)); err != nil {
		return refusal(err)
	}
	if err := cluster.Validate(next, s.validateOptionsLocked(next.VPCID)...); err != nil {
		return refusal(err)
	}
	return nil
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
		e.extraSANs = applySANs(e.extraSANs, s.Action, s.SubjectAlternativeNames)
	}
	return e
}

// applySANs applies api_server_custom_cert_sans to the API server's extra
// SANs: action "overwrite" replaces them with names, any other adds the
// names not among them yet.
func applySANs(sans []string, action string, names []string) []string {
	if action == "overwrite" {
		return slices.Clone(names)
	}
	for _, n := range names {
		if !slices.Contains(sans, n) {
			sans = append(sans, n)
		}
	}
	return sans
}

// modifyParams records a ModifyCluster body as the task's parameters.
func modifyParams(b *wire.ModifyClusterRequest) map[string]any {
	var m map[string]any
	if err := jsonRoundTrip(b, &m); err != nil || len(m) == 0 {
		return nil
	}
	return m
}

// modifyClusterTags replaces cluster id's tags at once (ACK runs no task
// for it). The new tag set is judged by the cluster package's rules
// (cluster.Validate, cluster.CheckChange), which limit the count.
func (s *store) modifyClusterTags(id string, tags []wire.Tag) *Error {
	_, e := s.onCluster(id, func(rec *clusterRec, _ time.Time) (started, *Error) {
		if rec.state == cluster.StateDeleting {
			return started{}, NewError(ErrorClusterState, "cluster %s is %s; its tags no longer change", rec.id, rec.state)
		}
		next := rec.spec.Clone()
		next.Tags = nil
		for _, t := range tags {
			next.Tags = append(next.Tags, cluster.Tag{Key: t.Key, Value: t.Value})
		}
		if e := s.checkSpecChangeLocked(rec.spec, next); e != nil {
			return started{}, e
		}
		rec.spec = next
		return started{clusterID: rec.id}, nil
	})
	return e
}
