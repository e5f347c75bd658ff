package sdktransport

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ackgo/ack/internal/envelope"
	"github.com/ackgo/ack/internal/signing"
)

// Transport sends ACK requests over HTTP, signed with the credentials of
// its CredentialSource. It is safe for concurrent use; connections are kept
// alive and reused. The root package adapts it to its Transport interface.
type Transport struct {
	base      *url.URL
	scheme    signing.Scheme
	creds     CredentialSource
	userAgent string
	client    *http.Client
	// rt, when set, is the transport of the client New built, which
	// follows no redirect and has no cookie jar or timeout: requests go
	// to it directly, without the copy of their headers that
	// http.Client.Do makes for redirects it would not follow.
	rt  http.RoundTripper
	now func() time.Time
}

// Call is one request to send: what the root package's Request carries
// onto the wire, without its retry settings.
type Call struct {
	// Action is the API's action name, sent as x-acs-action.
	Action string
	// Method is the HTTP method; empty means GET.
	Method string
	// Path is the request path, "/clusters/c-1".
	Path string
	// Query holds the query parameters.
	Query url.Values
	// Header holds extra headers; the signing headers are added.
	Header http.Header
	// Body is the request body, sent as it is.
	Body []byte
}

// Answer is an HTTP answer, whatever its status, with its whole body.
type Answer struct {
	StatusCode int
	Header     http.Header
	Body       []byte
	// RequestID is the answer's request ID (header or body), or "".
	RequestID string
}

// New builds a Transport. It fails when both Region and Endpoint are empty,
// or when the region, endpoint, scheme or signing scheme is malformed; it
// makes no request.
func New(opts Options) (*Transport, error) {
	base, err := opts.baseURL()
	if err != nil {
		return nil, err
	}
	if opts.Signing != signing.ROAv1 && opts.Signing != signing.ACS3 {
		return nil, fmt.Errorf("new transport: signing scheme %v: want ROAv1 or ACS3", opts.Signing)
	}
	t := &Transport{base: base, scheme: opts.Signing, creds: opts.Credentials, userAgent: opts.UserAgent,
		client: opts.HTTPClient, now: opts.Now}
	if t.creds == nil {
		t.creds = DefaultCredentials()
	}
	if t.userAgent == "" {
		t.userAgent = DefaultUserAgent
	}
	if t.client == nil {
		t.client = newHTTPClient(opts)
		t.rt = t.client.Transport
	}
	if t.now == nil {
		t.now = time.Now
	}
	return t, nil
}

