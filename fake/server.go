package fake

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"
)

// Server serves a Cloud's handler over HTTP, so that any language's
// official SDK can run against the fake: point its endpoint at URL with
// the http scheme. Besides ACK's API it serves the control endpoints
// under /_fake/ (unsigned, and only to local tools or to clients that
// send the control token, WithControlToken):
//
//	GET  /_fake/clock              {"now": RFC 3339, "mode": "scaled"}
//	POST /_fake/advance?d=90s      advance the clock (also {"duration":"90s"}); answers as /_fake/clock
//	GET  /_fake/calls              the action log (the calls it keeps), without bodies
//	POST /_fake/reset              Cloud.Reset (no body, or {})
//	GET  /_fake/state              Cloud.Snapshot: the world as a State in JSON (it holds secrets)
//	PUT  /_fake/state              Cloud.Restore of the JSON State in the body; {"now","clusters","tasks"}
//	GET  /_fake/bill?from=&to=     Cloud.Bill (RFC 3339 times; default: everything until now)
//	GET  /_fake/account            Cloud.Account: {"real_name_verified","balance":"100.00 CNY","vouchers","credit","funds"}
//	POST /_fake/account            change the fields given, as Cloud.SetAccount: {"balance":"5.00 CNY"}
//	GET  /_fake/limits             Cloud.Limits: {"clusters":{"max":10,"adjustable":true},...}
//	POST /_fake/limits             change the fields given, as Cloud.SetLimits: {"clusters":{"max":1}}
//	GET    /_fake/instances?cluster_id=c-...      a serverless cluster's container instances
//	POST   /_fake/instances                       start: {"cluster_id","count","vcpu":"2","memory_gib":"4"}
//	POST   /_fake/instances/stop                  stop: {"cluster_id","ids":["eci-..."]}
//	DELETE /_fake/instances/eci-...?cluster_id=   stop one
//	POST /_fake/demand             Cloud.SetDemand: {"cluster_id","nodepool_id","nodes":5}
//	POST   /_fake/faults           add a fault rule (below); answers the rule with its ID
//	GET    /_fake/faults           the rules, oldest first, each with how often it fired
//	DELETE /_fake/faults           remove every rule (reactors added in Go stay); {"cleared": n}
//	DELETE /_fake/faults/f-1       remove one rule; answers it
//
// /_fake/container-instances and /_fake/container-instances/stop are
// the earlier names of /_fake/instances and /_fake/instances/stop, still
// served. A POST to account or limits merges: the fields it gives change,
// the others keep their value; amounts are ack.Money's text ("100.00
// CNY"), and the limits' fields are DecodeLimits's. Every body is one
// JSON object with no unknown field and nothing after it; any other is
// refused in ACK's error shape with InvalidParameterFormat (HTTP 400), a
// value the Go API refuses with its code (a quota error as the API gives
// it, a rule-named InvalidParameter for negative limits), a wrong method
// with HTTP 405.
//
// A fault rule is a reactor (PrependReactor) added over HTTP, so newer
// rules decide first. Its body is one JSON object with no unknown field:
// "action", an ACK API name such as "CreateCluster" or "*" for every
// call; exactly one of "code" (an error code, with an optional "status"
// in 400-599, StatusOf(code) when absent, and "message"), "throttle":true
// (Throttling.User, as ACK's gateway throttles), "latency" (a positive Go
// duration spent on the virtual clock before the call is applied) and
// "lose":true (the call is applied and its answer dropped); "times", how
// many calls it answers (0, the default, until it is removed); and
// "principal", the access key ID whose calls it answers (any caller when
// absent). Bad bodies are refused with InvalidParameterFormat or
// InvalidParameter (HTTP 400); Reset removes every rule.
//
// A control request must come from a loopback peer, for a loopback Host
// (localhost, 127.x, [::1]) or the server's own address, with a path as
// its request-target (not the absolute form), with no Origin but a
// loopback one, and, when a POST or PUT carries a body (or a Content-Type), with
// Content-Type application/json; anything else is refused with
// ErrorCheckAcl (HTTP 403) or, for the content type, InvalidParameter
// (HTTP 415), so that a web page cannot make a browser drive the fake.
// With WithControlToken, a request that carries the token (header
// X-Fake-Control-Token, or Authorization: Bearer) is admitted from any
// peer and for any Host, as a fake in a container beside other services
// needs; its Origin and Content-Type are judged as above. A request
// without a token is judged as without the option (loopback tools need
// none), and one with a wrong token is refused.
//
// The server bounds what clients can hold (HTTPLimits, set with
// WithHTTPLimits): how long a request's header and whole request may take
// to arrive, how long an idle connection stays open, the header bytes it
// reads, and how many connections are open at once.
type Server struct {
	cloud *Cloud
	srv   *http.Server
	ln    net.Listener
	url   string

	done chan struct{}

	mu       sync.Mutex
	serveEr  error
	stopping bool
	conns    map[*serverConn]http.ConnState
}

