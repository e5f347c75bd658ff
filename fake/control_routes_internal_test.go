package fake

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/ackgo/ack"
)

// TestControlRoutesDispatch checks that control serves exactly what
// controlRoutes lists: every listed method of every route reaches the
// endpoint (it answers anything but "no control endpoint" and 405), and
// every other method is refused with 405 naming the listed ones.
func TestControlRoutesDispatch(t *testing.T) {
	all := []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete}
	for _, route := range controlRoutes {
		names := []string{route.name}
		if route.alias != "" {
			names = append(names, route.alias)
		}
		for _, name := range names {
			testControlMethods(t, route, controlPrefix+strings.ReplaceAll(name, "{id}", "f-none"), all)
		}
	}
}

// testControlMethods sends every method of all to path, a path of route.
func testControlMethods(t *testing.T, route controlRoute, path string, all []string) {
	t.Helper()
	for _, method := range all {
		t.Run(method+" "+path, func(t *testing.T) {
			req := &ack.Request{Method: method, Path: path}
			if method == http.MethodPost {
				req.Body = []byte(`{}`)
			}
			resp, err := New().Transport().RoundTrip(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			var body struct{ Message string }
			_ = json.Unmarshal(resp.Body, &body)
			listed := slices.Contains(route.methods, method)
			switch {
			case listed && (resp.StatusCode == http.StatusMethodNotAllowed || strings.Contains(body.Message, "no control endpoint")):
				t.Errorf("HTTP %d %q; want the endpoint to serve the method its route lists", resp.StatusCode, body.Message)
			case !listed && (resp.StatusCode != http.StatusMethodNotAllowed || !strings.Contains(body.Message, "takes "+route.methodList())):
				t.Errorf("HTTP %d %q; want 405 saying it takes %s", resp.StatusCode, body.Message, route.methodList())
			}
		})
	}
}

// TestFindControlRoute checks how names meet routes, "{id}" included.
func TestFindControlRoute(t *testing.T) {
	tests := []struct {
		name, want string // want "" for no route
	}{
		{"clock", "clock"},
		{"faults", "faults"},
		{"faults/f-1", "faults/{id}"},
		{"faults/", ""},
		{"faults/f-1/x", ""},
		{"instances/stop", "instances/stop"},
		{"instances/eci-1", "instances/{id}"},
		{"container-instances", "instances"},
		{"container-instances/stop", "instances/stop"},
		{"container-instances/eci-1", "instances/{id}"},
		{"container-instances/", ""},
		{"clock/", ""},
		{"unknown", ""},
		{"", ""},
	}
	for _, tt := range tests {
		r, ok := findControlRoute(tt.name)
		if ok != (tt.want != "") || r.name != tt.want {
			t.Errorf("findControlRoute(%q) = %q, %t; want %q", tt.name, r.name, ok, tt.want)
		}
	}
}

// TestControlUnknownName checks that a name of no route is refused with
// the list of every endpoint.
func TestControlUnknownName(t *testing.T) {
	resp, err := New().Transport().RoundTrip(context.Background(), &ack.Request{Method: http.MethodGet, Path: controlPrefix + "nothing"})
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusNotFound || !strings.Contains(string(resp.Body), "no control endpoint /_fake/nothing; under /_fake/ there are clock, ") {
		t.Errorf("HTTP %d %s; want 404 naming the path and listing the endpoints", resp.StatusCode, resp.Body)
	}
	for _, r := range controlRoutes {
		if !strings.Contains(string(resp.Body), r.name) {
			t.Errorf("the refusal %s does not list %s", resp.Body, r.name)
		}
	}
}
