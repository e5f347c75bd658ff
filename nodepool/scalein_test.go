package nodepool

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var t0 = time.Date(2019, 9, 11, 8, 0, 0, 0, time.UTC)

// node builds a node created minutes after t0.
func node(id string, origin Origin, minutes int, seq int64) Node {
	return Node{InstanceID: id, Name: "cn-hangzhou." + id, Origin: origin, Created: t0.Add(time.Duration(minutes) * time.Minute), Seq: seq}
}

func ids(nodes []Node) []string {
	var out []string
	for _, n := range nodes {
		out = append(out, n.InstanceID)
	}
	return out
}

func TestChooseScaleIn(t *testing.T) {
	pool := []Node{
		node("i-init1", OriginInitial, 0, 1),
		node("i-init2", OriginInitial, 0, 2),
		node("i-hand", OriginAttached, 90, 7), // the newest node of all, added by hand
		node("i-out1", OriginScaleOut, 10, 3),
		node("i-out2", OriginScaleOut, 20, 4),
		node("i-out3", OriginScaleOut, 20, 5), // same second as i-out2, created after it
		node("i-out4", OriginScaleOut, 30, 6),
		node("i-unknown", OriginUnknown, 95, 8),
	}
	cases := []struct {
		name    string
		k, min  int
		want    []string
		wantErr error
	}{
		{name: "nothing", k: 0, want: nil},
		{name: "nothing from a pool under its minimum", k: 0, min: 20, want: nil},
		{name: "newest scale-out first", k: 1, want: []string{"i-out4"}},
		{name: "ties by creation order", k: 2, want: []string{"i-out4", "i-out3"}},
		{name: "every scale-out node", k: 4, want: []string{"i-out4", "i-out3", "i-out2", "i-out1"}},
		{name: "minimum reached exactly", k: 3, min: 5, want: []string{"i-out4", "i-out3", "i-out2"}},
		{name: "below the minimum", k: 4, min: 5, wantErr: ErrBelowMinimum},
		{name: "more than the scale-out nodes", k: 5, wantErr: ErrNotEnoughScaleOut},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ChooseScaleIn(pool, c.k, c.min)
			if !errors.Is(err, c.wantErr) {
				t.Fatalf("error = %v, want %v", err, c.wantErr)
			}
			if diff := cmp.Diff(c.want, ids(got)); diff != "" {
				t.Errorf("chosen (-want +got):\n%s", diff)
			}
		})
	}
}

// TestChooseScaleInOnACKNodes: nodes read from ACK are of unknown origin
// (their source does not tell it); a scale-in keeps them and its error
// says why.
func TestChooseScaleInOnACKNodes(t *testing.T) {
	var nodes []Node
	for i, o := range []Origin{OriginFromSource(SourceESSAttach), OriginUnknown, OriginScaleOut} {
		nodes = append(nodes, node(fmt.Sprintf("i-%d", i), o, i, int64(i)))
	}
	got, err := ChooseScaleIn(nodes, 2, 0)
	if !errors.Is(err, ErrNotEnoughScaleOut) {
		t.Fatalf("ChooseScaleIn = %v, %v; want ErrNotEnoughScaleOut", ids(got), err)
	}
	for _, want := range []string{"only 1 of 3 nodes were added by a scale-out", "2 nodes are of unknown origin", "does not tell a node's origin", "RemoveNodes"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if got, err := ChooseScaleIn(nodes, 1, 0); err != nil || !cmp.Equal(ids(got), []string{"i-2"}) {
		t.Errorf("ChooseScaleIn of 1 = %v, %v; want the one scale-out node", ids(got), err)
	}
	if _, err := ChooseScaleIn(nodes[2:], 2, 0); err == nil || strings.Contains(err.Error(), "unknown origin") {
		t.Errorf("error %v speaks of unknown origins where there are none", err)
	}
}

func TestChooseScaleInRefusesNegatives(t *testing.T) {
	nodes := []Node{node("i-1", OriginScaleOut, 0, 1)}
	for _, c := range []struct{ k, min int }{{-1, 0}, {1, -1}} {
		if got, err := ChooseScaleIn(nodes, c.k, c.min); err == nil {
			t.Errorf("ChooseScaleIn(k=%d, min=%d) = %v, nil; want an error", c.k, c.min, ids(got))
		}
	}
}

func TestChooseScaleInDoesNotModifyInput(t *testing.T) {
	nodes := []Node{node("i-1", OriginScaleOut, 0, 1), node("i-2", OriginScaleOut, 5, 2), node("i-0", OriginInitial, 0, 0)}
	before := slices.Clone(nodes)
	if _, err := ChooseScaleIn(nodes, 2, 0); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before, nodes); diff != "" {
		t.Errorf("input changed (-before +after):\n%s", diff)
	}
}

