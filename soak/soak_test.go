package soak

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime/debug"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/quota"
)

// faultRate is the share of calls the fake's reactors disturb.
const faultRate = 0.10

// scale is $ACK_SOAK: how many times the default number of operations
// to run (1 when unset).
func scale(t *testing.T) int {
	s := os.Getenv("ACK_SOAK")
	if s == "" {
		return 1
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		t.Fatalf("ACK_SOAK=%q: want a positive number", s)
	}
	return n
}

// seed is $ACK_SOAK_SEED, or a fresh seed. It is printed when the test
// fails.
func seed(t *testing.T) uint64 {
	s := os.Getenv("ACK_SOAK_SEED")
	if s == "" {
		return uint64(time.Now().UnixNano())
	}
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		t.Fatalf("ACK_SOAK_SEED=%q: want a number", s)
	}
	return n
}

// limits are the soak's quotas: low enough that creates are refused now
// and then.
func limits() quota.Limits {
	l := quota.CurrentDefaults()
	l.Clusters.Max, l.ManagedClusters.Max = 14, 14
	l.NodesPerCluster.Max = 30
	l.NodePoolsPerCluster.Max = 3
	return l
}

// env is what a soak runs on: the fake (for the checks, read directly)
// and the typed clients (through whatever transport the test chose).
type env struct {
	cloud    *fake.Cloud
	clusters *cluster.Client
	pools    *nodepool.Client
	clock    ack.Clock
	limits   quota.Limits
	// pause is how long to wait between two looks at the fake when
	// settling after an ambiguous outcome.
	pause time.Duration
	// opTimeout bounds one operation on the wall clock: a hang fails the
	// test.
	opTimeout time.Duration
}

// faults returns the reactor that disturbs about rate of the calls:
// throttling, 503 and 500 answers (not applied), latency on the virtual
// clock, and answers lost after the change was applied.
func faults(seed uint64, rate float64, hits *atomic.Int64) fake.ReactionFunc {
	var mu sync.Mutex
	r := rand.New(rand.NewPCG(seed, 0xfa17))
	return func(fake.Call) (fake.Reaction, bool) {
		mu.Lock()
		x := r.Float64() / rate
		mu.Unlock()
		if x >= 1 {
			return fake.Reaction{}, false
		}
		hits.Add(1)
		switch {
		case x < 0.25:
			return fake.Reaction{Err: fake.NewError(fake.ThrottlingUser, "soak: throttled")}, true
		case x < 0.40:
			return fake.Reaction{Err: fake.NewError(fake.ServiceUnavailable, "soak: unavailable")}, true
		case x < 0.55:
			return fake.Reaction{Err: fake.NewError(fake.InternalError, "soak: internal error")}, true
		case x < 0.75:
			return fake.Reaction{Latency: 20 * time.Second}, true
		}
		return fake.Reaction{LoseResponse: true}, true
	}
}

// typed reports whether err is one of the SDK's typed errors, or one of
// the nodepool package's sentinels for a scale it refuses before any call.
func typed(err error) bool {
	for _, sentinel := range []error{nodepool.ErrNotEnoughScaleOut, nodepool.ErrBelowMinimum, nodepool.ErrAutoScaled} {
		if errors.Is(err, sentinel) {
			return true
		}
	}
	var (
		api     *ack.APIError
		invalid *ack.ValidationError
		retry   *ack.RetryError
		task    *ack.TaskFailedError
		timeout *ack.WaitTimeoutError
	)
	return errors.As(err, &api) || errors.As(err, &invalid) || errors.As(err, &retry) ||
		errors.As(err, &task) || errors.As(err, &timeout)
}

// poolModel and clusterModel are what a worker was told about its
// resources.
type poolModel struct {
	id, name string
	desired  int
}

type clusterModel struct {
	id, name, createdAs string
	pools               []*poolModel
	nextPool            int
}

// stats counts what a soak did.
type stats struct {
	ops, failed, faults atomic.Int64
	byOp                sync.Map // op name → *atomic.Int64
}

func (s *stats) count(op string) {
	v, _ := s.byOp.LoadOrStore(op, new(atomic.Int64))
	v.(*atomic.Int64).Add(1)
}

