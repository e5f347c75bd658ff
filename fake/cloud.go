package fake

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/ackgo/ack"
)

// Cloud is one fake ACK: its state, clock, reactors and call log. Build
// one per test with New; it is safe for concurrent use, and values go in
// and out of it as copies.
type Cloud struct {
	settings settings // fixed by New; Reset rebuilds the state from it
	clock    *Clock
	ids      *idGen
	st       *store
	reactors reactors
	faults   faults // the fault rules of /_fake/faults, run as reactors
	log      *callLog
	nonces   *nonceLog // kept by Reset: replays are judged on the wall clock
	handler  http.Handler

	mu        sync.Mutex
	principal Principal
}

// New returns a fresh fake ACK. Its clock is AutoAdvance unless an option
// says otherwise. It panics when an option's value is malformed (a VPC or
// vSwitch ID or CIDR): that is a mistake in the test, not a condition to
// handle.
func New(opts ...Option) *Cloud {
	c, err := newCloud(AutoAdvance, opts)
	if err != nil {
		panic("fake.New: " + err.Error())
	}
	return c
}

func newCloud(mode ClockMode, opts []Option) (*Cloud, error) {
	s := defaultSettings(mode)
	for _, o := range opts {
		if o != nil {
			o(&s)
		}
	}
	s = s.clone()
	c := &Cloud{settings: s, ids: &idGen{}, principal: s.principal, log: newCallLog(s.callLogLimit, s.callLogBytes),
		nonces: newNonceLog(DefaultNonceLimit)}
	c.clock = newClock(s.clockMode, s.start, s.speed)
	st, err := newStore(s, c.ids, c.clock)
	if err != nil {
		return nil, err
	}
	c.st = st
	c.handler = &handler{cloud: c}
	if s.state != nil {
		if err := st.restoreState(*s.state); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// String describes the cloud without its state or secrets, for example
// "fake.Cloud{regions: cn-hangzhou, clock: auto-advance at
// 2026-01-01T00:00:00Z, clusters: 2, credentials: 1}".
func (c *Cloud) String() string {
	if c == nil {
		return "<nil>"
	}
	n := c.st.clusterCount()
	return fmt.Sprintf("fake.Cloud{regions: %s, clock: %s at %s, clusters: %d, credentials: %d}",
		strings.Join(c.settings.regions, ","), c.clock.Mode(), c.Now().UTC().Format(time.RFC3339), n, len(c.settings.creds))
}

// Format prints the cloud as String does for every verb: fmt would
// otherwise print its unexported fields, secrets included.
func (c *Cloud) Format(f fmt.State, verb rune) { fmt.Fprint(f, c.String()) }

// Clock returns the fake's virtual clock.
func (c *Cloud) Clock() *Clock { return c.clock }

// Now returns the virtual time.
func (c *Cloud) Now() time.Time { return c.clock.Now() }

// Advance moves the virtual clock forward by d, in any mode.
func (c *Cloud) Advance(d time.Duration) { c.clock.Advance(d) }

// Region returns the fake's first region, the one Config uses.
func (c *Cloud) Region() string { return c.settings.regions[0] }

// Handler returns the fake's HTTP handler: ACK's API and, under /_fake/,
// the control endpoints (see Server).
func (c *Cloud) Handler() http.Handler { return c.handler }

// Config returns an *ack.Config wired to the fake: its in-process
// Transport, its clock and its first region. opts come last and may
// override anything but the clock.
func (c *Cloud) Config(opts ...ack.Option) *ack.Config {
	base := []ack.Option{
		ack.WithTransport(c.Transport()),
		ack.WithRegion(c.Region()),
	}
	base = append(base, opts...)
	base = append(base, ack.WithClock(c.clock))
	return ack.NewConfig(base...)
}

// SetPrincipal changes who in-process calls act as from now on.
func (c *Cloud) SetPrincipal(p Principal) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.principal = p
}

// Principal returns who in-process calls act as.
func (c *Cloud) Principal() Principal {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.principal
}

// PrependReactor puts a reactor at the front of the chain, for one action
// (for example wire's "CreateCluster") or for AllActions. Reactors run
// after authentication, newest first; the first that handles a call
// decides what happens to it.
func (c *Cloud) PrependReactor(action string, fn ReactionFunc) {
	c.reactors.prepend(action, fn)
}

// ClearReactors removes every reactor.
func (c *Cloud) ClearReactors() { c.reactors.clear() }

// Calls returns a copy of the action log, in the order the calls
// completed: the most recent DefaultCallLogLimit calls in at most
// DefaultCallLogBytes, or as WithCallLogLimit and WithCallLogBytes say.
// Calls to the control endpoints are not logged. A call keeps its body
// only when it matched a route and passed authentication: refusals of
// unsigned, wrongly signed, unrouted and oversized requests are logged
// without theirs.
func (c *Cloud) Calls() []Call { return c.log.all() }

// TotalCalls returns how many calls were logged since New, ClearCalls or
// Reset, those the log no longer keeps included: the Seq of the newest
// call.
func (c *Cloud) TotalCalls() int { return c.log.count() }

// ClearCalls empties the action log and restarts its numbering.
func (c *Cloud) ClearCalls() { c.log.clear() }

// Reset forgets every cluster, node pool, task, node, registered-on-use
// network object, injected failure, reactor, fault rule (/_fake/faults)
// and logged call, and restores the principal, the network and the
// account the options configured. The clock keeps its time, so that
// timestamps never go back; IDs are never reused.
func (c *Cloud) Reset() {
	st, err := newStore(c.settings, c.ids, c.clock)
	if err != nil {
		// The same settings built the first store.
		panic(fmt.Sprintf("fake: reset: %v", err))
	}
	c.st.reset(st)
	c.reactors.clear()
	c.faults.clear()
	c.log.clear()
	c.SetPrincipal(c.settings.principal)
}

// AddVPC registers a VPC (or replaces one of the same ID).
func (c *Cloud) AddVPC(v VPC) error {
	return c.st.addVPC(v)
}

// AddVSwitch registers a vSwitch (or replaces one of the same ID), and its
// VPC with an unknown CIDR if that is not registered.
func (c *Cloud) AddVSwitch(v VSwitch) error {
	return c.st.addVSwitch(v)
}

// VPC returns a registered VPC.
func (c *Cloud) VPC(id string) (VPC, bool) {
	return c.st.vpc(id)
}

// VSwitch returns a registered vSwitch.
func (c *Cloud) VSwitch(id string) (VSwitch, bool) {
	return c.st.vswitch(id)
}

// FailNext makes the next change of kind ch fail when it completes (at
// the end of its progression): the task ends failed with code and message
// (defaults: InternalError and a message naming the injection), and the
// cluster goes to failed (create), updating_failed (modify) or
// delete_failed (delete), or back to running (ScaleOutCluster, node
// removal). A failed node pool change ends as the package documentation
// says. ChangeAnyCreate matches a cluster create of any form.
func (c *Cloud) FailNext(ch Change, code, message string) {
	c.st.injectFailure(ch, Failure{Code: code, Message: message})
}

// FailCluster makes the cluster's change in progress fail when it
// completes, or, when none is in progress, its next change.
func (c *Cloud) FailCluster(clusterID, code, message string) error {
	if e := c.st.failCluster(clusterID, Failure{Code: code, Message: message}); e != nil {
		return fmt.Errorf("fail cluster %s: %w", clusterID, e)
	}
	return nil
}

// FailNodePool makes the node pool's change in progress fail when it
// completes, or, when none is in progress, its next change: the task ends
// failed with code and message; see the package documentation for what a
// failed change leaves.
func (c *Cloud) FailNodePool(clusterID, poolID, code, message string) error {
	if e := c.st.failNodePool(clusterID, poolID, Failure{Code: code, Message: message}); e != nil {
		return fmt.Errorf("fail node pool %s: %w", poolID, e)
	}
	return nil
}

// FailTask makes a running task, and the change it tracks, fail when the
// change completes.
func (c *Cloud) FailTask(taskID, code, message string) error {
	return c.st.failTask(taskID, Failure{Code: code, Message: message})
}
