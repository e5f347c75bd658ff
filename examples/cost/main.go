// Command cost compares what a workload costs in each ACK cluster form:
// dedicated, managed Basic, managed Pro and serverless, priced with the
// pricing package from its default book (or a book of your own) under
// today's billing (the Pro management fee charged) unless told otherwise.
//
//	go run ./examples/cost
//	go run ./examples/cost -pods 40 -pod-cpu 0.5 -pod-mem 1 -hours-per-day 6 -days 30
//	go run ./examples/cost -json
//	go run ./examples/cost -svg cost.svg
//
// The node-based forms run enough workers of -node-type for every pod,
// all day; serverless runs one container instance per pod for
// -hours-per-day. The table lists each form's itemised total, the
// cheapest form and, for each node-based form, the daily running hours
// from which it is cheaper than serverless (the break-even point). -svg
// draws every form's cost against the running hours per day, with the
// break-even points marked.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/big"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ackgo/ack/pricing"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		fmt.Fprintln(os.Stderr, "cost:", err)
		os.Exit(1)
	}
}

// settings are the command's flags.
type settings struct {
	region, nodeType, book, preset, svg string
	pods, days                          int
	podCPU, podMem, hoursPerDay         string
	json                                bool
}

func parse(args []string, out io.Writer) (settings, error) {
	var s settings
	fs := flag.NewFlagSet("cost", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.StringVar(&s.region, "region", "cn-hangzhou", "region to price in")
	fs.IntVar(&s.pods, "pods", 20, "number of pods")
	fs.StringVar(&s.podCPU, "pod-cpu", "1", "vCPU per pod, a decimal (0.25 and up)")
	fs.StringVar(&s.podMem, "pod-mem", "2", "memory per pod in GiB, a decimal")
	fs.StringVar(&s.hoursPerDay, "hours-per-day", "8", "hours a day the pods run, a decimal from 0 to 24")
	fs.IntVar(&s.days, "days", 30, "days priced")
	fs.StringVar(&s.nodeType, "node-type", "ecs.g6.xlarge", "ECS instance type of the workers")
	fs.StringVar(&s.book, "book", "", "price book JSON file (default: the built-in book)")
	fs.StringVar(&s.preset, "preset", "Current", "billing preset: Current (Pro fee charged) or Product (no fee)")
	fs.BoolVar(&s.json, "json", false, "print one JSON object instead of a table")
	fs.StringVar(&s.svg, "svg", "", "also write a chart of cost against hours per day to this file")
	if err := fs.Parse(args); err != nil {
		return s, err
	}
	if fs.NArg() > 0 {
		return s, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	return s, nil
}

// decimal reads a non-negative decimal flag into thousandths (scale 1000)
// or any other scale, exactly; it refuses what does not divide evenly.
func decimal(name, s string, scale int64) (int64, error) {
	r, ok := new(big.Rat).SetString(s)
	if !ok || r.Sign() < 0 || strings.ContainsAny(s, "eE/") {
		return 0, fmt.Errorf("-%s %q: want a decimal like 0.5", name, s)
	}
	r.Mul(r, big.NewRat(scale, 1))
	if !r.IsInt() || !r.Num().IsInt64() {
		return 0, fmt.Errorf("-%s %q: too fine; give at most a 1/%d", name, s, scale)
	}
	return r.Num().Int64(), nil
}

func run(args []string, out io.Writer) error {
	s, err := parse(args, out)
	if err != nil {
		return err
	}
	e, w, err := setup(s)
	if err != nil {
		return err
	}
	c, err := e.Compare(w)
	if err != nil {
		return err
	}
	if s.svg != "" {
		svg, err := chart(e, w, c)
		if err != nil {
			return err
		}
		if err := os.WriteFile(s.svg, svg, 0o644); err != nil {
			return err
		}
	}
	if s.json {
		return writeJSON(out, c)
	}
	writeTable(out, c, s.svg)
	return nil
}

// setup builds the estimator and the workload from the flags.
func setup(s settings) (pricing.Estimator, pricing.Workload, error) {
	var e pricing.Estimator
	var err error
	if e.Preset, err = pricing.ParsePreset(s.preset); err != nil {
		return e, pricing.Workload{}, err
	}
	if s.book != "" {
		data, err := os.ReadFile(s.book)
		if err != nil {
			return e, pricing.Workload{}, err
		}
		b, err := pricing.ParseBook(data)
		if err != nil {
			return e, pricing.Workload{}, fmt.Errorf("-book %s: %w", s.book, err)
		}
		e.Book = b
	} else {
		e.Book = pricing.DefaultBook()
	}
	cpu, err := decimal("pod-cpu", s.podCPU, 1000)
	if err != nil {
		return e, pricing.Workload{}, err
	}
	mem, err := decimal("pod-mem", s.podMem, 1024)
	if err != nil {
		return e, pricing.Workload{}, err
	}
	minutes, err := decimal("hours-per-day", s.hoursPerDay, 60)
	if err != nil {
		return e, pricing.Workload{}, err
	}
	if minutes > 24*60 || s.days <= 0 || s.pods < 0 {
		return e, pricing.Workload{}, fmt.Errorf("want -hours-per-day from 0 to 24, -days above 0 and -pods not negative")
	}
	if minutes == 0 {
		s.pods = 0 // the pods never run; zero hours means all day to the workload
	}
	w := pricing.Workload{Region: s.region, Pods: s.pods, PodMilliCPU: cpu, PodMemoryMiB: mem,
		HoursPerDay: time.Duration(minutes) * time.Minute, Days: s.days, NodeType: s.nodeType}
	return e, w, nil
}

func writeTable(out io.Writer, c pricing.Comparison, svg string) {
	w := c.Workload
	fmt.Fprintf(out, "%d pods of %s vCPU and %s GiB, %s a day for %d days in %s\n",
		w.Pods, ratio(w.PodMilliCPU, 1000), ratio(w.PodMemoryMiB, 1024), w.HoursPerDay, w.Days, w.Region)
	fmt.Fprintf(out, "node-based forms: %d × %s (%d pods a node, %d%% kept back)\n\n", c.Nodes, w.NodeType, c.PodsPerNode, w.ReservePercent)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	for _, f := range c.Forms {
		fmt.Fprintf(tw, "%s\t\t\t%s\t\n", f.Form, f.Total)
		for _, l := range f.Lines {
			fmt.Fprintf(tw, "\t%s\t%s\t%s\t\n", l.Item, l.Resource, l.Amount)
		}
	}
	tw.Flush()
	fmt.Fprintf(out, "\ncheapest: %s\n", c.Cheapest)
	for _, b := range c.BreakEvens {
		fmt.Fprintln(out, b)
	}
	if svg != "" {
		fmt.Fprintf(out, "chart: %s\n", svg)
	}
}

func ratio(n, unit int64) string {
	s := big.NewRat(n, unit).FloatString(3)
	return strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
}

type lineJSON struct {
	Item     string `json:"item"`
	Resource string `json:"resource"`
	Quantity string `json:"quantity"`
	Amount   string `json:"amount"`
}

type formJSON struct {
	Form     string     `json:"form"`
	Total    string     `json:"total"`
	Currency string     `json:"currency"`
	Lines    []lineJSON `json:"lines"`
}

type breakEvenJSON struct {
	Form        string  `json:"form"`
	HoursPerDay *string `json:"hours_per_day"` // null: never cheaper than serverless
}

type outputJSON struct {
	Region      string          `json:"region"`
	Pods        int             `json:"pods"`
	HoursPerDay string          `json:"hours_per_day"`
	Days        int             `json:"days"`
	NodeType    string          `json:"node_type"`
	Nodes       int             `json:"nodes"`
	Forms       []formJSON      `json:"forms"`
	Cheapest    string          `json:"cheapest"`
	BreakEvens  []breakEvenJSON `json:"break_even"`
}

// hours writes d as decimal hours: 7h30m is "7.5".
func hours(d time.Duration) string { return ratio(int64(d/time.Minute), 60) }

func writeJSON(out io.Writer, c pricing.Comparison) error {
	o := outputJSON{Region: c.Workload.Region, Pods: c.Workload.Pods, HoursPerDay: hours(c.Workload.HoursPerDay), Days: c.Workload.Days,
		NodeType: c.Workload.NodeType, Nodes: c.Nodes, Cheapest: c.Cheapest.String()}
	for _, f := range c.Forms {
		fj := formJSON{Form: f.Form.String(), Total: f.Total.Exact(), Currency: string(f.Currency), Lines: []lineJSON{}}
		for _, l := range f.Lines {
			fj.Lines = append(fj.Lines, lineJSON{Item: l.Item, Resource: l.Resource, Quantity: l.Quantity, Amount: l.Amount.Exact()})
		}
		o.Forms = append(o.Forms, fj)
	}
	for _, b := range c.BreakEvens {
		bj := breakEvenJSON{Form: b.Form.String()}
		if b.Found {
			h := hours(b.HoursPerDay)
			bj.HoursPerDay = &h
		}
		o.BreakEvens = append(o.BreakEvens, bj)
	}
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	return enc.Encode(o)
}