// worker runs random operations on its own clusters (and reads of
// everyone's), keeping the model of what it was told.
type worker struct {
	id       int
	env      *env
	r        *rand.Rand
	t        *testing.T
	stats    *stats
	clusters []*clusterModel
	next     int
}

// fail records a broken invariant.
func (w *worker) fail(format string, args ...any) {
	w.t.Errorf("worker %d: "+format, append([]any{w.id}, args...)...)
}

// run performs n operations.
func (w *worker) run(ctx context.Context, n int) {
	for i := 0; i < n && !w.t.Failed(); i++ {
		w.step(ctx)
	}
}

// step performs one random operation, bounded by opTimeout, and checks
// that it ended in success or a typed error.
func (w *worker) step(ctx context.Context) {
	ctx, cancel := context.WithTimeout(ctx, w.env.opTimeout)
	defer cancel()
	var running []*clusterModel
	for _, c := range w.clusters {
		running = append(running, c)
	}
	name, do := w.pick(running)
	w.stats.ops.Add(1)
	w.stats.count(name)
	err := func() (err error) {
		defer func() {
			if p := recover(); p != nil {
				err = fmt.Errorf("panic: %v\n%s", p, debug.Stack())
				w.fail("%s: %v", name, err)
			}
		}()
		return do(ctx)
	}()
	switch {
	case err == nil:
	case ctx.Err() != nil:
		w.fail("%s: did not end within %s (a hang): %v", name, w.env.opTimeout, err)
	case !typed(err):
		w.fail("%s: error %T is not typed: %v", name, err, err)
	default:
		w.stats.failed.Add(1)
		w.stats.count(name + ": " + errorClass(err))
		if os.Getenv("ACK_SOAK_DEBUG") != "" {
			w.t.Logf("%s: %v", name, err)
		}
	}
}

// errorClass names the kind of a typed error, for the soak's tally.
func errorClass(err error) string {
	var (
		retry   *ack.RetryError
		api     *ack.APIError
		invalid *ack.ValidationError
	)
	switch {
	case errors.As(err, &retry):
		return "gave up: " + retry.Reason
	case errors.As(err, &api):
		return api.Code
	case errors.As(err, &invalid):
		return "invalid"
	}
	return "refused before any call"
}

// pick chooses an operation.
func (w *worker) pick(mine []*clusterModel) (string, func(context.Context) error) {
	x := w.r.IntN(100)
	if len(mine) == 0 || (x < 12 && len(mine) < 3) {
		return "create cluster", w.createCluster
	}
	c := mine[w.r.IntN(len(mine))]
	switch {
	case x < 30:
		return "create pool", func(ctx context.Context) error { return w.createPool(ctx, c) }
	case x < 50 && len(c.pools) > 0:
		return "scale pool", func(ctx context.Context) error { return w.scalePool(ctx, c, c.pools[w.r.IntN(len(c.pools))]) }
	case x < 58:
		return "modify cluster", func(ctx context.Context) error { return w.modifyCluster(ctx, c) }
	case x < 64 && len(c.pools) > 0:
		return "delete pool", func(ctx context.Context) error { return w.deletePool(ctx, c, c.pools[w.r.IntN(len(c.pools))]) }
	case x < 70:
		return "delete cluster", func(ctx context.Context) error { return w.deleteCluster(ctx, c) }
	case x < 80:
		return "kubeconfig", func(ctx context.Context) error {
			_, err := w.env.clusters.Kubeconfig(ctx, c.id)
			return err
		}
	case x < 90:
		return "list clusters", w.listClusters
	}
	return "list pools", func(ctx context.Context) error { return w.listPools(ctx, c) }
}

