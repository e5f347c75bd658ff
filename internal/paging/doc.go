// Package paging walks the pages of ACK's paged lists for the typed
// clients, so that the loop over pages and the last-page rule are written
// once: DescribeClusterNodes (ClusterNodes; the cluster and node pool
// clients' Nodes, quota's node count) and DescribeClustersV1 (Clusters;
// cluster's List, quota's usage).
//
// DescribeClusterNodes pages with camelCase parameters (pageNumber,
// pageSize; see wire.DescribeClusterNodesQuery) and answers each page
// with its nodes and a "page" block whose total count may be missing;
// DescribeClustersV1 pages with page_number and page_size and answers a
// "page_info" block. Both iterators read one page a call, as the loop asks
// for it, and stop after a page shorter than the page size or one that
// reaches the total count (wire.LastPage), so that they never read a page
// past the end when ACK reports the total, and read one empty page at
// most when it does not.
//
// Defaults:
//
//	constant   value
//	MaxPages   1000 (a list longer than this ends with an error)
//
// The caller chooses the page size (the clients clamp it to
// 1..wire.MaxPageSize) and sends with its own pipeline (a Doer).
package paging