// Defaults of HTTPLimits.
const (
	// DefaultReadHeaderTimeout bounds the time a request's header may take
	// to arrive, from the connection's opening or the previous answer.
	DefaultReadHeaderTimeout = 10 * time.Second
	// DefaultReadTimeout bounds the time a whole request, body included,
	// may take to arrive.
	DefaultReadTimeout = time.Minute
	// DefaultIdleTimeout is how long a keep-alive connection may wait for
	// its next request.
	DefaultIdleTimeout = 2 * time.Minute
	// DefaultMaxHeaderBytes bounds the size of a request's header.
	DefaultMaxHeaderBytes = 64 << 10
	// DefaultMaxConns is how many connections may be open at once.
	DefaultMaxConns = 256
)

// HTTPLimits bound what the fake's HTTP server (Server, NewServer, the
// ackfake command) lets a client hold. Zero fields take the defaults:
//
//	field              default  meaning
//	ReadHeaderTimeout  10s      a request's header arrives within it
//	ReadTimeout        1m       a whole request, body included, arrives within it
//	IdleTimeout        2m       a keep-alive connection waits this long for its next request
//	MaxHeaderBytes     64 KiB   a request's header is at most this large (else 431)
//	MaxConns           256      connections open at once; more wait to be accepted
//
// A connection that breaks a timeout is closed. Answers are not bounded in
// time. The handler itself refuses more than MaxRequestHeaders header
// fields and bodies over MaxRequestBody.
type HTTPLimits struct {
	ReadHeaderTimeout time.Duration
	ReadTimeout       time.Duration
	IdleTimeout       time.Duration
	MaxHeaderBytes    int
	MaxConns          int
}

// withDefaults fills the zero (or negative) fields with the defaults.
func (l HTTPLimits) withDefaults() HTTPLimits {
	orDur := func(v, def time.Duration) time.Duration {
		if v <= 0 {
			return def
		}
		return v
	}
	orInt := func(v, def int) int {
		if v <= 0 {
			return def
		}
		return v
	}
	return HTTPLimits{
		ReadHeaderTimeout: orDur(l.ReadHeaderTimeout, DefaultReadHeaderTimeout),
		ReadTimeout:       orDur(l.ReadTimeout, DefaultReadTimeout),
		IdleTimeout:       orDur(l.IdleTimeout, DefaultIdleTimeout),
		MaxHeaderBytes:    orInt(l.MaxHeaderBytes, DefaultMaxHeaderBytes),
		MaxConns:          orInt(l.MaxConns, DefaultMaxConns),
	}
}

// Server serves the cloud on a free loopback port (127.0.0.1:0). The
// cloud keeps its clock: New's default, AutoAdvance, moves only when an
// in-process client sleeps, so give a Cloud that HTTP clients poll a
// Scaled clock, a progression by polls, or advance it by hand.
func (c *Cloud) Server() (*Server, error) { return c.Listen("127.0.0.1:0") }