// createCluster creates a managed cluster in a VPC of its own.
func (w *worker) createCluster(ctx context.Context) error {
	name := fmt.Sprintf("soak-w%d-c%d", w.id, w.next)
	w.next++
	spec := cluster.Spec{
		Name:      name,
		Region:    fake.DefaultRegion,
		Form:      cluster.ManagedPro,
		VPCID:     "vpc-" + name,
		VSwitches: []cluster.VSwitch{{ID: "vsw-" + name}},
		Network:   cluster.Network{Plugin: cluster.Flannel, PodCIDR: "172.20.0.0/16"},
		SNAT:      cluster.Bool(true),
	}
	op, err := w.env.clusters.Create(ctx, spec)
	if err == nil {
		var cl *cluster.Cluster
		if cl, err = op.Wait(ctx); err == nil {
			if cl.State != cluster.StateRunning {
				w.fail("cluster %s: Wait returned it %s", cl.ID, cl.State)
			}
			w.clusters = append(w.clusters, &clusterModel{id: cl.ID, name: name, createdAs: name})
			w.checkCreated(name)
			return nil
		}
	}
	// The outcome is ambiguous: the cluster may exist. Settle it as a
	// caller would, by name.
	if found := w.checkCreated(name); found != "" {
		if w.settleCluster(ctx, found) {
			w.clusters = append(w.clusters, &clusterModel{id: found, name: name, createdAs: name})
		}
	}
	return err
}

// checkCreated checks that at most one cluster was made for the logical
// create of name, and returns its ID ("" for none).
func (w *worker) checkCreated(name string) string {
	var ids []string
	for _, c := range w.env.cloud.Clusters() {
		if c.Spec.Name == name {
			ids = append(ids, c.ID)
		}
	}
	if len(ids) > 1 {
		w.fail("one create of cluster %q made %d clusters: %v", name, len(ids), ids)
	}
	if len(ids) == 0 {
		return ""
	}
	return ids[0]
}

// settleCluster waits, looking at the fake, until a cluster's change has
// ended; it reports whether the cluster then runs (false when it is gone).
func (w *worker) settleCluster(ctx context.Context, id string) bool {
	for {
		c, ok := w.env.cloud.Cluster(id)
		if !ok {
			return false
		}
		switch c.State {
		case cluster.StateRunning:
			return true
		case cluster.StateFailed, cluster.StateDeleteFailed, cluster.StateUpdatingFailed:
			w.fail("cluster %s is %s, and no failure was injected", id, c.State)
			return false
		}
		if w.env.clock.Sleep(ctx, w.env.pause) != nil {
			return false
		}
	}
}

// createPool creates a node pool of up to 20 nodes, which the node quota
// refuses now and then.
func (w *worker) createPool(ctx context.Context, c *clusterModel) error {
	name := fmt.Sprintf("p%d", c.nextPool)
	c.nextPool++
	size := w.r.IntN(21)
	op, err := w.env.pools.Create(ctx, c.id, nodepool.Spec{
		Name: name, VSwitchIDs: []string{"vsw-" + c.createdAs}, InstanceTypes: []string{"ecs.g7.xlarge"},
		DesiredSize: size, KeyPair: "soak",
	})
	if err == nil {
		var d *nodepool.Pool
		if d, err = op.Wait(ctx); err == nil {
			c.pools = append(c.pools, &poolModel{id: d.ID, name: name, desired: size})
			w.checkPool(c, name, size)
			return nil
		}
	}
	if id := w.checkPoolCreated(c, name); id != "" {
		if w.settlePool(ctx, c, id) {
			p, _ := w.env.cloud.NodePool(c.id, id)
			if p.Spec.DesiredSize != size {
				w.fail("pool %s of cluster %s: desired size %d, created with %d", id, c.id, p.Spec.DesiredSize, size)
			}
			c.pools = append(c.pools, &poolModel{id: id, name: name, desired: p.Spec.DesiredSize})
		}
	}
	return err
}

// checkPoolCreated checks that at most one pool was made for the logical
// create of name in cluster c, and returns its ID.
func (w *worker) checkPoolCreated(c *clusterModel, name string) string {
	var ids []string
	for _, p := range w.env.cloud.NodePools(c.id) {
		if p.Spec.Name == name {
			ids = append(ids, p.ID)
		}
	}
	if len(ids) > 1 {
		w.fail("one create of pool %q in cluster %s made %d pools: %v", name, c.id, len(ids), ids)
	}
	if len(ids) == 0 {
		return ""
	}
	return ids[0]
}

// checkPool checks a pool the client said is done: its desired size and
// node count are what was asked.
func (w *worker) checkPool(c *clusterModel, name string, size int) {
	id := w.checkPoolCreated(c, name)
	p, ok := w.env.cloud.NodePool(c.id, id)
	switch {
	case !ok:
		w.fail("pool %q of cluster %s: the client was told it is active, the fake has none", name, c.id)
	case p.Spec.DesiredSize != size || p.Nodes != size:
		w.fail("pool %s of cluster %s: %d nodes, desired %d; the calls asked %d", id, c.id, p.Nodes, p.Spec.DesiredSize, size)
	}
}

