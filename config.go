package ack

import (
	"context"
	"errors"
	"fmt"
)

// ErrNoTransport is returned by every call of a Config built without a
// Transport.
var ErrNoTransport = errors.New("ack config has no transport: set one with ack.WithTransport, or build the config with ack.LoadConfig")

// Config is what every client of the SDK is built from: the region, the
// transport, the retry policy and budget, the rate limit, the clock, the
// logger and the user agent. Calls run through its pipeline: rate limit,
// retry, log, transport.
//
// A Config is immutable and safe for concurrent use. Its rate limiters and
// its retry budget are shared by every call and every client built from it,
// and by every Config derived from it with With.
//
// It prints with every fmt verb without secrets.
type Config struct {
	opts   Options // defaults applied; never changed after construction
	shared *shared
	// pipe runs the calls that have no per-call option; nil without a
	// transport.
	pipe Transport
}

// shared is the state every Config derived from one root Config shares.
type shared struct {
	limiters *limiterSet
	budget   *tokenBucket
}

// NewConfig builds a Config from options, with no I/O. Without a Transport
// every call fails with ErrNoTransport; LoadConfig builds the real one.
func NewConfig(opts ...Option) *Config {
	o := Options{}.apply(opts)
	return newConfig(o, &shared{limiters: o.RateLimit.limiters(), budget: newTokenBucket(o.Retry.Budget.pipeline())})
}

func newConfig(o Options, sh *shared) *Config {
	c := &Config{opts: o, shared: sh}
	c.pipe = c.pipeline(o)
	return c
}

// With returns a Config derived from c and changed by opts. It shares c's
// rate limiters, retry budget and clock: RateLimit, Retry.Budget and Clock
// in opts are ignored.
func (c *Config) With(opts ...Option) *Config {
	return newConfig(c.derive(opts), c.shared)
}

// derive applies opts to c's options and restores the shared fields.
func (c *Config) derive(opts []Option) Options {
	o := c.opts.apply(opts)
	o.RateLimit = c.opts.RateLimit
	o.Retry.Budget = c.opts.Retry.Budget
	o.Clock = c.opts.Clock
	return o
}

func (c *Config) pipeline(o Options) Transport {
	if o.Transport == nil {
		return nil
	}
	return newPipeline(pipelineSettings{
		Transport:      o.Transport,
		Clock:          o.Clock,
		Logger:         o.Logger,
		UserAgent:      userAgent(o.UserAgent),
		AttemptTimeout: o.AttemptTimeout,
		Retry:          o.Retry.pipeline(),
		Limiters:       c.shared.limiters,
		Budget:         c.shared.budget,
	})
}

// Do runs one call through the pipeline: it waits for the rate limiter,
// sends the request through the transport, and retries as the request's
// RetryMode and the retry policy allow. opts change this call only (see
// Options for the fields they cannot change).
//
// A 2xx answer returns (resp, nil). Any other answer returns the response
// and an error that is, or wraps, an *APIError. When the retry step stopped
// for a reason of its own (it gave up after retries, the budget or the
// context stopped it, a write was not re-sent), the error is a *RetryError
// wrapping the last attempt's error. An answer that refuses the request by
// the domain packages' rules (as the fake and the clients' own checks word
// them) is a *RefusalError, which errors.As reads both as the
// *ValidationError with the broken rules' IDs and as the *APIError. A call
// that got no answer returns a nil response.
func (c *Config) Do(ctx context.Context, req *Request, opts ...Option) (*Response, error) {
	if req == nil {
		return nil, errors.New("ack: Do needs a request, got nil")
	}
	pipe := c.pipe
	if len(opts) > 0 {
		pipe = c.pipeline(c.derive(opts))
	}
	if pipe == nil {
		return nil, fmt.Errorf("%s: %w", req.Action, ErrNoTransport)
	}
	resp, err := pipe.RoundTrip(ctx, req)
	if err != nil {
		return resp, asRefusal(err)
	}
	return resp, nil
}

// Region returns the region ID.
func (c *Config) Region() string { return c.opts.Region }

// Clock returns the clock of the Config's retries, rate limits and waits.
func (c *Config) Clock() Clock { return c.opts.Clock }

// Options returns a copy of the Config's options, defaults filled in.
func (c *Config) Options() Options { return c.opts.clone() }

// String describes the Config without secrets. Its value receiver makes a
// Config print the same by pointer and by value; fmt prints a nil *Config
// as "<nil>".
func (c Config) String() string { return "ack.Config" + c.opts.String() }

// Format prints String for every verb, so that %+v and %#v cannot reach the
// credentials or the transport's internals through the unexported fields.
func (c Config) Format(f fmt.State, verb rune) { fmt.Fprint(f, c.String()) }
