package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strings"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/nodepool"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		fmt.Fprintln(os.Stderr, "nodepool:", err)
		os.Exit(1)
	}
}

// run tells the story on a new fake ACK and reports each step on out.
func run(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("nodepool", flag.ContinueOnError)
	fs.SetOutput(out)
	vswitch := fs.String("vswitch", "vsw-pools", "the vSwitch of the cluster and its pools (any well-formed ID on the fake)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	cloud := fake.New()
	cfg := cloud.Config()
	w := &walk{
		ctx: ctx, out: out, cloud: cloud, vswitch: *vswitch,
		clusters: cluster.NewClient(cfg), pools: nodepool.NewClient(cfg),
		clock: cfg.Clock(), start: cfg.Clock().Now(),
	}
	if err := w.createCluster(); err != nil {
		return err
	}
	if err := w.desiredSize(); err != nil {
		return err
	}
	if err := w.autoscaling(); err != nil {
		return err
	}
	return w.byHand()
}

// walk is one run of the story.
type walk struct {
	ctx      context.Context
	out      io.Writer
	cloud    *fake.Cloud
	clusters *cluster.Client
	pools    *nodepool.Client
	clock    ack.Clock
	start    time.Time
	vswitch  string

	clusterID string
	web       string // the pool sized by its desired size
}

func (w *walk) printf(format string, args ...any) { fmt.Fprintf(w.out, format+"\n", args...) }

// since is the time on the Config's clock since the start, virtual time on
// the fake.
func (w *walk) since(t time.Time) time.Duration { return t.Sub(w.start).Round(time.Second) }

func (w *walk) createCluster() error {
	w.printf("creating a managed cluster")
	op, err := w.clusters.Create(w.ctx, cluster.Spec{
		Name:      "pools-demo",
		Region:    fake.DefaultRegion,
		Form:      cluster.ManagedPro,
		VPCID:     "vpc-pools",
		VSwitches: []cluster.VSwitch{{ID: w.vswitch}},
		Network:   cluster.Network{Plugin: cluster.Flannel, PodCIDR: "172.20.0.0/16"},
	})
	if err != nil {
		return err
	}
	c, err := op.Wait(w.ctx)
	if err != nil {
		return err
	}
	w.clusterID = c.ID
	w.printf("  [%7s] cluster %s is %s", w.since(w.clock.Now()), c.ID, c.State)
	return nil
}

// poolSpec is a pool on the cluster's vSwitch.
func (w *walk) poolSpec(name string, size int) nodepool.Spec {
	return nodepool.Spec{
		Name:          name,
		VSwitchIDs:    []string{w.vswitch},
		InstanceTypes: []string{"ecs.g7.xlarge"},
		DesiredSize:   size,
		KeyPair:       "ops",
	}
}

// desiredSize creates a pool and scales it out and in by its desired
// size.
func (w *walk) desiredSize() error {
	w.printf("")
	w.printf("creating node pool \"web\" with a desired size of 2")
	op, err := w.pools.Create(w.ctx, w.clusterID, w.poolSpec("web", 2))
	if err != nil {
		return err
	}
	p, err := op.Wait(w.ctx)
	if err != nil {
		return err
	}
	w.web = p.ID
	if err := w.show(p.ID); err != nil {
		return err
	}

	w.printf("scaling %s out to 5 nodes (ScaleClusterNodePool adds 3)", p.ID)
	if err := w.scale(p.ID, 5); err != nil {
		return err
	}
	before, err := w.nodes(p.ID)
	if err != nil {
		return err
	}
	if err := w.show(p.ID); err != nil {
		return err
	}

	w.printf("scaling %s in to 3 nodes: the client lowers the desired size (ModifyClusterNodePool)", p.ID)
	w.printf("  and ACK, not the SDK, chooses which nodes go; use RemoveNodes to choose them yourself")
	if err := w.scale(p.ID, 3); err != nil {
		return err
	}
	after, err := w.nodes(p.ID)
	if err != nil {
		return err
	}
	w.printf("  ACK (here the fake, which takes scale-out nodes first) removed %s", names(gone(before, after)))
	return w.show(p.ID)
}

// scale sets a pool's size with Scale and waits for it.
func (w *walk) scale(poolID string, size int) error {
	op, err := w.pools.Scale(w.ctx, w.clusterID, poolID, size)
	if err != nil {
		return err
	}
	_, err = op.Wait(w.ctx)
	return err
}

// autoscaling creates an autoscaled pool and lets the demand of its
// workload drive it.
func (w *walk) autoscaling() error {
	w.printf("")
	w.printf("creating node pool \"burst\", autoscaled between 1 and 8 nodes")
	spec := w.poolSpec("burst", 0)
	spec.AutoScaling = nodepool.AutoScaling{Enabled: true, Min: 1, Max: 8}
	op, err := w.pools.Create(w.ctx, w.clusterID, spec)
	if err != nil {
		return err
	}
	p, err := op.Wait(w.ctx)
	if err != nil {
		return err
	}
	if err := w.show(p.ID); err != nil {
		return err
	}

	_, err = w.pools.Scale(w.ctx, w.clusterID, p.ID, 4)
	if !errors.Is(err, nodepool.ErrAutoScaled) {
		return fmt.Errorf("scaling an autoscaled pool by hand was not refused: %v", err)
	}
	w.printf("scaling it by hand is refused before any call: %v", err)

	for _, demand := range []int{3, 5} {
		if err := w.demand(p.ID, demand); err != nil {
			return err
		}
	}
	if err := w.show(p.ID); err != nil {
		return err
	}

	// The scale-in rule of the product description, applied to the nodes
	// with the origins the fake's Go view tells: only scale-out nodes,
	// newest first.
	before, err := w.nodes(p.ID)
	if err != nil {
		return err
	}
	predicted, err := nodepool.ChooseScaleIn(before, 3, spec.AutoScaling.Min)
	if err != nil {
		return err
	}
	w.printf("a scale-in from 5 to 2 nodes removes only nodes a scale-out added, newest first:")
	w.printf("  nodepool.ChooseScaleIn predicts %s", names(predicted))
	if err := w.demand(p.ID, 2); err != nil {
		return err
	}
	after, err := w.nodes(p.ID)
	if err != nil {
		return err
	}
	removed := gone(before, after)
	if !sameNodes(removed, predicted) {
		return fmt.Errorf("the autoscaler removed %s; the scale-in rule picks %s", names(removed), names(predicted))
	}
	w.printf("  the autoscaler removed   %s, as predicted", names(nodepool.ScaleInOrder(removed)))

	w.printf("lowering the autoscaler's minimum to 0 (Modify)")
	mod, err := w.pools.Modify(w.ctx, w.clusterID, p.ID, func(s *nodepool.Spec) { s.AutoScaling.Min = 0 })
	if err != nil {
		return err
	}
	if _, err := mod.Wait(w.ctx); err != nil {
		return err
	}
	if err := w.demand(p.ID, 0); err != nil {
		return err
	}
	w.printf("  the node created with the pool stays, though nothing asks for it:")
	return w.show(p.ID)
}

// demand sets the workload's demand on an autoscaled pool and waits until
// the autoscaler has followed it.
func (w *walk) demand(poolID string, nodes int) error {
	before, err := w.nodes(poolID)
	if err != nil {
		return err
	}
	if err := w.cloud.SetDemand(w.clusterID, poolID, nodes); err != nil {
		return err
	}
	p, err := w.settle(poolID)
	if err != nil {
		return err
	}
	after, err := w.nodes(poolID)
	if err != nil {
		return err
	}
	change := ""
	if added := gone(after, before); len(added) > 0 {
		change = "added " + names(added)
	}
	if removed := gone(before, after); len(removed) > 0 {
		change = "removed " + names(removed)
	}
	w.printf("  [%7s] demand %s: the autoscaler %s; the pool has %s",
		w.since(w.clock.Now()), count(nodes, "node"), cmp.Or(change, "changes nothing"), count(p.Nodes.Total, "node"))
	return nil
}

// settle polls a pool on the Config's clock until it is active: an
// autoscaler's step runs on its own, with no Operation to wait for.
func (w *walk) settle(poolID string) (*nodepool.Pool, error) {
	deadline := w.clock.Now().Add(time.Hour)
	for {
		p, err := w.pools.Get(w.ctx, w.clusterID, poolID)
		if err != nil {
			return nil, err
		}
		switch {
		case p.State.Active():
			return p, nil
		case p.State.Failed():
			return nil, fmt.Errorf("node pool %s: %s", poolID, p.State)
		}
		if w.clock.Now().After(deadline) {
			return nil, fmt.Errorf("node pool %s: still %s after an hour on the clock", poolID, p.State)
		}
		if err := w.clock.Sleep(w.ctx, 30*time.Second); err != nil {
			return nil, err
		}
	}
}

// byHand removes nodes of the pool "web" by naming them.
func (w *walk) byHand() error {
	w.printf("")
	nodes, err := w.nodes(w.web)
	if err != nil {
		return err
	}
	var pick []string
	for _, n := range nodes {
		if n.Origin == nodepool.OriginInitial {
			pick = append(pick, n.InstanceID)
			break
		}
	}
	if len(pick) == 0 {
		return fmt.Errorf("node pool %s has no node created with it", w.web)
	}
	w.printf("removing node %s of %s by hand, drained first: RemoveNodes takes any node, whatever its origin", pick[0], w.web)
	op, err := w.pools.RemoveNodes(w.ctx, w.clusterID, w.web, pick, func(o *nodepool.RemoveOptions) {
		o.Drain = true
		o.Release = true
	})
	if err != nil {
		return err
	}
	p, err := op.Wait(w.ctx)
	if err != nil {
		return err
	}
	w.printf("  [%7s] %s is %s with %s, desired size %d", w.since(w.clock.Now()), p.ID, p.State, count(p.Nodes.Total, "node"), p.Size())
	if err := w.show(w.web); err != nil {
		return err
	}

	_, err = w.pools.RemoveNodes(w.ctx, w.clusterID, w.web, []string{"i-not-in-this-pool"})
	if !errors.Is(err, ack.ErrInvalid) {
		return fmt.Errorf("removing an instance of no pool was not refused: %v", err)
	}
	w.printf("an instance that is not a node of the pool is refused before any call:")
	w.printf("  %v", err)
	return nil
}

// nodes lists a pool's nodes with the client, in the order it numbers
// them (Seq), each with its origin from the fake's Go view: ACK's node
// list does not tell how a node came into its pool (every pool node
// reports the source "ess_attach"), so the client reads every origin as
// unknown, and only the fake, which made the nodes, knows it.
func (w *walk) nodes(poolID string) ([]nodepool.Node, error) {
	origins := map[string]nodepool.Origin{}
	for _, n := range w.cloud.Nodes(w.clusterID) {
		origins[n.InstanceID] = n.Origin
	}
	var out []nodepool.Node
	for n, err := range w.pools.Nodes(w.ctx, w.clusterID, func(o *nodepool.NodesOptions) { o.PoolID = poolID }) {
		if err != nil {
			return nil, err
		}
		node := *n
		node.Origin = origins[n.InstanceID]
		out = append(out, node)
	}
	return out, nil
}

// show prints a pool and its nodes: each node's instance, origin (from
// the fake's Go view) and creation time on the clock.
func (w *walk) show(poolID string) error {
	p, err := w.pools.Get(w.ctx, w.clusterID, poolID)
	if err != nil {
		return err
	}
	nodes, err := w.nodes(poolID)
	if err != nil {
		return err
	}
	size := fmt.Sprintf("desired size %d", p.Size())
	if a := p.Spec.AutoScaling; a.Enabled {
		size = fmt.Sprintf("autoscaled %d to %d", a.Min, a.Max)
	}
	w.printf("  [%7s] %s %q is %s, %s, %s:", w.since(w.clock.Now()), p.ID, p.Spec.Name, p.State, size, count(len(nodes), "node"))
	for _, n := range nodes {
		w.printf("            %-12s %-9s created at %s", n.InstanceID, n.Origin, w.since(n.Created))
	}
	return nil
}

// gone returns the nodes of before that after lacks.
func gone(before, after []nodepool.Node) []nodepool.Node {
	var out []nodepool.Node
	for _, n := range before {
		if !slices.ContainsFunc(after, func(m nodepool.Node) bool { return m.InstanceID == n.InstanceID }) {
			out = append(out, n)
		}
	}
	return out
}

// sameNodes reports whether a and b hold the same instances, in any
// order.
func sameNodes(a, b []nodepool.Node) bool {
	return len(a) == len(b) && len(gone(a, b)) == 0
}

// names lists the nodes' instance IDs.
func names(nodes []nodepool.Node) string {
	ids := make([]string, len(nodes))
	for i, n := range nodes {
		ids[i] = n.InstanceID
	}
	return "[" + strings.Join(ids, " ") + "]"
}

// count writes n things, in the plural unless n is 1.
func count(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}
