package fake

import (
	"fmt"
	"slices"
	"sync"
	"time"
)

// The fault rules of /_fake/faults: each rule runs as a reactor of the
// Cloud's chain; the rules, their IDs and how often each fired are kept
// here, under their own lock.

// faultSpec is what a fault rule does: exactly one of err, throttle,
// latency and lose, to the calls of action (or AllActions) that principal
// signed (any caller when empty), times times (0: until removed).
type faultSpec struct {
	action    string
	err       *Error // code, status and message; nil unless an error rule
	throttle  bool
	latency   time.Duration
	lose      bool
	times     int
	principal string
}

// faultRule is a fault rule with its ID and how often it fired.
type faultRule struct {
	spec    faultSpec
	id      string
	fired   int
	removed bool
}

// faults is the registry of fault rules, oldest first.
type faults struct {
	mu    sync.Mutex
	next  int
	rules []*faultRule
}

// faultView is a copy of a rule, for the control endpoints.
type faultView struct {
	spec  faultSpec
	id    string
	fired int
}

func (r *faultRule) view() faultView {
	return faultView{spec: r.spec, id: r.id, fired: r.fired}
}

// addFault registers a rule and prepends its reactor to the chain.
func (c *Cloud) addFault(spec faultSpec) faultView {
	fs := &c.faults
	fs.mu.Lock()
	fs.next++
	r := &faultRule{spec: spec, id: fmt.Sprintf("f-%d", fs.next)}
	fs.rules = append(fs.rules, r)
	v := r.view()
	fs.mu.Unlock()
	c.reactors.prependFault(spec.action, r.id, fs.reactor(r))
	return v
}

// reactor returns the reaction function of rule r: it handles a call of
// its principal while the rule has firings left and is not removed, and
// counts the firing.
func (fs *faults) reactor(r *faultRule) ReactionFunc {
	return func(call Call) (Reaction, bool) {
		if r.spec.principal != "" && call.Caller != r.spec.principal {
			return Reaction{}, false
		}
		fs.mu.Lock()
		defer fs.mu.Unlock()
		if r.removed || (r.spec.times > 0 && r.fired >= r.spec.times) {
			return Reaction{}, false
		}
		r.fired++
		return r.spec.reaction(), true
	}
}

// reaction is what the rule does to one call.
func (s faultSpec) reaction() Reaction {
	switch {
	case s.err != nil:
		return Reaction{Err: s.err.clone()}
	case s.throttle:
		return Reaction{Err: throttled()}
	case s.lose:
		return Reaction{LoseResponse: true}
	}
	return Reaction{Latency: s.latency}
}

// faultViews lists the rules, oldest first.
func (c *Cloud) faultViews() []faultView {
	fs := &c.faults
	fs.mu.Lock()
	defer fs.mu.Unlock()
	out := make([]faultView, len(fs.rules))
	for i, r := range fs.rules {
		out[i] = r.view()
	}
	return out
}

// removeFault removes rule id and its reactor; ok is false when there is
// no such rule.
func (c *Cloud) removeFault(id string) (v faultView, ok bool) {
	fs := &c.faults
	fs.mu.Lock()
	i := slices.IndexFunc(fs.rules, func(r *faultRule) bool { return r.id == id })
	if i >= 0 {
		fs.rules[i].removed = true
		v, ok = fs.rules[i].view(), true
		fs.rules = slices.Delete(fs.rules, i, i+1)
	}
	fs.mu.Unlock()
	if ok {
		c.reactors.removeFaults(func(f string) bool { return f == id })
	}
	return v, ok
}

// clearFaults removes every rule and their reactors, and reports how many
// there were. Go reactors stay.
func (c *Cloud) clearFaults() int {
	n := c.faults.clear()
	c.reactors.removeFaults(func(string) bool { return true })
	return n
}

// clear forgets every rule (Reset clears the whole chain itself). IDs go
// on, so that an ID never names two rules.
func (fs *faults) clear() int {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	for _, r := range fs.rules {
		r.removed = true
	}
	n := len(fs.rules)
	fs.rules = nil
	return n
}
