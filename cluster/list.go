package cluster

import (
	"context"
	"fmt"
	"iter"

	"github.com/ackgo/ack/internal/optfn"
	"github.com/ackgo/ack/internal/paging"
	"github.com/ackgo/ack/internal/wire"
)

// ListOptions filter and page List. Zero fields do not filter.
type ListOptions struct {
	// Name keeps clusters whose name contains it, as ACK matches names.
	Name string
	// Form keeps clusters of one form.
	Form Form
	// ClusterID keeps the cluster of that ID.
	ClusterID string
	// RegionID keeps the clusters of one region.
	RegionID string
	// PageSize is how many clusters each call fetches: the client's page
	// size (DefaultPageSize) when zero, at most MaxPageSize.
	PageSize int
}

// List returns an iterator over the clusters, fetched page by page from
// DescribeClustersV1 as the loop asks for them. An error ends the
// iteration: it is yielded once, with a nil cluster. Pages are read at
// different instants, so a cluster created or deleted during the loop may
// be missed or seen twice. Each cluster's RequestID is that of its page.
func (c *Client) List(ctx context.Context, optFns ...func(*ListOptions)) iter.Seq2[*Cluster, error] {
	o := optfn.ApplyTo(ListOptions{PageSize: c.opts.PageSize}, optFns)
	o.PageSize = min(max(o.PageSize, 1), MaxPageSize)
	q := wire.DescribeClustersV1Query{Name: o.Name, ClusterID: o.ClusterID, RegionID: o.RegionID, PageSize: int64(o.PageSize)}
	// The form is filtered on the server by cluster type only, since ACK
	// spells some forms several ways (an empty cluster_spec is Basic, the
	// legacy type Ask is serverless); each cluster's form is then checked
	// here.
	switch o.Form {
	case Dedicated:
		q.ClusterType = ClusterTypeDedicated
	case ManagedBasic, ManagedPro:
		q.ClusterType = ClusterTypeManaged
	}
	return func(yield func(*Cluster, error) bool) {
		for page, err := range paging.Clusters(ctx, c.do, q) {
			if err != nil {
				yield(nil, fmt.Errorf("list clusters: page %d: %w", page.Number, err))
				return
			}
			for i, raw := range page.Clusters {
				d := page.Details[i]
				if o.Form != 0 {
					if f, err := FormOf(d.ClusterType, d.Profile, d.ClusterSpec); err != nil || f != o.Form {
						continue
					}
				}
				// Each raw item is a copy of its own, made with the
				// page: the cluster may keep it.
				if !yield(clusterFromOwnedDetail(d, raw, page.RequestID), nil) {
					return
				}
			}
		}
	}
}
