package paging

import (
	"bytes"
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
			if !yield(page[T]{number: n, items: items, requestID: requestID}, nil) || wire.LastPage(n, size, len(items), total) {
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
	// Details are the same clusters decoded, Details[i] from Clusters[i].
	Details []*wire.ClusterDetail
	// RequestID identifies the call that read the page.
	RequestID string
}

// Clusters returns an iterator over the pages of DescribeClustersV1, read
// one call a page as the loop asks for them, from page 1, and ending as
// ClusterNodes does. q gives the filters and the page size (at least 1);
// its PageNumber is set for each page.
func Clusters(ctx context.Context, do Doer, q wire.DescribeClustersV1Query) iter.Seq2[ClusterPage, error] {
	return func(yield func(ClusterPage, error) bool) {
		for p, err := range walk(q.PageSize, func(n int64) ([]clusterItem, int64, string, error) {
			q.PageNumber = n
			req := wire.NewRequest(wire.ActionDescribeClustersV1)
			req.Query = q.Query()
			resp, err := do(ctx, req)
			if err != nil {
				return nil, 0, "", err
			}
			items, total, err := decodeClusterPage(resp.Body)
			return items, total, resp.RequestID, err
		}) {
			page := ClusterPage{Number: p.number, RequestID: p.requestID,
				Clusters: make([]json.RawMessage, len(p.items)), Details: make([]*wire.ClusterDetail, len(p.items))}
			for i, it := range p.items {
				page.Clusters[i], page.Details[i] = it.raw, it.detail
			}
			if !yield(page, err) || err != nil {
				return
			}
		}
	}
}

// clusterItem is one cluster of a page: its JSON object as sent (a copy
// of its own) and the object decoded (in the page's decoded list).
type clusterItem struct {
	raw    json.RawMessage
	detail *wire.ClusterDetail
}

// decodeClusterPage decodes a page of DescribeClustersV1 in one pass into
// its clusters, finding each one's JSON object in the body with
// wire.ArraySpans; a body whose items it cannot find that way is decoded
// item by item, as the raw objects first.
func decodeClusterPage(body []byte) ([]clusterItem, int64, error) {
	out, err := wire.Decode[struct {
		Clusters []*wire.ClusterDetail `json:"clusters"`
		PageInfo wire.PageInfo         `json:"page_info"`
	}](body)
	if err != nil {
		return nil, 0, err
	}
	spans, ok := wire.ArraySpans(body, "clusters")
	if ok && len(spans) == len(out.Clusters) {
		items := make([]clusterItem, len(spans))
		for i, s := range spans {
			d := out.Clusters[i]
			if d == nil { // a null item
				d = &wire.ClusterDetail{}
			}
			items[i] = clusterItem{raw: bytes.Clone(s), detail: d}
		}
		return items, out.PageInfo.TotalCount, nil
	}
	raw, err := wire.Decode[struct {
		Clusters []json.RawMessage `json:"clusters"`
	}](body)
	if err != nil {
		return nil, 0, err
	}
	items := make([]clusterItem, len(raw.Clusters))
	for i, r := range raw.Clusters {
		d, err := wire.DecodeClusterDetail(r)
		if err != nil {
			return nil, 0, err
		}
		items[i] = clusterItem{raw: r, detail: &d}
	}
	return items, out.PageInfo.TotalCount, nil
}
