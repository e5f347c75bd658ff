// Package mockseq builds the canned lists of the mock packages
// (clustermock.Seq, nodepoolmock.NodeSeq, ...): an iterator over a copy of
// the items given, ended by an error when one is given, so that every
// mock package's list helpers behave alike.
package mockseq

import (
	"iter"
	"slices"
)

// Of yields a copy of items, each with a nil error, stopping when the
// loop breaks; then (zero, err) when err is not nil. The iterator may be
// ranged over more than once.
func Of[T any](err error, items []T) iter.Seq2[T, error] {
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
