package ack

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/ackgo/ack/internal/envelope"
)

// sendStep is the last step: it hands one attempt to the transport. It sets the
// User-Agent header (on a copy; the caller's request is never modified),
// bounds the attempt with AttemptTimeout, fills Response.RequestID, and turns
// every answer outside 2xx into (resp, *APIError).
type sendStep struct {
	// Transport sends the request.
	Transport Transport
	// UserAgent is set as the User-Agent header of every attempt.
	UserAgent string
	// AttemptTimeout bounds one attempt through its context; zero means no
	// bound beyond the caller's context.
	AttemptTimeout time.Duration
	// Clock reads Retry-After dates.
	Clock Clock
	// userAgent is UserAgent as a header's value list, made with the
	// step and shared by every attempt's header (a value list is never
	// written in place, and this one has no room to append into); a step
	// made without it, or whose UserAgent changed, makes one an attempt.
	userAgent []string
}

// RoundTrip sends one attempt.
func (s *sendStep) RoundTrip(ctx context.Context, req *Request) (*Response, error) {
	out := *req
	out.Header = req.Header.Clone()
	if out.Header == nil {
		out.Header = make(http.Header, 1)
	}
	ua := s.userAgent
	if len(ua) != 1 || ua[0] != s.UserAgent {
		ua = []string{s.UserAgent}
	}
	out.Header["User-Agent"] = ua // the canonical key, as Header.Set writes it
	if s.AttemptTimeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, s.AttemptTimeout)
		defer cancel()
	}
	resp, err := s.Transport.RoundTrip(ctx, &out)
	if err != nil {
		return nil, fmt.Errorf("%s: sending %s %s: %w", req.Action, req.Method, req.Path, err)
	}
	if resp == nil {
		return nil, fmt.Errorf("%s: transport returned neither a response nor an error", req.Action)
	}
	r := *resp
	if r.RequestID == "" {
		r.RequestID = envelope.RequestID(r.Header, r.Body)
	}
	if r.StatusCode < 200 || r.StatusCode > 299 {
		return &r, decodeAPIError(req.Action, &r, s.Clock.Now())
	}
	return &r, nil
}

// decodeAPIError builds the *APIError of an answer outside 2xx from its
// error body (keys code/message/requestId, lower-case or capitalised), its
// request ID and its delay headers. A body it cannot read leaves Code empty
// and Message the HTTP status text.
func decodeAPIError(action string, resp *Response, now time.Time) *APIError {
	e := &APIError{Action: action, HTTPStatus: resp.StatusCode}
	if b, ok := envelope.DecodeError(resp.Body); ok {
		e.Code, e.Message, e.RequestID = b.Code, b.Message, b.RequestID
	}
	if resp.RequestID != "" {
		e.RequestID = resp.RequestID
	}
	if e.Code == "" && e.Message == "" {
		e.Message = http.StatusText(resp.StatusCode)
	}
	e.RetryAfter = headerDelay(resp.Header, now)
	return e
}