// settlePool waits until a pool's change has ended; false when it is
// gone.
func (w *worker) settlePool(ctx context.Context, c *clusterModel, id string) bool {
	for {
		p, ok := w.env.cloud.NodePool(c.id, id)
		if !ok {
			return false
		}
		if p.State == nodepool.StateActive {
			return true
		}
		if p.State == nodepool.StateFailed {
			w.fail("pool %s of cluster %s failed, and no failure was injected", id, c.id)
			return false
		}
		if w.env.clock.Sleep(ctx, w.env.pause) != nil {
			return false
		}
	}
}

func (w *worker) scalePool(ctx context.Context, c *clusterModel, p *poolModel) error {
	desired := w.r.IntN(16)
	op, err := w.env.pools.Scale(ctx, c.id, p.id, desired)
	if err == nil {
		if _, err = op.Wait(ctx); err == nil {
			p.desired = desired
			w.checkPool(c, p.name, desired)
			return nil
		}
	}
	// The scale may have been applied or not, never twice.
	if w.settlePool(ctx, c, p.id) {
		got, _ := w.env.cloud.NodePool(c.id, p.id)
		if got.Spec.DesiredSize != p.desired && got.Spec.DesiredSize != desired {
			w.fail("pool %s of cluster %s: desired size %d after a scale from %d to %d", p.id, c.id, got.Spec.DesiredSize, p.desired, desired)
		}
		p.desired = got.Spec.DesiredSize
	}
	return err
}

func (w *worker) modifyCluster(ctx context.Context, c *clusterModel) error {
	name := fmt.Sprintf("%s-m%d", c.createdAs, w.r.IntN(1000))
	op, err := w.env.clusters.Modify(ctx, c.id, func(s *cluster.Spec) { s.Name = name })
	if err == nil {
		if _, err = op.Wait(ctx); err == nil {
			c.name = name
			if got, _ := w.env.cloud.Cluster(c.id); got.Spec.Name != name {
				w.fail("cluster %s: named %q, modified to %q", c.id, got.Spec.Name, name)
			}
			return nil
		}
	}
	if w.settleCluster(ctx, c.id) {
		got, _ := w.env.cloud.Cluster(c.id)
		if got.Spec.Name != c.name && got.Spec.Name != name {
			w.fail("cluster %s: named %q after a rename from %q to %q", c.id, got.Spec.Name, c.name, name)
		}
		c.name = got.Spec.Name
	}
	return err
}

func (w *worker) deletePool(ctx context.Context, c *clusterModel, p *poolModel) error {
	force := w.r.IntN(4) > 0 // without force, ACK refuses a pool with nodes
	op, err := w.env.pools.Delete(ctx, c.id, p.id, func(o *nodepool.DeleteOptions) { o.Force = force })
	if err == nil {
		if _, err = op.Wait(ctx); err == nil {
			if _, ok := w.env.cloud.NodePool(c.id, p.id); ok {
				w.fail("pool %s of cluster %s: the client was told it is gone, the fake still has it", p.id, c.id)
			}
			w.dropPool(c, p)
			return nil
		}
	}
	if !w.settlePool(ctx, c, p.id) {
		w.dropPool(c, p)
	}
	return err
}

func (w *worker) dropPool(c *clusterModel, p *poolModel) {
	for i, x := range c.pools {
		if x == p {
			c.pools = append(c.pools[:i], c.pools[i+1:]...)
			return
		}
	}
}

func (w *worker) deleteCluster(ctx context.Context, c *clusterModel) error {
	op, err := w.env.clusters.Delete(ctx, c.id)
	if err == nil {
		if _, err = op.Wait(ctx); err == nil {
			if _, ok := w.env.cloud.Cluster(c.id); ok {
				w.fail("cluster %s: the client was told it is gone, the fake still has it", c.id)
			}
			w.dropCluster(c)
			return nil
		}
	}
	if !w.settleCluster(ctx, c.id) {
		w.dropCluster(c)
	}
	return err
}

