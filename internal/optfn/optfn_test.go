package optfn

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type opts struct{ A, B int }

func TestApply(t *testing.T) {
	tests := []struct {
		name   string
		start  opts
		optFns []func(*opts)
		want   opts
	}{
		{"none", opts{A: 1}, nil, opts{A: 1}},
		{"nil skipped, in order", opts{A: 1}, []func(*opts){nil, func(o *opts) { o.B = 2 }, func(o *opts) { o.A++ }}, opts{A: 2, B: 2}},
		{"later wins", opts{}, []func(*opts){func(o *opts) { o.A = 1 }, func(o *opts) { o.A = 3 }}, opts{A: 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, ApplyTo(tt.start, tt.optFns)); diff != "" {
				t.Errorf("ApplyTo (-want +got):\n%s", diff)
			}
		})
	}
	if got := Apply([]func(*opts){func(o *opts) { o.B = 3 }}); got != (opts{B: 3}) {
		t.Errorf("Apply = %+v, want {0 3}", got)
	}
}

func ExampleApply() {
	type ListOptions struct{ Name string }
	withName := func(n string) func(*ListOptions) { return func(o *ListOptions) { o.Name = n } }
	fmt.Printf("%+v\n", Apply([]func(*ListOptions){withName("web")}))
	// Output: {Name:web}
}
