package fake

import (
	"slices"
	"sync"
	"time"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/nodepool"
)

// store is the fake's world: clusters, their node pools, tasks and nodes,
// the account and the network, with the rules that need them. One mutex
// guards all of it, and only the world's files (world_*.go) take it: the
// world's operations (update, read and the methods built on them) lock it
// for one call each; every method whose name ends in Locked expects it
// held. The handlers (handler_*.go) decode a request, call one operation
// and render what it returns. Nothing changes by itself: a
// resource's state is brought up to the clock (settled) whenever it is
// read, so the store needs no timers and no goroutines. Node pools hang
// off their cluster (clusterRec.pools); nodes are kept by instance ID and
// listed, in creation order, by their cluster (clusterRec.nodes): every
// request that names a node names its cluster too, so the store keeps no
// index of a fleet's nodes beside their clusters'.
type store struct {
	mu       sync.Mutex
	ids      *idGen
	settings settings
	// clock is the virtual clock every change and read runs at, read with
	// the lock held.
	clock *Clock

	clusters map[string]*clusterRec
	order    []*clusterRec // living clusters, by creation
	tasks    map[string]*taskRec
	// taskOrder lists the tasks by creation, for forgetting the oldest
	// ended ones (pruneTasksLocked).
	taskOrder []string
	net       *network
	acct      account

	// hosts counts the worker addresses handed out per vSwitch; nodeSeq
	// numbers nodes in the order they were created.
	hosts   map[string]int
	nodeSeq int64

	failNext []failRule

	// idx is kept up to date as clusters come and go (world_index.go).
	idx index
	// gen counts the changes of the store, for the answers it caches
	// (render_cache.go).
	gen uint64
	// meter records what existed when, for bills (world_meter.go).
	meter *meter
}

// failRule is an injected failure waiting for the next change of a kind.
type failRule struct {
	change  Change
	failure Failure
}

// clusterRec is one cluster.
type clusterRec struct {
	id      string
	seq     int64        // the cluster's place in the order the store created clusters
	spec    cluster.Spec // zones filled from the network
	created time.Time
	updated time.Time
	state   cluster.State
	// ready is set once the cluster first reached running: from then on
	// it has API server endpoints.
	ready bool
	// wireType, profile and clusterSpec are the form fields as created
	// (the legacy "Ask" type is kept as it was sent).
	wireType, profile, clusterSpec string
	extra                          clusterExtra
	nodes                          []*nodeRec // masters and workers, in creation order
	cidrs                          []cidrUse  // pod and Service CIDRs, fixed at creation
	pools                          []*poolRec // living node pools, by creation
	containerInstances             int        // running container instances (serverless)
	op                             *pending
	lastTask                       string
	// failNext makes the cluster's next change fail.
	failNext *Failure
	// detail is the cluster's detail answer as last encoded.
	detail cachedDetail
	// upgrades records the cluster's upgrades (world_upgrade.go).
	upgrades *upgrades
}

// clusterExtra holds what a cluster detail reports that the cluster
// package's Spec does not model: settings echoed from the create request,
// changed by ModifyCluster where ACK allows it.
type clusterExtra struct {
	version                          string
	initVersion                      string
	securityGroupID                  string
	proxyMode                        string
	ipStack                          string
	clusterDomain                    string
	operationPolicy                  *wire.OperationPolicy
	controlPlaneEndpoints            *wire.ControlPlaneEndpointsConfig
	rrsa                             bool
	extraSANs                        []string
	publicEndpoint, intranetEndpoint string
}

// clone returns a deep copy.
func (e clusterExtra) clone() clusterExtra {
	c := e
	c.operationPolicy = cloneOperationPolicy(e.operationPolicy)
	c.controlPlaneEndpoints = cloneEndpoints(e.controlPlaneEndpoints)
	c.extraSANs = slices.Clone(e.extraSANs)
	return c
}

