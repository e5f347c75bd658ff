package ack

import (
	"log/slog"
	"time"
)

// pipelineSettings is everything a pipeline needs. Limiters and Budget are shared
// state: pass the same values to every pipeline of one Config.
type pipelineSettings struct {
	// Transport sends each attempt.
	Transport Transport
	// Clock runs the rate limiters and the retry delays.
	Clock Clock
	// Logger receives the attempt and retry records; nil is silent.
	Logger *slog.Logger
	// UserAgent is the User-Agent header of every attempt.
	UserAgent string
	// AttemptTimeout bounds each attempt; zero means no bound.
	AttemptTimeout time.Duration
	// Retry bounds attempts and delays.
	Retry retrySettings
	// Limiters are the Config's rate limiters; nil limits nothing.
	Limiters *limiterSet
	// Budget is the Config's retry budget; nil is unlimited.
	Budget *tokenBucket
}

// newPipeline chains the steps: rate limit → retry → log → send (the transport).
// The result is itself a Transport that runs one call.
func newPipeline(s pipelineSettings) Transport {
	return &rateLimitStep{
		Limiters: s.Limiters,
		Clock:    s.Clock,
		Next: &retryStep{
			Policy: s.Retry,
			Budget: s.Budget,
			Clock:  s.Clock,
			Logger: s.Logger,
			Next: &logStep{
				Logger: s.Logger,
				Clock:  s.Clock,
				Next: &sendStep{
					Transport:      s.Transport,
					UserAgent:      s.UserAgent,
					AttemptTimeout: s.AttemptTimeout,
					Clock:          s.Clock,
					userAgent:      []string{s.UserAgent}[:1:1],
				},
			},
		},
	}
}
