package wire

import "testing"

// TestRouteSegmentsOfOtherRoutes checks that the table's parsed patterns
// serve only the table's routes: a route that differs from the table's,
// even under a table action's name, fills its own pattern.
func TestRouteSegmentsOfOtherRoutes(t *testing.T) {
	table, _ := Lookup(ActionDescribeClusterDetail)
	other := table
	other.Pattern = "/v9/{ClusterId}/x"
	tests := []struct {
		route  Route
		params []string
		want   string
	}{
		{table, []string{"c/1"}, "/clusters/c%2F1"},
		{other, []string{"c/1"}, "/v9/c%2F1/x"},
		{Route{Action: "Custom", Method: "GET", Pattern: "/a/{A}/b/{B}"}, []string{"x", ".."}, "/a/x/b/%2E%2E"},
	}
	for _, tt := range tests {
		if got := tt.route.UnescapedPath(tt.params...); got != tt.want {
			t.Errorf("%s.UnescapedPath(%q) = %q, want %q", tt.route.Pattern, tt.params, got, tt.want)
		}
	}
}