// taskRec is one task.
type taskRec struct {
	id        string
	clusterID string
	taskType  string
	state     string // cluster.TaskRunning, TaskSuccess or TaskFailed
	created   time.Time
	updated   time.Time
	err       *Failure
	// params are the task's parameters as JSON values (objects are
	// map[string]any, numbers float64), made so when the task is created
	// and never changed afterwards, so that copies share them.
	params map[string]any
	// poolID is the node pool the task acts on; empty for a cluster task.
	poolID string
	// op is the change the task tracks while it runs; nil once it ended.
	op *pending
	// answer is DescribeTaskInfo's body without its request ID, encoded
	// by the first read of the task as it is; the change that ends the
	// task (pending.settle) clears it, so polls of an unchanged task
	// encode nothing.
	answer []byte
}

// nodeRec is one ECS node of a cluster.
type nodeRec struct {
	instanceID   string
	name         string // the ECS instance name
	clusterID    string
	nodepoolID   string
	role         string // Master or Worker
	instanceType string
	vswitchID    string
	ip           string
	chargeType   string
	created      time.Time
	// seq is the node's place in the order the store created nodes.
	seq int64
	// origin says how the node came: with the cluster or its pool, or by
	// a scale-out.
	origin nodepool.Origin
	// state is a worker's state (nodeInitial, nodeRunning, nodeRemoving,
	// nodeFailed); empty for a master, whose state follows its cluster's.
	state string
	// dropped is set once the node left its cluster (removed, or its
	// cluster deleted).
	dropped bool
	// metered is how the billing meter has the node (world_meter.go).
	metered meterMark
}

func newStore(s settings, ids *idGen, clock *Clock) (*store, error) {
	st := &store{
		ids:      ids,
		settings: s,
		clock:    clock,
		clusters: map[string]*clusterRec{},
		tasks:    map[string]*taskRec{},
		net:      newNetwork(s.strict),
		acct:     newAccount(s),
		hosts:    map[string]int{},
		idx:      newIndex(),
		meter:    newMeter(s.meter),
	}
	for _, v := range s.vpcs {
		if err := st.net.addVPC(v); err != nil {
			return nil, err
		}
	}
	for _, v := range s.vswitches {
		if err := st.net.addVSwitch(v); err != nil {
			return nil, err
		}
	}
	return st, nil
}

// update runs fn with the store locked, at the clock's now, and counts a
// change of the store (for the answers it caches, render_cache.go) when fn
// returns, refused or not. The lock is released by defer, so that a panic
// in fn (which the handler turns into an InternalError answer) leaves the
// store usable.
func update[T any](s *store, fn func(now time.Time) (T, *Error)) (T, *Error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	defer s.changedLocked()
	return fn(s.clock.Now())
}

// read runs fn with the store locked, at the clock's now, for a read that
// changes nothing a detail shows (polls and settling count their own
// changes).
func read[T any](s *store, fn func(now time.Time) (T, *Error)) (T, *Error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return fn(s.clock.Now())
}

// changedLocked records that the store may have changed.
func (s *store) changedLocked() { s.gen++ }

// started names the change an operation started: its cluster, its pool
// (empty for a cluster's change) and its task.
type started struct {
	clusterID, poolID, taskID string
}

// onCluster is update on the living cluster id, brought up to now: an
// unknown cluster is refused with ErrorClusterNotFound.
func (s *store) onCluster(id string, fn func(c *clusterRec, now time.Time) (started, *Error)) (started, *Error) {
	return update(s, func(now time.Time) (started, *Error) {
		c, e := s.clusterLocked(id, now, false)
		if e != nil {
			return started{}, e
		}
		return fn(c, now)
	})
}

// onPool is update on the living node pool poolID of the living cluster
// clusterID, both brought up to now: an unknown cluster or pool is refused
// with ErrorClusterNotFound or ErrorNodePoolNotFound.
func (s *store) onPool(clusterID, poolID string, fn func(c *clusterRec, p *poolRec, now time.Time) (started, *Error)) (started, *Error) {
	return update(s, func(now time.Time) (started, *Error) {
		c, p, e := s.poolTargetLocked(clusterID, poolID, now)
		if e != nil {
			return started{}, e
		}
		return fn(c, p, now)
	})
}

