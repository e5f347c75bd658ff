package pipeline

import (
	"log/slog"
	"time"

	"github.com/ackgo/ack/internal/core"
)

// Settings is everything a pipeline needs. Limiters and Budget are shared
// state: pass the same values to every pipeline of one Config.
type Settings struct {
	// Transport sends each attempt.
	Transport core.Transport
	// Clock runs the rate limiters and the retry delays.
	Clock core.Clock
	// Logger receives the attempt and retry records; nil is silent.
	Logger *slog.Logger
	// UserAgent is the User-Agent header of every attempt.
	UserAgent string
	// AttemptTimeout bounds each attempt; zero means no bound.
	AttemptTimeout time.Duration
	// Retry bounds attempts and delays.
	Retry RetryPolicy
	// Limiters are the Config's rate limiters; nil limits nothing.
	Limiters *Limiters
	// Budget is the Config's retry budget; nil is unlimited.
	Budget *Budget
}

// New chains the steps: rate limit → retry → log → send (the transport).
// The result is itself a core.Transport that runs one call.
func New(s Settings) core.Transport {
	return &RateLimit{
		Limiters: s.Limiters,
		Clock:    s.Clock,
		Next: &Retry{
			Policy: s.Retry,
			Budget: s.Budget,
			Clock:  s.Clock,
			Logger: s.Logger,
			Next: &Log{
				Logger: s.Logger,
				Clock:  s.Clock,
				Next: &Send{
					Transport:      s.Transport,
					UserAgent:      s.UserAgent,
					AttemptTimeout: s.AttemptTimeout,
					Clock:          s.Clock,
				},
			},
		},
	}
}
