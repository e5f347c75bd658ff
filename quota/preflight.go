package quota

import (
	"context"
	"fmt"
	"strconv"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/optfn"
	"github.com/ackgo/ack/internal/paging"
	"github.com/ackgo/ack/internal/wire"
)

// Paging of the reads that Usage and Preflight make.
const (
	// ClusterPageSize is the page size of DescribeClustersV1, as terraform
	// pages it.
	ClusterPageSize = 50
)

// UsageOptions say which clusters Usage counts the nodes and node pools
// of. By default it counts none: it lists the clusters only.
type UsageOptions struct {
	// ClusterIDs names the clusters whose nodes and node pools are
	// counted, two reads each.
	ClusterIDs []string
	// AllClusters counts the nodes and node pools of every cluster listed,
	// two reads per cluster.
	AllClusters bool
}

// Usage reads what the account uses now. It lists every cluster with
// DescribeClustersV1 (all pages of ClusterPageSize, no filter, so the
// clusters of every region ACK reports) and classifies each with
// ClassifyCluster. For the clusters that opts name it counts the nodes
// (page.total_count of DescribeClusterNodes, masters included) and the
// node pools (DescribeClusterNodePools); the other clusters report zero.
// Container instances are not reported by the CS API and are always zero.
// Account is the client's (see ClientOptions.Account).
//
// A cluster seen on two pages (the list changed between them) is counted
// once.
func (c *Client) Usage(ctx context.Context, optFns ...func(*UsageOptions)) (Usage, error) {
	o := optfn.Apply(optFns)
	if err := checkClusterIDs(o.ClusterIDs); err != nil {
		return Usage{}, err
	}
	r := newReads(c.account)
	if err := r.listClusters(ctx, c); err != nil {
		return Usage{}, err
	}
	ids := o.ClusterIDs
	if o.AllClusters {
		ids = nil
		for _, cu := range r.usage.Clusters {
			ids = append(ids, cu.ID)
		}
	}
	for _, id := range ids {
		if err := r.countNodes(ctx, c, id); err != nil {
			return Usage{}, err
		}
		if err := r.countNodePools(ctx, c, id); err != nil {
			return Usage{}, err
		}
	}
	return r.usage, nil
}

// Preflight checks a plan against the account's live limits and usage
// without changing anything. It returns nil when the plan fits; an
// *ExceededError listing every broken limit (each Violation carries the
// limit, the usage, the need and how to raise it; errors.Is matches
// ack.ErrQuotaExceeded); an *ack.ValidationError, before any call, when
// the plan is malformed (see Plan.Validate); or the error of a read that
// failed.
//
// It makes only the reads the plan needs, one after another in this
// order:
//
//	DescribeUserQuota            once, unless the plan is empty (then no call at all)
//	DescribeClustersV1           every page, when the plan creates a cluster
//	then, for each changed cluster in order of its first change:
//	  DescribeClustersV1         cluster_id=<id>, when it adds container instances
//	                             and the clusters were not listed (the limit
//	                             depends on the cluster's kind)
//	  DescribeClusterNodes       pageSize=1, when it adds nodes
//	  DescribeClusterNodePools   when it adds node pools
//
// The account prerequisites are checked against the client's Account, and
// container instances from zero, since the CS API reports neither.
func (c *Client) Preflight(ctx context.Context, plan Plan) error {
	if err := plan.Validate(); err != nil {
		return err
	}
	if plan.IsEmpty() {
		return nil
	}
	limits, err := c.Limits(ctx)
	if err != nil {
		return err
	}
	usage, err := c.usageFor(ctx, plan)
	if err != nil {
		return err
	}
	return Check(limits, usage, plan).Err()
}

// usageFor reads the usage that Check needs for plan, and nothing else.
func (c *Client) usageFor(ctx context.Context, plan Plan) (Usage, error) {
	r := newReads(c.account)
	listed := len(plan.Create) > 0
	if listed {
		if err := r.listClusters(ctx, c); err != nil {
			return Usage{}, err
		}
	}
	for _, id := range changedClusters(plan.Change) {
		var nodes, pools, instances bool
		for _, ch := range plan.Change {
			if ch.ClusterID == id {
				nodes = nodes || ch.AddNodes > 0
				pools = pools || ch.AddNodePools > 0
				instances = instances || ch.AddContainerInstances > 0
			}
		}
		if instances && !listed {
			if err := r.classify(ctx, c, id); err != nil {
				return Usage{}, err
			}
		}
		if nodes {
			if err := r.countNodes(ctx, c, id); err != nil {
				return Usage{}, err
			}
		}
		if pools {
			if err := r.countNodePools(ctx, c, id); err != nil {
				return Usage{}, err
			}
		}
	}
	return r.usage, nil
}

// reads builds a Usage from the answers of the list calls.
type reads struct {
	usage Usage
	index map[string]int // cluster ID -> position in usage.Clusters
}

func newReads(a Account) *reads {
	return &reads{usage: Usage{Account: a}, index: map[string]int{}}
}

// cluster returns the position of the cluster's entry, adding it when
// there is none.
func (r *reads) cluster(id string) int {
	if i, ok := r.index[id]; ok {
		return i
	}
	r.usage.Clusters = append(r.usage.Clusters, ClusterUsage{ID: id})
	r.index[id] = len(r.usage.Clusters) - 1
	return r.index[id]
}

// listClusters lists every cluster, page by page (paging.Clusters, which
// also bounds the number of pages).
func (r *reads) listClusters(ctx context.Context, c *Client) error {
	for page, err := range paging.Clusters(ctx, c.do, wire.DescribeClustersV1Query{PageSize: ClusterPageSize}) {
		if err != nil {
			return fmt.Errorf("list clusters: page %d: %w", page.Number, err)
		}
		for _, d := range page.Details {
			if d.ClusterID == "" {
				continue
			}
			r.usage.Clusters[r.cluster(d.ClusterID)].Kind = ClassifyCluster(d.ClusterType, d.Profile)
		}
	}
	return nil
}

