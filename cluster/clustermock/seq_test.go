package clustermock_test

import (
	"errors"
	"iter"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/cluster/clustermock"
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
	a, b := &cluster.Cluster{ID: "c-a"}, &cluster.Cluster{ID: "c-b"}
	errPage := errors.New("list clusters: page 2: boom")
	tests := []struct {
		name string
		seq  iter.Seq2[*cluster.Cluster, error]
		stop int
		want []item[*cluster.Cluster]
	}{
		{"empty", clustermock.Seq(), 0, nil},
		{"in order", clustermock.Seq(a, b), 0, []item[*cluster.Cluster]{{V: a}, {V: b}}},
		{"stops at a break", clustermock.Seq(a, b), 1, []item[*cluster.Cluster]{{V: a}}},
		{"ends with the error", clustermock.SeqErr(errPage, a, b), 0,
			[]item[*cluster.Cluster]{{V: a}, {V: b}, {Err: errPage.Error()}}},
		{"only the error", clustermock.SeqErr(errPage), 0, []item[*cluster.Cluster]{{Err: errPage.Error()}}},
		{"a break before the error", clustermock.SeqErr(errPage, a, b), 2, []item[*cluster.Cluster]{{V: a}, {V: b}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, collect(tt.seq, tt.stop)); diff != "" {
				t.Errorf("yielded (-want +got):\n%s", diff)
			}
			// A canned list may be ranged over again, as a client's may.
			if diff := cmp.Diff(tt.want, collect(tt.seq, tt.stop)); diff != "" {
				t.Errorf("second range (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNodeSeq(t *testing.T) {
	n := &cluster.Node{InstanceID: "i-1"}
	errPage := errors.New("boom")
	if diff := cmp.Diff([]item[*cluster.Node]{{V: n}}, collect(clustermock.NodeSeq(n), 0)); diff != "" {
		t.Errorf("NodeSeq (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]item[*cluster.Node]{{V: n}, {Err: "boom"}}, collect(clustermock.NodeSeqErr(errPage, n), 0)); diff != "" {
		t.Errorf("NodeSeqErr (-want +got):\n%s", diff)
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
	if diff := cmp.Diff([]string{"clustermock/mocks.go"}, dests); diff != "" {
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
