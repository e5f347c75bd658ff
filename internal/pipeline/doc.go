// Package pipeline runs one call of the ACK OpenAPI through the steps every
// call shares, in this order:
//
//	RateLimit → Retry → Log → Send → core.Transport
//
//	step       per      what it does
//	RateLimit  call     takes a token from the Config's limiters (all calls,
//	                    and the action's own limit), sleeping on the clock
//	Retry      call     sends, classifies the outcome, and by the request's
//	                    RetryMode re-sends, reconciles or stops, within
//	                    MaxAttempts, the shared Budget and the deadline
//	Log        attempt  one slog record per attempt; no headers, no bodies
//	Send       attempt  sets User-Agent, bounds the attempt with its timeout,
//	                    fills the request ID, decodes error answers into
//	                    *core.APIError
//
// Each step is a small core.Transport wrapping the next; New assembles them.
// The rate limiters and the budget are shared state of a Config, passed in
// by the root package, which also applies the defaults; this package has
// none of its own.
//
// # Outcomes and decisions
//
// Classify sorts each attempt's result: Success (2xx); Refused (throttling
// codes, 429, 503 ServiceUnavailable: the server did not process it);
// NotSent (the transport marked the error with core.MarkNotSent); Ambiguous
// (a reset or timeout, or another 5xx: it may have been applied); Final
// (every other 4xx, unknown errors). Decide turns an outcome and the
// request's mode into Resend, Reconcile or Stop; see its table.
//
// # Delays
//
// Before retry n the step sleeps a uniformly random time between BaseDelay
// and min(MaxDelay, BaseDelay·2ⁿ), the ceiling computed by backoff's
// exponential policy; when the server asked for longer (Retry-After in
// seconds or as a date, or the TimeLeft in milliseconds of the
// x-ratelimit-user-api and x-ratelimit-user headers) it sleeps that, but
// never more than MaxDelay. A context whose deadline comes before the next
// retry ends the call at once with the last error.
//
// # Budget
//
// A token bucket shared by every call of a Config: a retry takes RetryCost
// tokens (TimeoutCost after a timeout), a successful attempt puts
// SuccessRefill back. An empty bucket ends calls after their first failure,
// so a storm of failures does not multiply the load on ACK.
package pipeline
