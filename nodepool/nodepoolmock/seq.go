package nodepoolmock

import (
	"iter"

	"github.com/ackgo/ack/internal/mockseq"
	"github.com/ackgo/ack/nodepool"
)

// This file is written by hand; go generate writes mocks.go alone.

// Seq returns a canned list for a mocked List: an iterator that yields
// each node pool in order with a nil error, and stops when the loop
// breaks. It may be ranged over more than once. A canned Pool needs no
// HasDesiredSize: its Size is Spec.DesiredSize when set, else its node
// count.
//
//	lister.EXPECT().List(gomock.Any(), "c-1").Return(nodepoolmock.Seq(a, b))
func Seq(pools ...*nodepool.Pool) iter.Seq2[*nodepool.Pool, error] {
	return mockseq.Of(nil, pools)
}

// SeqErr is Seq with a list that fails after the pools: it yields them,
// then (nil, err), as a List whose call failed does.
func SeqErr(err error, pools ...*nodepool.Pool) iter.Seq2[*nodepool.Pool, error] {
	return mockseq.Of(err, pools)
}

// NodeSeq returns a canned list for a mocked Nodes, as Seq does for List.
func NodeSeq(nodes ...*nodepool.Node) iter.Seq2[*nodepool.Node, error] {
	return mockseq.Of(nil, nodes)
}

// NodeSeqErr is NodeSeq with a list that fails after the nodes, as SeqErr.
func NodeSeqErr(err error, nodes ...*nodepool.Node) iter.Seq2[*nodepool.Node, error] {
	return mockseq.Of(err, nodes)
}
