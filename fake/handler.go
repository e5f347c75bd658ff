package fake

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/ackgo/ack/internal/wire"
)

// maxBody is the largest request body the fake reads.
const maxBody = 4 << 20

// headerRequestID carries the request ID of every answer.
const headerRequestID = "X-Acs-Request-Id"

// principalKey marks a request as in-process; its value is the Principal.
type principalKey struct{}

// request is one routed call as an action sees it.
type request struct {
	http   *http.Request
	route  wire.Route
	params map[string]string
	body   []byte
	id     string // request ID
	caller string // who sent it, as the call log shows
}

// answer is what an action returns: a JSON body (any) with a status, or
// an error.
type answer struct {
	status int
	body   any
	err    *Error
}

// ok returns a 200 answer with body v.
func ok(v any) answer { return answer{status: http.StatusOK, body: v} }

// fail returns an error answer.
func fail(e *Error) answer { return answer{err: e} }

// action serves one API.
type action func(c *Cloud, r *request) answer

// actions lists the APIs the fake implements; every other route of
// internal/wire answers NotImplemented.
var actions = map[string]action{
	wire.ActionCreateCluster:                 (*Cloud).createCluster,
	wire.ActionDescribeClusterDetail:         (*Cloud).describeClusterDetail,
	wire.ActionDescribeClustersV1:            (*Cloud).describeClustersV1,
	wire.ActionDeleteCluster:                 (*Cloud).deleteCluster,
	wire.ActionModifyCluster:                 (*Cloud).modifyCluster,
	wire.ActionModifyClusterTags:             (*Cloud).modifyClusterTags,
	wire.ActionDescribeClusterUserKubeconfig: (*Cloud).describeKubeconfig,
	wire.ActionDescribeTaskInfo:              (*Cloud).describeTaskInfo,
	wire.ActionDescribeClusterNodes:          (*Cloud).describeClusterNodes,
	wire.ActionDescribeUserQuota:             (*Cloud).describeUserQuota,
	wire.ActionScaleOutCluster:               (*Cloud).scaleOutCluster,
	wire.ActionDeleteClusterNodes:            (*Cloud).deleteClusterNodes,
	wire.ActionRemoveClusterNodes:            (*Cloud).removeClusterNodesV2,
	wire.ActionCreateClusterNodePool:         (*Cloud).createClusterNodePool,
	wire.ActionDescribeClusterNodePools:      (*Cloud).describeClusterNodePools,
	wire.ActionDescribeClusterNodePoolDetail: (*Cloud).describeClusterNodePoolDetail,
	wire.ActionModifyClusterNodePool:         (*Cloud).modifyClusterNodePool,
	wire.ActionScaleClusterNodePool:          (*Cloud).scaleClusterNodePool,
	wire.ActionDeleteClusterNodepool:         (*Cloud).deleteClusterNodepool,
	wire.ActionRemoveNodePoolNodes:           (*Cloud).removeNodePoolNodes,
}

// Implemented reports whether the fake simulates an action; the others
// answer NotImplemented (HTTP 501).
func Implemented(action string) bool {
	_, ok := actions[action]
	return ok
}

// handler is the fake's http.Handler.
type handler struct{ cloud *Cloud }

// ServeHTTP answers one request: control endpoints under /_fake/, ACK's
// API everywhere else.
func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c := h.cloud
	reqID := c.ids.request()
	if strings.HasPrefix(r.URL.Path, controlPrefix) {
		c.serveControl(w, r, reqID)
		return
	}
	principal, inProcess := r.Context().Value(principalKey{}).(Principal)
	call := Call{
		Method: r.Method, Path: r.URL.Path, Query: r.URL.Query(),
		InProcess: inProcess, At: c.clock.Now(), RequestID: reqID,
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	call.Body = body
	var ans answer
	var lose bool
	switch {
	case err != nil:
		ans = fail(NewError(InvalidParameterFormat, "request body could not be read: %v", err))
	case len(body) > maxBody:
		ans = fail(NewError(InvalidParameter, "request body is larger than %d bytes", maxBody))
	default:
		ans, lose = c.serveAPI(r, body, reqID, &call, principal, inProcess)
	}
	status, hdr, out := c.encode(ans, reqID)
	call.Status = status
	if ans.err != nil {
		call.Code = ans.err.Code
	}
	call.Lost = lose
	c.log.add(call)
	if lose {
		// net/http closes the connection without an answer; the in-process
		// transport turns this into a transport error.
		panic(http.ErrAbortHandler)
	}
	for k, v := range hdr {
		w.Header()[k] = v
	}
	w.WriteHeader(status)
	_, _ = w.Write(out)
}