// newHTTPClient builds the keep-alive client of a Transport. It follows no
// redirect: a redirected request would need a new signature, and ACK sends
// none, so a 3xx is returned to the caller as it is.
func newHTTPClient(opts Options) *http.Client {
	or := func(d, def time.Duration) time.Duration {
		if d > 0 {
			return d
		}
		return def
	}
	dialer := &net.Dialer{Timeout: or(opts.DialTimeout, DefaultDialTimeout), KeepAlive: 30 * time.Second}
	return &http.Client{
		Transport: &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           dialer.DialContext,
			ForceAttemptHTTP2:     true,
			MaxIdleConns:          100,
			MaxIdleConnsPerHost:   16,
			IdleConnTimeout:       90 * time.Second,
			TLSHandshakeTimeout:   or(opts.TLSHandshakeTimeout, DefaultTLSHandshakeTimeout),
			ResponseHeaderTimeout: or(opts.ResponseHeaderTimeout, DefaultResponseHeaderTimeout),
			ExpectContinueTimeout: time.Second,
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// Send signs and sends req with ctx, and returns the answer whatever
// its HTTP status, with the whole body and the request ID. It returns an
// error only when no answer came; IsNotSent reports true for that error
// when the request provably never left the process (the
// credentials or the signature failed, or no connection could be made: DNS,
// dial or TLS failure, or ctx ended first).
func (t *Transport) Send(ctx context.Context, req *Call) (*Answer, error) {
	if req == nil {
		return nil, errors.New("send: nil request")
	}
	// GotConn is called on this goroutine before Do returns; WroteRequest
	// may be called on the connection's writer goroutine, hence atomics.
	st := &sendTrace{}
	st.trace.GotConn = st.onGotConn
	st.trace.WroteRequest = st.onWroteRequest
	gotConn, wrote := &st.gotConn, &st.wrote
	hreq, err := t.build(httptrace.WithClientTrace(ctx, &st.trace), req)
	if err != nil {
		return nil, markNotSent(err)
	}

	var resp *http.Response
	if t.rt != nil {
		resp, err = t.rt.RoundTrip(hreq)
	} else {
		resp, err = t.client.Do(hreq)
	}
	if err != nil {
		return nil, t.sendError(ctx, req, err, gotConn.Load(), wrote.Load())
	}
	defer resp.Body.Close()
	body, err := readAnswer(resp)
	if err != nil {
		return nil, fmt.Errorf("send %s: read the answer (HTTP %d): %w", describe(req), resp.StatusCode, withContext(ctx, err))
	}
	if len(body) > MaxResponseBytes {
		return nil, fmt.Errorf("send %s: answer (HTTP %d) is larger than %d bytes", describe(req), resp.StatusCode, MaxResponseBytes)
	}
	return &Answer{StatusCode: resp.StatusCode, Header: resp.Header, Body: body, RequestID: envelope.RequestID(resp.Header, body)}, nil
}

// sendTrace records, for one request, whether it got a connection and
// whether it was written whole; one allocation holds it and its hooks.
type sendTrace struct {
	gotConn, wrote atomic.Bool
	trace          httptrace.ClientTrace
}

func (s *sendTrace) onGotConn(httptrace.GotConnInfo) { s.gotConn.Store(true) }

func (s *sendTrace) onWroteRequest(i httptrace.WroteRequestInfo) { s.wrote.Store(i.Err == nil) }

// readAnswer reads an answer's body, at most MaxResponseBytes+1 bytes: in
// one buffer of the announced length when the answer has one, else as
// io.ReadAll does.
func readAnswer(resp *http.Response) ([]byte, error) {
	n := resp.ContentLength
	if n < 0 || n > MaxResponseBytes {
		return io.ReadAll(io.LimitReader(resp.Body, MaxResponseBytes+1))
	}
	// One byte more than announced, so that a longer body is still read
	// (up to the limit) rather than cut.
	buf := make([]byte, n, n+1)
	if _, err := io.ReadFull(resp.Body, buf); err != nil {
		return buf, err
	}
	// The announced end is usually the end: one read into the spare byte
	// tells.
	if k, err := resp.Body.Read(buf[n : n+1]); k == 0 && err == io.EOF {
		return buf, nil
	} else if err != nil && err != io.EOF {
		return buf, err
	} else if k == 0 {
		rest, err := io.ReadAll(io.LimitReader(resp.Body, MaxResponseBytes+1-n))
		return append(buf, rest...), err
	}
	buf = buf[:n+1]
	rest, err := io.ReadAll(io.LimitReader(resp.Body, MaxResponseBytes-n))
	return append(buf, rest...), err
}

// Header values every request carries, shared: a header's value list is
// never written in place, and these have no room to append into.
var (
	versionValue = []string{APIVersion}
	acceptValue  = []string{"application/json"}
	jsonValue    = []string{"application/json"}
)

// actionValues holds the x-acs-action value list of the actions sent,
// shared as versionValue is; at most maxActionValues of them, since a
// caller's own requests may name any action.
var (
	actionValues    sync.Map // string → []string
	actionCount     atomic.Int64
	maxActionValues = int64(256)
)

// actionValue returns the value list of an action's x-acs-action header.
func actionValue(action string) []string {
	if v, ok := actionValues.Load(action); ok {
		return v.([]string)
	}
	v := []string{action}
	if actionCount.Add(1) <= maxActionValues {
		actionValues.Store(action, v)
	}
	return v
}

// build makes the signed HTTP request of req.
func (t *Transport) build(ctx context.Context, req *Call) (*http.Request, error) {
	path := req.Path
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	u := *t.base
	u.Path, u.RawPath, u.RawQuery = path, "", encodeQuery(req.Query)
	var body io.Reader
	if len(req.Body) > 0 {
		body = bytes.NewReader(req.Body)
	}
	method := req.Method
	if method == "" {
		method = http.MethodGet
	}
	// The URL is built, not parsed again from its string: the request is
	// made for an empty URL, then given u and u's host, as NewRequest
	// would from u.String().
	hreq, err := http.NewRequestWithContext(ctx, method, "", body)
	if err != nil {
		return nil, fmt.Errorf("send %s: build the request: %w", describe(req), err)
	}
	hreq.URL, hreq.Host = &u, strings.TrimSuffix(u.Host, ":")
	h := make(http.Header, len(req.Header)+10)
	for k, v := range req.Header {
		// The caller's value lists are shared, clipped so that an append
		// copies: neither the HTTP client nor signing writes into one.
		h[http.CanonicalHeaderKey(k)] = v[:len(v):len(v)]
	}
	hreq.Header = h
	// The keys below are canonical: the same as Header.Set would use.
	h["X-Acs-Version"] = versionValue
	if req.Action != "" {
		h["X-Acs-Action"] = actionValue(req.Action)
	}
	h["Accept"] = acceptValue
	if len(req.Body) > 0 && h.Get("Content-Type") == "" {
		h["Content-Type"] = jsonValue
	}
	if hreq.Header.Get("User-Agent") == "" {
		hreq.Header.Set("User-Agent", t.userAgent)
	}

	cred, err := t.creds.Credentials(ctx)
	if err != nil {
		return nil, &credentialsError{call: describe(req), err: err}
	}
	if err := signing.Sign(hreq, req.Body, cred, t.scheme, t.now(), ""); err != nil {
		return nil, fmt.Errorf("send %s: %w", describe(req), err)
	}
	return hreq, nil
}

// sendError describes a request that got no answer. The *url.Error that
// http.Client wraps around every error is dropped: its text repeats the
// URL, which describe already gives.
func (t *Transport) sendError(ctx context.Context, req *Call, err error, gotConn, wrote bool) error {
	if ue, ok := errors.AsType[*url.Error](err); ok {
		err = ue.Err
	}
	err = withContext(ctx, err)
	switch {
	case !gotConn:
		return markNotSent(fmt.Errorf("send %s: not sent, no connection: %w", describe(req), err))
	case wrote:
		return fmt.Errorf("send %s: sent, no answer: %w", describe(req), err)
	default:
		return fmt.Errorf("send %s: connected, no answer (the request may have been sent in part or in full): %w", describe(req), err)
	}
}

// withContext makes sure that an error caused by the end of ctx matches
// ctx.Err() with errors.Is, whatever error the HTTP stack reported.
func withContext(ctx context.Context, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil && !errors.Is(err, ctxErr) {
		return fmt.Errorf("%w (%w)", ctxErr, err)
	}
	return err
}

// describe names a request in errors: action, method and path; never a
// header, the query or the body.
func describe(req *Call) string {
	method := req.Method
	if method == "" {
		method = http.MethodGet
	}
	if req.Action == "" {
		return method + " " + req.Path
	}
	return req.Action + " (" + method + " " + req.Path + ")"
}

// encodeQuery encodes q sorted by key, with RFC 3986 escapes (a space is
// %20, not "+"), which both signature schemes and ACK's gateway decode the
// same way.
func encodeQuery(q url.Values) string {
	if len(q) == 0 {
		return ""
	}
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		for _, v := range q[k] {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(escape(k))
			b.WriteByte('=')
			b.WriteString(escape(v))
		}
	}
	return b.String()
}

// escape is url.QueryEscape with a space as %20.
func escape(s string) string { return strings.ReplaceAll(url.QueryEscape(s), "+", "%20") }

// CloseIdleConnections closes the idle keep-alive connections of the
// Transport's HTTP client.
func (t *Transport) CloseIdleConnections() { t.client.CloseIdleConnections() }

// String describes the transport: endpoint, signing scheme and credential
// source, never a secret. Its value receiver makes a Transport print the
// same by value; fmt prints a nil *Transport as "<nil>".
func (t Transport) String() string {
	return fmt.Sprintf("sdktransport.Transport{endpoint: %s, signing: %v, credentials: %s}", t.base, t.scheme, describeSource(t.creds))
}

// describeSource names a credential source: by its String method when it
// has one (the sources of this package print no secret), else by its type
// alone, since printing an unknown value could reveal what it holds.
func describeSource(s CredentialSource) string {
	if str, ok := s.(fmt.Stringer); ok {
		return str.String()
	}
	return fmt.Sprintf("%T", s)
}

// Format prints String for every verb, so that %+v and %#v cannot reach the
// credentials through the unexported fields.
func (t Transport) Format(f fmt.State, verb rune) { fmt.Fprint(f, t.String()) }

// credentialsError is a failure to get credentials for a call. Unless the
// provider merely ran out of time, IsCredentialFailure reports true for it,
// and the root package makes it match its ErrAuth, so that the pipeline does
// not retry what retrying cannot fix. Its text then starts with what to set,
// in one short sentence, and gives the provider's details (the default
// chain's run to some 800 characters) after it.
type credentialsError struct {
	call string // the call not sent, as describe names it
	err  error
}

// credentialsHint is the first sentence of a credential failure: what to
// set.
const credentialsHint = "no usable Alibaba Cloud credentials: set ALIBABA_CLOUD_ACCESS_KEY_ID and " +
	"ALIBABA_CLOUD_ACCESS_KEY_SECRET, or pass ack.WithCredentials"

func (e *credentialsError) Error() string {
	if !e.final() {
		return fmt.Sprintf("send %s: not sent: %v", e.call, e.err)
	}
	return fmt.Sprintf("%s. A profile file, RRSA (OIDC) or an ECS RAM role also serve. %s was not sent; %v",
		credentialsHint, e.call, e.err)
}

func (e *credentialsError) Unwrap() error { return e.err }

// final reports whether the failure is not merely the provider running out
// of time.
func (e *credentialsError) final() bool {
	return !errors.Is(e.err, context.DeadlineExceeded) && !errors.Is(e.err, context.Canceled)
}

// IsCredentialFailure reports whether err is a failure to get credentials
// that retrying cannot fix (not a provider's timeout).
func IsCredentialFailure(err error) bool {
	ce, ok := errors.AsType[*credentialsError](err)
	return ok && ce.final()
}

// APIVersion is the x-acs-version every request carries: the version of
// the ACK OpenAPI (product code CS).
const APIVersion = "2015-12-15"

// notSentError marks an error of a request that never reached the server.
type notSentError struct{ err error }

func (e *notSentError) Error() string { return e.err.Error() }
func (e *notSentError) Unwrap() error { return e.err }

func markNotSent(err error) error { return &notSentError{err: err} }

// IsNotSent reports whether err says the request provably never left the
// process, so that even a write may be sent again.
func IsNotSent(err error) bool {
	_, ok := errors.AsType[*notSentError](err)
	return ok
}

// Clone returns a deep copy of c.
func (c *Call) Clone() *Call {
	out := *c
	out.Query = url.Values(http.Header(c.Query).Clone())
	out.Header = c.Header.Clone()
	if c.Body != nil {
		out.Body = append([]byte(nil), c.Body...)
	}
	return &out
}
