package nodepool

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"

	"github.com/ackgo/ack/internal/wire"
)

// ListOptions filter List. Zero fields do not filter.
type ListOptions struct {
	// Name keeps the pools of that name, as ACK matches it
	// (DescribeClusterNodePools' NodepoolName).
	Name string
}

// List returns an iterator over the cluster's node pools
// (DescribeClusterNodePools, which ACK serves in one answer, unpaged). An
// error ends the iteration: it is yielded once, with a nil pool. Each
// pool's RequestID is that of the answer.
func (c *Client) List(ctx context.Context, clusterID string, optFns ...func(*ListOptions)) iter.Seq2[*Pool, error] {
	o := applyOptions(optFns)
	return func(yield func(*Pool, error) bool) {
		pools, err := c.list(ctx, clusterID, o.Name)
		if err != nil {
			yield(nil, fmt.Errorf("cluster %s: list node pools: %w", clusterID, err))
			return
		}
		for _, p := range pools {
			if !yield(p, nil) {
				return
			}
		}
	}
}

// list reads the cluster's pools, filtered by name, without wrapping the
// error.
func (c *Client) list(ctx context.Context, clusterID, name string) ([]*Pool, error) {
	if err := checkIDs(clusterID); err != nil {
		return nil, err
	}
	req := wire.NewRequest(wire.ActionDescribeClusterNodePools, clusterID)
	req.Query = wire.DescribeNodePoolsQuery{NodepoolName: name}.Query()
	resp, err := c.do(ctx, req)
	if err != nil {
		return nil, err
	}
	page, err := wire.Decode[struct {
		Nodepools []json.RawMessage `json:"nodepools"`
	}](resp.Body)
	if err != nil {
		return nil, err
	}
	out := make([]*Pool, 0, len(page.Nodepools))
	for _, raw := range page.Nodepools {
		d, err := detailFromBody(raw, clusterID, resp.RequestID)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}
