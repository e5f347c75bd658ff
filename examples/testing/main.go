// Command testing runs a fleet tool of a user's own (package fleet, beside
// this file) on the embedded fake ACK, as its tests do:
//
//   - a fleet of clusters tagged fleet=payments is set up through the
//     SDK's clients: one without the node pool "web", one whose pool is
//     too small, one whose creation failed, and one cluster outside the
//     fleet;
//   - the fake throttles the first try of each pool write, as ACK's
//     gateway may, and the SDK's retry absorbs it;
//   - the tool's first run creates and scales the pools and reports the
//     failed cluster; its second run finds nothing to do.
//
// Run it with
//
//	go run ./examples/testing
//
// and read fleet's tests (go doc ./examples/testing/fleet) for how to test
// such a tool: in process, on a manual clock, over HTTP, with faults, with
// mocks.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/examples/testing/fleet"
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
		fmt.Fprintln(os.Stderr, "testing:", err)
		os.Exit(1)
	}
}

// run tells the story on a new fake ACK and reports each step on out.
func run(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("testing", flag.ContinueOnError)
	fs.SetOutput(out)
	minNodes := fs.Int("min-nodes", 3, "the fewest nodes the pool \"web\" keeps in each cluster of the fleet")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	cloud := fake.New()
	cfg := cloud.Config()

	fmt.Fprintln(out, "setting up the fleet on the fake:")
	members := []struct {
		name   string
		tagged bool
		pool   int // nodes of the pool "web"; -1 for none
		fail   bool
	}{
		{"prod-a", true, -1, false},
		{"prod-b", true, 1, false},
		{"prod-c", true, -1, true},
		{"dev", false, -1, false},
	}
	clusters := cluster.NewClient(cfg)
	for _, m := range members {
		spec := clusterSpec(m.name, m.tagged, m.pool)
		if m.fail {
			cloud.FailNext(fake.ChangeCreateManaged, "ErrorCreatingCluster", "no capacity in the zone")
		}
		op, err := clusters.Create(ctx, spec)
		if err != nil {
			return err
		}
		c, err := op.Wait(ctx)
		if err != nil && !m.fail {
			return err
		}
		state := cluster.StateFailed
		if c != nil {
			state = c.State
		}
		fmt.Fprintf(out, "  %-7s %s  %-8s tagged %-5t pool web: %s\n", m.name, op.ClusterID(), state, m.tagged, poolText(m.pool))
	}

	cloud.ClearCalls()
	for _, write := range []string{"CreateClusterNodePool", "ScaleClusterNodePool"} {
		cloud.PrependReactor(write, fake.Once(fake.ThrottleEvery(1)))
	}
	fmt.Fprintln(out, "\nthe fake throttles the first CreateClusterNodePool and the first ScaleClusterNodePool")

	tool := fleet.ForConfig(cfg)
	policy := fleet.Policy{
		Tag:      cluster.Tag{Key: "fleet", Value: "payments"},
		Pool:     nodepool.Spec{Name: "web", InstanceTypes: []string{"ecs.g7.xlarge"}, KeyPair: "ops"},
		MinNodes: *minNodes,
	}
	for run := 1; run <= 2; run++ {
		start := cloud.Now()
		report, err := tool.Ensure(ctx, policy)
		if err != nil {
			return err
		}
		took := int(cloud.Now().Sub(start) / time.Minute)
		fmt.Fprintf(out, "\nrun %d (%d minutes on the fake's clock):\n", run, took)
		for _, r := range report {
			fmt.Fprintf(out, "  %s\n", r)
		}
		if failed := report.With(fleet.Failed, fleet.Error); len(failed) > 0 {
			fmt.Fprintf(out, "  %d of %d clusters need a human\n", len(failed), len(report))
		}
	}
	throttled := 0
	for _, c := range cloud.Calls() {
		if c.Code == "Throttling.User" {
			throttled++
		}
	}
	fmt.Fprintf(out, "\nthe SDK retried %d throttled calls; the tool saw none of them\n", throttled)
	return nil
}

// clusterSpec is a managed cluster in a VPC of its own, tagged into the
// fleet or not, created with a pool "web" of pool nodes unless pool is -1.
func clusterSpec(name string, tagged bool, pool int) cluster.Spec {
	vsw := "vsw-" + name
	s := cluster.Spec{
		Name: name, Form: cluster.ManagedPro, VPCID: "vpc-" + name,
		VSwitches: []cluster.VSwitch{{ID: vsw}},
		Network:   cluster.Network{Plugin: cluster.Terway, PodVSwitchIDs: []string{vsw}},
	}
	if tagged {
		s.Tags = []cluster.Tag{{Key: "fleet", Value: "payments"}}
	}
	if pool >= 0 {
		s.NodePools = []nodepool.Spec{{Name: "web", VSwitchIDs: []string{vsw}, InstanceTypes: []string{"ecs.g7.xlarge"}, KeyPair: "ops", DesiredSize: pool}}
	}
	return s
}

func poolText(n int) string {
	if n < 0 {
		return "none"
	}
	return fmt.Sprintf("%d node(s)", n)
}
