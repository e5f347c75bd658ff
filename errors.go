package ack

import "errors"

// IsNotFound reports whether err says the resource does not exist. It is
// decided by ACK's codes (ErrorClusterNotFound, ErrorNodePoolNotFound, ...),
// never by an HTTP 404 alone.
func IsNotFound(err error) bool { return errors.Is(err, ErrNotFound) }

// IsThrottled reports whether err is a flow-control refusal.
func IsThrottled(err error) bool { return errors.Is(err, ErrThrottled) }

// IsQuotaExceeded reports whether a quota or an account prerequisite refused
// the request.
func IsQuotaExceeded(err error) bool { return errors.Is(err, ErrQuotaExceeded) }

// IsConflict reports whether the resource's state forbids the operation now,
// or the resource already exists.
func IsConflict(err error) bool { return errors.Is(err, ErrConflict) }

// IsInvalid reports whether the request was invalid, by client-side
// validation (a *ValidationError) or by the server.
func IsInvalid(err error) bool { return errors.Is(err, ErrInvalid) }

// IsAuth reports whether the credentials, the signature or the caller's
// permissions were refused.
func IsAuth(err error) bool { return errors.Is(err, ErrAuth) }
