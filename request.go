package ack

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
)

// APIVersion is the version of the ACK OpenAPI (product code CS) that this
// SDK speaks.
const APIVersion = "2015-12-15"

// RetryMode says how a request may be retried after a failure. It is decided
// per request, not per method: a read is always Safe, a write chooses.
type RetryMode int

const (
	// Safe requests have no side effect (reads). Any transient failure is
	// retried: throttling, 5xx, connection resets and timeouts.
	Safe RetryMode = iota
	// IfNotSent requests are writes that are re-sent only when the request
	// provably never reached the server (the transport said so with
	// MarkNotSent) or the server refused it unprocessed (throttling, 503).
	// An ambiguous outcome (a reset or timeout after the request was
	// written, a 500, 502 or 504) ends the call with that error.
	IfNotSent
	// Reconcile requests are writes with a Reconcile hook. After an
	// ambiguous outcome the hook inspects the world and either returns the
	// result the write produced or says it is safe to send again.
	Reconcile
	// Never requests are not retried at all.
	Never
)

// String returns the mode's name.
func (m RetryMode) String() string {
	switch m {
	case Safe:
		return "Safe"
	case IfNotSent:
		return "IfNotSent"
	case Reconcile:
		return "Reconcile"
	case Never:
		return "Never"
	}
	return fmt.Sprintf("RetryMode(%d)", int(m))
}

// ReconcileFunc is called by the retry step after an ambiguous outcome of a
// Reconcile request: the request may or may not have been applied. cause is
// the error of the ambiguous attempt. It is also called once when a re-send
// of the request is refused for good (a delete answered "not found"), since
// an earlier attempt may have applied it; a Response it returns then ends
// the call, and otherwise the refusal stands.
//
// It returns a non-nil Response when it found the result of the write (the
// call then succeeds with that response), (nil, nil) when it is sure the
// write was not applied and the request may be sent again, or an error that
// ends the call.
type ReconcileFunc func(ctx context.Context, cause error) (*Response, error)

// Request is one call of the ACK OpenAPI, before signing. Transports must not
// modify it; the pipeline may send the same Request several times.
type Request struct {
	// Action is the API name, for example "DescribeClusterDetail". It is sent
	// as the x-acs-action header and names the call in logs and errors.
	Action string
	// Method is the HTTP method.
	Method string
	// Path is the unescaped resource path, for example "/clusters/c-1".
	Path string
	// Query holds the query parameters.
	Query url.Values
	// Header holds extra headers. The transport adds the signing headers.
	Header http.Header
	// Body is the JSON body, or nil for none.
	Body []byte
	// Retry says how the request may be retried.
	Retry RetryMode
	// Reconcile is the hook of a Reconcile request; it must be set when
	// Retry is Reconcile.
	Reconcile ReconcileFunc
}

// Clone returns a deep copy of r.
func (r *Request) Clone() *Request {
	c := *r
	if r.Query != nil {
		c.Query = make(url.Values, len(r.Query))
		for k, v := range r.Query {
			c.Query[k] = append([]string(nil), v...)
		}
	}
	if r.Header != nil {
		c.Header = r.Header.Clone()
	}
	if r.Body != nil {
		c.Body = append([]byte(nil), r.Body...)
	}
	return &c
}

// String describes the request without its body or headers, so that it is
// safe to print. Its value receiver makes a Request print the same whether
// it is formatted by pointer or by value; fmt prints a nil *Request as
// "<nil>".
func (r Request) String() string {
	q := ""
	if len(r.Query) > 0 {
		q = "?" + r.Query.Encode()
	}
	return fmt.Sprintf("%s %s %s%s", r.Action, r.Method, r.Path, q)
}

// Format prints the request as String does for every verb, so that %+v and
// %#v cannot reveal headers such as Authorization, or the body.
func (r Request) Format(f fmt.State, verb rune) { fmt.Fprint(f, r.String()) }

// Response is what a transport returns for a request that reached the server
// and got an HTTP answer, whatever its status.
type Response struct {
	// StatusCode is the HTTP status.
	StatusCode int
	// Header holds the response headers.
	Header http.Header
	// Body is the whole response body.
	Body []byte
	// RequestID is the server's request ID, from the x-acs-request-id header
	// or the body's request_id / requestId field.
	RequestID string
}

// String describes the response without its body, which may hold a
// kubeconfig. Like Request's, it has a value receiver; fmt prints a nil
// *Response as "<nil>".
func (r Response) String() string {
	return fmt.Sprintf("HTTP %d request-id=%s (%d bytes)", r.StatusCode, r.RequestID, len(r.Body))
}

// Format prints the response as String does for every verb.
func (r Response) Format(f fmt.State, verb rune) { fmt.Fprint(f, r.String()) }

// Transport sends one request and returns the server's answer. It is the one
// seam of the SDK: the real ACK transport, the fake's in-process transport,
// recorders and users' own transports all implement it.
//
// RoundTrip returns a nil error for any HTTP answer, including 4xx and 5xx:
// the pipeline decodes error bodies. It returns an error only when no answer
// was received; it should wrap that error with MarkNotSent when it knows the
// request never reached the server. It must honour ctx, including while a
// request is in flight.
type Transport interface {
	// RoundTrip sends req once under ctx and returns the server's answer,
	// or an error when no answer came.
	RoundTrip(ctx context.Context, req *Request) (*Response, error)
}

// TransportFunc adapts a function to the Transport interface.
type TransportFunc func(ctx context.Context, req *Request) (*Response, error)

// RoundTrip calls f.
func (f TransportFunc) RoundTrip(ctx context.Context, req *Request) (*Response, error) {
	return f(ctx, req)
}

type notSentError struct{ err error }

func (e *notSentError) Error() string { return e.err.Error() }
func (e *notSentError) Unwrap() error { return e.err }

// MarkNotSent wraps err to say that the request provably never reached the
// server (for example, the connection could not be made), so that even a
// write may be sent again. A nil err stays nil.
func MarkNotSent(err error) error {
	if err == nil {
		return nil
	}
	return &notSentError{err: err}
}

// IsNotSent reports whether err says that the request never reached the
// server.
func IsNotSent(err error) bool {
	var n *notSentError
	return errors.As(err, &n)
}
