package wire

import (
	"net/http"
	"net/url"

	"github.com/ackgo/ack"
)

// NewRequest starts a request for action from the route table: Action,
// Method and Path (the unescaped form, see Route.UnescapedPath) are set,
// Query is empty and ready for use, and Retry is ack.Safe for GET and
// ack.IfNotSent for every other method. The caller adds the query, the
// body and, for a Reconcile write, the hook.
//
// It panics when action is not in the table or the number of params is
// wrong: both are programming errors. Callers check that IDs are not empty
// before they call it; an empty ID yields a path that no route matches.
func NewRequest(action string, params ...string) *ack.Request {
	r, ok := Lookup(action)
	if !ok {
		panic("wire: unknown action " + action)
	}
	retry := ack.IfNotSent
	if r.Method == http.MethodGet {
		retry = ack.Safe
	}
	return &ack.Request{
		Action: r.Action,
		Method: r.Method,
		Path:   r.UnescapedPath(params...),
		Query:  url.Values{},
		Retry:  retry,
	}
}

// MatchRequest routes a ack.Request the way Match routes an HTTP request:
// it escapes the request's unescaped Path first, so that a param holding
// "%" is read back unchanged.
func MatchRequest(req *ack.Request) (Route, map[string]string, bool) {
	u := url.URL{Path: req.Path}
	return Match(req.Method, u.EscapedPath())
}
