package fake

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"

	"github.com/ackgo/ack"
)

// inProcessHost is the host of in-process requests; .invalid never
// resolves, so nothing can reach it over a network.
const inProcessHost = "ack.fake.invalid"

// Canonical names of the request headers the transport may add.
const (
	headerAction      = "X-Acs-Action"
	headerContentType = "Content-Type"
)

// Transport returns an ack.Transport that drives the fake's HTTP handler
// in process: no socket, no signing. Each call builds an *http.Request and
// is served by the same code that serves the HTTP server's requests, so
// both transports behave alike and answer the same bytes. Calls act as the
// Principal. A reaction that loses the answer makes RoundTrip return a
// transport error (the change was applied).
func (c *Cloud) Transport() ack.Transport { return transport{cloud: c} }

type transport struct{ cloud *Cloud }

// RoundTrip serves one request.
func (t transport) RoundTrip(ctx context.Context, req *ack.Request) (*ack.Response, error) {
	if req == nil {
		return nil, ack.MarkNotSent(fmt.Errorf("fake transport: nil request"))
	}
	if err := ctx.Err(); err != nil {
		return nil, ack.MarkNotSent(fmt.Errorf("fake transport: %s: %w", req.Action, err))
	}
	// The handler keeps the body (in the call log), so it gets its own
	// copy; a request without a body reads as an empty one, as over HTTP.
	body := append(make([]byte, 0, len(req.Body)), req.Body...)
	hr, err := inProcessRequest(ctx, req, body)
	if err != nil {
		return nil, ack.MarkNotSent(fmt.Errorf("fake transport: %s: %w", req.Action, err))
	}
	hdr := make(http.Header, 2)
	status, out, lost := t.cloud.serve(hdr, hr, inbound{inProcess: true, principal: t.cloud.Principal(), body: body})
	if lost {
		return nil, fmt.Errorf("fake transport: %s: %w", req.Action, errLost)
	}
	if status == 0 {
		status = http.StatusOK
	}
	return &ack.Response{
		StatusCode: status,
		Header:     hdr,
		Body:       out,
		RequestID:  hdr.Get(headerRequestID),
	}, nil
}

// inProcessRequest builds the *http.Request the handler sees for an
// in-process call: the one that parsing
// "http://ack.fake.invalid<escaped path>?<encoded query>" would give,
// built without writing and parsing that URL. Its headers are the
// request's (shared: the handler only reads them) plus x-acs-action and,
// with a body, Content-Type, unless the request sets them.
func inProcessRequest(ctx context.Context, req *ack.Request, body []byte) (*http.Request, error) {
	hr, err := http.NewRequestWithContext(ctx, req.Method, "", nil)
	if err != nil {
		return nil, err
	}
	path := req.Path
	if path != "" && path[0] != '/' {
		// A URL with a host writes a slash before a relative path.
		path = "/" + path
	}
	hr.URL.Scheme, hr.URL.Host, hr.URL.Path = "http", inProcessHost, path
	if req.Path == "*" {
		// The one path a URL writes unescaped, which parsing keeps as
		// written.
		hr.URL.RawPath = path
	}
	hr.URL.RawQuery = req.Query.Encode()
	hr.Host = inProcessHost
	hr.RemoteAddr = "in-process"
	hr.Body = http.NoBody
	if len(body) > 0 {
		hr.Body = io.NopCloser(bytes.NewReader(body))
		hr.ContentLength = int64(len(body))
	}
	h := hr.Header
	for k, v := range req.Header {
		h[k] = v
	}
	if req.Action != "" && h.Get(headerAction) == "" {
		h[headerAction] = []string{req.Action}
	}
	if len(body) > 0 && h.Get(headerContentType) == "" {
		h[headerContentType] = []string{"application/json"}
	}
	return hr, nil
}
