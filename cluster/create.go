package cluster

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/wire"
)

// CreateOptions adjust one Create.
type CreateOptions struct {
	// ClientToken identifies this logical create across retries and
	// processes. Create records it on the cluster as the ClientTokenTag
	// tag. When it is set, Create first looks for a cluster of the Spec's
	// name carrying it and, if one exists, returns an Operation on that
	// cluster instead of creating another; so a program that restarts
	// mid-create may call Create again with the same token. Empty means a
	// fresh random token (ClientOptions.NewClientToken).
	ClientToken string
	// RawBody holds top-level fields merged into the CreateCluster body
	// after the Spec's, for fields this package does not model yet
	// ("security_group_id", "proxy_mode", "nodepools", ...). A key set to
	// nil removes the field. The merged body is validated again with the
	// rules the server applies; tags given here replace the Spec's, and the
	// client-token tag is added to them.
	RawBody map[string]any
}

// Create validates spec and asks ACK to create the cluster. It returns an
// Operation to wait for the cluster to be running.
//
// The Spec (and the merged RawBody) is validated first with the rules of
// this package, as the server applies them: a *ack.ValidationError is
// returned before any call. An empty Spec.Region takes the Config's region.
//
// One logical Create makes at most one cluster, even when a response is
// lost: the request carries a client token as the ClientTokenTag tag, and
// after an ambiguous outcome (a connection broken after the request was
// sent, a 5xx other than 503) the retry step lists the clusters of that
// name and looks for the token before sending again. When it finds the
// cluster, the task ID is lost with the response: the Operation then
// waits on the cluster's state alone.
func (c *Client) Create(ctx context.Context, spec Spec, optFns ...func(*CreateOptions)) (*Operation, error) {
	var o CreateOptions
	for _, fn := range optFns {
		if fn != nil {
			fn(&o)
		}
	}
	spec = spec.Clone()
	if spec.Region == "" {
		spec.Region = c.cfg.Region()
	}
	token := o.ClientToken
	if token == "" {
		token = c.opts.NewClientToken()
	}
	spec.Tags = withTag(spec.Tags, Tag{Key: ClientTokenTag, Value: token})
	if err := Validate(spec, c.opts.Validation...); err != nil {
		return nil, err
	}
	body, err := c.createBody(spec, o.RawBody, token)
	if err != nil {
		return nil, err
	}
	fail := func(err error) (*Operation, error) {
		return nil, fmt.Errorf("create cluster %q: %w", spec.Name, err)
	}
	if o.ClientToken != "" {
		found, err := c.findByToken(ctx, spec.Name, token)
		if err != nil {
			return fail(err)
		}
		if found != nil {
			return c.newOperation(KindCreate, found.ID, "", found.RequestID), nil
		}
	}

	req := wire.NewRequest(wire.ActionCreateCluster)
	req.Body = body
	req.Retry = ack.Reconcile
	req.Reconcile = func(ctx context.Context, _ error) (*ack.Response, error) {
		found, err := c.findByToken(ctx, spec.Name, token)
		if err != nil || found == nil {
			return nil, err
		}
		b, err := json.Marshal(wire.CreateClusterResponse{ClusterID: found.ID})
		if err != nil {
			return nil, err
		}
		return &ack.Response{StatusCode: 200, Body: b, RequestID: found.RequestID}, nil
	}
	resp, err := c.do(ctx, req)
	if err != nil {
		return fail(err)
	}
	out, err := wire.Decode[wire.CreateClusterResponse](resp.Body)
	if err != nil {
		return fail(err)
	}
	if out.ClusterID == "" {
		return fail(fmt.Errorf("the answer (request id %s) names no cluster", resp.RequestID))
	}
	return c.newOperation(KindCreate, out.ClusterID, out.TaskID, resp.RequestID), nil
}

// createBody encodes spec as the CreateCluster body and merges raw into
// it. A body changed by raw is validated again, as the server reads it.
func (c *Client) createBody(spec Spec, raw map[string]any, token string) ([]byte, error) {
	req := spec.createRequest()
	if len(raw) == 0 {
		return json.Marshal(req)
	}
	var m map[string]any
	if err := roundTrip(req, &m); err != nil {
		return nil, fmt.Errorf("create cluster %q: %w", spec.Name, err)
	}
	for k, v := range raw {
		if v == nil {
			delete(m, k)
			continue
		}
		m[k] = v
	}
	var merged wire.CreateClusterRequest
	if err := roundTrip(m, &merged); err != nil {
		return nil, fmt.Errorf("create cluster %q: raw body: %w: %w", spec.Name, ack.ErrInvalid, err)
	}
	if tags := specTags(merged.Tags); tagValue(tags, ClientTokenTag) != token {
		merged.Tags = wireTags(withTag(tags, Tag{Key: ClientTokenTag, Value: token}))
		m["tags"] = merged.Tags
	}
	if err := validateCreateRequest(&merged, c.opts.Validation...); err != nil {
		return nil, err
	}
	return json.Marshal(m)
}

// findByToken looks for a cluster named name that carries token as its
// client-token tag; nil when there is none.
func (c *Client) findByToken(ctx context.Context, name, token string) (*Cluster, error) {
	for cl, err := range c.List(ctx, func(o *ListOptions) { o.Name = name }) {
		if err != nil {
			return nil, fmt.Errorf("looking for client token: %w", err)
		}
		if cl.Spec.Name == name && cl.ClientToken == token {
			return cl, nil
		}
	}
	return nil, nil
}

// withTag returns tags with t set: an existing tag of t's key is replaced.
// tags is not changed.
func withTag(tags []Tag, t Tag) []Tag {
	out := slices.Clone(tags)
	if i := slices.IndexFunc(out, func(x Tag) bool { return x.Key == t.Key }); i >= 0 {
		out[i] = t
		return out
	}
	return append(out, t)
}

// randomToken returns 32 random hexadecimal digits.
func randomToken() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return hex.EncodeToString(b[:])
}

// roundTrip converts in to out through JSON.
func roundTrip(in, out any) error {
	b, err := json.Marshal(in)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, out)
}
