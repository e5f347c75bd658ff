package cluster

import (
	"context"
	"fmt"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/optfn"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/nodepool"
)

// Defaults of the client; see ClientOptions and WaitOptions.
const (
	// DefaultMinDelay is the first delay between two polls of a wait.
	DefaultMinDelay = 5 * time.Second
	// DefaultMaxDelay caps every delay between two polls of a wait.
	DefaultMaxDelay = time.Minute
	// DefaultPageSize is the page size of List and Nodes.
	DefaultPageSize = 50
	// MaxPageSize is the largest page ACK serves.
	MaxPageSize = ack.MaxPageSize
	// ClientTokenTag is the key of the tag on which Create records its
	// client token (see Create) when the cluster's own tags leave a slot
	// free. This client reads it back as Cluster.ClientToken and leaves it
	// out of Spec.Tags; other tools see it among the cluster's tags.
	ClientTokenTag = "ackgo-client-token"
)

// Client is the typed client of ACK's cluster API: create, read, list,
// modify, scale out and delete clusters, fetch kubeconfigs, list nodes and
// follow tasks. Build it with NewClient; it is safe for concurrent use,
// and every call runs through its Config's pipeline (rate limit, retry,
// log, transport).
//
// Each method is also a one-method interface (Creator, Getter, ...) so
// that consumers can mock exactly what they use; package clustermock holds
// generated mocks of them.
type Client struct {
	cfg  *ack.Config
	opts ClientOptions
	// validation holds the domain options of ClientOptions.Validation,
	// decoded once.
	validation options
	// nodes lists the cluster's nodes (DescribeClusterNodes), as the node
	// pool client does.
	nodes *nodepool.Client
}

// ClientOptions configure a Client. Zero fields take the defaults.
type ClientOptions struct {
	// Validation are the options of Validate and CheckChange that the
	// client applies before any call: the preset (WithPreset; the default
	// is PresetProduct, the fake's default too) and the VPC's CIDR blocks.
	Validation []ValidationOption
	// Wait is the default of every Operation's Wait; Wait's own options
	// change it per call.
	Wait WaitOptions
	// PageSize is the page size of List and Nodes; DefaultPageSize when
	// zero, at most MaxPageSize.
	PageSize int
	// ZoneOf, when set, tells the zone of a vSwitch. Modify fills the zones
	// of the current and the desired Spec with it before CheckChange, so
	// that rule "cluster.immutable.multi_zone" sees them; without it the
	// zones are those the edit sets.
	ZoneOf func(vswitchID string) string
	// NewClientToken returns a fresh client token for each Create; a random
	// 32-digit hexadecimal string when nil.
	NewClientToken func() string
}

// NewClient returns a client whose calls go through cfg.
func NewClient(cfg *ack.Config, optFns ...func(*ClientOptions)) *Client {
	c := &Client{cfg: cfg, opts: optfn.Apply(optFns)}
	c.opts.Validation = append([]ValidationOption(nil), c.opts.Validation...)
	c.validation = newOptions(c.opts.Validation)
	switch {
	case c.opts.PageSize <= 0:
		c.opts.PageSize = DefaultPageSize
	case c.opts.PageSize > MaxPageSize:
		c.opts.PageSize = MaxPageSize
	}
	c.nodes = nodepool.NewClient(cfg, func(o *nodepool.ClientOptions) { o.PageSize = c.opts.PageSize })
	if c.opts.NewClientToken == nil {
		c.opts.NewClientToken = randomToken
	}
	return c
}

// Config returns the client's Config.
func (c *Client) Config() *ack.Config { return c.cfg }

// Compile-time checks that the Client satisfies every narrow interface.
var (
	_ Creator          = (*Client)(nil)
	_ Getter           = (*Client)(nil)
	_ Lister           = (*Client)(nil)
	_ Deleter          = (*Client)(nil)
	_ Modifier         = (*Client)(nil)
	_ ScaleOuter       = (*Client)(nil)
	_ KubeconfigGetter = (*Client)(nil)
	_ NodeLister       = (*Client)(nil)
	_ TaskGetter       = (*Client)(nil)
	_ Resumer          = (*Client)(nil)

	_ Upgrader            = (*Client)(nil)
	_ UpgradeStatusGetter = (*Client)(nil)
	_ UpgradePauser       = (*Client)(nil)
	_ UpgradeResumer      = (*Client)(nil)
	_ UpgradeCanceller    = (*Client)(nil)
)

// do sends one request through the Config's pipeline. An answer that
// refuses the request by the domain packages' rules comes back as an error
// matching both *ack.ValidationError and *ack.APIError (see refusal.go).
func (c *Client) do(ctx context.Context, req *ack.Request) (*ack.Response, error) {
	return c.cfg.Do(ctx, req)
}

// describe reads one cluster: its decoded detail and the raw answer.
func (c *Client) describe(ctx context.Context, id string) (*Cluster, error) {
	if err := checkID("cluster", id); err != nil {
		return nil, err
	}
	resp, err := c.do(ctx, wire.NewRequest(wire.ActionDescribeClusterDetail, id))
	if err != nil {
		return nil, err
	}
	d, err := wire.DecodeClusterDetail(resp.Body)
	if err != nil {
		return nil, err
	}
	// ACK has answered a deleted cluster's ID with another cluster's detail
	// (terraform checks for it); that is not this cluster.
	if d.ClusterID != "" && d.ClusterID != id {
		return nil, &ack.APIError{Action: wire.ActionDescribeClusterDetail, HTTPStatus: resp.StatusCode,
			Code: ack.CodeClusterNotFound, Message: fmt.Sprintf("answered for cluster %s instead", d.ClusterID), RequestID: resp.RequestID}
	}
	return clusterFromDetail(&d, resp.Body, resp.RequestID), nil
}

// Get returns the cluster with the given ID. A cluster that does not exist
// (or was deleted) is an error matching ack.ErrNotFound.
func (c *Client) Get(ctx context.Context, id string) (*Cluster, error) {
	cl, err := c.describe(ctx, id)
	if err != nil {
		return nil, opError("cluster", id, "get", err)
	}
	return cl, nil
}

// checkID refuses an empty ID before any call: it would name no resource.
func checkID(kind, id string) error {
	if id == "" {
		return fmt.Errorf("the %s ID is empty: %w", kind, ack.ErrInvalid)
	}
	return nil
}

// opError wraps the error of an operation on a resource, naming it:
// "cluster c-1: get: ...", or "cluster: get: ..." without an ID.
func opError(kind, id, op string, err error) error {
	if id == "" {
		return fmt.Errorf("%s: %s: %w", kind, op, err)
	}
	return fmt.Errorf("%s %s: %s: %w", kind, id, op, err)
}

// parseTime reads one of ACK's RFC 3339 timestamps; a missing or malformed
// one is the zero time.
func parseTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t
}
