package wire

import (
	"net/url"
	"slices"
	"strings"
)

// compiled is a route with its parsed pattern.
type compiled struct {
	route Route
	segs  []segment
}

// router matches paths against a route table.
type router struct {
	routes   []compiled
	byAction map[string]int
	// byShape lists, for each method and segment count, the routes that
	// can match, in table order: a match looks at those only.
	byShape map[shape][]int
}

// shape is what a route and a path must share to match: the method and
// the number of segments.
type shape struct {
	method string
	segs   int
}

// newRouter compiles a table. It panics on a duplicate action or on a
// duplicate (method, pattern) pair: both are programming errors in the
// table.
func newRouter(table []Route) *router {
	rt := &router{byAction: make(map[string]int, len(table)), byShape: map[shape][]int{}}
	seen := make(map[string]string, len(table))
	for i, r := range table {
		if _, dup := rt.byAction[r.Action]; dup {
			panic("wire: duplicate action " + r.Action)
		}
		key := r.Method + " " + r.Pattern
		if other, dup := seen[key]; dup {
			panic("wire: " + r.Action + " and " + other + " share " + key)
		}
		seen[key] = r.Action
		rt.byAction[r.Action] = i
		c := compiled{route: r, segs: parsePattern(r.Pattern)}
		rt.routes = append(rt.routes, c)
		k := shape{r.Method, len(c.segs)}
		rt.byShape[k] = append(rt.byShape[k], i)
	}
	return rt
}

// splitPath turns an escaped path into unescaped segments. ok is false when
// the path does not start with "/" or a segment is not a valid escape.
func splitPath(path string) (segs []string, ok bool) {
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path = path[:i]
	}
	if !strings.HasPrefix(path, "/") {
		return nil, false
	}
	segs = make([]string, 0, strings.Count(path, "/"))
	for s := range strings.SplitSeq(path[1:], "/") {
		if strings.IndexByte(s, '%') >= 0 {
			u, err := url.PathUnescape(s)
			if err != nil {
				return nil, false
			}
			s = u
		}
		segs = append(segs, s)
	}
	return segs, true
}

// fits reports whether the unescaped segments fit the pattern.
func (c *compiled) fits(segs []string) bool {
	if len(segs) != len(c.segs) {
		return false
	}
	for i, s := range c.segs {
		if s.param == "" {
			if segs[i] != s.literal {
				return false
			}
		} else if segs[i] == "" {
			return false
		}
	}
	return true
}

// moreLiteral reports whether a should win over b: at the first position
// where one has a literal and the other a placeholder, a has the literal.
func moreLiteral(a, b *compiled) bool {
	for i := range a.segs {
		al, bl := a.segs[i].param == "", b.segs[i].param == ""
		if al != bl {
			return al
		}
	}
	return false
}

func (rt *router) match(method, path string) (Route, map[string]string, bool) {
	segs, ok := splitPath(path)
	if !ok {
		return Route{}, nil, false
	}
	var best *compiled
	for _, i := range rt.byShape[shape{method, len(segs)}] {
		c := &rt.routes[i]
		if !c.fits(segs) {
			continue
		}
		if best == nil || moreLiteral(c, best) {
			best = c
		}
	}
	if best == nil {
		return Route{}, nil, false
	}
	params := make(map[string]string)
	for i, s := range best.segs {
		if s.param != "" {
			params[s.param] = segs[i]
		}
	}
	return best.route, params, true
}

func (rt *router) allowed(path string) []string {
	segs, ok := splitPath(path)
	if !ok {
		return nil
	}
	var methods []string
	for i := range rt.routes {
		c := &rt.routes[i]
		if c.fits(segs) && !slices.Contains(methods, c.route.Method) {
			methods = append(methods, c.route.Method)
		}
	}
	slices.Sort(methods)
	return methods
}
