package nodepool

import (
	"context"
	"fmt"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/optfn"
	"github.com/ackgo/ack/internal/wire"
)

// Defaults of the client; see ClientOptions and WaitOptions.
const (
	// DefaultMinDelay is the first delay between two polls of a wait.
	// Node pool tasks are shorter than cluster tasks, so it is shorter
	// than the cluster client's.
	DefaultMinDelay = 3 * time.Second
	// DefaultMaxDelay caps every delay between two polls of a wait.
	DefaultMaxDelay = 30 * time.Second
	// DefaultPageSize is the page size of Nodes.
	DefaultPageSize = 50
	// MaxPageSize is the largest page DescribeClusterNodes serves.
	MaxPageSize = ack.MaxPageSize
	// MaxScaleCount is the most nodes one ScaleClusterNodePool call adds;
	// Scale splits a larger scale-out into parts of at most this many.
	MaxScaleCount = 500
)

// Client is the typed client of ACK's node pool API: create, read, list,
// modify, scale and delete node pools, remove nodes from them and list a
// cluster's nodes. Build it with NewClient; it is safe for concurrent use,
// and every call runs through its Config's pipeline (rate limit, retry,
// log, transport).
//
// Each method is also a one-method interface (Creator, Getter, ...) so
// that consumers can mock exactly what they use.
type Client struct {
	cfg  *ack.Config
	opts ClientOptions
}

// ClientOptions configure a Client. Zero fields take the defaults.
type ClientOptions struct {
	// Wait is the default of every Operation's Wait (and of the waits
	// between the parts of a large Scale); Wait's own options change it
	// per call.
	Wait WaitOptions
	// PageSize is the page size of Nodes; DefaultPageSize when zero, at
	// most MaxPageSize.
	PageSize int
}

// NewClient returns a client whose calls go through cfg.
func NewClient(cfg *ack.Config, optFns ...func(*ClientOptions)) *Client {
	c := &Client{cfg: cfg, opts: optfn.Apply(optFns)}
	c.opts.PageSize = pageSize(c.opts.PageSize, DefaultPageSize)
	return c
}

// Config returns the client's Config.
func (c *Client) Config() *ack.Config { return c.cfg }

// pageSize clamps a page size to [1, MaxPageSize]; zero or less is def.
func pageSize(n, def int) int {
	if n <= 0 {
		return def
	}
	return min(n, MaxPageSize)
}

// do sends one request through the Config's pipeline. An answer that
// refuses the request by this package's rules (the fake runs them on what
// it receives) comes back as an *ack.RefusalError, which errors.As reads
// as the *ack.ValidationError a client-side check gives, with the same
// rule IDs, and as the *ack.APIError.
func (c *Client) do(ctx context.Context, req *ack.Request) (*ack.Response, error) {
	return c.cfg.Do(ctx, req)
}

// Get returns the node pool poolID of the cluster clusterID. A pool (or a
// cluster) that does not exist is an error matching ack.ErrNotFound.
func (c *Client) Get(ctx context.Context, clusterID, poolID string) (*Pool, error) {
	d, err := c.describe(ctx, clusterID, poolID)
	if err != nil {
		return nil, fmt.Errorf("node pool %s: get: %w", poolID, err)
	}
	return d, nil
}

// describe reads one pool (DescribeClusterNodePoolDetail) without wrapping
// the error, for the methods and the waits.
func (c *Client) describe(ctx context.Context, clusterID, poolID string) (*Pool, error) {
	if err := checkIDs(clusterID, poolID); err != nil {
		return nil, err
	}
	resp, err := c.do(ctx, wire.NewRequest(wire.ActionDescribeClusterNodePoolDetail, clusterID, poolID))
	if err != nil {
		return nil, err
	}
	d, err := detailFromBody(resp.Body, clusterID, resp.RequestID)
	if err != nil {
		return nil, err
	}
	// A detail of another pool is not this pool.
	if d.ID != "" && d.ID != poolID {
		return nil, &ack.APIError{Action: wire.ActionDescribeClusterNodePoolDetail, HTTPStatus: resp.StatusCode,
			Code: ack.CodeNodePoolNotFound, Message: fmt.Sprintf("answered for node pool %s instead", d.ID), RequestID: resp.RequestID}
	}
	if d.ID == "" {
		d.ID = poolID
	}
	return d, nil
}

// checkIDs refuses empty IDs before any call: they would name no
// resource. An empty pool ID is checked only when one is passed.
func checkIDs(clusterID string, poolID ...string) error {
	if clusterID == "" {
		return fmt.Errorf("cluster ID is empty: %w", ack.ErrInvalid)
	}
	for _, id := range poolID {
		if id == "" {
			return fmt.Errorf("node pool ID is empty: %w", ack.ErrInvalid)
		}
	}
	return nil
}

// waitPolicy returns the client's wait options changed by optFns.
func (c *Client) waitPolicy(optFns []func(*WaitOptions)) WaitOptions {
	w := optfn.ApplyTo(c.opts.Wait, optFns)
	if w.MinDelay <= 0 {
		w.MinDelay = DefaultMinDelay
	}
	if w.MaxDelay <= 0 {
		w.MaxDelay = DefaultMaxDelay
	}
	return w
}

// applyOptions returns the zero T changed by optFns.
func applyOptions[T any](optFns []func(*T)) T { return optfn.Apply(optFns) }
