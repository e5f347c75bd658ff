package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/pricing"
	"github.com/ackgo/ack/quota"
)

// controlTokenEnv is the environment variable -control-token defaults
// to, so that the token need not show in the process list.
const controlTokenEnv = "ACKFAKE_CONTROL_TOKEN"

// countFlag is a limit's flag: unset, or a count of zero or more.
type countFlag struct {
	set   bool
	n     int
	count func(*quota.Limits) *quota.Count
}

func (f *countFlag) String() string {
	if f == nil || !f.set {
		return ""
	}
	return strconv.Itoa(f.n)
}

func (f *countFlag) Set(s string) error {
	n, err := strconv.Atoi(s)
	switch {
	case err != nil:
		return errors.New("want a whole number")
	case n < 0:
		return errors.New("must not be negative")
	}
	f.set, f.n = true, n
	return nil
}

// moneyFlag is -balance: unset, or an amount with its currency.
type moneyFlag struct {
	set bool
	m   ack.Money
}

func (f *moneyFlag) String() string {
	if f == nil || !f.set {
		return ""
	}
	return f.m.String()
}

// Set reads "100.00 CNY", or a plain amount as CNY.
func (f *moneyFlag) Set(s string) error {
	var m ack.Money
	var err error
	if strings.Contains(s, " ") {
		err = m.UnmarshalText([]byte(s))
	} else {
		m, err = ack.ParseMoney(s, ack.CNY)
	}
	if err != nil {
		return fmt.Errorf("want an amount such as \"100.00 CNY\": %w", err)
	}
	f.set, f.m = true, m
	return nil
}

// accountFlags are the flags of the rules, the quotas, the account and
// the control token.
type accountFlags struct {
	preset       *string
	billing      *string
	limitsFile   *string
	counts       map[string]*countFlag
	balance      moneyFlag
	unverified   *bool
	controlToken *string
}

// limitFlags names the flags of single limits and the limit each sets.
var limitFlags = []struct {
	name, usage string
	count       func(*quota.Limits) *quota.Count
}{
	{"max-clusters", "dedicated and managed clusters per account", func(l *quota.Limits) *quota.Count { return &l.Clusters }},
	{"max-managed-clusters", "managed clusters per account", func(l *quota.Limits) *quota.Count { return &l.ManagedClusters }},
	{"max-serverless-clusters", "serverless clusters per account", func(l *quota.Limits) *quota.Count { return &l.ServerlessClusters }},
	{"max-nodes-per-cluster", "nodes per cluster, masters included", func(l *quota.Limits) *quota.Count { return &l.NodesPerCluster }},
	{"max-nodepools-per-cluster", "node pools per cluster", func(l *quota.Limits) *quota.Count { return &l.NodePoolsPerCluster }},
	{"max-container-instances", "container instances per serverless cluster", func(l *quota.Limits) *quota.Count { return &l.ContainerInstancesPerCluster }},
}

// addAccountFlags defines the flags on fs.
func addAccountFlags(fs *flag.FlagSet) *accountFlags {
	a := &accountFlags{counts: map[string]*countFlag{}}
	a.preset = fs.String("preset", "", "product or current: the rules, quotas, version policy and billing of the product description or of ACK today (default: product rules and quotas, Current billing)")
	a.billing = fs.String("billing-preset", "Current", "billing preset of /_fake/bill: Current (Pro fee charged) or Product (no fee); overrides -preset's")
	a.limitsFile = fs.String("limits", "", "a JSON `FILE` of quotas in the shape of GET /_fake/limits; fields left out keep the preset's")
	for _, l := range limitFlags {
		f := &countFlag{count: l.count}
		a.counts[l.name] = f
		fs.Var(f, l.name, "`N`, the limit of "+l.usage+" (overrides -preset and -limits)")
	}
	fs.Var(&a.balance, "balance", "the account's balance, an `AMOUNT` such as \"100.00 CNY\" (a plain amount is CNY)")
	a.unverified = fs.Bool("unverified", false, "the account has not passed real-name verification: creates are refused")
	a.controlToken = fs.String("control-token", "", "a `TOKEN` that admits remote clients to /_fake/ when they send it (header "+fake.ControlTokenHeader+" or Authorization: Bearer); default $"+controlTokenEnv)
	return a
}

// options returns the fake's options for the flags fs parsed.
func (a *accountFlags) options(fs *flag.FlagSet) ([]fake.Option, error) {
	rules, limits, billing := cluster.PresetProduct, quota.ProductDefaults(), pricing.Current
	switch strings.ToLower(*a.preset) {
	case "":
	case "product":
		billing = pricing.Product
	case "current":
		rules, limits = cluster.PresetCurrent, quota.CurrentDefaults()
	default:
		return nil, fmt.Errorf("-preset %q: want product or current", *a.preset)
	}
	if set(fs, "billing-preset") || *a.preset == "" {
		p, err := pricing.ParsePreset(*a.billing)
		if err != nil {
			return nil, fmt.Errorf("-billing-preset: %w", err)
		}
		billing = p
	}
	limits, err := a.limits(limits)
	if err != nil {
		return nil, err
	}
	opts := []fake.Option{fake.WithRules(rules), fake.WithLimits(limits), fake.WithBillingPreset(billing)}
	if a.balance.set || *a.unverified {
		acct := quota.DefaultAccount(limits)
		if a.balance.set {
			acct.Balance = a.balance.m
		}
		acct.RealNameVerified = !*a.unverified
		opts = append(opts, fake.WithAccount(acct))
	}
	if token := a.token(fs); token != "" {
		opts = append(opts, fake.WithControlToken(token))
	}
	return opts, nil
}

// token is the control token: -control-token's, or $ACKFAKE_CONTROL_TOKEN
// when the flag is not set.
func (a *accountFlags) token(fs *flag.FlagSet) string {
	if !set(fs, "control-token") {
		return os.Getenv(controlTokenEnv)
	}
	return *a.controlToken
}

// limits reads -limits over base, then the single limits' flags.
func (a *accountFlags) limits(base quota.Limits) (quota.Limits, error) {
	l := base
	if *a.limitsFile != "" {
		data, err := os.ReadFile(*a.limitsFile)
		if err != nil {
			return l, fmt.Errorf("-limits: %w", err)
		}
		if l, err = fake.DecodeLimits(data, base); err != nil {
			return l, fmt.Errorf("-limits %s: %w", *a.limitsFile, err)
		}
	}
	for _, f := range a.counts {
		if f.set {
			f.count(&l).Max = f.n
		}
	}
	return l, nil
}

// set reports whether the command line set the flag.
func set(fs *flag.FlagSet, name string) bool {
	found := false
	fs.Visit(func(f *flag.Flag) { found = found || f.Name == name })
	return found
}

// describe says in a few words what the flags chose, for the log.
func (a *accountFlags) describe(fs *flag.FlagSet) string {
	p := *a.preset
	if p == "" {
		p = "default"
	}
	s := "preset " + p
	if *a.unverified {
		s += ", account unverified"
	}
	if a.balance.set {
		s += ", balance " + a.balance.m.String()
	}
	if a.token(fs) != "" {
		s += ", control token set"
	}
	return s
}
