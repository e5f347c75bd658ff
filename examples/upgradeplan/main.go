// Command upgradeplan plans the Kubernetes upgrades of a small fleet and
// carries one of them out, on the embedded fake ACK:
//
//	go run ./examples/upgradeplan
//
// It creates four clusters on the versions ACK offered in June 2025 (1.30
// and 1.32, the two even minors of the product's policy), moves the fake's
// clock to October 2025, when 1.34 is out and 1.30 offline, and adds a
// cluster on 1.34. It then reports which clusters lose support when, most
// urgent first, with each one's path to the newest version, one minor at
// a time (version.Timeline.PlanFleet). Finally it upgrades the cluster on
// 1.30 hop by hop to 1.34, printing the upgrade's progress, after a skip
// straight to 1.34 is refused.
//
// The fake's clock advances as the client waits, so the whole run takes
// well under a second.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/version"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "upgradeplan:", err)
		os.Exit(1)
	}
}

// The fleet: a name and the version each cluster is created on.
var fleet = []struct{ name, version string }{
	{"payments", "1.30.7-aliyun.1"},
	{"search", "1.30.7-aliyun.1"},
	{"web", "1.32.1-aliyun.1"},
	{"batch", "1.32.1-aliyun.1"},
}

// Dates of the story: the fleet is built in June 2025 and planned in
// October 2025.
var (
	built   = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	planned = time.Date(2025, 10, 15, 0, 0, 0, 0, time.UTC)
)

func run(ctx context.Context, out io.Writer) error {
	cloud := fake.New(fake.WithStart(built))
	cfg := cloud.Config()
	clusters := cluster.NewClient(cfg)

	fmt.Fprintf(out, "%s: building the fleet\n", day(cloud.Now()))
	names := map[string]string{} // cluster ID -> name
	create := func(i int, name, v string) (string, error) {
		spec := cluster.Spec{
			Name: name, Region: fake.DefaultRegion, Form: cluster.ManagedPro, KubernetesVersion: v,
			VPCID: fmt.Sprintf("vpc-%s", name), VSwitches: []cluster.VSwitch{{ID: "vsw-" + name}},
			Network: cluster.Network{Plugin: cluster.Flannel, PodCIDR: fmt.Sprintf("172.%d.0.0/16", 20+i)},
			SNAT:    cluster.Bool(true),
		}
		op, err := clusters.Create(ctx, spec)
		if err != nil {
			return "", fmt.Errorf("create %s: %w", name, err)
		}
		cl, err := op.Wait(ctx)
		if err != nil {
			return "", fmt.Errorf("create %s: %w", name, err)
		}
		names[cl.ID] = name
		fmt.Fprintf(out, "  %-9s %s on %s\n", name, cl.ID, cl.Spec.KubernetesVersion)
		return cl.ID, nil
	}
	for i, c := range fleet {
		if _, err := create(i, c.name, c.version); err != nil {
			return err
		}
	}

	cloud.Advance(planned.Sub(cloud.Now()))
	fmt.Fprintf(out, "%s: the clock moved forward\n", day(cloud.Now()))
	catalog, err := version.NewClient(cfg).Catalog(ctx, func(o *version.CatalogOptions) { o.Mode = version.ModeSupported })
	if err != nil {
		return err
	}
	for _, e := range catalog.Entries {
		fmt.Fprintf(out, "  %s %-8s support ends %s\n", e.Version, e.Phase, day(e.Expires))
	}
	newest, ok := catalog.NewestCreatable()
	if !ok {
		return errors.New("no version is creatable")
	}
	if _, err := create(len(fleet), "ml", newest.Version.String()); err != nil {
		return err
	}

	// The plan, from the fleet as ACK lists it.
	var members []version.Cluster
	for cl, err := range clusters.List(ctx) {
		if err != nil {
			return err
		}
		v, err := version.Parse(cl.Spec.KubernetesVersion)
		if err != nil {
			return err
		}
		members = append(members, version.Cluster{ID: cl.ID, Version: v})
	}
	tl, err := version.NewTimeline(version.PolicyProduct(), version.DefaultCalendar())
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%s: upgrade plan, most urgent first\n", day(cloud.Now()))
	for _, p := range tl.PlanFleet(members, cloud.Now()) {
		path := "up to date"
		switch {
		case p.Err != nil:
			path = "no path: " + p.Err.Error()
		case len(p.Path) > 0:
			path = chain(p.Path)
		}
		fmt.Fprintf(out, "  %-9s %s %-8s loses support %s  path %s\n", names[p.ID], p.Version, p.Phase, day(p.EndOfSupport), path)
	}

	// One cluster, hop by hop.
	var payments string
	for id, n := range names {
		if n == "payments" {
			payments = id
		}
	}
	return upgrade(ctx, out, clusters, version.NewClient(cfg), payments, newest.Version)
}

// upgrade takes cluster id to target one minor at a time, judging each hop
// against the live catalog, after showing that a skip is refused.
func upgrade(ctx context.Context, out io.Writer, clusters *cluster.Client, versions *version.Client, id string, target version.Version) error {
	cl, err := clusters.Get(ctx, id)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "upgrading payments (%s) from %s to %s\n", id, cl.Spec.KubernetesVersion, target)
	catalog, err := versions.Catalog(ctx, func(o *version.CatalogOptions) { o.Mode = version.ModeSupported })
	if err != nil {
		return err
	}
	_, err = clusters.Upgrade(ctx, id, target.String(), func(o *cluster.UpgradeOptions) { o.Catalog = catalog })
	if ve, ok := errors.AsType[*ack.ValidationError](err); ok {
		fmt.Fprintf(out, "  straight to %s: refused: %s\n", target, ve.Violations[0].String())
	} else {
		return fmt.Errorf("a skip to %s was not refused: %v", target, err)
	}
	for {
		from, err := version.Parse(cl.Spec.KubernetesVersion)
		if err != nil {
			return err
		}
		if !from.Less(target) {
			break
		}
		// ACK says where the cluster's version upgrades to.
		up, err := versions.Catalog(ctx, func(o *version.CatalogOptions) {
			o.KubernetesVersion, o.Upgradable = from.String(), true
		})
		if err != nil {
			return err
		}
		if len(up.Entries) != 1 || len(up.Entries[0].UpgradableTo) == 0 {
			return fmt.Errorf("%s offers no upgrade", from)
		}
		next := up.Entries[0].UpgradableTo[0]
		fmt.Fprintf(out, "  hop %s -> %s\n", from, next)
		op, err := clusters.Upgrade(ctx, id, next.String(), func(o *cluster.UpgradeOptions) { o.Catalog = catalog })
		if err != nil {
			return err
		}
		start := time.Time{}
		if cl, err = op.Wait(ctx, func(w *cluster.WaitOptions) {
			w.OnProgress = func(p cluster.Progress) {
				if start.IsZero() {
					start = p.At
				}
				fmt.Fprintf(out, "    +%-6s %-7s %s\n", p.At.Sub(start).Round(time.Second), p.Phase, p.To)
			}
		}); err != nil {
			return err
		}
	}
	fmt.Fprintf(out, "payments runs %s\n", cl.Spec.KubernetesVersion)
	return nil
}

// chain writes a path as "1.30.7-aliyun.1 -> 1.32.1-aliyun.1 -> ...".
func chain(hops []version.Hop) string {
	s := hops[0].From.String()
	for _, h := range hops {
		s += " -> " + h.To.String()
	}
	return s
}

// day formats a date, or "unknown".
func day(t time.Time) string {
	if t.IsZero() {
		return "unknown"
	}
	return t.Format(time.DateOnly)
}