// classify reads the kind of one cluster with a filtered list. A cluster
// the list does not report stays unknown, and Check counts it from zero.
func (r *reads) classify(ctx context.Context, c *Client, id string) error {
	clusters, _, err := c.clusterPage(ctx, wire.DescribeClustersV1Query{ClusterID: id, PageNumber: 1, PageSize: 1})
	if err != nil {
		return fmt.Errorf("cluster %s: read kind: %w", id, err)
	}
	for _, d := range clusters {
		if d.ClusterID == id {
			r.usage.Clusters[r.cluster(id)].Kind = ClassifyCluster(d.ClusterType, d.Profile)
		}
	}
	return nil
}

// countNodes counts the nodes of one cluster, masters included, from the
// total_count of a one-node page. When a server reports nodes but no
// total, it pages through them all instead.
func (r *reads) countNodes(ctx context.Context, c *Client, id string) error {
	n, err := c.nodeCount(ctx, id)
	if err != nil {
		return fmt.Errorf("cluster %s: count nodes: %w", id, err)
	}
	r.usage.Clusters[r.cluster(id)].Nodes = n
	return nil
}

// countNodePools counts the node pools of one cluster.
func (r *reads) countNodePools(ctx context.Context, c *Client, id string) error {
	resp, err := c.do(ctx, wire.NewRequest(wire.ActionDescribeClusterNodePools, id))
	if err != nil {
		return fmt.Errorf("cluster %s: count node pools: %w", id, err)
	}
	n, err := nodePoolCount(resp.Body)
	if err != nil {
		return fmt.Errorf("cluster %s: count node pools: %w", id, err)
	}
	r.usage.Clusters[r.cluster(id)].NodePools = n
	return nil
}

// clusterPage reads one page of DescribeClustersV1.
func (c *Client) clusterPage(ctx context.Context, q wire.DescribeClustersV1Query) ([]wire.ClusterDetail, wire.PageInfo, error) {
	req := wire.NewRequest(wire.ActionDescribeClustersV1)
	req.Query = q.Query()
	resp, err := c.do(ctx, req)
	if err != nil {
		return nil, wire.PageInfo{}, err
	}
	return clusterPageOf(resp.Body)
}

// clusterPageOf decodes a page of DescribeClustersV1 into its clusters and
// its paging block.
func clusterPageOf(body []byte) ([]wire.ClusterDetail, wire.PageInfo, error) {
	page, err := wire.Decode[wire.DescribeClustersV1Response](body)
	if err != nil {
		return nil, wire.PageInfo{}, err
	}
	return page.Clusters, page.PageInfo, nil
}

// nodeCount returns the number of nodes of a cluster: the total_count of
// a one-node page or, when a server reports nodes but no total, the count
// of a walk through every page (paging.ClusterNodes, at the largest page
// size).
func (c *Client) nodeCount(ctx context.Context, id string) (int, error) {
	nodes, total, err := c.nodePage(ctx, id, 1, 1)
	if err != nil || total > 0 || nodes == 0 {
		return total, err
	}
	count := 0
	for page, err := range paging.ClusterNodes(ctx, c.do, id, wire.DescribeClusterNodesQuery{PageSize: wire.MaxPageSize}) {
		if err != nil {
			return 0, fmt.Errorf("page %d: %w", page.Number, err)
		}
		count += len(page.Nodes)
	}
	return count, nil
}

// nodePage reads one page of DescribeClusterNodes and returns the number
// of nodes on it and the total it reports.
func (c *Client) nodePage(ctx context.Context, id string, page, size int64) (nodes, total int, err error) {
	req := wire.NewRequest(wire.ActionDescribeClusterNodes, id)
	req.Query = wire.DescribeClusterNodesQuery{PageNumber: page, PageSize: size}.Query()
	resp, err := c.do(ctx, req)
	if err != nil {
		return 0, 0, err
	}
	return nodePageCounts(resp.Body)
}

// nodePageCounts decodes a page of DescribeClusterNodes into the number of
// nodes on it and the total it reports. A negative total is an error.
func nodePageCounts(body []byte) (nodes, total int, err error) {
	p, err := wire.Decode[wire.DescribeClusterNodesResponse](body)
	if err != nil {
		return 0, 0, err
	}
	if p.Page.TotalCount < 0 {
		return 0, 0, fmt.Errorf("decode DescribeClusterNodesResponse: page.total_count is negative (%d)", p.Page.TotalCount)
	}
	return len(p.Nodes), clampInt(p.Page.TotalCount), nil
}

// nodePoolCount decodes DescribeClusterNodePools into its number of node
// pools.
func nodePoolCount(body []byte) (int, error) {
	p, err := wire.Decode[wire.DescribeNodePoolsResponse](body)
	if err != nil {
		return 0, err
	}
	return len(p.Nodepools), nil
}

// checkClusterIDs refuses empty cluster IDs, which name no cluster.
func checkClusterIDs(ids []string) error {
	var vs []ack.Violation
	for i, id := range ids {
		if id == "" {
			vs = append(vs, ack.Violation{
				Rule: "quota.usage.cluster_id", Field: "cluster_ids[" + strconv.Itoa(i) + "]",
				Message: "must name an existing cluster",
			})
		}
	}
	if len(vs) == 0 {
		return nil
	}
	return &ack.ValidationError{Resource: "quota usage options", Violations: vs}
}