// newer reports whether a was created after b: later Created, then larger
// Seq, then larger InstanceID. It is written independently of newerFirst.
func newer(a, b Node) bool {
	switch {
	case a.Created.After(b.Created):
		return true
	case a.Created.Before(b.Created):
		return false
	case a.Seq != b.Seq:
		return a.Seq > b.Seq
	}
	return a.InstanceID > b.InstanceID
}

// randomPool builds a pool of up to 24 nodes with unique instance IDs,
// random origins and creation times drawn from few values, so that ties
// are common. Seqs are a creation order, or with tiedSeqs drawn from few
// values so that the instance ID must break ties too.
func randomPool(r *rand.Rand, tiedSeqs bool) []Node {
	n := r.IntN(25)
	origins := append(Origins(), OriginUnknown)
	nodes := make([]Node, n)
	for i := range nodes {
		seq := int64(i)
		if tiedSeqs {
			seq = int64(r.IntN(3))
		}
		nodes[i] = Node{
			InstanceID: fmt.Sprintf("i-%03d", r.IntN(1000)*100+i),
			Origin:     origins[r.IntN(len(origins))],
			Created:    t0.Add(time.Duration(r.IntN(5)) * time.Second),
			Seq:        seq,
		}
	}
	return nodes
}

func TestChooseScaleInProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(20190911, 4))
	for iter := range 3000 {
		nodes := randomPool(r, iter%3 == 0)
		k := r.IntN(len(nodes) + 3)
		minSize := r.IntN(len(nodes) + 2)
		scaleOut := 0
		for _, n := range nodes {
			if n.Origin == OriginScaleOut {
				scaleOut++
			}
		}
		got, err := ChooseScaleIn(nodes, k, minSize)
		where := fmt.Sprintf("iteration %d (k=%d, min=%d, %d nodes, %d scale-out)", iter, k, minSize, len(nodes), scaleOut)

		// Errors exactly when the request cannot be met. Removing nothing
		// always can be, even from a pool already under its minimum.
		switch {
		case k > 0 && len(nodes)-k < minSize:
			if !errors.Is(err, ErrBelowMinimum) {
				t.Fatalf("%s: error %v, want ErrBelowMinimum", where, err)
			}
			continue
		case k > scaleOut:
			if !errors.Is(err, ErrNotEnoughScaleOut) {
				t.Fatalf("%s: error %v, want ErrNotEnoughScaleOut", where, err)
			}
			continue
		case err != nil:
			t.Fatalf("%s: unexpected error %v", where, err)
		}

		if len(got) != k {
			t.Fatalf("%s: chose %d nodes, want %d", where, len(got), k)
		}
		if left := len(nodes) - len(got); k > 0 && left < minSize {
			t.Fatalf("%s: leaves %d nodes, under the minimum", where, left)
		}
		chosen := map[string]bool{}
		for i, c := range got {
			if c.Origin != OriginScaleOut {
				t.Fatalf("%s: chose %s of origin %q", where, c.InstanceID, c.Origin)
			}
			if i > 0 && !newer(got[i-1], c) {
				t.Fatalf("%s: %s comes before %s but is not newer", where, got[i-1].InstanceID, c.InstanceID)
			}
			chosen[c.InstanceID] = true
		}
		// The chosen are the k newest scale-out nodes: every scale-out
		// node left behind is older than every chosen one.
		for _, n := range nodes {
			if n.Origin != OriginScaleOut || chosen[n.InstanceID] {
				continue
			}
			for _, c := range got {
				if newer(n, c) {
					t.Fatalf("%s: kept %s, newer than chosen %s", where, n.InstanceID, c.InstanceID)
				}
			}
		}
		// The input's order does not matter.
		shuffled := slices.Clone(nodes)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		again, err := ChooseScaleIn(shuffled, k, minSize)
		if err != nil {
			t.Fatalf("%s: shuffled input: %v", where, err)
		}
		if diff := cmp.Diff(got, again); diff != "" {
			t.Fatalf("%s: shuffled input changes the answer (-first +shuffled):\n%s", where, diff)
		}
	}
}

func TestScaleInOrderSkipsFixedNodes(t *testing.T) {
	nodes := []Node{
		node("i-a", OriginAttached, 50, 5),
		node("i-b", OriginScaleOut, 40, 4),
		node("i-c", OriginInitial, 60, 6),
		node("i-d", OriginScaleOut, 45, 3),
	}
	if diff := cmp.Diff([]string{"i-d", "i-b"}, ids(ScaleInOrder(nodes))); diff != "" {
		t.Errorf("ScaleInOrder (-want +got):\n%s", diff)
	}
}

func BenchmarkChooseScaleIn(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	nodes := make([]Node, 2000)
	for i := range nodes {
		nodes[i] = Node{InstanceID: fmt.Sprintf("i-%05d", i), Origin: Origins()[r.IntN(3)], Created: t0.Add(time.Duration(r.IntN(3600)) * time.Second), Seq: int64(i)}
	}
	for b.Loop() {
		if _, err := ChooseScaleIn(nodes, 100, 0); err != nil {
			b.Fatal(err)
		}
	}
}
