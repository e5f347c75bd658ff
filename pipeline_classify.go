package ack

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"syscall"
)

// Outcome is what one attempt's result says about the server's side of the
// call: whether the request was processed, refused or possibly applied.
type attemptOutcome int

const (
	// Success: a 2xx answer.
	outcomeSuccess attemptOutcome = iota
	// Refused: the server answered without processing the request
	// (throttling, 429, 503 ServiceUnavailable). Re-sending is safe for
	// every request.
	outcomeRefused
	// NotSent: the transport says the request never reached the server
	// (MarkNotSent). Re-sending is safe for every request.
	outcomeNotSent
	// Ambiguous: the request may or may not have been applied: a
	// connection reset or a timeout after the request was written, or a 5xx
	// answer other than 503.
	outcomeAmbiguous
	// Final: retrying cannot help: validation, quota, auth, not-found and
	// every other 4xx, a host name that does not resolve, or an error the
	// pipeline does not know as transient.
	outcomeFinal
)

// String names the outcome.
func (o attemptOutcome) String() string {
	switch o {
	case outcomeSuccess:
		return "success"
	case outcomeRefused:
		return "refused"
	case outcomeNotSent:
		return "not sent"
	case outcomeAmbiguous:
		return "ambiguous"
	case outcomeFinal:
		return "final"
	}
	return "unknown"
}

// classify sorts an attempt's result into an Outcome. err is what the send
// step returned: nil for a 2xx answer, a *APIError for any other
// answer, a transport error otherwise. timeout reports whether the failure
// was a timeout, which costs more of the retry budget.
func classify(err error) (o attemptOutcome, timeout bool) {
	if err == nil {
		return outcomeSuccess, false
	}
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		return classifyAnswer(apiErr), false
	}
	if errors.Is(err, ErrAuth) {
		// No usable credentials: the request never left, but sending it
		// again cannot help.
		return outcomeFinal, false
	}
	if isNoSuchHost(err) {
		// The endpoint's name does not resolve (a misspelled region or
		// endpoint): the request never left, and the name will not
		// resolve on the next attempt either.
		return outcomeFinal, false
	}
	if IsNotSent(err) {
		return outcomeNotSent, isTimeout(err)
	}
	if isTimeout(err) {
		return outcomeAmbiguous, true
	}
	if isReset(err) {
		return outcomeAmbiguous, false
	}
	return outcomeFinal, false
}

func classifyAnswer(e *APIError) attemptOutcome {
	switch {
	case errors.Is(e, ErrThrottled), e.HTTPStatus == http.StatusTooManyRequests:
		return outcomeRefused
	case e.HTTPStatus == http.StatusServiceUnavailable, e.Code == "ServiceUnavailable":
		return outcomeRefused
	case e.HTTPStatus >= 500:
		return outcomeAmbiguous
	}
	return outcomeFinal
}

// isTimeout reports whether err is a timeout: an attempt's deadline or a
// network timeout.
func isTimeout(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// isNoSuchHost reports whether err says a host name does not exist: a
// DNS answer of not found (NXDOMAIN), not a DNS server that failed or ran
// out of time.
func isNoSuchHost(err error) bool {
	dnsErr, ok := errors.AsType[*net.DNSError](err)
	return ok && dnsErr.IsNotFound
}

// isReset reports whether err says the connection broke while the request
// or its answer was in flight.
func isReset(err error) bool {
	return errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNABORTED) ||
		errors.Is(err, syscall.EPIPE) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
}

// Decision is what the retry step does after a failed attempt.
type retryDecision int

const (
	// Stop ends the call with the attempt's error.
	decideStop retryDecision = iota
	// Resend sends the request again after a delay.
	decideResend
	// Reconcile calls the request's Reconcile hook after a delay, and
	// re-sends only when the hook says it is safe.
	decideReconcile
)

// String names the decision.
func (d retryDecision) String() string {
	switch d {
	case decideStop:
		return "stop"
	case decideResend:
		return "resend"
	case decideReconcile:
		return "reconcile"
	}
	return "unknown"
}

// decide says what a request of the given mode does after an attempt with
// outcome o. It is the whole retry rule; everything else (attempts, budget,
// deadline) only limits how often a Resend or Reconcile may happen.
//
//	outcome    Safe     IfNotSent  Reconcile  Never
//	Refused    resend   resend     resend     stop
//	NotSent    resend   resend     resend     stop
//	Ambiguous  resend   stop       reconcile  stop
//	Final      stop     stop       stop       stop
//
// A Reconcile request without a hook is treated as IfNotSent.
func decide(req *Request, o attemptOutcome) retryDecision {
	if req.Retry == Never {
		return decideStop
	}
	switch o {
	case outcomeRefused, outcomeNotSent:
		return decideResend
	case outcomeAmbiguous:
		switch {
		case req.Retry == Safe:
			return decideResend
		case req.Retry == Reconcile && req.Reconcile != nil:
			return decideReconcile
		}
	}
	return decideStop
}
