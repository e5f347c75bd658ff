package quota

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/optfn"
	"github.com/ackgo/ack/internal/wire"
)

// The narrow interfaces below have one method each, so that a consumer
// depends on (and mocks) exactly the calls it makes; *Client satisfies
// them all. Package quotamock holds mocks generated from them with
// go.uber.org/mock; regenerate them with `go generate ./quota/`.

//go:generate go run go.uber.org/mock/mockgen@v0.6.0 -destination=quotamock/mocks.go -package=quotamock -write_package_comment=false . LimitsGetter,LimitsDescriber,UsageGetter,Preflighter

// LimitsGetter reads the account's limits.
type LimitsGetter interface {
	Limits(ctx context.Context) (Limits, error)
}

// LimitsDescriber reads the account's limits with the answer they came
// from.
type LimitsDescriber interface {
	DescribeLimits(ctx context.Context) (*LimitsResult, error)
}

// UsageGetter reads what the account uses now.
type UsageGetter interface {
	Usage(ctx context.Context, optFns ...func(*UsageOptions)) (Usage, error)
}

// Preflighter checks a plan against the live limits and usage.
type Preflighter interface {
	Preflight(ctx context.Context, plan Plan) error
}

// Compile-time checks that the Client satisfies every narrow interface.
var (
	_ LimitsGetter    = (*Client)(nil)
	_ LimitsDescriber = (*Client)(nil)
	_ UsageGetter     = (*Client)(nil)
	_ Preflighter     = (*Client)(nil)
)

// Client reads the account's quotas and usage from ACK and checks plans
// against them before anything is created. Build it with NewClient; it is
// safe for concurrent use. It only reads: every call is a GET sent through
// the Config's pipeline (rate limit, retry, log, transport) with retry
// mode ack.Safe.
type Client struct {
	cfg     *ack.Config
	base    Limits
	account Account
}

// ClientOptions configure a Client. Nil fields take the defaults.
type ClientOptions struct {
	// Base is what DescribeUserQuota's answer is laid over (see
	// limitsFromWire): it supplies every limit the API does not report
	// (pods per node, container instances, the account prerequisites) and
	// any it reports as zero. ProductDefaults when nil; CurrentDefaults is the other
	// preset.
	Base *Limits
	// Account is the account's real-name verification and funds. The CS
	// API reports neither, so the client takes them from here. When nil,
	// the client assumes DefaultAccount(Base): verified, with exactly the
	// funds the pay-as-you-go prerequisite asks for, so that no account
	// prerequisite is ever reported broken. Set it (from the billing API,
	// or from what the caller knows) to have them checked.
	Account *Account
}

// WithBase sets ClientOptions.Base, for example WithBase(CurrentDefaults()).
func WithBase(l Limits) func(*ClientOptions) {
	return func(o *ClientOptions) { o.Base = &l }
}

// WithAccount sets ClientOptions.Account: the account's real-name
// verification and funds, which the CS API does not report.
func WithAccount(a Account) func(*ClientOptions) {
	return func(o *ClientOptions) { o.Account = &a }
}

// DefaultAccount is the account a Client assumes without WithAccount: it
// has passed real-name verification and its balance is the larger of
// 100.00 CNY and base's pay-as-you-go floor (100.00 CNY in both presets).
// It meets every account prerequisite of base.
func DefaultAccount(base Limits) Account {
	balance := ack.MustMoney("100", ack.CNY)
	if min := base.PayAsYouGoFunds.Min; min.Currency() != balance.Currency() || less(balance, min) {
		balance = min
	}
	return Account{RealNameVerified: true, Balance: balance}
}

// NewClient returns a client whose calls go through cfg.
func NewClient(cfg *ack.Config, optFns ...func(*ClientOptions)) *Client {
	o := optfn.Apply(optFns)
	c := &Client{cfg: cfg, base: ProductDefaults()}
	if o.Base != nil {
		c.base = *o.Base
	}
	c.account = DefaultAccount(c.base)
	if o.Account != nil {
		c.account = *o.Account
	}
	return c
}

// Config returns the client's Config.
func (c *Client) Config() *ack.Config { return c.cfg }

// Base returns the limits that DescribeUserQuota's answers are laid over.
func (c *Client) Base() Limits { return c.base }

// Account returns the account facts the client checks plans with.
func (c *Client) Account() Account { return c.account }

// LimitsResult is the account's limits with the answer they were read
// from.
type LimitsResult struct {
	// Limits is the answer laid over the client's base limits.
	Limits Limits
	// RequestID identifies the DescribeUserQuota call, for logs and for
	// Alibaba Cloud support.
	RequestID string
	// Raw is DescribeUserQuota's answer as ACK sent it, for the fields
	// this package does not model (the quotas map's other items, the
	// discontinued edge node pool quota).
	Raw json.RawMessage
}

// Limits reads the account's limits from DescribeUserQuota (GET /quota),
// laid over the client's base limits with limitsFromWire.
func (c *Client) Limits(ctx context.Context) (Limits, error) {
	r, err := c.DescribeLimits(ctx)
	if err != nil {
		return Limits{}, err
	}
	return r.Limits, nil
}

// DescribeLimits is Limits with the answer's request ID and raw body.
func (c *Client) DescribeLimits(ctx context.Context) (*LimitsResult, error) {
	resp, err := c.do(ctx, wire.NewRequest(wire.ActionDescribeUserQuota))
	if err != nil {
		return nil, fmt.Errorf("read quota limits: %w", err)
	}
	q, err := wire.DecodeUserQuota(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("read quota limits: %w", err)
	}
	return &LimitsResult{
		Limits:    limitsFromWire(&q, c.base),
		RequestID: resp.RequestID,
		Raw:       slices.Clone(json.RawMessage(resp.Body)),
	}, nil
}

// do sends one read through the Config's pipeline.
func (c *Client) do(ctx context.Context, req *ack.Request) (*ack.Response, error) {
	if c.cfg == nil {
		return nil, fmt.Errorf("%s: %w", req.Action, ack.ErrNoTransport)
	}
	req.Retry = ack.Safe
	return c.cfg.Do(ctx, req)
}
