package ack_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
)

// TestSecretHiddenInUnexportedFields checks that a Secret stays redacted
// where fmt cannot call its methods: inside an unexported field of a
// caller's own struct, directly, in a cluster.Spec and in static
// credentials, under every verb that walks structs.
func TestSecretHiddenInUnexportedFields(t *testing.T) {
	const pw = "Sup3r-Secret-Pw"
	type holder struct {
		secret ack.Secret
		spec   cluster.Spec
		creds  ack.StaticCredentials
		ptr    *ack.Secret
	}
	s := ack.NewSecret(pw)
	h := holder{
		secret: s,
		spec:   cluster.Spec{Name: "c", Login: cluster.Login{Password: s}},
		creds:  ack.StaticCredentials{AccessKeyID: "id", AccessKeySecret: s, SecurityToken: s},
		ptr:    &s,
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X"} {
		for name, v := range map[string]any{"holder": h, "pointer to holder": &h, "slice": []holder{h}, "map": map[string]holder{"k": h}} {
			got := fmt.Sprintf(verb, v)
			for _, leak := range []string{pw, fmt.Sprintf("%x", pw), fmt.Sprintf("%X", pw)} {
				if strings.Contains(got, leak) {
					t.Errorf("%s of a %s prints the secret: %s", verb, name, got)
				}
			}
		}
	}
	if s.Reveal() != pw || !s.Equal(ack.NewSecret(pw)) || s.Equal(ack.NewSecret("other")) {
		t.Errorf("the secret's value is not kept: Reveal = %q", s.Reveal())
	}
	if !(ack.Secret{}).IsZero() || !ack.NewSecret("").IsZero() || s.IsZero() {
		t.Error("IsZero is wrong for the zero, the empty and a set secret")
	}
}
