package ack

import (
	"fmt"
	"log/slog"
)

// Redacted is what a Secret prints, logs and marshals as.
const Redacted = "[redacted]"

// Secret holds a sensitive string: an AccessKey secret, a password, a
// kubeconfig. It formats with every fmt verb, logs with slog and marshals to
// JSON and text as "[redacted]". Reveal returns the value; call it only
// where the value must leave the process (signing, a request body).
type Secret string

// Reveal returns the secret's value.
func (s Secret) Reveal() string { return string(s) }

// IsZero reports whether the secret is empty.
func (s Secret) IsZero() bool { return s == "" }

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
