// Command lifecycle walks one ACK cluster through its whole life with the
// typed cluster client: create a managed cluster and watch it come up,
// list clusters, fetch a kubeconfig, modify the cluster, try a change ACK
// forbids, delete it and wait until it is gone.
//
// By default it runs on the embedded fake ACK, whose clock advances as the
// client waits, so the whole walk takes well under a second:
//
//	go run ./examples/lifecycle
//
// With -real it runs against real ACK, with credentials from the Alibaba
// Cloud default chain (ALIBABA_CLOUD_ACCESS_KEY_ID and
// ALIBABA_CLOUD_ACCESS_KEY_SECRET, the profile file, an ECS RAM role, ...).
// A real cluster costs money, so it creates nothing unless -yes is given
// as well:
//
//	go run ./examples/lifecycle -real -yes -region cn-hangzhou -vpc vpc-... -vswitch vsw-...
//
// The kubeconfig is never printed: only its size and expiration.
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
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		fmt.Fprintln(os.Stderr, "lifecycle:", err)
		os.Exit(1)
	}
}

// settings are the command's flags.
type settings struct {
	real    bool
	yes     bool
	region  string
	name    string
	vpc     string
	vswitch string
	podCIDR string
}

func parse(args []string, out io.Writer) (settings, error) {
	var s settings
	fs := flag.NewFlagSet("lifecycle", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.BoolVar(&s.real, "real", false, "run against real ACK instead of the embedded fake")
	fs.BoolVar(&s.yes, "yes", false, "with -real: agree to create (and pay for) a real cluster")
	fs.StringVar(&s.region, "region", "", "with -real: the region (default $"+ack.EnvRegion+")")
	fs.StringVar(&s.name, "name", "ackgo-lifecycle-demo", "the cluster's name")
	fs.StringVar(&s.vpc, "vpc", "", "the VPC to create the cluster in (required with -real)")
	fs.StringVar(&s.vswitch, "vswitch", "", "the control plane's vSwitch (required with -real)")
	fs.StringVar(&s.podCIDR, "pod-cidr", "172.20.0.0/16", "Flannel's pod CIDR")
	if err := fs.Parse(args); err != nil {
		return s, err
	}
	if fs.NArg() > 0 {
		return s, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	switch {
	case s.real && !s.yes:
		return s, errors.New("refusing to create a real cluster without -yes: it is billed while it exists")
	case s.real && (s.vpc == "" || s.vswitch == ""):
		return s, errors.New("-real needs -vpc and -vswitch: the VPC and vSwitch to create the cluster in")
	case !s.real:
		// The fake registers well-formed IDs on first use.
		s.vpc, s.vswitch = cmp.Or(s.vpc, "vpc-demo"), cmp.Or(s.vswitch, "vsw-demo")
	}
	return s, nil
}

// run walks the lifecycle and reports each step on out.
func run(ctx context.Context, args []string, out io.Writer) error {
	s, err := parse(args, out)
	if err != nil {
		return err
	}
	var cfg *ack.Config
	if s.real {
		if cfg, err = ack.LoadConfig(ctx, ack.WithRegion(s.region)); err != nil {
			return err
		}
	} else {
		cfg = fake.New().Config()
	}
	w := walk{ctx: ctx, out: out, clusters: cluster.NewClient(cfg), clock: cfg.Clock(), start: cfg.Clock().Now()}
	return w.run(cluster.Spec{
		Name:               s.name,
		Region:             cfg.Region(),
		Form:               cluster.ManagedPro,
		VPCID:              s.vpc,
		VSwitches:          []cluster.VSwitch{{ID: s.vswitch}},
		Network:            cluster.Network{Plugin: cluster.Flannel, PodCIDR: s.podCIDR},
		DeletionProtection: true,
		Tags:               []cluster.Tag{{Key: "created-by", Value: "ackgo-lifecycle-example"}},
	})
}

// walk is one run of the lifecycle.
type walk struct {
	ctx      context.Context
	out      io.Writer
	clusters *cluster.Client
	clock    ack.Clock
	start    time.Time
}

func (w *walk) printf(format string, args ...any) { fmt.Fprintf(w.out, format+"\n", args...) }

// progress prints each change of state, with the time since the start on
// the Config's clock (virtual time on the fake).
func (w *walk) progress(o *cluster.WaitOptions) {
	o.OnProgress = func(p cluster.Progress) {
		w.printf("  [%7s] %-7s %s", p.At.Sub(w.start).Round(time.Second), p.Phase, p.To)
	}
}

func (w *walk) run(spec cluster.Spec) error {
	ctx := w.ctx
	w.printf("creating %s cluster %q in %s", spec.Form, spec.Name, spec.Region)
	op, err := w.clusters.Create(ctx, spec)
	if err != nil {
		return err
	}
	c, err := op.Wait(ctx, w.progress)
	if err != nil {
		return err
	}
	w.printf("created %s: %s, Kubernetes %s (request id %s)", c.ID, c.State, c.Spec.KubernetesVersion, c.RequestID)

	w.printf("listing clusters")
	for c, err := range w.clusters.List(ctx) {
		if err != nil {
			return err
		}
		w.printf("  %s  %-24s %-12s %s", c.ID, c.Spec.Name, c.Spec.Form, c.State)
	}

	kc, err := w.clusters.Kubeconfig(ctx, c.ID, func(o *cluster.KubeconfigOptions) { o.Temporary = time.Hour })
	if err != nil {
		return err
	}
	w.printf("kubeconfig: %d bytes, expires %s", kc.Size(), kc.Expiration.Format(time.RFC3339))

	if err := w.modify(c.ID); err != nil {
		return err
	}

	w.printf("trying a forbidden change: a new VPC")
	_, err = w.clusters.Modify(ctx, c.ID, func(s *cluster.Spec) { s.VPCID = "vpc-elsewhere" })
	var ve *ack.ValidationError
	if !errors.As(err, &ve) {
		return fmt.Errorf("moving the cluster to another VPC was not refused: %v", err)
	}
	w.printf("  refused: %v", err)

	w.printf("deleting %s", c.ID)
	del, err := w.clusters.Delete(ctx, c.ID)
	if err != nil {
		return err
	}
	if _, err := del.Wait(ctx, w.progress); err != nil {
		return err
	}
	w.printf("gone after %s on the clock", w.clock.Now().Sub(w.start).Round(time.Second))
	return nil
}

// modify turns deletion protection off (so that the cluster can be
// deleted) and adds a tag.
func (w *walk) modify(id string) error {
	w.printf("modifying: deletion protection off")
	op, err := w.clusters.Modify(w.ctx, id, func(s *cluster.Spec) { s.DeletionProtection = false })
	if err != nil {
		return err
	}
	c, err := op.Wait(w.ctx, w.progress)
	if err != nil {
		return err
	}
	w.printf("  deletion protection: %t", c.Spec.DeletionProtection)

	w.printf("modifying: tag owner=platform")
	op, err = w.clusters.Modify(w.ctx, id, func(s *cluster.Spec) {
		s.Tags = append(s.Tags, cluster.Tag{Key: "owner", Value: "platform"})
	})
	if err != nil {
		return err
	}
	if c, err = op.Wait(w.ctx, w.progress); err != nil {
		return err
	}
	w.printf("  tags: %v", c.Spec.Tags)
	return nil
}
