package wire

import (
	"fmt"
	"net/url"
	"strings"
)

// BodyKind says what a request or a response carries as its body.
type BodyKind int

const (
	// BodyNone is no body at all (an empty request body, or a response
	// that carries only headers).
	BodyNone BodyKind = iota + 1
	// BodyObject is one JSON object.
	BodyObject
	// BodyArray is a JSON array at the top level.
	BodyArray
)

// String returns the kind's name.
func (k BodyKind) String() string {
	switch k {
	case BodyNone:
		return "None"
	case BodyObject:
		return "Object"
	case BodyArray:
		return "Array"
	}
	return fmt.Sprintf("BodyKind(%d)", int(k))
}

// Route is one API of the ACK OpenAPI: its name, its HTTP method and its
// path pattern, and the kinds of body that the request and the response
// carry. Placeholders in the pattern are written {Name} and fill one whole
// path segment each.
type Route struct {
	// Action is the API name, for example "DescribeClusterDetail".
	Action string
	// Method is the HTTP method, upper-case.
	Method string
	// Pattern is the path pattern, for example "/clusters/{ClusterId}".
	Pattern string
	// BodyKind is what the request carries.
	BodyKind BodyKind
	// ResponseKind is what a successful response carries.
	ResponseKind BodyKind
}

// segment is one parsed segment of a pattern: a literal, or a placeholder
// when param is set.
type segment struct {
	literal string
	param   string
}

// parsePattern splits a pattern into its segments. The pattern is trusted
// (it comes from the route table) and always starts with "/".
func parsePattern(pattern string) []segment {
	parts := strings.Split(strings.TrimPrefix(pattern, "/"), "/")
	segs := make([]segment, len(parts))
	for i, p := range parts {
		if strings.HasPrefix(p, "{") && strings.HasSuffix(p, "}") {
			segs[i] = segment{param: p[1 : len(p)-1]}
		} else {
			segs[i] = segment{literal: p}
		}
	}
	return segs
}

// Placeholders returns the names of the pattern's placeholders in the order
// they appear, for example ["ClusterId", "NodepoolId"].
func (r Route) Placeholders() []string {
	var names []string
	for _, s := range r.segments() {
		if s.param != "" {
			names = append(names, s.param)
		}
	}
	return names
}

// Path fills the placeholders with params, in order, each escaped with
// url.PathEscape (and a param of "." or ".." written with "%2E", so that no
// server cleans it away), and returns the escaped path as it goes on the
// wire. It panics when the number of params differs from the number of
// placeholders: that is a programming error.
func (r Route) Path(params ...string) string {
	return r.fill(params, escapeSegment)
}

// escapeSegment escapes a param for the wire form of a path.
func escapeSegment(p string) string {
	switch p {
	case ".":
		return "%2E"
	case "..":
		return "%2E%2E"
	}
	return url.PathEscape(p)
}

// UnescapedPath fills the placeholders like Path but leaves the params
// unescaped, except that a "/" inside a param is written "%2F" and a param
// of "." or ".." is written with "%2E", so that no param can change which
// route the path names. This is the form core.Request.Path holds.
func (r Route) UnescapedPath(params ...string) string {
	return r.fill(params, neutralSegment)
}

func (r Route) fill(params []string, escape func(string) string) string {
	segs := r.segments()
	want := 0
	for _, s := range segs {
		if s.param != "" {
			want++
		}
	}
	if want != len(params) {
		panic(fmt.Sprintf("wire: route %s (%s) takes %d path parameters, got %d", r.Action, r.Pattern, want, len(params)))
	}
	var b strings.Builder
	i := 0
	for _, s := range segs {
		b.WriteByte('/')
		if s.param == "" {
			b.WriteString(s.literal)
			continue
		}
		b.WriteString(escape(params[i]))
		i++
	}
	return b.String()
}

// segments returns the route's parsed pattern: the route table's, parsed
// once, for a route of the table, else parsed now.
func (r Route) segments() []segment {
	if defaultRouter != nil {
		if i, ok := defaultRouter.byAction[r.Action]; ok && defaultRouter.routes[i].route == r {
			return defaultRouter.routes[i].segs
		}
	}
	return parsePattern(r.Pattern)
}

// neutralSegment makes a param safe to place unescaped in a path: it cannot
// add a segment or walk up the tree.
func neutralSegment(p string) string {
	switch p {
	case ".":
		return "%2E"
	case "..":
		return "%2E%2E"
	}
	return strings.ReplaceAll(p, "/", "%2F")
}

// Lookup returns the route of an action.
func Lookup(action string) (Route, bool) {
	i, ok := defaultRouter.byAction[action]
	if !ok {
		return Route{}, false
	}
	return defaultRouter.routes[i].route, true
}

// Routes returns a copy of the route table, in a stable order.
func Routes() []Route {
	out := make([]Route, len(defaultRouter.routes))
	for i, c := range defaultRouter.routes {
		out[i] = c.route
	}
	return out
}

// Match finds the route of an HTTP request by its method and its escaped
// path (as r.URL.EscapedPath() gives it; anything after a "?" is ignored).
// params holds the value of each placeholder, path-unescaped, by
// placeholder name. Where several patterns match, the one whose first
// differing segment is a literal wins, so /clusters/{ClusterId}/nodepools
// is never taken for a placeholder. A placeholder never matches an empty
// segment.
func Match(method, path string) (r Route, params map[string]string, ok bool) {
	return defaultRouter.match(method, path)
}

// AllowedMethods returns the methods that some route accepts for path,
// sorted; a server answers 405 with them when Match fails on the method
// alone, and 404 when there are none.
func AllowedMethods(path string) []string {
	return defaultRouter.allowed(path)
}
