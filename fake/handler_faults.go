package fake

import (
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/ackgo/ack/internal/wire"
)

// faultRequest is the body of POST /_fake/faults.
type faultRequest struct {
	Action    string `json:"action"`
	Code      string `json:"code,omitempty"`
	Status    int    `json:"status,omitempty"`
	Message   string `json:"message,omitempty"`
	Throttle  bool   `json:"throttle,omitempty"`
	Latency   string `json:"latency,omitempty"`
	Lose      bool   `json:"lose,omitempty"`
	Times     int    `json:"times"`
	Principal string `json:"principal,omitempty"`
}

// faultJSON is a fault rule as the endpoints answer it.
type faultJSON struct {
	ID string `json:"id"`
	faultRequest
	Fired int `json:"fired"`
}

// faultExample is a body POST /_fake/faults takes.
const faultExample = `{"action":"CreateCluster","throttle":true,"times":1}`

// faultControl answers /_fake/faults and /_fake/faults/{id}; handled is
// false for any other name.
func (c *Cloud) faultControl(r *http.Request, name string) (a answer, handled bool) {
	id, one := strings.CutPrefix(name, "faults/")
	switch {
	case name != "faults" && !one:
		return answer{}, false
	case one:
		v, found := c.removeFault(id)
		if !found {
			return fail(NewError(InvalidActionNotFound, "no fault rule %q; GET %sfaults lists them", cut(id), controlPrefix)), true
		}
		return ok(toFaultJSON(v)), true
	case r.Method == http.MethodGet:
		out := []faultJSON{}
		for _, v := range c.faultViews() {
			out = append(out, toFaultJSON(v))
		}
		return ok(out), true
	case r.Method == http.MethodDelete:
		return ok(map[string]int{"cleared": c.clearFaults()}), true
	}
	spec, e := decodeFault(r.Body)
	if e != nil {
		return fail(e), true
	}
	return ok(toFaultJSON(c.addFault(spec))), true
}

// methodNotAllowed refuses a control request's method.
func methodNotAllowed(name, want, got string) answer {
	return fail(&Error{Code: InvalidActionNotFound, Status: http.StatusMethodNotAllowed,
		Message: fmt.Sprintf("%s%s takes %s, not %s", controlPrefix, name, want, got)})
}

// decodeFault reads and checks the body of POST /_fake/faults, as
// decodeControlJSON reads a control body.
func decodeFault(body io.Reader) (faultSpec, *Error) {
	var req faultRequest
	if err := decodeControlJSON(body, &req); err != nil {
		return faultSpec{}, bodyRefusal("faults", faultExample, err)
	}
	return req.spec()
}

// spec checks a rule's request and returns its spec.
func (q faultRequest) spec() (faultSpec, *Error) {
	s := faultSpec{action: q.Action, throttle: q.Throttle, lose: q.Lose, times: q.Times, principal: q.Principal}
	bad := func(format string, args ...any) (faultSpec, *Error) {
		return faultSpec{}, NewError(InvalidParameter, "faults: "+format, args...)
	}
	if _, known := wire.Lookup(q.Action); !known && q.Action != AllActions {
		return bad("action %q is not an ACK API name (for example CreateCluster) or %q for all", cut(q.Action), AllActions)
	}
	if q.Times < 0 {
		return bad("times %d is negative; give how many calls the rule answers, or 0 for every call until it is removed", q.Times)
	}
	if q.Status != 0 && (q.Status < 400 || q.Status > 599) {
		return bad("status %d is outside 400-599; a fault answers an HTTP error", q.Status)
	}
	if (q.Status != 0 || q.Message != "") && q.Code == "" {
		return bad("status and message go with an error code; give code as well")
	}
	if q.Latency != "" {
		d, err := parseDuration(q.Latency)
		if err != nil || d == 0 {
			return bad("latency %q: give a positive Go duration such as \"30s\"", cut(q.Latency))
		}
		s.latency = d
	}
	return s.withError(q)
}

// withError completes s with q's error, once it checks that q asks for
// exactly one kind of fault.
func (s faultSpec) withError(q faultRequest) (faultSpec, *Error) {
	kinds := 0
	for _, set := range []bool{q.Code != "", q.Throttle, q.Latency != "", q.Lose} {
		if set {
			kinds++
		}
	}
	if kinds != 1 {
		return faultSpec{}, NewError(InvalidParameter, "faults: give exactly one of code (with status and message), throttle, latency and lose, not %d", kinds)
	}
	if q.Code != "" {
		msg := q.Message
		if msg == "" {
			msg = "fault injected by the fake's control endpoint " + controlPrefix + "faults"
		}
		s.err = &Error{Code: q.Code, Status: q.Status, Message: msg}
		if s.err.Status == 0 {
			s.err.Status = StatusOf(q.Code)
		}
	}
	return s, nil
}

// toFaultJSON renders a rule.
func toFaultJSON(v faultView) faultJSON {
	q := faultRequest{Action: v.spec.action, Throttle: v.spec.throttle, Lose: v.spec.lose, Times: v.spec.times, Principal: v.spec.principal}
	if v.spec.err != nil {
		q.Code, q.Status, q.Message = v.spec.err.Code, v.spec.err.Status, v.spec.err.Message
	}
	if v.spec.latency > 0 {
		q.Latency = v.spec.latency.String()
	}
	return faultJSON{ID: v.id, faultRequest: q, Fired: v.fired}
}
