package mockseq

import (
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func collect(s func(func(int, error) bool), stopAfter int) []string {
	var out []string
	s(func(v int, err error) bool {
		if err != nil {
			out = append(out, "error "+err.Error())
		} else {
			out = append(out, fmt.Sprint(v))
		}
		return stopAfter == 0 || len(out) < stopAfter
	})
	return out
}

func TestOf(t *testing.T) {
	boom := errors.New("boom")
	items := []int{1, 2}
	tests := []struct {
		name      string
		err       error
		stopAfter int
		want      []string
	}{
		{"every item", nil, 0, []string{"1", "2"}},
		{"the loop breaks", nil, 1, []string{"1"}},
		{"then the error", boom, 0, []string{"1", "2", "error boom"}},
		{"break before the error", boom, 2, []string{"1", "2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Of(tt.err, items)
			items[0] = 9 // the iterator holds a copy
			if diff := cmp.Diff(tt.want, collect(s, tt.stopAfter)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.want, collect(s, tt.stopAfter)); diff != "" {
				t.Errorf("second range (-want +got):\n%s", diff)
			}
			items[0] = 1
		})
	}
}

func ExampleOf() {
	for v, err := range Of(errors.New("page 2 failed"), []string{"a", "b"}) {
		fmt.Println(v, err)
	}
	// Output:
	// a <nil>
	// b <nil>
	//  page 2 failed
}
