package nodepool

import "testing"

// TestDetailSize checks Size on canned Details (a test's own values, with
// HasDesiredSize left false) and on Details read from ACK's answers.
func TestDetailSize(t *testing.T) {
	canned := func(desired, nodes int, has bool) *Pool {
		d := &Pool{HasDesiredSize: has}
		d.Spec.DesiredSize, d.Nodes.Total = desired, nodes
		return d
	}
	read := func(body string) *Pool {
		d, err := detailFromBody([]byte(body), "c-1", "R-1")
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		name string
		d    *Pool
		want int
	}{
		{"zero", &Pool{}, 0},
		{"canned desired size", canned(5, 0, false), 5},
		{"canned desired size and fewer nodes", canned(4, 2, false), 4},
		{"canned node count", canned(0, 3, false), 3},
		{"desired size zero, reported", canned(0, 3, true), 0},
		{"read with a desired size", read(`{"scaling_group":{"desired_size":3},"status":{"state":"scaling","total_nodes":1}}`), 3},
		{"read with a desired size of zero", read(`{"scaling_group":{"desired_size":0},"status":{"state":"removing","total_nodes":2}}`), 0},
		{"read without a desired size", read(`{"scaling_group":{},"status":{"state":"active","total_nodes":2}}`), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.d.Size(); got != tt.want {
				t.Errorf("Size() = %d, want %d", got, tt.want)
			}
		})
	}
}
