package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/quota"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		fmt.Fprintln(os.Stderr, "preflight:", err)
		os.Exit(1)
	}
}

// plan is what the team wants to create: new clusters with the node pools
// they are created with, and node pools added to existing clusters.
type plan struct {
	clusters []cluster.Spec
	pools    []newPool
}

// newPool is a node pool added to an existing cluster.
type newPool struct {
	clusterID string
	spec      nodepool.Spec
}

// quotaPlan says what p adds, in the quota package's terms: per new
// cluster its kind, nodes, pools and pods per node; per existing cluster
// the nodes and pools added.
func quotaPlan(p plan) quota.Plan {
	var q quota.Plan
	for _, c := range p.clusters {
		clusterType, profile, _ := c.Form.Wire()
		nc := quota.NewCluster{Name: c.Name, Kind: quota.ClassifyCluster(clusterType, profile), NodePools: len(c.NodePools)}
		for _, s := range c.NodePools {
			nc.Nodes += initialNodes(s)
			nc.PodsPerNode = max(nc.PodsPerNode, s.MaxPods)
		}
		q.Create = append(q.Create, nc)
	}
	for _, np := range p.pools {
		q.Change = append(q.Change, quota.ClusterChange{
			ClusterID: np.clusterID, AddNodes: initialNodes(np.spec), AddNodePools: 1, PodsPerNode: np.spec.MaxPods,
		})
	}
	return q
}

// initialNodes is how many nodes a pool is created with: its desired size,
// or its autoscaler's minimum.
func initialNodes(s nodepool.Spec) int {
	if s.AutoScaling.Enabled {
		return s.AutoScaling.Min
	}
	return s.DesiredSize
}

// run sets up the account on a new fake ACK, then checks, fixes and
// creates the plan, reporting each step on out.
func run(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("preflight", flag.ContinueOnError)
	fs.SetOutput(out)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	w := &walk{ctx: ctx, out: out, cloud: fake.New()}
	w.cfg = w.cloud.Config()
	w.clusters = cluster.NewClient(w.cfg)
	w.pools = nodepool.NewClient(w.cfg)

	prod, err := w.existingFleet()
	if err != nil {
		return err
	}

	// The funds have run low since prod was created: 60 CNY of balance and
	// 25.50 CNY of vouchers, below the 100 CNY that pay-as-you-go
	// resources need.
	low := quota.Account{RealNameVerified: true, Balance: ack.MustMoney("60", ack.CNY), Vouchers: ack.MustMoney("25.50", ack.CNY)}
	w.cloud.SetAccount(low)
	w.printf("the account: real-name verified, %s of funds", funds(low))

	batch := w.poolSpec("batch", 6, 0)
	batch.VSwitchIDs = []string{"vsw-prod"}
	first := plan{
		clusters: []cluster.Spec{w.clusterSpec("staging", w.poolSpec("staging-web", 3, 300))},
		pools:    []newPool{{clusterID: prod, spec: batch}},
	}
	w.printf("")
	w.printf("the plan: cluster \"staging\" with pool \"staging-web\" (3 nodes, 300 pods each); pool \"batch\" (6 nodes) on prod")
	err = w.preflight(low, first)
	var exceeded *quota.ExceededError
	if !errors.As(err, &exceeded) {
		return fmt.Errorf("the plan was not refused: %v", err)
	}
	w.printf("refused before anything was created (quota exceeded: %t, code %s):", ack.IsQuotaExceeded(err), exceeded.Code())
	for _, v := range exceeded.Violations {
		w.printf("  %s", v)
		w.printf("    fix: %s", fix(v))
	}
	if n := len(w.cloud.Clusters()); n != 1 {
		return fmt.Errorf("the preflight left %d clusters; it should create nothing", n)
	}

	// The fixes, one per violation: the batch pool moves to the new
	// cluster, pods per node drops to 128, and the account is topped up.
	topped := low
	topped.Balance = ack.MustMoney("200", ack.CNY)
	w.cloud.SetAccount(topped)
	fixed := plan{
		clusters: []cluster.Spec{w.clusterSpec("staging", w.poolSpec("staging-web", 3, 128), w.poolSpec("batch", 6, 0))},
	}
	w.printf("")
	w.printf("the fixed plan: cluster \"staging\" with pools \"staging-web\" (3 nodes, 128 pods each) and \"batch\" (6 nodes);")
	w.printf("  the account topped up to %s", funds(topped))
	if err := w.preflight(topped, fixed); err != nil {
		return fmt.Errorf("the fixed plan was refused: %w", err)
	}
	w.printf("passed: every limit holds")
	if err := w.create(fixed); err != nil {
		return err
	}
	return w.usage()
}

// walk is one run of the story.
type walk struct {
	ctx      context.Context
	out      io.Writer
	cloud    *fake.Cloud
	cfg      *ack.Config
	clusters *cluster.Client
	pools    *nodepool.Client
}

func (w *walk) printf(format string, args ...any) { fmt.Fprintf(w.out, format+"\n", args...) }

