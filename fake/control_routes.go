package fake

import (
	"net/http"
	"slices"
	"strings"

	"github.com/ackgo/ack/internal/bridge"
)

// controlRoute is one control endpoint: its name under controlPrefix, in
// which "{id}" stands for one non-empty path segment, the methods it
// takes, and the earlier name it is still served under, if any.
type controlRoute struct {
	name    string
	methods []string
	alias   string
}

// controlRoutes are the control endpoints. control answers these names
// (and aliases) and methods only, before an endpoint's own code runs, so
// an endpoint serves nothing until it is listed here. Each is documented
// in ackfake's doc with a curl example, in Server's doc and in the README
// (TestControlEndpointsDocumented), and the README's table of control
// endpoints has a row for each with its methods, which the repository's
// readme_test.go checks through bridge.FakeControl. An alias is an
// earlier name, served and not documented apart.
var controlRoutes = []controlRoute{
	{name: "clock", methods: []string{http.MethodGet}},
	{name: "advance", methods: []string{http.MethodPost}},
	{name: "calls", methods: []string{http.MethodGet}},
	{name: "reset", methods: []string{http.MethodPost}},
	{name: "state", methods: []string{http.MethodGet, http.MethodPut}},
	{name: "faults", methods: []string{http.MethodGet, http.MethodPost, http.MethodDelete}},
	{name: "faults/{id}", methods: []string{http.MethodDelete}},
	{name: "bill", methods: []string{http.MethodGet}},
	{name: "account", methods: []string{http.MethodGet, http.MethodPost}},
	{name: "limits", methods: []string{http.MethodGet, http.MethodPost}},
	{name: "instances", methods: []string{http.MethodGet, http.MethodPost}, alias: "container-instances"},
	{name: "instances/stop", methods: []string{http.MethodPost}, alias: "container-instances/stop"},
	{name: "instances/{id}", methods: []string{http.MethodDelete}, alias: "container-instances/{id}"},
	{name: "demand", methods: []string{http.MethodPost}},
}

func init() {
	bridge.Provide(bridge.FakeControl{Routes: func() []bridge.ControlRoute {
		out := make([]bridge.ControlRoute, len(controlRoutes))
		for i, r := range controlRoutes {
			out[i] = bridge.ControlRoute{Name: r.name, Methods: slices.Clone(r.methods)}
		}
		return out
	}})
}

// findControlRoute returns the route that serves name, a path below
// controlPrefix.
func findControlRoute(name string) (controlRoute, bool) {
	for _, r := range controlRoutes {
		if r.matches(name) {
			return r, true
		}
	}
	return controlRoute{}, false
}

// matches reports whether the route serves name, under its name or its
// alias.
func (r controlRoute) matches(name string) bool {
	return matchName(r.name, name) || (r.alias != "" && matchName(r.alias, name))
}

// matchName reports whether name matches pattern, in which "{id}" at the
// end stands for one non-empty path segment.
func matchName(pattern, name string) bool {
	head, wild := strings.CutSuffix(pattern, "{id}")
	if !wild {
		return name == pattern
	}
	id, ok := strings.CutPrefix(name, head)
	return ok && id != "" && !strings.Contains(id, "/")
}

// methodList writes the route's methods as a message says them: "GET",
// "GET or POST", "GET, POST or DELETE".
func (r controlRoute) methodList() string {
	m := r.methods
	if len(m) == 1 {
		return m[0]
	}
	return strings.Join(m[:len(m)-1], ", ") + " or " + m[len(m)-1]
}

// controlList lists the control endpoints in words, as the refusal of an
// unknown one does: "clock, advance, ... and demand".
func controlList() string {
	names := make([]string, len(controlRoutes))
	for i, r := range controlRoutes {
		names[i] = r.name
	}
	n := len(names)
	return strings.Join(names[:n-1], ", ") + " and " + names[n-1]
}
