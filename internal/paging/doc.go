// Package paging walks the pages of ACK's list of a cluster's nodes,
// DescribeClusterNodes, for the typed clients that list nodes (the
// cluster and the node pool clients), so that the loop over pages is
// written once.
//
// DescribeClusterNodes pages with camelCase parameters (pageNumber,
// pageSize; see wire.DescribeClusterNodesQuery) and answers each page
// with its nodes and a "page" block whose total count may be missing.
// ClusterNodes reads one page a call, as the loop asks for it, and stops
// after a page shorter than the page size or one that reaches the total
// count, so that it never reads a page past the end when ACK reports the
// total, and reads one empty page at most when it does not.
//
// The package has no defaults: the caller chooses the page size (the
// clients clamp it to 1..MaxPageSize of their package) and sends with its
// own pipeline (a Doer).
package paging
