package fake

import (
	"slices"

	"github.com/ackgo/ack/internal/wire"
)

// Deep copies of the wire values a cluster keeps beyond its Spec, made
// field by field: they are copied on every read of the cluster.

// cloneBool copies a *bool.
func cloneBool(b *bool) *bool {
	if b == nil {
		return nil
	}
	v := *b
	return &v
}

// cloneOperationPolicy copies an operation policy.
func cloneOperationPolicy(p *wire.OperationPolicy) *wire.OperationPolicy {
	if p == nil {
		return nil
	}
	c := *p
	c.ClusterAutoUpgrade = cloneAutoUpgrade(p.ClusterAutoUpgrade)
	return &c
}

// cloneAutoUpgrade copies an automatic upgrade setting.
func cloneAutoUpgrade(a *wire.ClusterAutoUpgrade) *wire.ClusterAutoUpgrade {
	if a == nil {
		return nil
	}
	c := *a
	c.Enabled = cloneBool(a.Enabled)
	return &c
}

// cloneEndpoints copies a control plane endpoints configuration.
func cloneEndpoints(e *wire.ControlPlaneEndpointsConfig) *wire.ControlPlaneEndpointsConfig {
	if e == nil {
		return nil
	}
	c := *e
	if d := e.InternalDNSConfig; d != nil {
		dc := *d
		dc.Enabled = cloneBool(d.Enabled)
		dc.BindVPCs = slices.Clone(d.BindVPCs)
		c.InternalDNSConfig = &dc
	}
	return &c
}
