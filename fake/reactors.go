package fake

import (
	"fmt"
	"net/url"
	"slices"
	"sync"
	"time"
)

// Call is one call the fake received: an entry of the action log that
// Calls returns. It prints without its body, which may hold passwords.
type Call struct {
	// Seq numbers the calls from 1 in the order they completed, since
	// New, ClearCalls or Reset. When the first call Calls returns has a
	// Seq above 1, the log dropped the calls before it (WithCallLogLimit).
	Seq int
	// Action is the API, for example "CreateCluster"; empty when no route
	// matched the method and path.
	Action string
	// Method and Path are the HTTP method and the unescaped path.
	Method string
	Path   string
	// Query is the query.
	Query url.Values
	// Body is the request body; empty for a request refused before its
	// route matched and it was authenticated (see Cloud.Calls).
	Body []byte
	// Caller is the access key ID that signed the call, the in-process
	// Principal's name ("in-process" when unnamed), or "" for an unsigned
	// HTTP call when no credentials are configured.
	Caller string
	// InProcess is true for calls through Transport.
	InProcess bool
	// At is the virtual time the call arrived.
	At time.Time
	// RequestID is the request ID of the answer.
	RequestID string
	// Status is the HTTP status of the answer (also when it was lost).
	Status int
	// Code is the error code of the answer, empty on success.
	Code string
	// Lost is true when the change was applied and the answer dropped, so
	// that the client saw a transport error.
	Lost bool
}

// String describes the call without its body.
func (c Call) String() string {
	s := fmt.Sprintf("#%d %s %s %s -> %d", c.Seq, c.Action, c.Method, c.Path, c.Status)
	if c.Code != "" {
		s += " " + c.Code
	}
	if c.Lost {
		s += " (response lost)"
	}
	return s
}

// Format prints the call as String does for every verb, so that no verb
// prints the body.
func (c Call) Format(f fmt.State, verb rune) { fmt.Fprint(f, c.String()) }

// clone returns a deep copy.
func (c Call) clone() Call {
	d := c
	if c.Query != nil {
		d.Query = make(url.Values, len(c.Query))
		for k, v := range c.Query {
			d.Query[k] = slices.Clone(v)
		}
	}
	d.Body = slices.Clone(c.Body)
	return d
}

// Reaction is what a reactor does to a call.
type Reaction struct {
	// Err, when set, answers the call with this error; the call is not
	// applied.
	Err *Error
	// Latency is spent on the virtual clock before the call is applied;
	// the wall clock does not wait.
	Latency time.Duration
	// LoseResponse applies the call and then drops the answer: an HTTP
	// client sees the connection close, the in-process transport returns
	// a transport error. Ignored when Err is set.
	LoseResponse bool
}

// ReactionFunc decides whether and how to react to a call. It returns
// handled = false to pass the call to the next reactor (and, when none
// handles it, to the fake's normal behaviour). It may be called
// concurrently.
type ReactionFunc func(call Call) (r Reaction, handled bool)

// AllActions, given to PrependReactor, makes the reactor see every call.
const AllActions = "*"

type reactor struct {
	action string
	fn     ReactionFunc
	fault  string // the ID of the fault rule it runs, or "" for a Go reactor
}

// reactors is the reactor chain, newest first.
type reactors struct {
	mu    sync.Mutex
	chain []reactor
}

func (rs *reactors) prepend(action string, fn ReactionFunc) {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	rs.chain = slices.Insert(rs.chain, 0, reactor{action: action, fn: fn})
}

// prependFault puts the reactor of fault rule id at the front.
func (rs *reactors) prependFault(action, id string, fn ReactionFunc) {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	rs.chain = slices.Insert(rs.chain, 0, reactor{action: action, fn: fn, fault: id})
}

// removeFaults removes the reactors of the fault rules that drop reports
// true for, and keeps the others (Go reactors among them).
func (rs *reactors) removeFaults(drop func(id string) bool) {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	rs.chain = slices.DeleteFunc(rs.chain, func(r reactor) bool { return r.fault != "" && drop(r.fault) })
}

func (rs *reactors) clear() {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	rs.chain = nil
}

// react runs the chain for a call: the first reactor for the call's action
// (or for every action) that handles it decides. The chain is copied
// first, so reactors run without the lock and may prepend reactors.
func (rs *reactors) react(call Call) (Reaction, bool) {
	chain := rs.snapshot()
	if len(chain) == 0 {
		return Reaction{}, false
	}
	for _, r := range chain {
		if r.action != AllActions && r.action != call.Action {
			continue
		}
		if re, ok := r.fn(call.clone()); ok {
			re.Err = re.Err.clone()
			return re, true
		}
	}
	return Reaction{}, false
}

// snapshot returns a copy of the chain.
func (rs *reactors) snapshot() []reactor {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	return slices.Clone(rs.chain)
}

// ReturnError answers every call with an error of code, status (zero
// means StatusOf(code)) and message; the call is not applied.
func ReturnError(code string, status int, message string) ReactionFunc {
	return func(Call) (Reaction, bool) {
		return Reaction{Err: &Error{Code: code, Status: status, Message: message}}, true
	}
}

// AddLatency spends d of virtual time before every call is applied.
func AddLatency(d time.Duration) ReactionFunc {
	return func(Call) (Reaction, bool) { return Reaction{Latency: d}, true }
}

// ThrottleEvery refuses every nth call it sees (the nth, the 2nth, ...)
// with Throttling.User and passes the others on. n below 1 is taken as 1.
func ThrottleEvery(n int) ReactionFunc {
	n = max(n, 1)
	var mu sync.Mutex
	seen := 0
	return func(Call) (Reaction, bool) {
		mu.Lock()
		defer mu.Unlock()
		seen++
		if seen%n != 0 {
			return Reaction{}, false
		}
		return Reaction{Err: throttled()}, true
	}
}

// throttled is ACK's flow-control refusal.
func throttled() *Error {
	return NewError(ThrottlingUser, "request was denied due to user flow control")
}

// LoseResponse applies every call and then drops its answer. Wrap it in
// Once to lose one answer.
func LoseResponse() ReactionFunc {
	return func(Call) (Reaction, bool) { return Reaction{LoseResponse: true}, true }
}

// Times lets fn handle at most n calls; afterwards it passes every call
// on.
func Times(n int, fn ReactionFunc) ReactionFunc {
	var mu sync.Mutex
	left := n
	return func(c Call) (Reaction, bool) {
		mu.Lock()
		defer mu.Unlock()
		if left <= 0 {
			return Reaction{}, false
		}
		r, ok := fn(c)
		if ok {
			left--
		}
		return r, ok
	}
}

// Once lets fn handle one call.
func Once(fn ReactionFunc) ReactionFunc { return Times(1, fn) }
