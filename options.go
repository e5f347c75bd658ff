package ack

import (
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"strings"
	"time"
)

// Option changes Options. The same options build a Config (NewConfig,
// LoadConfig), derive one (Config.With) and adjust a single call
// (Config.Do); Options says which fields each of these reads.
type Option func(*Options)

// Options are the settings of a Config. Build them with the With...
// functions; a function literal of type Option may also set fields
// directly.
//
// Shared state of the Config is fixed when it is built: RateLimit,
// Retry.Budget and Clock are ignored by With and by per-call options, so
// that every client of a Config shares one limiter and one budget on one
// clock. Region, Endpoint, Scheme, Credentials, Signing and HTTPTimeouts
// are read by LoadConfig to build the real transport; changing them later
// does not rebuild it (Region is still what Config.Region reports).
// Everything else may change per call.
//
// Options print with every fmt verb without secrets: the credentials'
// secret is redacted and the Transport, Clock and Logger show only their
// types.
type Options struct {
	// Region is the region ID, for example "cn-hangzhou".
	Region string
	// Transport sends the requests. When set, LoadConfig uses it instead
	// of building the real transport.
	Transport Transport
	// Retry bounds retries and their delays.
	Retry RetryPolicy
	// RateLimit is the client-side rate limit; off by default.
	RateLimit RateLimitPolicy
	// Clock runs the retry delays and the rate limiter; default
	// RealClock{}.
	Clock Clock
	// Logger receives a record per attempt and per retry decision (debug;
	// warn when the call gives up on a failure it wanted to retry); nil
	// (the default) is silent. Headers and bodies are never logged.
	Logger *slog.Logger
	// UserAgent is appended to the SDK's own "ackgo/<Version>".
	UserAgent string
	// AttemptTimeout bounds each attempt through its context; zero (the
	// default) leaves only the call's context.
	AttemptTimeout time.Duration
	// Endpoint overrides LoadConfig's host[:port]; default
	// cs.<region>.aliyuncs.com.
	Endpoint string
	// Scheme is "https" (the default) or "http", for LoadConfig.
	Scheme string
	// Credentials are static credentials for LoadConfig; nil (the
	// default) uses the Alibaba Cloud default credential chain.
	Credentials *StaticCredentials
	// Signing is LoadConfig's signing scheme; default SigningACS3.
	Signing SigningScheme
	// HTTPTimeouts bound the phases of LoadConfig's HTTP connections.
	HTTPTimeouts HTTPTimeouts
}

// WithRegion sets the region ID, for example "cn-hangzhou".
func WithRegion(region string) Option { return func(o *Options) { o.Region = region } }

// WithTransport sets the transport, for example fake.Cloud's, a recorder or
// a TransportFunc.
func WithTransport(t Transport) Option { return func(o *Options) { o.Transport = t } }

// WithRetry replaces the retry policy; zero fields take the defaults.
func WithRetry(p RetryPolicy) Option { return func(o *Options) { o.Retry = p } }

// WithMaxAttempts sets Retry.MaxAttempts: 1 turns retries off.
func WithMaxAttempts(n int) Option { return func(o *Options) { o.Retry.MaxAttempts = n } }

// WithRateLimit limits all calls of the Config to qps per second with
// bursts of burst; a qps of zero turns the limit off.
func WithRateLimit(qps float64, burst int) Option {
	return func(o *Options) { o.RateLimit.QPS, o.RateLimit.Burst = qps, burst }
}

// WithActionRateLimit limits the calls of one action (for example
// "DescribeClusterDetail") to qps per second with bursts of burst, on top
// of the limit over all calls.
func WithActionRateLimit(action string, qps float64, burst int) Option {
	return func(o *Options) {
		per := maps.Clone(o.RateLimit.PerAction)
		if per == nil {
			per = make(map[string]Limit, 1)
		}
		per[action] = Limit{QPS: qps, Burst: burst}
		o.RateLimit.PerAction = per
	}
}

// WithClock sets the clock of retry delays and rate-limit waits, for
// example a virtual clock in tests.
func WithClock(c Clock) Option { return func(o *Options) { o.Clock = c } }

