package fake

import "sync"

// DefaultCallLogLimit is how many calls the action log keeps unless
// WithCallLogLimit says otherwise: the most recent ones.
const DefaultCallLogLimit = 10_000

// callLog is the action log: a ring that keeps the most recent calls, so
// that a long-running fake (the ackfake server, a soak test) holds a
// bounded amount of memory, and a count of every call logged.
type callLog struct {
	mu sync.Mutex
	// limit is how many calls the log keeps; 0 keeps every call.
	limit int
	// calls holds the kept calls. Until it is full they are in order;
	// once it holds limit calls, new calls overwrite the oldest, which is
	// at start.
	calls []Call
	start int
	// total counts the calls logged since the log was last cleared; the
	// newest call's Seq.
	total int
}

// newCallLog returns an empty log that keeps limit calls; a limit of 0 or
// less keeps every call.
func newCallLog(limit int) *callLog {
	return &callLog{limit: max(limit, 0)}
}

// add logs a call, numbering it.
func (l *callLog) add(c Call) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.total++
	c.Seq = l.total
	if l.limit == 0 || len(l.calls) < l.limit {
		l.calls = append(l.calls, c)
		return
	}
	l.calls[l.start] = c
	l.start = (l.start + 1) % len(l.calls)
}

// all returns copies of the kept calls, oldest first.
func (l *callLog) all() []Call {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]Call, 0, len(l.calls))
	for _, c := range l.calls[l.start:] {
		out = append(out, c.clone())
	}
	for _, c := range l.calls[:l.start] {
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
	l.calls, l.start, l.total = nil, 0, 0
}
