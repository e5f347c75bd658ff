package ack

import (
	"context"
	"errors"
	"log/slog"
)

// msgAttempt is the message of the record the log step writes for each
// attempt.
const msgAttempt = "ack attempt"

// logStep is the step between the retry step and the transport: it writes one
// debug record per attempt with the action, method, path, attempt number,
// HTTP status, error code and message, request ID and duration on the
// clock. It never logs headers (so never the Authorization header), query
// values or bodies. With a nil Logger it only passes the call on.
type logStep struct {
	// Logger receives the records; nil is silent.
	Logger *slog.Logger
	// Clock measures the duration of the attempt.
	Clock Clock
	// Next is the step that sends the attempt.
	Next Transport
}

// RoundTrip sends one attempt through Next and logs it.
func (l *logStep) RoundTrip(ctx context.Context, req *Request) (*Response, error) {
	if l.Logger == nil {
		return l.Next.RoundTrip(ctx, req)
	}
	start := l.Clock.Now()
	resp, err := l.Next.RoundTrip(ctx, req)
	attrs := []slog.Attr{
		slog.String("action", req.Action),
		slog.String("method", req.Method),
		slog.String("path", req.Path),
		slog.Int("attempt", attemptFrom(ctx)),
		slog.Duration("duration", l.Clock.Now().Sub(start)),
	}
	if resp != nil {
		attrs = append(attrs, slog.Int("status", resp.StatusCode), slog.String("request_id", resp.RequestID))
	}
	var apiErr *APIError
	switch {
	case errors.As(err, &apiErr):
		attrs = append(attrs, slog.String("code", apiErr.Code), slog.String("message", apiErr.Message))
	case err != nil:
		attrs = append(attrs, slog.String("error", err.Error()))
	}
	l.Logger.LogAttrs(ctx, slog.LevelDebug, msgAttempt, attrs...)
	return resp, err
}

type attemptKey struct{}

// withAttempt records the attempt number in ctx for the steps below the
// retry step.
func withAttempt(ctx context.Context, n int) context.Context {
	return context.WithValue(ctx, attemptKey{}, n)
}

// attemptFrom returns the attempt number (1 for the first send) recorded by
// the retry step, or 1 outside it.
func attemptFrom(ctx context.Context) int {
	if n, ok := ctx.Value(attemptKey{}).(int); ok {
		return n
	}
	return 1
}