// poolTargetLocked returns a living cluster and one of its living pools,
// brought up to now.
func (s *store) poolTargetLocked(clusterID, poolID string, now time.Time) (*clusterRec, *poolRec, *Error) {
	c, e := s.clusterLocked(clusterID, now, false)
	if e != nil {
		return nil, nil, e
	}
	p, e := s.poolLocked(c, poolID, now)
	if e != nil {
		return nil, nil, e
	}
	return c, p, nil
}

// settleLocked brings a cluster and its node pools up to now: a change
// that is due completes at its due instant.
func (s *store) settleLocked(c *clusterRec, now time.Time) {
	if c.op != nil && c.op.settle(now) {
		c.op = nil
	}
	if c.state == cluster.StateDeleted {
		return
	}
	for _, p := range slices.Clone(c.pools) {
		s.settlePoolLocked(c, p, now)
	}
}

// completeCluster returns how a change of kind ch ends on cluster c: the
// cluster records the instant as updated and takes the change's final
// state (or its failed state); done, when set, runs with the failure (nil
// on success).
func (s *store) completeCluster(c *clusterRec, ch Change, done func(failure *Failure)) func(at time.Time, failure *Failure) {
	end := s.endCluster(c, ch, done)
	return func(at time.Time, failure *Failure) {
		end(at, failure)
		s.meterSyncLocked(c, at)
	}
}

// endCluster is completeCluster without the billing meter's record.
func (s *store) endCluster(c *clusterRec, ch Change, done func(failure *Failure)) func(at time.Time, failure *Failure) {
	return func(at time.Time, failure *Failure) {
		c.updated = at
		if failure != nil {
			switch ch {
			case ChangeDeleteCluster:
				c.state = cluster.StateDeleteFailed
			case ChangeModifyCluster:
				c.state = cluster.StateUpdatingFailed
			case ChangeScaleOutCluster, ChangeRemoveClusterNodes:
				// The cluster stays usable; the task and the nodes say
				// what failed.
				c.state = cluster.StateRunning
			default:
				c.state = cluster.StateFailed
			}
			if done != nil {
				done(failure)
			}
			return
		}
		if ch == ChangeDeleteCluster {
			s.removeLocked(c)
			return
		}
		if done != nil {
			done(nil)
		}
		c.state, c.ready = cluster.StateRunning, true
		// The pools' autoscalers resume once the cluster runs again.
		for _, p := range slices.Clone(c.pools) {
			s.autoscaleLocked(c, p, at)
		}
	}
}

// removeLocked forgets a deleted cluster, its node pools and its nodes;
// its tasks stay readable.
func (s *store) removeLocked(c *clusterRec) {
	c.state = cluster.StateDeleted
	delete(s.clusters, c.id)
	s.unindexLocked(c)
	for _, n := range c.nodes {
		n.dropped = true
	}
	for _, p := range c.pools {
		p.gone = true
	}
	c.pools, c.nodes, c.containerInstances = nil, nil, 0
}

// newTaskLocked records a running task for a change starting at now. The
// task keeps a copy of params made of JSON values, as its answer shows
// them.
func (s *store) newTaskLocked(clusterID, taskType string, params map[string]any, now time.Time) *taskRec {
	t := &taskRec{
		id: s.ids.task(), clusterID: clusterID, taskType: taskType, state: cluster.TaskRunning,
		created: now, updated: now, params: jsonParams(params),
	}
	s.tasks[t.id] = t
	s.taskOrder = append(s.taskOrder, t.id)
	s.pruneTasksLocked()
	return t
}

// TaskLimit is how many of the newest tasks the fake keeps readable by
// DescribeTaskInfo at least; older ones that ended are forgotten (and
// answered ErrorTaskNotFound), so that a long-running fake's memory does
// not grow with every change it made. A running task is never forgotten.
const TaskLimit = 10_000

