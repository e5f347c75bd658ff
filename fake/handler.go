package fake

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/ackgo/ack/internal/envelope"
	"github.com/ackgo/ack/internal/wire"
)

// MaxRequestBody is the largest request body the fake reads, in bytes. A
// larger body is refused with InvalidParameter and HTTP 413 (Request
// Entity Too Large), before its signature is checked, and is not logged.
const MaxRequestBody = 4 << 20

// MaxRequestHeaders is the most header fields (values, counted over every
// name) an HTTP request to the fake may carry; a request with more is
// refused with InvalidParameter and HTTP 431 (Request Header Fields Too
// Large) before its signature is checked. HTTPLimits.MaxHeaderBytes
// bounds their size.
const MaxRequestHeaders = 200

// headerRequestID carries the request ID of every answer.
const headerRequestID = "X-Acs-Request-Id"

// inbound says how a request reached the handler: over HTTP (the zero
// value; the body is read from the request), or in process through
// Transport, acting as principal, with the body already in body.
type inbound struct {
	inProcess bool
	principal Principal
	body      []byte
}

// request is one routed call as an action sees it.
type request struct {
	http   *http.Request
	route  wire.Route
	params map[string]string
	body   []byte
	query  url.Values // the URL's query, parsed once for the call log and the action
	id     string     // request ID
	caller string     // who sent it, as the call log shows
}

// answer is what an action returns: a JSON body with a status, or an
// error. The body is a value to encode (body), or a JSON object already
// encoded without a request ID (encoded), which the answer then shares.
type answer struct {
	status  int
	body    any
	encoded []byte
	err     *Error
}

// ok returns a 200 answer with body v.
func ok(v any) answer { return answer{status: http.StatusOK, body: v} }

// fail returns an error answer.
func fail(e *Error) answer { return answer{err: e} }

// respond returns the answer of a call the world refused (e) or served:
// an error answer, or a 200 answer with body v.
func respond(e *Error, v any) answer {
	if e != nil {
		return fail(e)
	}
	return ok(v)
}

// action serves one API.
type action func(c *Cloud, r *request) answer

// actions lists the APIs the fake implements; every other route of
// internal/wire answers NotImplemented.
var actions = map[string]action{
	wire.ActionCreateCluster:                     (*Cloud).createCluster,
	wire.ActionDescribeClusterDetail:             (*Cloud).describeClusterDetail,
	wire.ActionDescribeClustersV1:                (*Cloud).describeClustersV1,
	wire.ActionDeleteCluster:                     (*Cloud).deleteCluster,
	wire.ActionModifyCluster:                     (*Cloud).modifyCluster,
	wire.ActionModifyClusterTags:                 (*Cloud).modifyClusterTags,
	wire.ActionDescribeClusterUserKubeconfig:     (*Cloud).describeKubeconfig,
	wire.ActionDescribeTaskInfo:                  (*Cloud).describeTaskInfo,
	wire.ActionDescribeClusterNodes:              (*Cloud).describeClusterNodes,
	wire.ActionDescribeUserQuota:                 (*Cloud).describeUserQuota,
	wire.ActionScaleOutCluster:                   (*Cloud).scaleOutCluster,
	wire.ActionDeleteClusterNodes:                (*Cloud).deleteClusterNodes,
	wire.ActionRemoveClusterNodes:                (*Cloud).removeClusterNodesV2,
	wire.ActionCreateClusterNodePool:             (*Cloud).createClusterNodePool,
	wire.ActionDescribeClusterNodePools:          (*Cloud).describeClusterNodePools,
	wire.ActionDescribeClusterNodePoolDetail:     (*Cloud).describeClusterNodePoolDetail,
	wire.ActionModifyClusterNodePool:             (*Cloud).modifyClusterNodePool,
	wire.ActionScaleClusterNodePool:              (*Cloud).scaleClusterNodePool,
	wire.ActionDeleteClusterNodepool:             (*Cloud).deleteClusterNodepool,
	wire.ActionRemoveNodePoolNodes:               (*Cloud).removeNodePoolNodes,
	wire.ActionDescribeKubernetesVersionMetadata: (*Cloud).describeVersionMetadata,
	wire.ActionUpgradeCluster:                    (*Cloud).upgradeCluster,
	wire.ActionGetUpgradeStatus:                  (*Cloud).getUpgradeStatus,
	wire.ActionPauseClusterUpgrade:               (*Cloud).pauseClusterUpgrade,
	wire.ActionResumeUpgradeCluster:              (*Cloud).resumeUpgradeCluster,
	wire.ActionCancelClusterUpgrade:              (*Cloud).cancelClusterUpgrade,
	wire.ActionUpgradeClusterNodepool:            (*Cloud).upgradeClusterNodepool,
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
	status, out, lost := h.cloud.serve(w.Header(), r, inbound{})
	if lost {
		// net/http closes the connection without an answer.
		panic(http.ErrAbortHandler)
	}
	w.WriteHeader(status)
	_, _ = w.Write(out)
}

