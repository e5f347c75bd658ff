package fake

import (
	"errors"
	"fmt"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/ackgo/ack"
)

// controlPrefix starts the paths of the control endpoints.
const controlPrefix = "/_fake/"

// clockState is the answer of /_fake/clock and /_fake/advance.
type clockState struct {
	Now  string `json:"now"`
	Mode string `json:"mode"`
}

// loggedCall is a Call as /_fake/calls lists it: without its body, which
// may hold passwords.
type loggedCall struct {
	Seq       int                 `json:"seq"`
	Action    string              `json:"action"`
	Method    string              `json:"method"`
	Path      string              `json:"path"`
	Query     map[string][]string `json:"query,omitempty"`
	Caller    string              `json:"caller,omitempty"`
	InProcess bool                `json:"in_process,omitempty"`
	At        string              `json:"at"`
	RequestID string              `json:"request_id"`
	Status    int                 `json:"status"`
	Code      string              `json:"code,omitempty"`
	Lost      bool                `json:"lost,omitempty"`
}

// serveControl answers the control endpoints. They are not signed and not
// logged, and only local tools (and in-process calls), or clients that
// send the control token, may use them: see controlRefusal.
func (c *Cloud) serveControl(r *http.Request, inProcess bool) answer {
	if !inProcess {
		if e := controlRefusal(r, c.settings.controlToken); e != nil {
			return fail(e)
		}
	}
	return c.control(r)
}

// controlRefusal refuses a control request over HTTP that is not from a
// local tool nor carries the control token (token, WithControlToken).
//
// Without a token the peer must be on loopback and the Host a loopback
// name or address (localhost, 127.x, [::1]) or the address the connection
// arrived on. With the right token (tokenRefusal) any peer and any Host
// are admitted: DNS rebinding cannot forge the token; a wrong token is
// refused. Either way the request-target must be a path (not absolute
// form), any Origin a loopback one or the server's own address, and a
// POST or PUT that carries a body or a Content-Type must carry
// application/json. A web page can make a browser send none of these to a
// loopback port: not a foreign Host (DNS rebinding), not without its own
// Origin on a cross-site write, not a custom header or a cross-site JSON
// body without a preflight the fake never answers.
func controlRefusal(r *http.Request, token ack.Secret) *Error {
	admitted, e := tokenRefusal(r, token)
	switch {
	case e != nil:
		return e
	case !admitted && !isLoopback(r.RemoteAddr) && token.IsZero():
		return NewError(ErrorCheckAcl, "control endpoints answer loopback clients only, not %s; to admit remote clients start ackfake with -control-token (fake.WithControlToken) and send the token in %s", r.RemoteAddr, ControlTokenHeader)
	case !admitted && !isLoopback(r.RemoteAddr):
		return NewError(ErrorCheckAcl, "control endpoints answer loopback clients, and others that send the control token in %s, not %s without it", ControlTokenHeader, r.RemoteAddr)
	case r.RequestURI != "" && !strings.HasPrefix(r.RequestURI, "/"):
		return NewError(ErrorCheckAcl, "control endpoints take a path as the request-target, not the absolute form %q", cut(r.RequestURI))
	}
	local, _ := r.Context().Value(http.LocalAddrContextKey).(net.Addr)
	if !admitted && !localHost(r.Host, local) {
		return NewError(ErrorCheckAcl, "control endpoints answer requests for a loopback host (localhost, 127.0.0.1, [::1]) or the server's own address, not Host %q, unless they send the control token", cut(r.Host))
	}
	for _, o := range r.Header.Values("Origin") {
		u, err := url.Parse(o)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !localHost(u.Host, local) {
			return NewError(ErrorCheckAcl, "control endpoints answer loopback origins only, not Origin %q", cut(o))
		}
	}
	return contentTypeRefusal(r)
}

// contentTypeRefusal refuses a POST, PUT or PATCH that carries a body or
// a Content-Type other than application/json.
func contentTypeRefusal(r *http.Request) *Error {
	if r.Method != http.MethodPost && r.Method != http.MethodPut && r.Method != http.MethodPatch {
		return nil
	}
	ct := r.Header.Get("Content-Type")
	if r.ContentLength == 0 && ct == "" {
		return nil
	}
	if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
		return &Error{Code: InvalidParameter, Status: http.StatusUnsupportedMediaType,
			Message: fmt.Sprintf("a control request with a body takes Content-Type application/json, not %q", cut(ct))}
	}
	return nil
}

