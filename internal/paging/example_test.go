package paging_test

import (
	"context"
	"fmt"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/paging"
	"github.com/ackgo/ack/internal/wire"
)

// A cluster of three nodes listed two a page: the second, short page is
// the last one read.
func Example() {
	pages := []string{
		`{"nodes":[{"instance_id":"i-1","state":"running"},{"instance_id":"i-2","state":"running"}],"page":{"page_number":1,"page_size":2}}`,
		`{"nodes":[{"instance_id":"i-3","state":"running"}],"page":{"page_number":2,"page_size":2}}`,
	}
	calls := 0
	do := func(_ context.Context, req *ack.Request) (*ack.Response, error) {
		calls++
		return &ack.Response{StatusCode: 200, Body: []byte(pages[calls-1]), RequestID: fmt.Sprintf("R-%d", calls)}, nil
	}
	q := wire.DescribeClusterNodesQuery{PageSize: 2}
	for page, err := range paging.ClusterNodes(context.Background(), do, "c-1", q) {
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, n := range page.Nodes {
			fmt.Println(page.Number, n.InstanceID, page.RequestID)
		}
	}
	fmt.Println(calls, "calls")
	// Output:
	// 1 i-1 R-1
	// 1 i-2 R-1
	// 2 i-3 R-2
	// 2 calls
}
