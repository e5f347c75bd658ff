package ack

import (
	"context"
	"errors"
	"log/slog"
	"time"
)

// msgRetry is the message of the record the retry step writes after each
// failed attempt, saying what it decided.
const msgRetry = "ack retry decision"

// retryStep is the step between the rate limiter and the log step. It sends the
// request through Next and, after a failure, decides by the request's
// RetryMode (see Decide) whether to send it again, to reconcile first, or to
// stop. Retries are bounded by Policy.MaxAttempts, by the shared Budget and
// by the context's deadline; the delay between attempts comes from Policy
// and from the server's retryStep-After or TimeLeft, clamped to MaxDelay, and is
// slept on Clock.
//
// After an ambiguous outcome of a Reconcile request it sleeps the delay,
// then calls the request's Reconcile hook: a non-nil Response ends the call
// with that response, (nil, nil) lets the request be sent again, an error
// ends the call. A write is never re-sent blindly. When a re-sent Reconcile
// request is refused for good, the hook is asked once more whether an
// earlier attempt applied it, and its result, if any, ends the call.
type retryStep struct {
	// Policy bounds attempts and delays.
	Policy retrySettings
	// Budget is the retry budget shared by the Config's calls; nil is
	// unlimited.
	Budget *tokenBucket
	// Clock tells the time and sleeps between attempts.
	Clock Clock
	// Logger receives one decision record per failed attempt; nil is
	// silent.
	Logger *slog.Logger
	// Next is the step that sends one attempt.
	Next Transport
}

// RoundTrip runs the attempts of one call.
func (r *retryStep) RoundTrip(ctx context.Context, req *Request) (*Response, error) {
	var d *delays
	for attempt := 1; ; attempt++ {
		resp, err := r.Next.RoundTrip(withAttempt(ctx, attempt), req)
		outcome, timeout := classify(err)
		if outcome == outcomeSuccess {
			r.Budget.Succeeded()
			return resp, nil
		}
		stop := func(reason string, cause error) (*Response, error) {
			return resp, r.stop(ctx, req, attempt, outcome, reason, err, cause)
		}
		if cerr := ctx.Err(); cerr != nil {
			return stop(ReasonContextEnded, cerr)
		}
		decision := decide(req, outcome)
		switch {
		case decision == decideStop && outcome == outcomeAmbiguous && req.Retry != Never:
			return stop(ReasonUnsafeWrite, nil)
		case decision == decideStop:
			// A re-sent write refused for good may have been refused
			// because an earlier attempt applied it (a delete answered
			// "not found", a create "already exists"): the hook looks.
			if found := r.reconcileRefusal(ctx, req, attempt, outcome, err); found != nil {
				return found, nil
			}
			return stop(ReasonFinal, nil)
		case attempt >= r.Policy.MaxAttempts:
			return stop(ReasonMaxAttempts, nil)
		}
		if d == nil {
			d = newDelays(r.Policy, r.Clock)
		}
		delay := d.next(serverDelay(err))
		if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < delay {
			return stop(ReasonDeadline, nil)
		}
		if !r.Budget.Take(timeout) {
			return stop(ReasonBudget, nil)
		}
		r.log(ctx, slog.LevelDebug, req, attempt, outcome, decision.String(), "",
			slog.Duration("delay", delay), slog.Int("budget", r.Budget.Tokens()))
		if serr := r.Clock.Sleep(ctx, delay); serr != nil {
			return stop(ReasonCanceled, serr)
		}
		if decision == decideReconcile {
			found, rerr := req.Reconcile(ctx, err)
			if rerr != nil {
				return nil, r.stop(ctx, req, attempt, outcome, ReasonReconcile, err, rerr)
			}
			if found != nil {
				r.Budget.Succeeded()
				r.log(ctx, slog.LevelDebug, req, attempt, outcome, "reconciled", "")
				return found, nil
			}
		}
	}
}

// reconcileRefusal asks the Reconcile hook of a write whose re-send ended
// in a final error whether an earlier attempt applied it; it returns the
// result the hook found, or nil (and the refusal stands) when the hook
// found none or failed.
func (r *retryStep) reconcileRefusal(ctx context.Context, req *Request, attempt int, o attemptOutcome, err error) *Response {
	if attempt == 1 || o != outcomeFinal || req.Retry != Reconcile || req.Reconcile == nil {
		return nil
	}
	found, rerr := req.Reconcile(ctx, err)
	if rerr != nil || found == nil {
		return nil
	}
	r.Budget.Succeeded()
	r.log(ctx, slog.LevelDebug, req, attempt, o, "reconciled", "")
	return found
}

// stop ends the call. The error of a first attempt that nothing could have
// retried (a final error, a Never request, a policy of one attempt) is
// returned as it is; every other stop is a *RetryError that says why.
func (r *retryStep) stop(ctx context.Context, req *Request, attempts int, o attemptOutcome, reason string, last, cause error) error {
	level := slog.LevelWarn
	if reason == ReasonFinal || reason == ReasonContextEnded || reason == ReasonCanceled {
		level = slog.LevelDebug
	}
	var causeAttr []slog.Attr
	if cause != nil {
		causeAttr = append(causeAttr, slog.String("cause", cause.Error()))
	}
	r.log(ctx, level, req, attempts, o, decideStop.String(), reason, causeAttr...)
	if attempts == 1 && (reason == ReasonFinal || reason == ReasonMaxAttempts) {
		return last
	}
	return &RetryError{Action: req.Action, Attempts: attempts, Reason: reason, Err: last, Cause: cause}
}

func (r *retryStep) log(ctx context.Context, level slog.Level, req *Request, attempt int, o attemptOutcome, decision, reason string, extra ...slog.Attr) {
	if r.Logger == nil {
		return
	}
	attrs := []slog.Attr{
		slog.String("action", req.Action),
		slog.Int("attempt", attempt),
		slog.String("mode", req.Retry.String()),
		slog.String("outcome", o.String()),
		slog.String("decision", decision),
	}
	if reason != "" {
		attrs = append(attrs, slog.String("reason", reason))
	}
	r.Logger.LogAttrs(ctx, level, msgRetry, append(attrs, extra...)...)
}

// serverDelay returns the delay an error answer asked for.
func serverDelay(err error) time.Duration {
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		return apiErr.RetryAfter
	}
	return 0
}
