package fake

import (
	"net"
	"sync"
	"sync/atomic"
)

// limitListener accepts at most cap(slots) open connections at once: when
// they are all open, Accept waits for one to close (the kernel holds new
// connections in its backlog meanwhile), so that clients that open
// connections and hold them cost a bounded number of goroutines and file
// descriptors.
type limitListener struct {
	net.Listener
	slots     chan struct{}
	done      chan struct{}
	closeOnce sync.Once
}

// limitListen wraps ln so that at most n connections are open at once.
func limitListen(ln net.Listener, n int) *limitListener {
	return &limitListener{Listener: ln, slots: make(chan struct{}, n), done: make(chan struct{})}
}

// Accept waits for a free slot, then for a connection.
func (l *limitListener) Accept() (net.Conn, error) {
	select {
	case l.slots <- struct{}{}:
	case <-l.done:
		return nil, net.ErrClosed
	}
	c, err := l.Listener.Accept()
	if err != nil {
		<-l.slots
		return nil, err
	}
	return &serverConn{Conn: c, release: func() { <-l.slots }}, nil
}

// Close stops Accept, also one waiting for a slot.
func (l *limitListener) Close() error {
	l.closeOnce.Do(func() { close(l.done) })
	return l.Listener.Close()
}

// serverConn is an accepted connection: it frees its slot when closed, and
// tells whether the server has read anything from it, so that Shutdown can
// close a connection a client opened and never used.
type serverConn struct {
	net.Conn
	read      atomic.Bool
	release   func()
	closeOnce sync.Once
}

// Read reads from the connection, noting that bytes arrived.
func (c *serverConn) Read(b []byte) (int, error) {
	n, err := c.Conn.Read(b)
	if n > 0 {
		c.read.Store(true)
	}
	return n, err
}

// Close closes the connection and frees its slot, once.
func (c *serverConn) Close() error {
	err := c.Conn.Close()
	c.closeOnce.Do(c.release)
	return err
}

// CloseWrite half-closes the connection when it is TCP, as net/http does
// before closing a connection it refused a request on.
func (c *serverConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}
