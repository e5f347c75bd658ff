package nodepool

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
)

// Errors of ChooseScaleIn, for errors.Is.
var (
	// ErrBelowMinimum: the scale-in would leave fewer nodes than the
	// pool's minimum.
	ErrBelowMinimum = errors.New("below the node pool's minimum")
	// ErrNotEnoughScaleOut: fewer nodes were added by a scale-out than the
	// scale-in asks to remove, or (Client.Scale of a pool without a
	// desired size) none is known to have been, since ACK's node list does
	// not tell.
	ErrNotEnoughScaleOut = errors.New("not enough scale-out nodes")
)

// ScaleInOrder returns the nodes a scale-in may remove, in the order it
// removes them: only scale-out nodes, newest first by Created, a later Seq
// first among equal times (then by the other fields, so that the order
// never depends on the input's). Initial and attached nodes, and nodes of
// unknown origin (every node a client reads: see SourceESSAttach), are
// never in it. nodes is not modified.
func ScaleInOrder(nodes []Node) []Node {
	var out []Node
	for _, n := range nodes {
		if n.Removable() {
			out = append(out, n)
		}
	}
	slices.SortFunc(out, newerFirst)
	return out
}

// newerFirst orders nodes newest first.
func newerFirst(a, b Node) int {
	if c := b.Created.Compare(a.Created); c != 0 {
		return c
	}
	return cmp.Or(
		cmp.Compare(b.Seq, a.Seq),
		cmp.Compare(b.InstanceID, a.InstanceID),
		cmp.Compare(b.Name, a.Name),
		cmp.Compare(b.InstanceType, a.InstanceType),
		cmp.Compare(b.State, a.State),
	)
}

// ChooseScaleIn chooses the k nodes a scale-in of a pool with the given
// nodes removes: the k newest scale-out nodes (see ScaleInOrder), never a
// node created with the cluster or the pool, never one added by hand. The
// pool keeps at least minSize nodes.
//
// It removes exactly k nodes or none: asking for more than the scale-out
// nodes is an error matching ErrNotEnoughScaleOut, and going below
// minSize one matching ErrBelowMinimum. The answer does not depend on the
// order of nodes.
func ChooseScaleIn(nodes []Node, k, minSize int) ([]Node, error) {
	switch {
	case k < 0:
		return nil, fmt.Errorf("node pool scale-in of %d nodes: the count cannot be negative", k)
	case minSize < 0:
		return nil, fmt.Errorf("node pool scale-in: the minimum %d cannot be negative", minSize)
	case k == 0:
		return nil, nil
	case len(nodes)-k < minSize:
		return nil, fmt.Errorf("node pool scale-in of %d of %d nodes would leave %d, under the minimum of %d: %w",
			k, len(nodes), len(nodes)-k, minSize, ErrBelowMinimum)
	}
	order := ScaleInOrder(nodes)
	if len(order) < k {
		return nil, fmt.Errorf("node pool scale-in of %d nodes: only %d of %d nodes were added by a scale-out, and nodes created with the pool or added by hand are never removed%s: %w",
			k, len(order), len(nodes), unknownNote(nodes), ErrNotEnoughScaleOut)
	}
	return slices.Clip(order[:k]), nil
}

// unknownNote says how many nodes are of unknown origin, which a scale-in
// never removes either, or returns "" when there are none.
func unknownNote(nodes []Node) string {
	n := 0
	for _, x := range nodes {
		if x.Origin == OriginUnknown {
			n++
		}
	}
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("; %d nodes are of unknown origin (ACK's node list does not tell a node's origin) and are kept too; remove chosen nodes with RemoveNodes", n)
}
