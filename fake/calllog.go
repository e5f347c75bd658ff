package fake

import "sync"

// DefaultCallLogLimit is how many calls the action log keeps unless
// WithCallLogLimit says otherwise: the most recent ones.
const DefaultCallLogLimit = 10_000

// DefaultCallLogBytes is how many bytes of calls (their bodies, paths and
// queries, and a fixed overhead each) the action log keeps unless
// WithCallLogBytes says otherwise: the most recent calls that fit.
const DefaultCallLogBytes = 64 << 20

// callOverhead is what a logged call counts for besides its variable
// parts: the struct and the headers of its strings and slices.
const callOverhead = 256

// callLog is the action log: a queue that keeps the most recent calls, at
// most limit of them in at most maxBytes, so that a long-running fake (the
// ackfake server, a soak test) holds a bounded amount of memory, and a
// count of every call logged.
type callLog struct {
	mu sync.Mutex
	// limit is how many calls the log keeps and maxBytes how many bytes
	// (Call.size); 0 lifts either bound.
	limit, maxBytes int
	// calls[head:] are the kept calls, oldest first; calls[:head] were
	// dropped and are zero, until the slice is compacted.
	calls []Call
	head  int
	// bytes is the size of the kept calls.
	bytes int
	// total counts the calls logged since the log was last cleared; the
	// newest call's Seq.
	total int
}

// newCallLog returns an empty log that keeps limit calls in maxBytes; a
// bound of 0 or less is lifted.
func newCallLog(limit, maxBytes int) *callLog {
	return &callLog{limit: max(limit, 0), maxBytes: max(maxBytes, 0)}
}

// size is how many bytes a call counts for in the log.
func (c Call) size() int {
	n := callOverhead + len(c.Body) + len(c.Action) + len(c.Method) + len(c.Path) +
		len(c.Caller) + len(c.RequestID) + len(c.Code)
	for k, vs := range c.Query {
		n += len(k) + 16
		for _, v := range vs {
			n += len(v) + 16
		}
	}
	return n
}

// add logs a call, numbering it, and drops the oldest calls past the
// bounds. A call that alone exceeds the byte bound is kept without its
// body.
func (l *callLog) add(c Call) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.total++
	c.Seq = l.total
	size := c.size()
	if l.maxBytes > 0 && size > l.maxBytes {
		c.Body = nil
		size = c.size()
	}
	l.calls = append(l.calls, c)
	l.bytes += size
	for l.kept() > 0 && (l.limit > 0 && l.kept() > l.limit || l.maxBytes > 0 && l.bytes > l.maxBytes) {
		l.bytes -= l.calls[l.head].size()
		l.calls[l.head] = Call{}
		l.head++
	}
	if l.head > 0 && l.head >= l.kept() {
		n := copy(l.calls, l.calls[l.head:])
		clear(l.calls[n:])
		l.calls, l.head = l.calls[:n], 0
	}
}

// kept returns how many calls the log keeps.
func (l *callLog) kept() int { return len(l.calls) - l.head }

// all returns copies of the kept calls, oldest first.
func (l *callLog) all() []Call {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]Call, 0, l.kept())
	for _, c := range l.calls[l.head:] {
		out = append(out, c.clone())
	}
	return out
}

// withoutBodies returns copies of the kept calls without their bodies,
// oldest first: what /_fake/calls lists, at a cost that does not grow
// with the bodies.
func (l *callLog) withoutBodies() []Call {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]Call, 0, l.kept())
	for _, c := range l.calls[l.head:] {
		c.Body = nil
		out = append(out, c.clone())
	}
	return out
}

// count returns how many calls were logged since the log was last
// cleared, those it no longer keeps included.
func (l *callLog) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.total
}

// clear forgets every call and restarts the numbering.
func (l *callLog) clear() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.calls, l.head, l.bytes, l.total = nil, 0, 0, 0
}
