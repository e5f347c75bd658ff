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
	"syscall"
	"time"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/pricing"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		fmt.Fprintln(os.Stderr, "ackfake:", err)
		os.Exit(2)
	}
}

// credentialList is a repeatable AK:SECRET flag. It never prints secrets.
type credentialList struct{ pairs [][2]string }

func (l *credentialList) String() string {
	ids := make([]string, len(l.pairs))
	for i, p := range l.pairs {
		ids[i] = p[0] + ":[redacted]"
	}
	return strings.Join(ids, ",")
}

func (l *credentialList) Set(v string) error {
	id, secret, ok := strings.Cut(v, ":")
	if !ok || id == "" || secret == "" {
		return errors.New("want AK:SECRET")
	}
	l.pairs = append(l.pairs, [2]string{id, secret})
	return nil
}

// run parses args, serves until ctx is done, then shuts the server down.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ackfake", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:9180", "host:port to listen on; port 0 picks a free one")
	region := fs.String("region", fake.DefaultRegion, "regions served, comma-separated")
	speed := fs.Float64("speed", fake.DefaultSpeed, "virtual seconds per wall second")
	polls := fs.Int("polls", 0, "complete every change after this many polls instead of after its duration")
	callLog := fs.Int("call-log-limit", fake.DefaultCallLogLimit, "calls the action log keeps (/_fake/calls lists them); 0 lifts the bound")
	grace := fs.Duration("grace", defaultGrace, "on SIGINT or SIGTERM, how long requests in flight have to finish before their connections are cut")
	callLogBytes := fs.Int("call-log-bytes", fake.DefaultCallLogBytes, "bytes of calls (bodies, paths, queries) the action log keeps; 0 lifts the bound")
	book := fs.String("price-book", "", "price book JSON file for /_fake/bill (default: the built-in book)")
	acct := addAccountFlags(fs)
	statePath := fs.String("state", "", "JSON state file to start from, as GET /_fake/state answers it (it holds secrets)")
	savePath := fs.String("save", "", "file to write the state to when the server stops, readable by its owner only (it holds secrets)")
	var full, readOnly credentialList
	fs.Var(&full, "credential", "AK:SECRET with full access (repeatable); enables signature checks")
	fs.Var(&readOnly, "readonly-credential", "AK:SECRET whose writes are refused (repeatable)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if *grace < 0 {
		return fmt.Errorf("-grace %v: must not be negative", *grace)
	}
	if *speed < 1 {
		return fmt.Errorf("-speed %v: must be at least 1", *speed)
	}
	opts := []fake.Option{fake.WithScaledClock(*speed), fake.WithRegions(strings.Split(*region, ",")...), fake.WithCallLogLimit(*callLog), fake.WithCallLogBytes(*callLogBytes)}
	for _, p := range full.pairs {
		opts = append(opts, fake.WithCredential(p[0], p[1]))
	}
	for _, p := range readOnly.pairs {
		opts = append(opts, fake.WithReadOnlyCredential(p[0], p[1]))
	}
	if *polls > 0 {
		opts = append(opts, fake.WithProgressions(fake.AfterPolls(*polls)))
	}
	account, err := acct.options(fs)
	if err != nil {
		return err
	}
	bookOpts, err := bookOption(*book)
	if err != nil {
		return err
	}
	opts = append(append(opts, account...), bookOpts...)
	if *statePath != "" {
		st, err := loadState(*statePath)
		if err != nil {
			return err
		}
		opts = append(opts, fake.WithState(st))
	}
	srv, err := fake.NewServer(*addr, opts...)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "ackfake listening on %s\n", srv.URL())
	fmt.Fprintf(stderr, "ackfake: region %s, clock x%v, %d credential(s), %s; control endpoints under %s/_fake/\n",
		*region, *speed, len(full.pairs)+len(readOnly.pairs), acct.describe(fs), srv.URL())
	<-ctx.Done()
	if err := stop(srv, *grace, stderr); err != nil {
		return err
	}
	if *savePath != "" {
		if err := saveState(*savePath, srv.Cloud().Snapshot()); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "ackfake: state saved to %s\n", *savePath)
	}
	return nil
}

// bookOption reads -price-book.
func bookOption(book string) ([]fake.Option, error) {
	if book == "" {
		return nil, nil
	}
	data, err := os.ReadFile(book)
	if err != nil {
		return nil, fmt.Errorf("-price-book: %w", err)
	}
	b, err := pricing.ParseBook(data)
	if err != nil {
		return nil, fmt.Errorf("-price-book %s: %w", book, err)
	}
	return []fake.Option{fake.WithPriceBook(b)}, nil
}

// defaultGrace is how long a stop waits for the requests in flight.
const defaultGrace = 5 * time.Second

// stop shuts the server down within grace: idle connections and those
// opened without a request are closed at once, requests in flight are
// answered, and when the grace ends the connections still open (a body
// still arriving) are cut. Either way the stop is clean.
func stop(srv *fake.Server, grace time.Duration, stderr io.Writer) error {
	ctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	err := srv.Shutdown(ctx)
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		fmt.Fprintf(stderr, "ackfake: the grace of %s ended; connections still open were cut\n", grace)
	case err != nil:
		return err
	}
	fmt.Fprintln(stderr, "ackfake: stopped")
	return nil
}
