package fake

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/quota"
)

// describeTaskInfo answers DescribeTaskInfo. A task's answer changes only
// when the task ends, so it is encoded once per state and shared by the
// polls that read it.
func (c *Cloud) describeTaskInfo(r *request) answer {
	c.st.mu.Lock()
	defer c.st.mu.Unlock()
	t, e := c.st.taskLocked(r.params[wire.ParamTaskID], c.now(), true)
	if e != nil {
		return fail(e)
	}
	if t.answer == nil {
		b, err := json.Marshal(renderTask(*t))
		if err != nil {
			// encode reports it.
			return ok(renderTask(copyTask(t)))
		}
		t.answer = b
	}
	return answer{status: http.StatusOK, encoded: t.answer}
}

// describeKubeconfig answers DescribeClusterUserKubeconfig for a cluster
// that has reached running: the public endpoint unless PrivateIpAddress
// asks for the internal one (or the cluster has no public endpoint).
func (c *Cloud) describeKubeconfig(r *request) answer {
	q, err := wire.ParseKubeconfigQuery(r.http.URL.Query())
	if err != nil {
		return fail(NewError(InvalidParameterFormat, "%v", err))
	}
	// Minutes outside the limits stay outside them, without overflow: a
	// product that wrapped around could pass for a valid duration.
	temporary := time.Duration(q.TemporaryDurationMinutes) * time.Minute
	switch {
	case q.TemporaryDurationMinutes > int64(cluster.MaxKubeconfigDuration/time.Minute):
		temporary = cluster.MaxKubeconfigDuration + time.Minute
	case q.TemporaryDurationMinutes < 0:
		temporary = -time.Minute
	}
	if err := cluster.ValidateKubeconfigDuration(r.params[wire.ParamClusterID], temporary); err != nil {
		return fail(refusal(err))
	}
	now := c.now()
	type target struct{ id, server string }
	tg, e := withStore(c.st, func() (target, *Error) {
		rec, e := c.st.clusterLocked(r.params[wire.ParamClusterID], now, true)
		if e != nil {
			return target{}, e
		}
		if !rec.ready || rec.state == cluster.StateDeleting {
			return target{}, NewError(ErrorClusterState, "cluster %s is %s; its kubeconfig is available once it has been created", rec.id, rec.state)
		}
		server := rec.extra.publicEndpoint
		if q.PrivateIPAddress || !rec.spec.PublicEndpoint {
			server = rec.extra.intranetEndpoint
		}
		return target{rec.id, server}, nil
	})
	if e != nil {
		return fail(e)
	}
	id, server := tg.id, tg.server
	validity := DefaultKubeconfigValidity
	if temporary != 0 {
		validity = temporary
	}
	expires := now.Add(validity)
	return ok(wire.KubeconfigResponse{
		Config:     kubeconfigYAML(id, server, kubeconfigUser(r.caller)),
		Expiration: expires.UTC().Format(time.RFC3339),
	})
}

// describeClusterNodes lists a cluster's nodes in creation order: the
// masters of a dedicated cluster, its legacy workers and the nodes of its
// node pools, filtered by nodepool_id, state and instanceIds, paged by
// pageNumber and pageSize. The read is a poll of the cluster's change, and
// of the pool's when it filters by one.
func (c *Cloud) describeClusterNodes(r *request) answer {
	q, err := wire.ParseDescribeClusterNodesQuery(r.http.URL.Query())
	if err != nil {
		return fail(NewError(InvalidParameterFormat, "%v", err))
	}
	snap, e := withStore(c.st, func() (snapshot, *Error) {
		now := c.now()
		rec, e := c.st.clusterLocked(r.params[wire.ParamClusterID], now, true)
		if e != nil {
			return snapshot{}, e
		}
		if i := slices.IndexFunc(rec.pools, func(p *poolRec) bool { return p.id == q.NodepoolID }); i >= 0 && rec.pools[i].op != nil {
			rec.pools[i].op.poll(now)
		}
		return c.st.snapshotLocked(rec, true), nil
	})
	if e != nil {
		return fail(e)
	}

	want := strings.ToLower(q.State)
	var nodes []wire.Node
	for _, n := range snap.nodes {
		node := renderNode(n, snap.rec.spec.Region, snap.rec.state)
		switch {
		case q.NodepoolID != "" && n.nodepoolID != q.NodepoolID:
		case want != "" && want != "all" && node.State != want:
		case len(q.InstanceIDs) > 0 && !slices.Contains(q.InstanceIDs, n.instanceID):
		default:
			nodes = append(nodes, node)
		}
	}
	lo, hi, num, size, pe := page(q.PageNumber, q.PageSize, "pageNumber", "pageSize", len(nodes))
	if pe != nil {
		return fail(pe)
	}
	return ok(wire.DescribeClusterNodesResponse{
		Nodes: nodes[lo:hi],
		Page:  wire.PageInfo{PageNumber: num, PageSize: size, TotalCount: int64(len(nodes))},
	})
}

func (c *Cloud) describeUserQuota(*request) answer {
	l, _ := withStore(c.st, func() (quota.Limits, *Error) { return c.st.acct.limits, nil })
	return ok(quotaWire.Wire(l))
}