// Listen serves the cloud on addr (host:port; port 0 picks a free one),
// within the cloud's HTTPLimits.
func (c *Cloud) Listen(addr string) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("fake server: listen on %s: %w", addr, err)
	}
	l := c.settings.httpLimits.withDefaults()
	s := &Server{
		cloud: c,
		ln:    limitListen(ln, l.MaxConns),
		url:   "http://" + ln.Addr().String(),
		done:  make(chan struct{}),
		conns: map[*serverConn]http.ConnState{},
	}
	s.srv = &http.Server{
		Handler:           c.handler,
		ReadHeaderTimeout: l.ReadHeaderTimeout,
		ReadTimeout:       l.ReadTimeout,
		IdleTimeout:       l.IdleTimeout,
		MaxHeaderBytes:    l.MaxHeaderBytes,
		ConnState:         s.connState,
	}
	go func() {
		defer close(s.done)
		err := s.srv.Serve(s.ln)
		if errors.Is(err, http.ErrServerClosed) {
			err = nil
		}
		s.mu.Lock()
		s.serveEr = err
		s.mu.Unlock()
	}()
	return s, nil
}

// NewServer builds a Cloud and serves it on addr. Its clock is Scaled at
// DefaultSpeed unless an option says otherwise, so that clients polling
// over HTTP see clusters progress.
func NewServer(addr string, opts ...Option) (*Server, error) {
	c, err := newCloud(Scaled, opts)
	if err != nil {
		return nil, fmt.Errorf("fake server: %w", err)
	}
	return c.Listen(addr)
}

// String describes the server: its URL and its cloud.
func (s *Server) String() string { return "fake.Server{" + s.url + ", " + s.cloud.String() + "}" }

// Format prints the server as String does for every verb.
func (s *Server) Format(f fmt.State, verb rune) { fmt.Fprint(f, s.String()) }

// URL returns the server's base URL, for example "http://127.0.0.1:41234".
func (s *Server) URL() string { return s.url }

// Addr returns the address the server listens on, host:port.
func (s *Server) Addr() string { return s.ln.Addr().String() }

// Cloud returns the cloud the server serves.
func (s *Server) Cloud() *Cloud { return s.cloud }

// connState follows the server's connections, so that Shutdown can close
// those no request has started on. A connection opened once Shutdown has
// begun is closed at once.
func (s *Server) connState(c net.Conn, state http.ConnState) {
	sc, ok := c.(*serverConn)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch state {
	case http.StateClosed, http.StateHijacked:
		delete(s.conns, sc)
	default:
		s.conns[sc] = state
		if state == http.StateNew && s.stopping {
			_ = sc.Close()
		}
	}
}

// stop marks the server as stopping and closes the connections on which
// the server has read nothing yet: opened in advance, or not yet used.
func (s *Server) stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stopping = true
	for c, state := range s.conns {
		if state == http.StateNew && !c.read.Load() {
			_ = c.Close()
		}
	}
}

// openConns counts the connections still open.
func (s *Server) openConns() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.conns)
}

// Shutdown stops the server gracefully: it stops accepting connections,
// closes at once those that are idle or on which no request has started
// (opened in advance by a client), and waits for the requests in flight to
// be answered, their bodies still arriving included. When ctx ends first
// (the grace ends), it closes every remaining connection, cutting the
// requests still arriving, and returns an error wrapping ctx's.
func (s *Server) Shutdown(ctx context.Context) error {
	s.stop()
	if err := s.srv.Shutdown(ctx); err != nil {
		open := s.openConns()
		_ = s.srv.Close()
		<-s.done
		return fmt.Errorf("fake server %s: shutdown: the grace ended with %d connections open, now closed: %w", s.url, open, err)
	}
	<-s.done
	return s.serveErr()
}

// Close stops the server at once, closing every connection.
func (s *Server) Close() error {
	s.stop()
	err := s.srv.Close()
	<-s.done
	if err != nil {
		return fmt.Errorf("fake server %s: close: %w", s.url, err)
	}
	return s.serveErr()
}

func (s *Server) serveErr() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.serveEr != nil {
		return fmt.Errorf("fake server %s: %w", s.url, s.serveEr)
	}
	return nil
}