// serve answers one request, over HTTP or in process: it writes the
// answer's headers into hdr and returns its status and body. lost reports
// that the change was applied and the answer must be dropped.
func (c *Cloud) serve(hdr http.Header, r *http.Request, in inbound) (status int, out []byte, lost bool) {
	reqID := c.ids.request()
	if strings.HasPrefix(r.URL.Path, controlPrefix) {
		ans, _ := recovered("control endpoint "+cut(r.URL.Path), func() (answer, bool) { return c.serveControl(r, in.inProcess), false })
		status, out = c.encode(hdr, ans, reqID)
		return status, out, false
	}
	call := Call{
		Method: r.Method, Path: r.URL.Path, Query: r.URL.Query(),
		InProcess: in.inProcess, At: c.clock.Now(), RequestID: reqID,
	}
	fields := 0
	for _, vs := range r.Header {
		fields += len(vs)
	}
	body, err := in.body, error(nil)
	// A request without a body (http.NoBody, as net/http gives a GET)
	// has nothing to read.
	if !in.inProcess && fields <= MaxRequestHeaders && r.ContentLength <= MaxRequestBody && r.Body != nil && r.Body != http.NoBody {
		body, err = io.ReadAll(io.LimitReader(r.Body, MaxRequestBody+1))
	}
	var ans answer
	switch {
	case !in.inProcess && fields > MaxRequestHeaders:
		ans = fail(&Error{Code: InvalidParameter, Status: http.StatusRequestHeaderFieldsTooLarge,
			Message: fmt.Sprintf("request has %d header fields; the fake reads at most %d", fields, MaxRequestHeaders)})
	case r.ContentLength > MaxRequestBody || len(body) > MaxRequestBody:
		ans = fail(&Error{Code: InvalidParameter, Status: http.StatusRequestEntityTooLarge,
			Message: fmt.Sprintf("request body is larger than %d bytes, the most the fake reads", MaxRequestBody)})
	case err != nil:
		ans = fail(NewError(InvalidParameterFormat, "request body could not be read: %v", err))
	default:
		ans, lost = recovered(r.Method+" "+cut(r.URL.Path), func() (answer, bool) { return c.serveAPI(r, body, reqID, &call, in) })
	}
	status, out = c.encode(hdr, ans, reqID)
	call.Status = status
	if ans.err != nil {
		call.Code = ans.err.Code
	}
	call.Lost = lost
	c.log.add(call)
	return status, out, lost
}

// recovered runs serve and turns a panic in it (a bug of the fake, or of
// a reactor) into an InternalError answer (HTTP 500, ACK's error shape),
// so that the caller gets an answer and the call is logged. Every lock
// the fake takes is released by defer, so the panic leaves none held.
func recovered(what string, serve func() (answer, bool)) (ans answer, lost bool) {
	defer func() {
		if v := recover(); v != nil {
			ans, lost = fail(NewError(InternalError, "the fake ACK failed while serving %s: %v", what, v)), false
		}
	}()
	return serve()
}

// serveAPI routes, authenticates, runs the reactors and the action. lose
// reports that the answer must be dropped.
func (c *Cloud) serveAPI(r *http.Request, body []byte, reqID string, call *Call, in inbound) (ans answer, lose bool) {
	path := r.URL.EscapedPath()
	route, params, found := wire.Match(r.Method, path)
	if !found {
		return fail(c.noRoute(r, path)), false
	}
	call.Action = route.Action

	caller, readOnly, aerr := c.authenticate(r, body, in.principal, in.inProcess)
	call.Caller = caller
	if aerr != nil {
		return fail(aerr), false
	}
	// Only an authenticated call keeps its body in the log: refused
	// requests cost the log no more than their headers.
	call.Body = body
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
	return act(c, &request{http: r, route: route, params: params, body: body, query: call.Query, id: reqID, caller: caller}), re.LoseResponse
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

// encode turns an answer into status, headers (written into h) and body.
// Object bodies get the request ID as request_id; error bodies are
// {"code","message","requestId"}.
func (c *Cloud) encode(h http.Header, ans answer, reqID string) (int, []byte) {
	// The headers are set under their canonical keys directly: encode
	// runs for every request.
	h[headerRequestID] = []string{reqID}
	if ans.err != nil {
		h[headerContentType] = []string{contentTypeJSON}
		e := ans.err
		if e.RetryAfter > 0 {
			h["X-Ratelimit-User-Api"] = []string{"TimeLeft:" + strconv.FormatInt(e.RetryAfter.Milliseconds(), 10)}
		}
		b, _ := json.Marshal(envelope.ErrorBody{Code: e.Code, Message: e.Message, RequestID: reqID})
		return e.status(), b
	}
	switch {
	case ans.encoded != nil:
		h[headerContentType] = []string{contentTypeJSON}
		return ans.status, prependRequestID(ans.encoded, reqID)
	case ans.body == nil:
		return ans.status, nil
	}
	h[headerContentType] = []string{contentTypeJSON}
	b, err := encodeWithRequestID(ans.body, reqID)
	if err != nil {
		eb, _ := json.Marshal(envelope.ErrorBody{Code: InternalError, Message: "encode answer: " + err.Error(), RequestID: reqID})
		return http.StatusInternalServerError, eb
	}
	return ans.status, b
}

// contentTypeJSON is the Content-Type of every answer with a body.
const contentTypeJSON = "application/json;charset=utf-8"

// errLost is what the in-process transport returns for a dropped answer.
// It wraps io.ErrUnexpectedEOF, as a connection closed mid-answer does, so
// that clients classify it as an ambiguous outcome.
var errLost = fmt.Errorf("connection closed after the request was applied, before the answer was sent: %w", io.ErrUnexpectedEOF)
