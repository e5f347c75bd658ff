package wire

import (
	"encoding/json"
	"fmt"
	"log/slog"

	"github.com/ackgo/ack"
)

// The request types that carry a password (and the kubeconfig answer) print
// as their type name followed by their JSON with the secret replaced by
// ack.Redacted, for every fmt verb and in slog, also when nested in other
// values that fmt prints. The JSON encoding itself is untouched: the body
// must carry the secret to ACK. So a value of another type that embeds one
// of these and is logged with encoding/json (slog's JSON handler does this
// for values without LogValue) does show the password: wire values are
// built just before a request is sent and are not meant to be kept or
// logged whole; the domain packages hold passwords as ack.Secret.

// describe renders a redacted copy for printing.
func describe(name string, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return name + "{unprintable}"
	}
	return name + string(b)
}

func redactString(s string) string {
	if s == "" {
		return ""
	}
	return ack.Redacted
}

func (c ControlPlaneConfig) redacted() ControlPlaneConfig {
	c.LoginPassword = redactString(c.LoginPassword)
	return c
}

func redactControlPlane(c *ControlPlaneConfig) *ControlPlaneConfig {
	if c == nil {
		return nil
	}
	r := c.redacted()
	return &r
}

func (s ScalingGroup) redacted() ScalingGroup {
	s.LoginPassword = redactString(s.LoginPassword)
	return s
}

func redactScalingGroup(s *ScalingGroup) *ScalingGroup {
	if s == nil {
		return nil
	}
	r := s.redacted()
	return &r
}

func (n Nodepool) redacted() Nodepool {
	n.ScalingGroup = redactScalingGroup(n.ScalingGroup)
	return n
}

func (r CreateClusterRequest) redacted() CreateClusterRequest {
	r.LoginPassword = redactString(r.LoginPassword)
	r.ControlPlaneConfig = redactControlPlane(r.ControlPlaneConfig)
	if r.Nodepools != nil {
		pools := make([]Nodepool, len(r.Nodepools))
		for i, p := range r.Nodepools {
			pools[i] = p.redacted()
		}
		r.Nodepools = pools
	}
	return r
}

// String describes the request with its passwords redacted.
func (r CreateClusterRequest) String() string {
	return describe("CreateClusterRequest", r.redacted())
}

// Format prints String for every verb.
func (r CreateClusterRequest) Format(f fmt.State, _ rune) { fmt.Fprint(f, r.String()) }

// LogValue makes slog print String.
func (r CreateClusterRequest) LogValue() slog.Value { return slog.StringValue(r.String()) }

// String describes the configuration with its password redacted.
func (c ControlPlaneConfig) String() string {
	return describe("ControlPlaneConfig", c.redacted())
}

// Format prints String for every verb.
func (c ControlPlaneConfig) Format(f fmt.State, _ rune) { fmt.Fprint(f, c.String()) }

// LogValue makes slog print String.
func (c ControlPlaneConfig) LogValue() slog.Value { return slog.StringValue(c.String()) }

// String describes the request with its password redacted.
func (r ScaleOutClusterRequest) String() string {
	r.LoginPassword = redactString(r.LoginPassword)
	return describe("ScaleOutClusterRequest", r)
}

// Format prints String for every verb.
func (r ScaleOutClusterRequest) Format(f fmt.State, _ rune) { fmt.Fprint(f, r.String()) }

// LogValue makes slog print String.
func (r ScaleOutClusterRequest) LogValue() slog.Value { return slog.StringValue(r.String()) }

// String describes the request with the control plane's password redacted.
func (r ModifyClusterRequest) String() string {
	r.ControlPlaneConfig = redactControlPlane(r.ControlPlaneConfig)
	return describe("ModifyClusterRequest", r)
}

// Format prints String for every verb.
func (r ModifyClusterRequest) Format(f fmt.State, _ rune) { fmt.Fprint(f, r.String()) }

// LogValue makes slog print String.
func (r ModifyClusterRequest) LogValue() slog.Value { return slog.StringValue(r.String()) }

// String describes the scaling group with its password redacted.
func (s ScalingGroup) String() string { return describe("ScalingGroup", s.redacted()) }

// Format prints String for every verb.
func (s ScalingGroup) Format(f fmt.State, _ rune) { fmt.Fprint(f, s.String()) }

// LogValue makes slog print String.
func (s ScalingGroup) LogValue() slog.Value { return slog.StringValue(s.String()) }

// String describes the node pool with its password redacted.
func (n Nodepool) String() string { return describe("Nodepool", n.redacted()) }

// Format prints String for every verb.
func (n Nodepool) Format(f fmt.State, _ rune) { fmt.Fprint(f, n.String()) }

// LogValue makes slog print String.
func (n Nodepool) LogValue() slog.Value { return slog.StringValue(n.String()) }

// String describes the node pool with any password redacted.
func (d NodePoolDetail) String() string {
	d.Nodepool = d.Nodepool.redacted()
	return describe("NodePoolDetail", d)
}

// Format prints String for every verb.
func (d NodePoolDetail) Format(f fmt.State, _ rune) { fmt.Fprint(f, d.String()) }

// LogValue makes slog print String.
func (d NodePoolDetail) LogValue() slog.Value { return slog.StringValue(d.String()) }

// String describes the request with its password redacted.
func (r ModifyNodePoolRequest) String() string {
	r.ScalingGroup = redactScalingGroup(r.ScalingGroup)
	return describe("ModifyNodePoolRequest", r)
}

// Format prints String for every verb.
func (r ModifyNodePoolRequest) Format(f fmt.State, _ rune) { fmt.Fprint(f, r.String()) }

// LogValue makes slog print String.
func (r ModifyNodePoolRequest) LogValue() slog.Value { return slog.StringValue(r.String()) }

// String describes the request with its password redacted.
func (r AttachInstancesRequest) String() string {
	r.Password = redactString(r.Password)
	return describe("AttachInstancesRequest", r)
}

// Format prints String for every verb.
func (r AttachInstancesRequest) Format(f fmt.State, _ rune) { fmt.Fprint(f, r.String()) }

// LogValue makes slog print String.
func (r AttachInstancesRequest) LogValue() slog.Value { return slog.StringValue(r.String()) }

// String describes the answer with the kubeconfig redacted.
func (k KubeconfigResponse) String() string {
	k.Config = redactString(k.Config)
	return describe("KubeconfigResponse", k)
}

// Format prints String for every verb.
func (k KubeconfigResponse) Format(f fmt.State, _ rune) { fmt.Fprint(f, k.String()) }

// LogValue makes slog print String.
func (k KubeconfigResponse) LogValue() slog.Value { return slog.StringValue(k.String()) }
