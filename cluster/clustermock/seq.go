package clustermock

import (
	"iter"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/internal/mockseq"
	"github.com/ackgo/ack/nodepool"
)

// This file is written by hand; go generate writes mocks.go alone.

// Seq returns a canned list for a mocked List: an iterator that yields
// each cluster in order with a nil error, and stops when the loop breaks.
// It may be ranged over more than once.
//
//	lister.EXPECT().List(gomock.Any()).Return(clustermock.Seq(a, b))
func Seq(clusters ...*cluster.Cluster) iter.Seq2[*cluster.Cluster, error] {
	return mockseq.Of(nil, clusters)
}

// SeqErr is Seq with a list that fails after the clusters: it yields them,
// then (nil, err), as a List whose next page failed does.
func SeqErr(err error, clusters ...*cluster.Cluster) iter.Seq2[*cluster.Cluster, error] {
	return mockseq.Of(err, clusters)
}

// NodeSeq returns a canned list for a mocked Nodes, as Seq does for List.
func NodeSeq(nodes ...*nodepool.Node) iter.Seq2[*nodepool.Node, error] {
	return mockseq.Of(nil, nodes)
}

// NodeSeqErr is NodeSeq with a list that fails after the nodes, as SeqErr.
func NodeSeqErr(err error, nodes ...*nodepool.Node) iter.Seq2[*nodepool.Node, error] {
	return mockseq.Of(err, nodes)
}
