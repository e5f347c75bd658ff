package paging

import (
	"context"
	"iter"

	"github.com/ackgo/ack/internal/waiter"
	"github.com/ackgo/ack/internal/wire"
)

// Doer sends one request and returns its answer: a typed client's send
// step.
type Doer = waiter.Doer

// Page is one page of DescribeClusterNodes.
type Page struct {
	// Number is the page's number, from 1.
	Number int64
	// Nodes are the page's nodes.
	Nodes []wire.Node
	// RequestID identifies the call that read the page.
	RequestID string
}

// ClusterNodes returns an iterator over the pages of DescribeClusterNodes
// for cluster clusterID, read one call a page as the loop asks for them,
// from page 1. q gives the filters and the page size (at least 1; the
// caller bounds it); its PageNumber is set for each page.
//
// The iteration ends after the last page: one with fewer nodes than the
// page size, or one that reaches the total count ACK reports. An error
// (of the call, or of decoding its answer, or a list past MaxPages pages)
// ends it too: it is yielded once, with a Page holding only the number of
// the page that failed.
func ClusterNodes(ctx context.Context, do Doer, clusterID string, q wire.DescribeClusterNodesQuery) iter.Seq2[Page, error] {
	return func(yield func(Page, error) bool) {
		for p, err := range walk(q.PageSize, func(n int64) ([]wire.Node, int64, string, error) {
			q.PageNumber = n
			req := wire.NewRequest(wire.ActionDescribeClusterNodes, clusterID)
			req.Query = q.Query()
			resp, err := do(ctx, req)
			if err != nil {
				return nil, 0, "", err
			}
			out, err := wire.Decode[wire.DescribeClusterNodesResponse](resp.Body)
			return out.Nodes, out.Page.TotalCount, resp.RequestID, err
		}) {
			if !yield(Page{Number: p.number, Nodes: p.items, RequestID: p.requestID}, err) || err != nil {
				return
			}
		}
	}
}
