package cluster

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/optfn"
	"github.com/ackgo/ack/internal/waiter"
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
// name and looks for the token before sending again. A Spec whose own tags
// fill all MaxTags slots gets no token tag: Create lists the clusters of
// its name before sending, and after an ambiguous outcome takes a new
// cluster of that name, VPC and exact tag set as its own; an explicit
// CreateOptions.ClientToken then has no slot and is refused. When it finds the
// cluster, the task ID is lost with the response: the Operation then
// waits on the cluster's state alone.
func (c *Client) Create(ctx context.Context, spec Spec, optFns ...func(*CreateOptions)) (*Operation, error) {
	o := optfn.Apply(optFns)
	spec = spec.Clone()
	if spec.Region == "" {
		spec.Region = c.cfg.Region()
	}
	token := o.ClientToken
	if token == "" {
		token = c.opts.NewClientToken()
	}
	spec.Tags = slices.DeleteFunc(slices.Clone(spec.Tags), func(t Tag) bool { return t.Key == ClientTokenTag })
	if err := Validate(spec, c.opts.Validation...); err != nil {
		return nil, err
	}
	body, userTags, tagged, err := c.createBody(spec, o.RawBody, token)
	if err != nil {
		return nil, err
	}
	// The closures below keep the name, not the whole Spec (which they
	// would otherwise move to the heap).
	name := spec.Name
	fail := func(err error) (*Operation, error) {
		return nil, fmt.Errorf("create cluster %q: %w", name, err)
	}
	if !tagged {
		if o.ClientToken != "" {
			return nil, asError(spec.Name, violationList{{Rule: "cluster.tags.count", Field: fieldTags,
				Message: fmt.Sprintf("has %d tags of its own, so CreateOptions.ClientToken finds no free slot (at most %d)", len(userTags), MaxTags)}})
		}
		return c.createUntagged(ctx, spec, userTags, body)
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
		found, err := c.findByToken(ctx, name, token)
		if err != nil || found == nil {
			return nil, err
		}
		return waiter.Answer(wire.CreateClusterResponse{ClusterID: found.ID}, found.RequestID)
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
// it, and returns the cluster's own tags. The client-token tag is added
// when the tags leave it a slot (tagged). A body changed by raw is
// validated again, as the server reads it.
func (c *Client) createBody(spec Spec, raw map[string]any, token string) (body []byte, userTags []Tag, tagged bool, err error) {
	req := spec.createRequest()
	if len(raw) == 0 {
		userTags = spec.Tags
		if tagged = len(userTags) < MaxTags; tagged {
			req.Tags = wireTags(withTag(userTags, Tag{Key: ClientTokenTag, Value: token}))
		}
		body, err = json.Marshal(req)
		return body, userTags, tagged, err
	}
	var m map[string]any
	if err := roundTrip(req, &m); err != nil {
		return nil, nil, false, fmt.Errorf("create cluster %q: %w", spec.Name, err)
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
		return nil, nil, false, fmt.Errorf("create cluster %q: raw body: %w: %w", spec.Name, ack.ErrInvalid, err)
	}
	userTags = slices.DeleteFunc(specTags(merged.Tags), func(t Tag) bool { return t.Key == ClientTokenTag })
	if tagged = len(userTags) < MaxTags; tagged {
		merged.Tags = wireTags(withTag(userTags, Tag{Key: ClientTokenTag, Value: token}))
		m["tags"] = merged.Tags
	}
	if err := validateCreateRequest(&merged, c.opts.Validation...); err != nil {
		return nil, nil, false, err
	}
	body, err = json.Marshal(m)
	return body, userTags, tagged, err
}

// createUntagged creates a cluster whose own tags fill every slot, so that
// no client-token tag fits. It stays exact under a lost answer by another
// mark: before sending it notes the clusters of the Spec's name that exist
// already, and after an ambiguous outcome a cluster of that name, VPC and
// exact tag set that was not among them is the one this call made. (Two
// processes creating such twins at once could not be told apart.)
func (c *Client) createUntagged(ctx context.Context, spec Spec, tags []Tag, body []byte) (*Operation, error) {
	fail := func(err error) (*Operation, error) {
		return nil, fmt.Errorf("create cluster %q: %w", spec.Name, err)
	}
	before := map[string]bool{}
	for cl, err := range c.List(ctx, func(o *ListOptions) { o.Name = spec.Name }) {
		if err != nil {
			return fail(fmt.Errorf("listing the clusters named %q before creating: %w", spec.Name, err))
		}
		before[cl.ID] = true
	}
	req := wire.NewRequest(wire.ActionCreateCluster)
	req.Body = body
	req.Retry = ack.Reconcile
	req.Reconcile = func(ctx context.Context, _ error) (*ack.Response, error) {
		for cl, err := range c.List(ctx, func(o *ListOptions) { o.Name = spec.Name }) {
			if err != nil {
				return nil, fmt.Errorf("looking for the cluster: %w", err)
			}
			if !before[cl.ID] && cl.Spec.Name == spec.Name && cl.Spec.VPCID == spec.VPCID && sameTags(cl.Spec.Tags, tags) {
				return waiter.Answer(wire.CreateClusterResponse{ClusterID: cl.ID}, cl.RequestID)
			}
		}
		return nil, nil
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

// sameTags reports whether a and b hold the same tags, in any order.
func sameTags(a, b []Tag) bool {
	if len(a) != len(b) {
		return false
	}
	key := func(t Tag) string { return t.Key + "\x00" + t.Value }
	set := make(map[string]int, len(a))
	for _, t := range a {
		set[key(t)]++
	}
	for _, t := range b {
		if set[key(t)]--; set[key(t)] < 0 {
			return false
		}
	}
	return true
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
