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
// under /_fake/ (unsigned, and only to local tools):
//
//	GET  /_fake/clock              {"now": RFC 3339, "mode": "scaled"}
//	POST /_fake/advance?d=90s      advance the clock (also {"duration":"90s"}); answers as /_fake/clock
//	GET  /_fake/calls              the action log (the calls it keeps), without bodies
//	POST /_fake/reset              Cloud.Reset
//
// A control request must come from a loopback peer, for a loopback Host
// (localhost, 127.x, [::1]) or the server's own address, with a path as
// its request-target (not the absolute form), with no Origin but a
// loopback one, and, when a POST carries a body (or a Content-Type), with
// Content-Type application/json; anything else is refused with
// ErrorCheckAcl (HTTP 403) or, for the content type, InvalidParameter
// (HTTP 415), so that a web page cannot make a browser drive the fake.
type Server struct {
	cloud *Cloud
	srv   *http.Server
	ln    net.Listener
	url   string

	done    chan struct{}
	mu      sync.Mutex
	serveEr error
}

// Server serves the cloud on a free loopback port (127.0.0.1:0). The
// cloud keeps its clock: New's default, AutoAdvance, moves only when an
// in-process client sleeps, so give a Cloud that HTTP clients poll a
// Scaled clock, a progression by polls, or advance it by hand.
func (c *Cloud) Server() (*Server, error) { return c.Listen("127.0.0.1:0") }

// Listen serves the cloud on addr (host:port; port 0 picks a free one).
func (c *Cloud) Listen(addr string) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("fake server: listen on %s: %w", addr, err)
	}
	s := &Server{
		cloud: c,
		ln:    ln,
		url:   "http://" + ln.Addr().String(),
		srv:   &http.Server{Handler: c.handler, ReadHeaderTimeout: 30 * time.Second},
		done:  make(chan struct{}),
	}
	go func() {
		defer close(s.done)
		err := s.srv.Serve(ln)
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

// Shutdown stops accepting connections and waits for the calls in flight
// to finish, or for ctx.
func (s *Server) Shutdown(ctx context.Context) error {
	err := s.srv.Shutdown(ctx)
	select {
	case <-s.done:
	case <-ctx.Done():
		if err == nil {
			err = ctx.Err()
		}
	}
	if err != nil {
		return fmt.Errorf("fake server %s: shutdown: %w", s.url, err)
	}
	return s.serveErr()
}

// Close stops the server at once, closing every connection.
func (s *Server) Close() error {
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
