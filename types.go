package ack

import "github.com/ackgo/ack/internal/core"

// The seam types are defined in internal/core so that the SDK's internal
// packages can use them without importing this package (which imports
// them); these aliases are their public names. See the package
// documentation, "Where the types live".

// APIVersion is the version of the ACK OpenAPI (product code CS) that this
// SDK speaks: "2015-12-15".
const APIVersion = core.APIVersion

// Request is one call of the ACK OpenAPI, before signing: action, method,
// path, query, header, body and how it may be retried.
type Request = core.Request

// Response is a transport's answer to a request that got an HTTP answer:
// status, header, body and request ID.
type Response = core.Response

// Transport sends one request; see core.Transport for its contract. The
// real transport, fake.Cloud's transport, recorders and users' own plug in
// here.
type Transport = core.Transport

// TransportFunc adapts a function to the Transport interface.
type TransportFunc = core.TransportFunc

// RetryMode says how a request may be retried: Safe, IfNotSent, Reconcile or
// Never.
type RetryMode = core.RetryMode

// The retry modes; see RetryMode.
const (
	// Safe: a read; any transient failure is retried.
	Safe = core.Safe
	// IfNotSent: a write re-sent only when it provably never reached the
	// server, or the server refused it unprocessed (throttling, 503).
	IfNotSent = core.IfNotSent
	// Reconcile: a write whose Reconcile hook decides after an ambiguous
	// outcome.
	Reconcile = core.Reconcile
	// Never: not retried.
	Never = core.Never
)

// ReconcileFunc is the hook of a Reconcile request: after an ambiguous
// outcome it returns the write's result, or (nil, nil) when it is safe to
// send again, or an error that ends the call.
type ReconcileFunc = core.ReconcileFunc

// Clock tells the time and sleeps; retries, rate-limit waits and waiters use
// the Config's Clock.
type Clock = core.Clock

// RealClock is the wall clock, the default.
type RealClock = core.RealClock

// Secret is a string that formats, logs and marshals as "[redacted]"; Reveal
// returns its value.
type Secret = core.Secret

// APIError is an error answer of the ACK OpenAPI.
type APIError = core.APIError

// ValidationError lists every rule a value breaks, found before any call.
type ValidationError = core.ValidationError

// Violation is one broken rule: a stable rule ID, a field path, a message.
type Violation = core.Violation

// RefusalError is a request the server refused by the domain packages'
// rules: errors.As finds both the *ValidationError read back from the
// answer (the same rule IDs a client-side check reports) and the *APIError.
type RefusalError = core.RefusalError

// TaskFailedError ends a wait whose task or resource failed.
type TaskFailedError = core.TaskFailedError

// WaitTimeoutError ends a wait that ran past its MaxWait or deadline.
type WaitTimeoutError = core.WaitTimeoutError

// Sentinels for errors.Is; see the predicates below.
var (
	ErrNotFound      = core.ErrNotFound
	ErrThrottled     = core.ErrThrottled
	ErrQuotaExceeded = core.ErrQuotaExceeded
	ErrConflict      = core.ErrConflict
	ErrInvalid       = core.ErrInvalid
	ErrAuth          = core.ErrAuth
)

// MarkNotSent wraps a transport error to say the request never reached the
// server, so that even a write may be re-sent.
func MarkNotSent(err error) error { return core.MarkNotSent(err) }

// IsNotSent reports whether err says the request never reached the server.
func IsNotSent(err error) bool { return core.IsNotSent(err) }