// localHost reports whether host (host or host:port, as in a Host header
// or a URL) is a loopback name or address, or the IP of local, the address
// the connection arrived on.
func localHost(host string, local net.Addr) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return false
	}
	if a.Unmap().IsLoopback() {
		return true
	}
	if ta, ok := local.(*net.TCPAddr); ok {
		if l, ok := netip.AddrFromSlice(ta.IP); ok && l.Unmap() == a.Unmap() {
			return true
		}
	}
	return false
}

// cut shortens a value quoted in a message.
func cut(s string) string {
	const max = 100
	if len(s) > max {
		return s[:max] + "..."
	}
	return s
}

// subControls are the groups of control endpoints beside the clock's and
// the log's: each answers its names and leaves the others (handled false).
// control has refused a method its route does not list before any runs.
var subControls = []func(c *Cloud, r *http.Request, name string) (answer, bool){
	(*Cloud).faultControl, (*Cloud).meterControl, (*Cloud).accountControl,
	(*Cloud).instanceControl, (*Cloud).demandControl, (*Cloud).stateControl,
}

// control answers a control request whose name and method controlRoutes
// lists, and refuses any other.
func (c *Cloud) control(r *http.Request) answer {
	name := strings.TrimPrefix(r.URL.Path, controlPrefix)
	route, known := findControlRoute(name)
	switch {
	case !known:
		return fail(NewError(InvalidActionNotFound, "no control endpoint %s; under %s there are %s", cut(r.URL.Path), controlPrefix, controlList()))
	case !slices.Contains(route.methods, r.Method):
		return methodNotAllowed(name, route.methodList(), r.Method)
	}
	for _, sub := range subControls {
		if a, handled := sub(c, r, name); handled {
			return a
		}
	}
	switch name {
	case "advance":
		d, err := parseAdvance(r)
		if err != nil {
			return fail(NewError(InvalidParameter, "advance: %v", err))
		}
		c.Advance(d)
		return ok(c.clockState())
	case "calls":
		calls := c.log.withoutBodies()
		out := make([]loggedCall, len(calls))
		for i, k := range calls {
			out[i] = loggedCall{
				Seq: k.Seq, Action: k.Action, Method: k.Method, Path: k.Path, Query: k.Query,
				Caller: k.Caller, InProcess: k.InProcess, At: formatTime(k.At), RequestID: k.RequestID,
				Status: k.Status, Code: k.Code, Lost: k.Lost,
			}
		}
		return ok(out)
	case "reset":
		if e := emptyOrObject(r); e != nil {
			return fail(e)
		}
		c.Reset()
		return ok(c.clockState())
	}
	return ok(c.clockState())
}

func (c *Cloud) clockState() clockState {
	return clockState{Now: formatTime(c.Now()), Mode: c.clock.Mode().String()}
}

// emptyOrObject refuses a body of /_fake/reset other than none or {}.
func emptyOrObject(r *http.Request) *Error {
	if err := decodeControlJSON(r.Body, &struct{}{}); err != nil && !errors.Is(err, errEmptyBody) {
		return NewError(InvalidParameterFormat, "%sreset takes no body, or {}: %v", controlPrefix, err)
	}
	return nil
}

// parseAdvance reads the duration of /_fake/advance: the query's d or
// duration, or a JSON body {"duration": "90s"}. It must be a Go duration
// of at least zero.
func parseAdvance(r *http.Request) (time.Duration, error) {
	s := r.URL.Query().Get("d")
	if s == "" {
		s = r.URL.Query().Get("duration")
	}
	if s == "" && r.Body != nil {
		var b struct {
			Duration string `json:"duration"`
		}
		if err := decodeControlJSON(r.Body, &b); err != nil {
			return 0, fmt.Errorf("give the duration as ?d=90s or a body {\"duration\":\"90s\"}: %w", err)
		}
		s = b.Duration
	}
	return parseDuration(s)
}

// parseDuration parses a non-negative Go duration such as "90s" or "1h".
func parseDuration(s string) (time.Duration, error) {
	if s == "" {
		return 0, fmt.Errorf("duration is missing; give it as ?d=90s")
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("duration %q: %w", s, err)
	}
	if d < 0 {
		return 0, fmt.Errorf("duration %q is negative; the clock only moves forward", s)
	}
	return d, nil
}

// isLoopback reports whether a remote address (host:port) is a loopback
// address.
func isLoopback(remote string) bool {
	host, _, err := net.SplitHostPort(remote)
	if err != nil {
		host = remote
	}
	a, err := netip.ParseAddr(host)
	return err == nil && a.Unmap().IsLoopback()
}