// pruneTasksLocked forgets the ended tasks older than the newest
// TaskLimit, once twice as many are kept: each task costs its share of one
// pass.
func (s *store) pruneTasksLocked() {
	limit := s.settings.taskLimit
	if limit <= 0 {
		limit = TaskLimit
	}
	if len(s.taskOrder) <= 2*limit {
		return
	}
	cut := len(s.taskOrder) - limit
	keep := make([]string, 0, limit+16)
	for i, id := range s.taskOrder {
		t, ok := s.tasks[id]
		switch {
		case !ok:
		case i < cut && t.op == nil && t.state != cluster.TaskRunning:
			delete(s.tasks, id)
		default:
			keep = append(keep, id)
		}
	}
	s.taskOrder = keep
}

// newPendingLocked starts a change of kind ch tracked by task t, consuming
// the failure injected for it: fail (the resource's own) first, else the
// first matching FailNext rule.
func (s *store) newPendingLocked(ch Change, t *taskRec, fail **Failure, now time.Time) *pending {
	op := &pending{change: ch, started: now, prog: s.settings.progressions[ch], task: t, gen: &s.gen}
	s.changedLocked()
	if *fail != nil {
		f := **fail
		op.fail, *fail = &f, nil
	} else if i := slices.IndexFunc(s.failNext, func(r failRule) bool { return r.change.matches(ch) }); i >= 0 {
		f := s.failNext[i].failure
		op.fail = &f
		s.failNext = slices.Delete(s.failNext, i, i+1)
	}
	t.op = op
	return op
}

// clusterLocked returns a living cluster brought up to now, counting a
// poll when poll is set, or ErrorClusterNotFound.
func (s *store) clusterLocked(id string, now time.Time, poll bool) (*clusterRec, *Error) {
	c, ok := s.clusters[id]
	if ok {
		s.settleLocked(c, now)
		ok = c.state != cluster.StateDeleted
	}
	if !ok {
		return nil, NewError(ErrorClusterNotFound, "cluster %s not found", id)
	}
	if poll && c.op != nil {
		c.op.poll(now)
	}
	return c, nil
}

// livingLocked settles every cluster and returns the living ones, by
// creation.
func (s *store) livingLocked(now time.Time) []*clusterRec {
	for _, c := range slices.Clone(s.order) {
		s.settleLocked(c, now)
	}
	return slices.Clone(s.order)
}

// taskLocked returns a task brought up to now, counting a poll of its
// change when poll is set, or ErrorTaskNotFound.
func (s *store) taskLocked(id string, now time.Time, poll bool) (*taskRec, *Error) {
	t, ok := s.tasks[id]
	if !ok {
		return nil, NewError(ErrorTaskNotFound, "task %s not found", id)
	}
	if op := t.op; op != nil && !op.settle(now) && poll {
		op.poll(now)
	}
	return t, nil
}

// cidrUsesLocked lists the pod and Service CIDRs of the living clusters.
func (s *store) cidrUsesLocked() []cidrUse {
	var out []cidrUse
	for _, c := range s.order {
		out = append(out, c.cidrs...)
	}
	return out
}

// cidrUsesOf lists the pod and Service CIDRs of a cluster's spec (stored
// with its defaults applied). Both are fixed at creation (cluster.CheckChange refuses changing
// them), so a cluster's list is computed once, when it is stored.
func cidrUsesOf(id string, sp cluster.Spec) []cidrUse {
	var out []cidrUse
	if p, ok := parseCIDR(sp.Network.PodCIDR); ok {
		out = append(out, cidrUse{clusterID: id, vpcID: sp.VPCID, field: "container_cidr", cidr: p})
	}
	if p, ok := parseCIDR(sp.ServiceCIDR); ok {
		out = append(out, cidrUse{clusterID: id, vpcID: sp.VPCID, field: "service_cidr", cidr: p})
	}
	return out
}
