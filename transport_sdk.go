package ack

import (
	"context"
	"errors"
	"fmt"

	"github.com/ackgo/ack/internal/sdktransport"
)

// sdkTransport adapts the real transport, which knows nothing of this
// package's types, to Transport.
type sdkTransport struct{ t *sdktransport.Transport }

// RoundTrip sends req and turns the transport's failures into this
// package's terms: a request that never left is marked with MarkNotSent, a
// missing or refused credential matches ErrAuth.
func (s sdkTransport) RoundTrip(ctx context.Context, req *Request) (*Response, error) {
	if req == nil {
		return nil, errors.New("send: nil request")
	}
	a, err := s.t.Send(ctx, &sdktransport.Call{
		Action: req.Action,
		Method: req.Method,
		Path:   req.Path,
		Query:  req.Query,
		Header: req.Header,
		Body:   req.Body,
	})
	if err != nil {
		if sdktransport.IsCredentialFailure(err) {
			err = &authError{err: err}
		}
		if sdktransport.IsNotSent(err) {
			err = MarkNotSent(err)
		}
		return nil, err
	}
	return &Response{StatusCode: a.StatusCode, Header: a.Header, Body: a.Body, RequestID: a.RequestID}, nil
}

// String describes the real transport without secrets.
func (s sdkTransport) String() string { return s.t.String() }

// CloseIdleConnections closes the idle keep-alive connections of the real
// transport's HTTP client.
func (s sdkTransport) CloseIdleConnections() { s.t.CloseIdleConnections() }

// authError is a failure that retrying cannot fix because the caller has no
// valid credentials: it matches ErrAuth and reads as the error it wraps.
type authError struct{ err error }

func (e *authError) Error() string        { return e.err.Error() }
func (e *authError) Unwrap() error        { return e.err }
func (e *authError) Is(target error) bool { return target == ErrAuth }

// Format prints String for every verb.
func (s sdkTransport) Format(f fmt.State, verb rune) { fmt.Fprint(f, s.String()) }
