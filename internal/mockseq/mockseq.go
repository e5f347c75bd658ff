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
