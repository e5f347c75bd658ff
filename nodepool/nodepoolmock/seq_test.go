package nodepoolmock_test

import (
	"errors"
	"iter"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/nodepool/nodepoolmock"
)

// item is one pair an iterator yielded, for comparisons.
type item[T any] struct {
	V   T
	Err string
}

// collect ranges over seq, stopping after stop pairs when stop > 0.
func collect[T any](seq iter.Seq2[T, error], stop int) []item[T] {
	var out []item[T]
	for v, err := range seq {
		it := item[T]{V: v}
		if err != nil {
			it.Err = err.Error()
		}
		out = append(out, it)
		if stop > 0 && len(out) == stop {
			break
		}
	}
	return out
}

func TestSeq(t *testing.T) {
	a := &nodepool.Pool{ClusterID: "c-1"}
	a.ID = "np-a"
	b := &nodepool.Pool{ClusterID: "c-1"}
	b.ID = "np-b"
	n := &nodepool.Node{PoolID: "np-a"}
	errList := errors.New("cluster c-1: list node pools: boom")
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"pools", collect(nodepoolmock.Seq(a, b), 0), []item[*nodepool.Pool]{{V: a}, {V: b}}},
		{"pools, stopped", collect(nodepoolmock.Seq(a, b), 1), []item[*nodepool.Pool]{{V: a}}},
		{"pools, then an error", collect(nodepoolmock.SeqErr(errList, a), 0), []item[*nodepool.Pool]{{V: a}, {Err: errList.Error()}}},
		{"no pools", collect(nodepoolmock.Seq(), 0), []item[*nodepool.Pool](nil)},
		{"nodes", collect(nodepoolmock.NodeSeq(n), 0), []item[*nodepool.Node]{{V: n}}},
		{"nodes, then an error", collect(nodepoolmock.NodeSeqErr(errList, n), 0), []item[*nodepool.Node]{{V: n}, {Err: errList.Error()}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.got); diff != "" {
				t.Errorf("yielded (-want +got):\n%s", diff)
			}
		})
	}
}

// TestGenerateKeepsTheHelpers checks that go generate writes only the
// generated file, so that the hand-written helpers survive it.
func TestGenerateKeepsTheHelpers(t *testing.T) {
	src, err := os.ReadFile("../interfaces.go")
	if err != nil {
		t.Fatal(err)
	}
	var dests []string
	for line := range strings.Lines(string(src)) {
		if !strings.HasPrefix(line, "//go:generate ") {
			continue
		}
		for f := range strings.FieldsSeq(line) {
			if d, ok := strings.CutPrefix(f, "-destination="); ok {
				dests = append(dests, d)
			}
		}
	}
	if diff := cmp.Diff([]string{"nodepoolmock/mocks.go"}, dests); diff != "" {
		t.Errorf("go:generate destinations (-want +got):\n%s", diff)
	}
	helpers, err := os.ReadFile("seq.go")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(helpers), "Code generated") {
		t.Error("seq.go says it is generated: go generate would own it")
	}
}
