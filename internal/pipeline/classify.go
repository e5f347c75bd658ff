package pipeline

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"syscall"

	"github.com/ackgo/ack/internal/core"
)

// Outcome is what one attempt's result says about the server's side of the
// call: whether the request was processed, refused or possibly applied.
type Outcome int

const (
	// Success: a 2xx answer.
	Success Outcome = iota
	// Refused: the server answered without processing the request
	// (throttling, 429, 503 ServiceUnavailable). Re-sending is safe for
	// every request.
	Refused
	// NotSent: the transport says the request never reached the server
	// (core.MarkNotSent). Re-sending is safe for every request.
	NotSent
	// Ambiguous: the request may or may not have been applied: a
	// connection reset or a timeout after the request was written, or a 5xx
	// answer other than 503.
	Ambiguous
	// Final: retrying cannot help: validation, quota, auth, not-found and
	// every other 4xx, or an error the pipeline does not know as transient.
	Final
)

// String names the outcome.
func (o Outcome) String() string {
	switch o {
	case Success:
		return "success"
	case Refused:
		return "refused"
	case NotSent:
		return "not sent"
	case Ambiguous:
		return "ambiguous"
	case Final:
		return "final"
	}
	return "unknown"
}

// Classify sorts an attempt's result into an Outcome. err is what the send
// step returned: nil for a 2xx answer, a *core.APIError for any other
// answer, a transport error otherwise. timeout reports whether the failure
// was a timeout, which costs more of the retry budget.
func Classify(err error) (o Outcome, timeout bool) {
	if err == nil {
		return Success, false
	}
	var apiErr *core.APIError
	if errors.As(err, &apiErr) {
		return classifyAnswer(apiErr), false
	}
	if errors.Is(err, core.ErrAuth) {
		// No usable credentials: the request never left, but sending it
		// again cannot help.
		return Final, false
	}
	if core.IsNotSent(err) {
		return NotSent, isTimeout(err)
	}
	if isTimeout(err) {
		return Ambiguous, true
	}
	if isReset(err) {
		return Ambiguous, false
	}
	return Final, false
}

func classifyAnswer(e *core.APIError) Outcome {
	switch {
	case errors.Is(e, core.ErrThrottled), e.HTTPStatus == http.StatusTooManyRequests:
		return Refused
	case e.HTTPStatus == http.StatusServiceUnavailable, e.Code == "ServiceUnavailable":
		return Refused
	case e.HTTPStatus >= 500:
		return Ambiguous
	}
	return Final
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

// isReset reports whether err says the connection broke while the request
// or its answer was in flight.
func isReset(err error) bool {
	return errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNABORTED) ||
		errors.Is(err, syscall.EPIPE) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
}

// Decision is what the retry step does after a failed attempt.
type Decision int

const (
	// Stop ends the call with the attempt's error.
	Stop Decision = iota
	// Resend sends the request again after a delay.
	Resend
	// Reconcile calls the request's Reconcile hook after a delay, and
	// re-sends only when the hook says it is safe.
	Reconcile
)

// String names the decision.
func (d Decision) String() string {
	switch d {
	case Stop:
		return "stop"
	case Resend:
		return "resend"
	case Reconcile:
		return "reconcile"
	}
	return "unknown"
}

// Decide says what a request of the given mode does after an attempt with
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
func Decide(req *core.Request, o Outcome) Decision {
	if req.Retry == core.Never {
		return Stop
	}
	switch o {
	case Refused, NotSent:
		return Resend
	case Ambiguous:
		switch {
		case req.Retry == core.Safe:
			return Resend
		case req.Retry == core.Reconcile && req.Reconcile != nil:
			return Reconcile
		}
	}
	return Stop
}
