package fake

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/internal/wire"
)

// TestCopies checks that the copies equal their originals and share
// nothing with them: changing every field of a copy leaves the original
// as it was.
func TestCopies(t *testing.T) {
	policy := func() *wire.OperationPolicy {
		return &wire.OperationPolicy{ClusterAutoUpgrade: &wire.ClusterAutoUpgrade{Enabled: wire.Bool(true), Channel: "stable"}}
	}
	endpoints := func() *wire.ControlPlaneEndpointsConfig {
		return &wire.ControlPlaneEndpointsConfig{InternalDNSConfig: &wire.InternalDNSConfig{Enabled: wire.Bool(false), BindVPCs: []string{"vpc-1", "vpc-2"}}}
	}
	tests := []struct {
		name   string
		orig   func() any
		copy   func(v any) any
		scrawl func(v any) // changes every field of a copy in place
	}{
		{"policy", func() any { return policy() },
			func(v any) any { return cloneOperationPolicy(v.(*wire.OperationPolicy)) },
			func(v any) {
				p := v.(*wire.OperationPolicy)
				*p.ClusterAutoUpgrade.Enabled, p.ClusterAutoUpgrade.Channel = false, "rapid"
			}},
		{"empty policy", func() any { return &wire.OperationPolicy{} },
			func(v any) any { return cloneOperationPolicy(v.(*wire.OperationPolicy)) },
			func(v any) { v.(*wire.OperationPolicy).ClusterAutoUpgrade = &wire.ClusterAutoUpgrade{} }},
		{"nil policy", func() any { return (*wire.OperationPolicy)(nil) },
			func(v any) any { return cloneOperationPolicy(v.(*wire.OperationPolicy)) },
			func(any) {}},
		{"endpoints", func() any { return endpoints() },
			func(v any) any { return cloneEndpoints(v.(*wire.ControlPlaneEndpointsConfig)) },
			func(v any) {
				d := v.(*wire.ControlPlaneEndpointsConfig).InternalDNSConfig
				*d.Enabled, d.BindVPCs[0] = true, "vpc-9"
			}},
		{"nil endpoints", func() any { return (*wire.ControlPlaneEndpointsConfig)(nil) },
			func(v any) any { return cloneEndpoints(v.(*wire.ControlPlaneEndpointsConfig)) },
			func(any) {}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			orig := tt.orig()
			c := tt.copy(orig)
			if diff := cmp.Diff(orig, c); diff != "" {
				t.Fatalf("copy differs (-original +copy):\n%s", diff)
			}
			tt.scrawl(c)
			if diff := cmp.Diff(tt.orig(), orig); diff != "" {
				t.Fatalf("changing the copy changed the original (-before +after):\n%s", diff)
			}
		})
	}
}
