package fake

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/ackgo/ack/internal/wire"
)

// The store keeps each cluster's DescribeClusterDetail answer as last
// encoded, so that polls of a cluster that has not changed encode nothing.
// Rather than track every field a detail shows, the store counts changes:
// gen grows whenever anything may have changed (every call that changes
// the store through update, world_store.go; every change that starts;
// every change that completes), and a cached answer serves only while gen
// is the one it was encoded at (world_cache.go). Reads that change nothing
// (polls, lists, the Go views) leave gen alone. The fake's own tests set
// verifyRenderCache, which renders every hit again and panics when the
// cached answer differs.

// cachedDetail is a cluster's detail answer without its request ID, and
// the store generation it was encoded at.
type cachedDetail struct {
	gen  uint64
	body []byte
}

// verifyRenderCache makes every cache hit render the answer again and
// compare; set by the fake's tests.
var verifyRenderCache = false

// detailAnswer encodes (or takes from the cache) a cluster's detail
// answer, and caches what it encoded when the store has not changed since
// the snapshot.
func (c *Cloud) detailAnswer(d detailRead) answer {
	body, err := c.detailBytes(d)
	if err != nil {
		return ok(renderDetail(*d.snap)) // encode reports the error
	}
	return answer{status: http.StatusOK, encoded: body}
}

// detailBytes returns a cluster's detail encoded (json.Marshal of its
// wire.ClusterDetail), from the cache or rendered and then cached.
func (c *Cloud) detailBytes(d detailRead) ([]byte, error) {
	if d.cached != nil && !verifyRenderCache {
		return d.cached, nil
	}
	body, err := json.Marshal(renderDetail(*d.snap))
	if err != nil {
		return nil, err
	}
	if d.cached != nil && !bytes.Equal(d.cached, body) {
		panic(fmt.Sprintf("fake: the cached detail of cluster %s is stale:\ncached %s\nnow    %s", d.rec.id, d.cached, body))
	}
	c.st.keepDetail(d, body)
	return body, nil
}

// listAnswer writes a page of DescribeClustersV1 from its clusters'
// details (cached ones among them) as encoding/json writes a
// wire.DescribeClustersV1Response; verifyRenderCache compares the two.
func (c *Cloud) listAnswer(reads []detailRead, info wire.PageInfo) answer {
	bodies := make([][]byte, len(reads))
	size := 64
	for i, d := range reads {
		body, err := c.detailBytes(d)
		if err != nil {
			return fail(NewError(InternalError, "encode cluster %s: %v", d.rec.id, err))
		}
		bodies[i] = body
		size += len(body) + 1
	}
	pi, err := json.Marshal(info)
	if err != nil {
		return fail(NewError(InternalError, "encode page info: %v", err))
	}
	// One buffer of the page's size, with room for the request ID that
	// encode puts in front.
	b := bytes.NewBuffer(make([]byte, 0, size+len(pi)+64))
	b.WriteString(`{"clusters":[`)
	for i, body := range bodies {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(body)
	}
	b.WriteString(`],"page_info":`)
	b.Write(pi)
	b.WriteByte('}')
	if verifyRenderCache {
		resp := wire.DescribeClustersV1Response{PageInfo: info}
		for _, d := range reads {
			if d.snap == nil {
				continue // a cached read without a snapshot: not verifying
			}
			resp.Clusters = append(resp.Clusters, renderDetail(*d.snap))
		}
		if want, _ := json.Marshal(resp); len(resp.Clusters) == len(reads) && !bytes.Equal(want, b.Bytes()) {
			panic(fmt.Sprintf("fake: a list page differs from its encoding:\nwritten %s\nencoded %s", b.Bytes(), want))
		}
	}
	return answer{status: http.StatusOK, encoded: b.Bytes()}
}