// serveAPI routes, authenticates, runs the reactors and the action. lose
// reports that the answer must be dropped.
func (c *Cloud) serveAPI(r *http.Request, body []byte, reqID string, call *Call, principal Principal, inProcess bool) (ans answer, lose bool) {
	path := r.URL.EscapedPath()
	route, params, found := wire.Match(r.Method, path)
	if !found {
		return fail(c.noRoute(r, path)), false
	}
	call.Action = route.Action

	caller, readOnly, aerr := c.authenticate(r, body, principal, inProcess)
	call.Caller = caller
	if aerr != nil {
		return fail(aerr), false
	}
	if readOnly && route.Method != http.MethodGet {
		return fail(NewError(ErrorCheckAcl, "%s may not call %s: it has read-only access", callerName(caller), route.Action)), false
	}

	re, _ := c.reactors.react(*call)
	if err := delay(r.Context(), c.clock, re.Latency); err != nil {
		return fail(NewError(ServiceUnavailable, "%s: request cancelled during injected latency: %v", route.Action, err)), false
	}
	if re.Err != nil {
		return answer{err: re.Err}, false
	}
	act, implemented := actions[route.Action]
	if !implemented {
		return fail(NewError(NotImplemented, "the fake ACK does not implement %s (%s %s)", route.Action, route.Method, route.Pattern)), false
	}
	return act(c, &request{http: r, route: route, params: params, body: body, id: reqID, caller: caller}), re.LoseResponse
}

// actionName is the shape of an API name in x-acs-action.
var actionName = regexp.MustCompile(`^[A-Z][A-Za-z0-9]{1,79}$`)

// noRoute explains a method and path that no route of internal/wire has:
// NotImplemented (501) when x-acs-action names an API the route table does
// not know (one of ACK's many APIs the fake does not simulate, sent by a
// Tea SDK), else 405 when the path exists with other methods and 404
// otherwise.
func (c *Cloud) noRoute(r *http.Request, path string) *Error {
	name := r.Header.Get("x-acs-action")
	if _, known := wire.Lookup(name); !known && actionName.MatchString(name) {
		return NewError(NotImplemented, "the fake ACK does not implement %s (%s %s)", name, r.Method, r.URL.Path)
	}
	if name == "" {
		name = r.Method + " " + r.URL.Path
	}
	if allowed := wire.AllowedMethods(path); len(allowed) > 0 {
		return &Error{Code: InvalidActionNotFound, Status: http.StatusMethodNotAllowed,
			Message: "no ACK API is " + r.Method + " " + r.URL.Path + " (" + name + "); the path allows " + strings.Join(allowed, ", ")}
	}
	return NewError(InvalidActionNotFound, "no ACK API is %s %s (%s)", r.Method, r.URL.Path, name)
}

// callerName names a caller in a message.
func callerName(caller string) string {
	if caller == "" {
		return "the caller"
	}
	return "caller " + caller
}

// encode turns an answer into status, headers and body. Object bodies get
// the request ID as request_id; error bodies are {"code","message",
// "requestId"}.
func (c *Cloud) encode(ans answer, reqID string) (int, http.Header, []byte) {
	h := http.Header{}
	h.Set(headerRequestID, reqID)
	h.Set("Content-Type", "application/json;charset=utf-8")
	if ans.err != nil {
		e := ans.err
		if e.RetryAfter > 0 {
			h.Set("X-Ratelimit-User-Api", "TimeLeft:"+strconv.FormatInt(e.RetryAfter.Milliseconds(), 10))
		}
		b, _ := json.Marshal(wire.ErrorBody{Code: e.Code, Message: e.Message, RequestID: reqID})
		return e.status(), h, b
	}
	if ans.body == nil {
		h.Del("Content-Type")
		return ans.status, h, nil
	}
	b, err := json.Marshal(ans.body)
	if err != nil {
		eb, _ := json.Marshal(wire.ErrorBody{Code: InternalError, Message: "encode answer: " + err.Error(), RequestID: reqID})
		return http.StatusInternalServerError, h, eb
	}
	return ans.status, h, withRequestID(b, reqID)
}

// errLost is what the in-process transport returns for a dropped answer.
// It wraps io.ErrUnexpectedEOF, as a connection closed mid-answer does, so
// that clients classify it as an ambiguous outcome.
var errLost = fmt.Errorf("connection closed after the request was applied, before the answer was sent: %w", io.ErrUnexpectedEOF)

// now returns the virtual time an action runs at.
func (c *Cloud) now() time.Time { return c.clock.Now() }
