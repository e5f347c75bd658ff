package cluster

import (
	"context"
	"fmt"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/optfn"
	"github.com/ackgo/ack/internal/wire"
)

// Bounds of KubeconfigOptions.Temporary (API reference,
// DescribeClusterUserKubeconfig TemporaryDurationMinutes: 15 to 4320).
const (
	MinKubeconfigDuration = 15 * time.Minute
	MaxKubeconfigDuration = 72 * time.Hour
)

// RuleKubeconfigDuration is the rule a temporary duration outside
// [MinKubeconfigDuration, MaxKubeconfigDuration] breaks.
const RuleKubeconfigDuration = "cluster.kubeconfig.duration"

// KubeconfigOptions adjust one Kubeconfig call.
type KubeconfigOptions struct {
	// Private asks for the API server's endpoint inside the VPC instead of
	// the public one.
	Private bool
	// Temporary asks for a kubeconfig valid this long, rounded up to whole
	// minutes, between MinKubeconfigDuration and MaxKubeconfigDuration;
	// zero asks for ACK's long-lived one.
	Temporary time.Duration
}

// Kubeconfig is a cluster's kubeconfig. Config holds credentials: it
// prints as "[redacted]"; Reveal returns the YAML.
type Kubeconfig struct {
	// Config is the kubeconfig YAML.
	Config ack.Secret
	// Expiration is when its credentials expire; zero when ACK did not
	// say.
	Expiration time.Time
	// RequestID identifies the call that fetched it.
	RequestID string
}

// Size returns the length of the kubeconfig in bytes, so that a program
// can report it without revealing it.
func (k *Kubeconfig) Size() int { return len(k.Config.Reveal()) }

// Kubeconfig fetches a kubeconfig of the cluster for the caller
// (DescribeClusterUserKubeconfig). A Temporary duration out of bounds is
// refused before any call with a *ack.ValidationError.
func (c *Client) Kubeconfig(ctx context.Context, id string, optFns ...func(*KubeconfigOptions)) (*Kubeconfig, error) {
	o := optfn.Apply(optFns)
	fail := func(err error) (*Kubeconfig, error) { return nil, opError("cluster", id, "kubeconfig", err) }
	if err := checkID("cluster", id); err != nil {
		return fail(err)
	}
	minutes := int64((o.Temporary + time.Minute - 1) / time.Minute)
	if err := ValidateKubeconfigDuration(id, o.Temporary); err != nil {
		return nil, err
	}
	req := wire.NewRequest(wire.ActionDescribeClusterUserKubeconfig, id)
	req.Query = wire.KubeconfigQuery{PrivateIPAddress: o.Private, TemporaryDurationMinutes: minutes}.Query()
	resp, err := c.do(ctx, req)
	if err != nil {
		return fail(err)
	}
	out, err := wire.Decode[wire.KubeconfigResponse](resp.Body)
	if err != nil {
		return fail(err)
	}
	return &Kubeconfig{Config: ack.NewSecret(out.Config), Expiration: parseTime(out.Expiration), RequestID: resp.RequestID}, nil
}

// ValidateKubeconfigDuration checks the temporary duration of a kubeconfig
// of cluster id: zero (not temporary) or MinKubeconfigDuration to
// MaxKubeconfigDuration. It returns a *ack.ValidationError under
// RuleKubeconfigDuration. The client checks before the call; the fake
// checks the TemporaryDurationMinutes it receives with the same function.
func ValidateKubeconfigDuration(id string, d time.Duration) error {
	if d == 0 || (d >= MinKubeconfigDuration && d <= MaxKubeconfigDuration) {
		return nil
	}
	return &ack.ValidationError{Resource: "cluster " + id + " kubeconfig", Violations: []ack.Violation{{
		Rule: RuleKubeconfigDuration, Field: "temporary_duration_minutes",
		Message: fmt.Sprintf("is %s; a temporary kubeconfig lasts %s to %s", d, MinKubeconfigDuration, MaxKubeconfigDuration),
	}}}
}
