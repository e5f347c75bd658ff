package fake

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/quota"
)

// A State's specs travel as the wire's create bodies, which carry every
// field the domain packages model, passwords in clear (ack.Secret writes
// itself as "[redacted]", which a state file must not lose). They are read
// back by the domain packages' own decoders, the ones the API's creates
// use.

// MarshalJSON writes the state with its account and limits in the shapes
// of GET /_fake/account and GET /_fake/limits.
func (s State) MarshalJSON() ([]byte, error) {
	type plain State
	return json.Marshal(struct {
		plain
		Account accountJSON `json:"account"`
		Limits  limitsJSON  `json:"limits"`
	}{plain(s), toAccountJSON(s.Account), toLimitsJSON(s.Limits)})
}

// UnmarshalJSON reads a state whose account and limits are in the shapes
// of /_fake/account and /_fake/limits; a field they leave out is zero, and
// a state without them keeps the Cloud's when restored. An unknown field
// is an error, but for the request_id of GET /_fake/state's answer, so
// that the answer reads back as it is.
func (s *State) UnmarshalJSON(b []byte) error {
	type plain State
	v := struct {
		*plain
		Account   *accountJSON `json:"account"`
		Limits    *limitsJSON  `json:"limits"`
		RequestID string       `json:"request_id"` // of GET /_fake/state's answer
	}{plain: (*plain)(s)}
	if err := strictUnmarshal(b, &v); err != nil {
		return err
	}
	s.Account, s.Limits = quota.Account{}, quota.Limits{}
	if v.Account != nil {
		a := *v.Account
		a.Funds = "" // shown, never taken
		if err := a.apply(&s.Account); err != nil {
			return fmt.Errorf("account: %w", err)
		}
	}
	if v.Limits != nil {
		if err := v.Limits.apply(&s.Limits); err != nil {
			return fmt.Errorf("limits: %w", err)
		}
	}
	return nil
}

// MarshalJSON writes the cluster with its Spec as a CreateCluster body.
func (c ClusterState) MarshalJSON() ([]byte, error) {
	type plain ClusterState
	return json.Marshal(struct {
		plain
		Spec *wire.CreateClusterRequest `json:"spec"`
	}{plain(c), clusterWire.CreateRequest(c.Spec)})
}

// UnmarshalJSON reads a cluster whose spec is a CreateCluster body.
func (c *ClusterState) UnmarshalJSON(b []byte) error {
	type plain ClusterState
	v := struct {
		*plain
		Spec *wire.CreateClusterRequest `json:"spec"`
	}{plain: (*plain)(c)}
	if err := strictUnmarshal(b, &v); err != nil {
		return err
	}
	spec, err := clusterSpecOf(v.Spec)
	if err != nil {
		return fmt.Errorf("cluster %s: spec: %w", c.ID, err)
	}
	c.Spec = spec
	return nil
}

// MarshalJSON writes the pool with its Spec as a CreateClusterNodePool
// body.
func (p NodePoolState) MarshalJSON() ([]byte, error) {
	type plain NodePoolState
	return json.Marshal(struct {
		plain
		Spec *wire.Nodepool `json:"spec"`
	}{plain(p), poolWire.CreateRequest(p.Spec)})
}

// UnmarshalJSON reads a pool whose spec is a CreateClusterNodePool body.
func (p *NodePoolState) UnmarshalJSON(b []byte) error {
	type plain NodePoolState
	v := struct {
		*plain
		Spec *wire.Nodepool `json:"spec"`
	}{plain: (*plain)(p)}
	if err := strictUnmarshal(b, &v); err != nil {
		return err
	}
	spec, err := poolSpecOf(v.Spec)
	if err != nil {
		return fmt.Errorf("node pool %s: spec: %w", p.ID, err)
	}
	p.Spec = spec
	return nil
}

// MarshalJSON writes the change with its specs as create bodies.
func (c ChangeState) MarshalJSON() ([]byte, error) {
	type plain ChangeState
	v := struct {
		plain
		Spec     *wire.CreateClusterRequest `json:"spec,omitempty"`
		PoolSpec *wire.Nodepool             `json:"pool_spec,omitempty"`
	}{plain: plain(c)}
	if c.Spec != nil {
		v.Spec = clusterWire.CreateRequest(*c.Spec)
	}
	if c.PoolSpec != nil {
		v.PoolSpec = poolWire.CreateRequest(*c.PoolSpec)
	}
	return json.Marshal(v)
}

// UnmarshalJSON reads a change whose specs are create bodies.
func (c *ChangeState) UnmarshalJSON(b []byte) error {
	type plain ChangeState
	v := struct {
		*plain
		Spec     *wire.CreateClusterRequest `json:"spec,omitempty"`
		PoolSpec *wire.Nodepool             `json:"pool_spec,omitempty"`
	}{plain: (*plain)(c)}
	if err := strictUnmarshal(b, &v); err != nil {
		return err
	}
	c.Spec, c.PoolSpec = nil, nil
	if v.Spec != nil {
		spec, err := clusterSpecOf(v.Spec)
		if err != nil {
			return fmt.Errorf("change %s: spec: %w", c.Kind, err)
		}
		c.Spec = &spec
	}
	if v.PoolSpec != nil {
		spec, err := poolSpecOf(v.PoolSpec)
		if err != nil {
			return fmt.Errorf("change %s: pool_spec: %w", c.Kind, err)
		}
		c.PoolSpec = &spec
	}
	return nil
}

// clusterSpecOf decodes a cluster Spec from a CreateCluster body with the
// cluster package's decoder; nil is the zero Spec.
func clusterSpecOf(req *wire.CreateClusterRequest) (cluster.Spec, error) {
	if req == nil {
		return cluster.Spec{}, nil
	}
	return clusterWire.SpecFromCreate(req)
}

// poolSpecOf decodes a node pool Spec from a CreateClusterNodePool body
// with the nodepool package's decoder; nil is the zero Spec.
func poolSpecOf(req *wire.Nodepool) (nodepool.Spec, error) {
	if req == nil {
		return nodepool.Spec{}, nil
	}
	return poolWire.SpecFromCreate(req)
}

// strictUnmarshal decodes JSON into v, refusing unknown fields.
func strictUnmarshal(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}
