package fake

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/core"
)

// inProcessHost is the host of in-process requests; .invalid never
// resolves, so nothing can reach it over a network.
const inProcessHost = "ack.fake.invalid"

// Transport returns an ack.Transport that drives the fake's HTTP handler
// in process: no socket, no signing. Each call builds an *http.Request,
// hands it to the same handler the HTTP server uses and returns what the
// handler wrote, so both transports behave alike. Calls act as the
// Principal. A reaction that loses the answer makes RoundTrip return a
// transport error (the change was applied).
func (c *Cloud) Transport() ack.Transport { return transport{cloud: c} }

type transport struct{ cloud *Cloud }

// RoundTrip serves one request.
func (t transport) RoundTrip(ctx context.Context, req *ack.Request) (resp *ack.Response, err error) {
	if req == nil {
		return nil, core.MarkNotSent(fmt.Errorf("fake transport: nil request"))
	}
	if err := ctx.Err(); err != nil {
		return nil, core.MarkNotSent(fmt.Errorf("fake transport: %s: %w", req.Action, err))
	}
	u := url.URL{Scheme: "http", Host: inProcessHost, Path: req.Path, RawQuery: req.Query.Encode()}
	ctx = context.WithValue(ctx, principalKey{}, t.cloud.Principal())
	hr, err := http.NewRequestWithContext(ctx, req.Method, u.String(), bytes.NewReader(req.Body))
	if err != nil {
		return nil, core.MarkNotSent(fmt.Errorf("fake transport: %s: %w", req.Action, err))
	}
	if req.Header != nil {
		hr.Header = req.Header.Clone()
	}
	if req.Action != "" && hr.Header.Get("x-acs-action") == "" {
		hr.Header.Set("x-acs-action", req.Action)
	}
	if len(req.Body) > 0 && hr.Header.Get("Content-Type") == "" {
		hr.Header.Set("Content-Type", "application/json")
	}
	hr.RemoteAddr = "in-process"

	rec := &recorder{header: http.Header{}}
	defer func() {
		if p := recover(); p != nil {
			if p != http.ErrAbortHandler {
				panic(p)
			}
			resp, err = nil, fmt.Errorf("fake transport: %s: %w", req.Action, errLost)
		}
	}()
	t.cloud.handler.ServeHTTP(rec, hr)
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	return &ack.Response{
		StatusCode: rec.status,
		Header:     rec.header,
		Body:       rec.body.Bytes(),
		RequestID:  rec.header.Get(headerRequestID),
	}, nil
}

// recorder is the http.ResponseWriter of in-process calls.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

// Header returns the answer's headers.
func (r *recorder) Header() http.Header { return r.header }

// WriteHeader records the first status written.
func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
}

// Write appends to the body, with status 200 unless one was written.
func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.body.Write(b)
}