// clusterSpec is a managed cluster with the given node pools, which it
// puts on its vSwitch.
func (w *walk) clusterSpec(name string, pools ...nodepool.Spec) cluster.Spec {
	vswitch := "vsw-" + name
	for i := range pools {
		pools[i].VSwitchIDs = []string{vswitch}
	}
	return cluster.Spec{
		Name:      name,
		Region:    w.cfg.Region(),
		Form:      cluster.ManagedPro,
		VPCID:     "vpc-" + name,
		VSwitches: []cluster.VSwitch{{ID: vswitch}},
		Network:   cluster.Network{Plugin: cluster.Flannel, PodCIDR: "172.20.0.0/16"},
		NodePools: pools,
	}
}

// poolSpec is a pool of size nodes, each running up to maxPods pods (0
// leaves it to ACK); clusterSpec, or the caller, sets its vSwitch.
func (w *walk) poolSpec(name string, size, maxPods int) nodepool.Spec {
	return nodepool.Spec{
		Name:          name,
		InstanceTypes: []string{"ecs.g7.xlarge"},
		DesiredSize:   size,
		MaxPods:       maxPods,
		KeyPair:       "ops",
	}
}

// existingFleet creates the cluster the account already runs: prod, with
// 36 nodes in one pool.
func (w *walk) existingFleet() (string, error) {
	op, err := w.clusters.Create(w.ctx, w.clusterSpec("prod", w.poolSpec("web", 36, 0)))
	if err != nil {
		return "", err
	}
	c, err := op.Wait(w.ctx)
	if err != nil {
		return "", err
	}
	limits := w.cloud.Limits()
	w.printf("the account runs cluster prod (%s) with 36 nodes; quotas: %d clusters, %d nodes per cluster, %d pods per node",
		c.ID, limits.Clusters.Max, limits.NodesPerCluster.Max, limits.PodsPerNode.Max)
	return c.ID, nil
}

// preflight checks p with a quota client that knows the account, and
// says which calls the check made.
func (w *walk) preflight(account quota.Account, p plan) error {
	client := quota.NewClient(w.cfg, quota.WithAccount(account))
	w.cloud.ClearCalls()
	err := client.Preflight(w.ctx, quotaPlan(p))
	var reads []string
	for _, c := range w.cloud.Calls() {
		if c.Method != "GET" {
			return fmt.Errorf("the preflight sent %s %s: it should only read", c.Method, c.Path)
		}
		reads = append(reads, c.Action)
	}
	w.printf("preflight read %s", strings.Join(reads, ", "))
	return err
}

// funds writes the account's balance, vouchers and credit together.
func funds(a quota.Account) string {
	f, err := a.Funds()
	if err != nil {
		return fmt.Sprintf("funds of mixed currencies (%v)", err)
	}
	return f.String()
}

// fix says how to fix the plan or the account for one violation.
func fix(v quota.Violation) string {
	switch v.ID {
	case quota.LimitNodes, quota.LimitNodePools:
		return "put the new pool in the new cluster, or submit a ticket to raise the limit"
	case quota.LimitPodsPerNode:
		return fmt.Sprintf("ask for at most %d pods per node: this limit cannot be raised", v.Limit)
	case quota.LimitPayAsYouGoFunds:
		floor, err := ack.MoneyFromMinor(v.Limit, v.Currency)
		if err != nil {
			return "top up the account (balance, vouchers and credit count)"
		}
		return fmt.Sprintf("top up the account to at least %s (balance, vouchers and credit count)", floor)
	case quota.LimitRealName:
		return "complete the account's real-name verification"
	}
	if v.Adjustable {
		return "plan less, or submit a ticket to raise the limit"
	}
	return "plan less: this limit cannot be raised"
}

// create creates the plan's clusters and pools and waits for them.
func (w *walk) create(p plan) error {
	for _, spec := range p.clusters {
		op, err := w.clusters.Create(w.ctx, spec)
		if err != nil {
			return err
		}
		c, err := op.Wait(w.ctx)
		if err != nil {
			return err
		}
		w.printf("created cluster %s (%s) with %d node pools", spec.Name, c.ID, len(spec.NodePools))
	}
	for _, np := range p.pools {
		op, err := w.pools.Create(w.ctx, np.clusterID, np.spec)
		if err != nil {
			return err
		}
		d, err := op.Wait(w.ctx)
		if err != nil {
			return err
		}
		w.printf("created node pool %s (%s) on %s", np.spec.Name, d.ID, np.clusterID)
	}
	return nil
}

// usage prints what the account uses now, read with the quota client.
func (w *walk) usage() error {
	u, err := quota.NewClient(w.cfg).Usage(w.ctx, func(o *quota.UsageOptions) { o.AllClusters = true })
	if err != nil {
		return err
	}
	limits := w.cloud.Limits()
	w.printf("the account now uses %d of %d clusters:", len(u.Clusters), limits.Clusters.Max)
	for _, c := range u.Clusters {
		w.printf("  %s: %d of %d nodes, %d of %d node pools", c.ID, c.Nodes, limits.NodesPerCluster.Max, c.NodePools, limits.NodePoolsPerCluster.Max)
	}
	return nil
}
