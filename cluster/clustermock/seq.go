package clustermock

import (
	"iter"
	"slices"

	"github.com/ackgo/ack/cluster"
)

// This file is written by hand; go generate writes mocks.go alone.

// Seq returns a canned list for a mocked List: an iterator that yields
// each cluster in order with a nil error, and stops when the loop breaks.
// It may be ranged over more than once.
//
//	lister.EXPECT().List(gomock.Any()).Return(clustermock.Seq(a, b))
func Seq(clusters ...*cluster.Cluster) iter.Seq2[*cluster.Cluster, error] {
	return seq(nil, clusters)
}

// SeqErr is Seq with a list that fails after the clusters: it yields them,
// then (nil, err), as a List whose next page failed does.
func SeqErr(err error, clusters ...*cluster.Cluster) iter.Seq2[*cluster.Cluster, error] {
	return seq(err, clusters)
}

// NodeSeq returns a canned list for a mocked Nodes, as Seq does for List.
func NodeSeq(nodes ...*cluster.Node) iter.Seq2[*cluster.Node, error] {
	return seq(nil, nodes)
}

// NodeSeqErr is NodeSeq with a list that fails after the nodes, as SeqErr.
func NodeSeqErr(err error, nodes ...*cluster.Node) iter.Seq2[*cluster.Node, error] {
	return seq(err, nodes)
}

// seq yields a copy of items, then (zero, err) when err is not nil.
func seq[T any](err error, items []T) iter.Seq2[T, error] {
	items = slices.Clone(items)
	return func(yield func(T, error) bool) {
		for _, it := range items {
			if !yield(it, nil) {
				return
			}
		}
		if err != nil {
			var zero T
			yield(zero, err)
		}
	}
}
