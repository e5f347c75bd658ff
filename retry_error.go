package ack

import (
	"fmt"
	"strings"
)

// Why the retry step stopped; RetryError.Reason holds one of these.
const (
	// ReasonMaxAttempts: the policy's MaxAttempts were all used.
	ReasonMaxAttempts = "max attempts reached"
	// ReasonBudget: the shared retry budget had too few tokens.
	ReasonBudget = "retry budget exhausted"
	// ReasonDeadline: the context's deadline comes before the next retry.
	ReasonDeadline = "context deadline is sooner than the next retry"
	// ReasonCanceled: the context ended during the delay before a retry.
	ReasonCanceled = "context ended during the retry delay"
	// ReasonFinal: the last error is one that retrying cannot fix.
	ReasonFinal = "error is not retryable"
	// ReasonUnsafeWrite: a write's outcome is unknown and its mode forbids
	// a blind re-send.
	ReasonUnsafeWrite = "write may have been applied; not re-sent"
	// ReasonReconcile: the Reconcile hook returned an error.
	ReasonReconcile = "reconcile failed"
	// ReasonContextEnded: the context ended while an attempt was in flight.
	ReasonContextEnded = "context ended"
)

// RetryError is the error of a call that the retry step stopped for a
// reason of its own: it retried and gave up; it would have retried but the
// budget, the context's deadline or its end stopped it; it did not re-send
// a write whose outcome is unknown; or the reconcile hook failed. It says
// how many attempts were made and why it stopped, and unwraps to the last
// attempt's error (so errors.As finds the *APIError and errors.Is its
// sentinel) and to the context's or the hook's error, if one ended the
// call. A first attempt that nothing could retry (a final error, a Never
// request, a policy of one attempt) returns its own error instead.
type RetryError struct {
	// Action is the API that was called.
	Action string
	// Attempts is how many times the request was sent.
	Attempts int
	// Reason says why the retry step stopped; one of the Reason constants.
	Reason string
	// Err is the last attempt's error.
	Err error
	// Cause is the context's error or the reconcile hook's error that ended
	// the call, or nil.
	Cause error
}

// Error says how many attempts were made, why the call stopped and what the
// last attempt returned.
func (e *RetryError) Error() string {
	var b strings.Builder
	noun := "attempts"
	if e.Attempts == 1 {
		noun = "attempt"
	}
	fmt.Fprintf(&b, "gave up after %d %s (%s", e.Attempts, noun, e.Reason)
	if e.Cause != nil {
		fmt.Fprintf(&b, ": %v", e.Cause)
	}
	fmt.Fprintf(&b, "): %v", e.Err)
	return b.String()
}

// Unwrap returns the last attempt's error and the cause, if any.
func (e *RetryError) Unwrap() []error {
	if e.Cause == nil {
		return []error{e.Err}
	}
	return []error{e.Err, e.Cause}
}