// WithLogger sets the logger; nil is silent.
func WithLogger(l *slog.Logger) Option { return func(o *Options) { o.Logger = l } }

// WithUserAgent sets the text appended to the SDK's User-Agent.
func WithUserAgent(ua string) Option { return func(o *Options) { o.UserAgent = ua } }

// WithAttemptTimeout bounds each attempt; zero removes the bound.
func WithAttemptTimeout(d time.Duration) Option { return func(o *Options) { o.AttemptTimeout = d } }

// WithEndpoint sets LoadConfig's host[:port], for example a VPC endpoint or
// a fake ACK server ("127.0.0.1:9180"). A URL with a scheme, such as the
// "http://127.0.0.1:9180" that ackfake prints, is accepted too, and its
// scheme then takes the place of WithScheme's.
func WithEndpoint(host string) Option { return func(o *Options) { o.Endpoint = host } }

// WithScheme sets LoadConfig's URL scheme: "https" (the default) or "http",
// which a fake ACK server (ackfake, fake.Server) needs.
func WithScheme(scheme string) Option { return func(o *Options) { o.Scheme = scheme } }

// WithCredentials gives LoadConfig a static AccessKey pair instead of the
// default credential chain. Against a fake ACK server pass one of its
// credentials, or any pair when it has none: without this option the
// default chain looks for real credentials and the first call fails when
// there are none.
//
// The secret is kept as a Secret from here on: it prints as "[redacted]".
func WithCredentials(id, secret string) Option {
	return func(o *Options) {
		o.Credentials = &StaticCredentials{AccessKeyID: id, AccessKeySecret: NewSecret(secret)}
	}
}

// WithSigning sets LoadConfig's signing scheme.
func WithSigning(s SigningScheme) Option { return func(o *Options) { o.Signing = s } }

// WithHTTPTimeouts sets the bounds of LoadConfig's HTTP connection phases.
func WithHTTPTimeouts(t HTTPTimeouts) Option { return func(o *Options) { o.HTTPTimeouts = t } }

// apply returns a copy of o changed by opts, with defaults filled in.
func (o Options) apply(opts []Option) Options {
	o = o.clone()
	for _, opt := range opts {
		if opt != nil {
			opt(&o)
		}
	}
	if o.Clock == nil {
		o.Clock = RealClock{}
	}
	if o.Scheme == "" {
		o.Scheme = "https"
	}
	o.Retry.setDefaults()
	return o
}

// clone copies o so that the copy shares no map or pointer with it.
func (o Options) clone() Options {
	o.RateLimit.PerAction = maps.Clone(o.RateLimit.PerAction)
	if o.Credentials != nil {
		c := *o.Credentials
		o.Credentials = &c
	}
	return o
}

// String describes the options without secrets.
func (o Options) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "{Region:%s Transport:%T Clock:%T Logger:%t UserAgent:%q AttemptTimeout:%s",
		o.Region, o.Transport, o.Clock, o.Logger != nil, o.UserAgent, o.AttemptTimeout)
	r := o.Retry
	fmt.Fprintf(&b, " Retry:{MaxAttempts:%d BaseDelay:%s MaxDelay:%s Budget:%+v}",
		r.MaxAttempts, r.BaseDelay, r.MaxDelay, r.Budget)
	fmt.Fprintf(&b, " RateLimit:{QPS:%g Burst:%d", o.RateLimit.QPS, o.RateLimit.Burst)
	for _, action := range slices.Sorted(maps.Keys(o.RateLimit.PerAction)) {
		l := o.RateLimit.PerAction[action]
		fmt.Fprintf(&b, " %s:%g/%d", action, l.QPS, l.Burst)
	}
	b.WriteString("}")
	creds := "default chain"
	if o.Credentials != nil {
		creds = o.Credentials.String()
	}
	fmt.Fprintf(&b, " Endpoint:%s Scheme:%s Signing:%s Credentials:%s HTTPTimeouts:%+v}",
		o.Endpoint, o.Scheme, o.Signing, creds, o.HTTPTimeouts)
	return b.String()
}

// Format prints String for every verb, so that no verb can print a secret
// held by a field (or by the Transport).
func (o Options) Format(f fmt.State, verb rune) { fmt.Fprint(f, o.String()) }
