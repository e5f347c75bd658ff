package cluster

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
)

// TestParseRefusalRoundTrip reads back the text of validation errors that
// the rules really produce, one violation and several.
func TestParseRefusalRoundTrip(t *testing.T) {
	base := Spec{
		Name: "rt", Region: "cn-hangzhou", Form: ManagedPro, VPCID: "vpc-1",
		Network: Network{Plugin: Flannel, PodCIDR: "172.20.0.0/16"},
	}
	tests := []struct {
		name string
		edit func(*Spec)
	}{
		{"one violation", func(s *Spec) { s.Name = "-x" }},
		{"no field", func(s *Spec) { s.Form = 0 }},
		{"several", func(s *Spec) {
			s.Form, s.Masters = Dedicated, &Masters{Count: 4, InstanceTypes: []string{"a", ""}}
			s.Network.NodeCIDRMask, s.ServiceCIDR = 40, "172.20.1.0/24"
		}},
		{"messages with brackets and semicolons", func(s *Spec) {
			s.Network.PodCIDR = "[x]; y"
			s.Tags = make([]Tag, MaxTags+1)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := base.Clone()
			tt.edit(&s)
			var want *ack.ValidationError
			if !errors.As(Validate(s), &want) {
				t.Fatalf("Validate found nothing")
			}
			got, ok := ack.ParseValidationError(want.Error())
			if !ok {
				t.Fatalf("ack.ParseValidationError(%q) failed", want.Error())
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("read back (-want +got):\n%s", diff)
			}
		})
	}
}

// TestParseRefusalRefuses checks messages that are not rule refusals.
func TestParseRefusalRefuses(t *testing.T) {
	for _, msg := range []string{
		"",
		"the request is invalid",
		`cluster "x": invalid: `,
		`cluster "x": invalid: name: too long`,
		`cluster "x": invalid: name: bad [cluster.name.format] and more`,
		`cluster "x": invalid: name: bad [notdotted]`,
	} {
		if ve, ok := ack.ParseValidationError(msg); ok {
			t.Errorf("ack.ParseValidationError(%q) = %+v; want not a refusal", msg, ve)
		}
	}
}

// FuzzParseRefusal checks that any message either fails to parse or
// yields violations that all name a rule, and never panics.
func FuzzParseRefusal(f *testing.F) {
	f.Add(`cluster "x": invalid: name: bad [cluster.name.format]`)
	f.Add(`cluster "x": invalid (2 rules broken): a: b [c.d]; e [f.g]`)
	f.Add(`x: invalid: [a.b]`)
	f.Fuzz(func(t *testing.T, msg string) {
		ve, ok := ack.ParseValidationError(msg)
		if !ok {
			return
		}
		if len(ve.Violations) == 0 {
			t.Fatalf("ack.ParseValidationError(%q) succeeded with no violation", msg)
		}
		for _, v := range ve.Violations {
			if v.Rule == "" {
				t.Fatalf("ack.ParseValidationError(%q): violation %+v names no rule", msg, v)
			}
		}
	})
}