func (w *worker) dropCluster(c *clusterModel) {
	for i, x := range w.clusters {
		if x == c {
			w.clusters = append(w.clusters[:i], w.clusters[i+1:]...)
			return
		}
	}
}

func (w *worker) listClusters(ctx context.Context) error {
	for _, err := range w.env.clusters.List(ctx) {
		if err != nil {
			return err
		}
	}
	return nil
}

func (w *worker) listPools(ctx context.Context, c *clusterModel) error {
	seen := map[string]bool{}
	for p, err := range w.env.pools.List(ctx, c.id) {
		if err != nil {
			return err
		}
		if seen[p.Spec.Name] {
			w.fail("cluster %s lists two pools named %q", c.id, p.Spec.Name)
		}
		seen[p.Spec.Name] = true
	}
	return nil
}

// checkQuotas checks that the fake holds no more than the quotas allow.
func checkQuotas(t *testing.T, e *env) {
	cs := e.cloud.Clusters()
	if len(cs) > e.limits.Clusters.Max {
		t.Errorf("the fake holds %d clusters; the quota is %d", len(cs), e.limits.Clusters.Max)
	}
	for _, c := range cs {
		if c.Nodes > e.limits.NodesPerCluster.Max || c.NodePools > e.limits.NodePoolsPerCluster.Max {
			t.Errorf("cluster %s has %d nodes and %d pools; the quotas are %d and %d", c.ID, c.Nodes, c.NodePools,
				e.limits.NodesPerCluster.Max, e.limits.NodePoolsPerCluster.Max)
		}
	}
}

// soak runs workers × ops operations on e and checks the invariants
// throughout and at the end.
func soak(t *testing.T, e *env, seed uint64, workers, ops int, stats *stats) {
	ctx := context.Background()
	start := time.Now()
	done := make(chan struct{})
	var monitor sync.WaitGroup
	monitor.Go(func() {
		for {
			select {
			case <-done:
				return
			case <-time.After(2 * time.Millisecond):
				checkQuotas(t, e)
			}
		}
	})
	ws := make([]*worker, workers)
	var wg sync.WaitGroup
	for i := range ws {
		ws[i] = &worker{id: i, env: e, r: rand.New(rand.NewPCG(seed, uint64(i))), t: t, stats: stats}
		wg.Go(func() { ws[i].run(ctx, ops) })
	}
	wg.Wait()
	close(done)
	monitor.Wait()
	checkQuotas(t, e)

	// The end: every cluster and pool of the models exists as told, and
	// the fake holds nothing else.
	e.cloud.ClearReactors()
	known := map[string]*clusterModel{}
	for _, w := range ws {
		for _, c := range w.clusters {
			known[c.id] = c
			if !w.settleCluster(ctx, c.id) {
				t.Errorf("cluster %s: the client was told it runs, the fake has it no more", c.id)
				continue
			}
			got, _ := e.cloud.Cluster(c.id)
			if got.Spec.Name != c.name {
				t.Errorf("cluster %s: named %q, the client was told %q", c.id, got.Spec.Name, c.name)
			}
			pools := e.cloud.NodePools(c.id)
			if len(pools) != len(c.pools) {
				t.Errorf("cluster %s: %d pools, the client was told of %d", c.id, len(pools), len(c.pools))
			}
			for _, p := range c.pools {
				w.settlePool(ctx, c, p.id)
				w.checkPool(c, p.name, p.desired)
			}
		}
	}
	for _, c := range e.cloud.Clusters() {
		if known[c.ID] == nil {
			t.Errorf("cluster %s (%q, %s) belongs to no worker: a create the client was not told of", c.ID, c.Spec.Name, c.State)
		}
	}
	t.Logf("seed %d: %d operations (%d ended in a typed error), %d calls, %d faults injected, in %s",
		seed, stats.ops.Load(), stats.failed.Load(), e.cloud.TotalCalls(), stats.faults.Load(), time.Since(start).Round(time.Millisecond))
	stats.byOp.Range(func(k, v any) bool {
		t.Logf("  %-16s %d", k, v.(*atomic.Int64).Load())
		return true
	})
}

// reportSeed prints the seed when the test fails.
func reportSeed(t *testing.T, seed uint64) {
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("replay with ACK_SOAK_SEED=%d", seed)
		}
	})
}
