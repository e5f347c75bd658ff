package paging

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"

	"github.com/ackgo/ack/internal/wire"
)

// MaxPages bounds every list: a server whose pages never end (each one
// full, with no total count) ends the iteration with an error after this
// many.
const MaxPages = 1000

// page is one page of any list, as walk reads it.
type page[T any] struct {
	number    int64
	items     []T
	requestID string
}

// walk reads the pages of one list with fetch, from page 1, until the
// last one (wire.LastPage: short, empty, or reaching the total count
// fetch reports; zero when the answer has none) or an error. An error is
// yielded once, with a page holding only its number.
func walk[T any](size int64, fetch func(n int64) (items []T, total int64, requestID string, err error)) iter.Seq2[page[T], error] {
	return func(yield func(page[T], error) bool) {
		for n := int64(1); ; n++ {
			if n > MaxPages {
				yield(page[T]{number: n}, fmt.Errorf("more than %d pages of %d; the list does not end", MaxPages, size))
				return
			}
			items, total, requestID, err := fetch(n)
			if err != nil {
				yield(page[T]{number: n}, err)
				return
			}
			if !yield(page[T]{number: n, items: items, requestID: requestID}, nil) || last(n, size, len(items), total) {
				return
			}
		}
	}
}

// ClusterPage is one page of DescribeClustersV1.
type ClusterPage struct {
	// Number is the page's number, from 1.
	Number int64
	// Clusters are the page's clusters, each its JSON object as ACK sent
	// it (a copy of its own: the caller may keep it).
	Clusters []json.RawMessage
	// RequestID identifies the call that read the page.
	RequestID string
}

// Clusters returns an iterator over the pages of DescribeClustersV1, read
// one call a page as the loop asks for them, from page 1, and ending as
// ClusterNodes does. q gives the filters and the page size (at least 1);
// its PageNumber is set for each page.
func Clusters(ctx context.Context, do Doer, q wire.DescribeClustersV1Query) iter.Seq2[ClusterPage, error] {
	return func(yield func(ClusterPage, error) bool) {
		for p, err := range walk(q.PageSize, func(n int64) ([]json.RawMessage, int64, string, error) {
			q.PageNumber = n
			req := wire.NewRequest(wire.ActionDescribeClustersV1)
			req.Query = q.Query()
			resp, err := do(ctx, req)
			if err != nil {
				return nil, 0, "", err
			}
			out, err := wire.Decode[struct {
				Clusters []json.RawMessage `json:"clusters"`
				PageInfo wire.PageInfo     `json:"page_info"`
			}](resp.Body)
			return out.Clusters, out.PageInfo.TotalCount, resp.RequestID, err
		}) {
			if !yield(ClusterPage{Number: p.number, Clusters: p.items, RequestID: p.requestID}, err) || err != nil {
				return
			}
		}
	}
}
