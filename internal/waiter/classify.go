package waiter

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/ackgo/ack"
)

// IsTransient reports whether a poll's error may go away by itself, so that
// the wait polls again after the next delay instead of ending:
//
//	error                                          outcome
//	errors.Is ack.ErrAuth, ack.ErrInvalid        ends the wait (checked first)
//	errors.Is ack.ErrNotFound                     ends the wait, unless the phase's NotFoundIsDone
//	errors.Is ack.ErrThrottled                    transient
//	*ack.APIError with HTTP 5xx or 429            transient
//	ack.IsNotSent                                 transient
//	a net.Error, io.ErrUnexpectedEOF, io.EOF       transient (a read that got no answer)
//	context.DeadlineExceeded of the poll's own     transient (the wait's context is checked apart)
//	timeout
//	anything else (conflict, quota, decoding, …)   ends the wait
//
// Anything not known to be transient ends the wait, so that a poll that can
// never succeed does not spin until MaxWait.
func IsTransient(err error) bool {
	if err == nil || errors.Is(err, ack.ErrAuth) || errors.Is(err, ack.ErrInvalid) || errors.Is(err, ack.ErrNotFound) {
		return false
	}
	if errors.Is(err, ack.ErrThrottled) || ack.IsNotSent(err) {
		return true
	}
	if apiErr, ok := errors.AsType[*ack.APIError](err); ok {
		return apiErr.HTTPStatus >= 500 || apiErr.HTTPStatus == http.StatusTooManyRequests
	}
	if _, ok := errors.AsType[net.Error](err); ok {
		return true
	}
	return errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) || errors.Is(err, context.DeadlineExceeded)
}

// retryAfter returns the delay a throttled error asked for, zero if none.
func retryAfter(err error) time.Duration {
	if apiErr, ok := errors.AsType[*ack.APIError](err); ok {
		return apiErr.RetryAfter
	}
	return 0
}
