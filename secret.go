package ack

import (
	"crypto/subtle"
	"fmt"
	"log/slog"
)

// Redacted is what a Secret prints, logs and marshals as.
const Redacted = "[redacted]"

// Secret holds a sensitive string: an AccessKey secret, a password, a
// kubeconfig. It formats with every fmt verb, logs with slog and marshals to
// JSON and text as "[redacted]". Reveal returns the value; call it only
// where the value must leave the process (signing, a request body).
//
// The value sits behind a pointer, so that it stays hidden even where fmt
// cannot call Secret's methods: in an unexported field of a caller's struct
// printed with %v or %+v, fmt shows the pointer's address, never the text.
// Build one with NewSecret; the zero value is the empty secret. Secrets are
// immutable and compare with Equal (which go-cmp uses), not ==.
type Secret struct{ v *string }

// NewSecret returns a Secret holding s; an empty s gives the zero Secret.
func NewSecret(s string) Secret {
	if s == "" {
		return Secret{}
	}
	return Secret{v: &s}
}

// Reveal returns the secret's value.
func (s Secret) Reveal() string {
	if s.v == nil {
		return ""
	}
	return *s.v
}

// IsZero reports whether the secret is empty.
func (s Secret) IsZero() bool { return s.v == nil || *s.v == "" }

// Equal reports whether s and o hold the same value, in constant time.
func (s Secret) Equal(o Secret) bool {
	return subtle.ConstantTimeCompare([]byte(s.Reveal()), []byte(o.Reveal())) == 1
}

// String returns "[redacted]".
func (s Secret) String() string { return Redacted }

// GoString returns "[redacted]", for %#v.
func (s Secret) GoString() string { return Redacted }

// Format prints "[redacted]" for every verb.
func (s Secret) Format(f fmt.State, verb rune) {
	if verb == 'q' {
		fmt.Fprintf(f, "%q", Redacted)
		return
	}
	fmt.Fprint(f, Redacted)
}

// LogValue makes slog print "[redacted]".
func (s Secret) LogValue() slog.Value { return slog.StringValue(Redacted) }

// MarshalText returns "[redacted]", so that JSON, YAML and text encoders
// never see the value.
func (s Secret) MarshalText() ([]byte, error) { return []byte(Redacted), nil }

// MarshalJSON returns "[redacted]" as a JSON string.
func (s Secret) MarshalJSON() ([]byte, error) { return []byte(`"` + Redacted + `"`), nil }

// UnmarshalText reads a plain value into the Secret, so that a secret can
// be loaded from a JSON or text file; what MarshalText writes back is
// "[redacted]", never the value.
func (s *Secret) UnmarshalText(b []byte) error {
	*s = NewSecret(string(b))
	return nil
}
