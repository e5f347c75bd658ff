package signing

import (
	"fmt"
	"strconv"
)

// redacted is what a secret or token prints as.
const redacted = "[redacted]"

// Credentials is an AccessKey pair, optionally with an STS security token.
// It formats with every fmt verb (and String/GoString) with the secret and
// the token replaced by "[redacted]"; only the key ID is shown.
//
// A Credentials value held in an unexported struct field is printed by fmt
// through reflection, bypassing these methods; keep it in exported fields or
// behind a pointer to a type that formats itself.
type Credentials struct {
	// AccessKeyID identifies the key; it is sent in the Authorization header.
	AccessKeyID string
	// AccessKeySecret is the HMAC key. It never leaves the process.
	AccessKeySecret string
	// SecurityToken is the STS token of temporary credentials; when set it
	// is sent, and signed, as the x-acs-security-token header.
	SecurityToken string
}

// String returns the credentials with the secret and token redacted.
func (c Credentials) String() string {
	return "{AccessKeyID:" + c.AccessKeyID +
		" AccessKeySecret:" + redact(c.AccessKeySecret) +
		" SecurityToken:" + redact(c.SecurityToken) + "}"
}

// GoString returns a Go-syntax form of the credentials, for %#v, with the
// secret and token redacted.
func (c Credentials) GoString() string {
	return "signing.Credentials{AccessKeyID:" + strconv.Quote(c.AccessKeyID) +
		", AccessKeySecret:" + strconv.Quote(redact(c.AccessKeySecret)) +
		", SecurityToken:" + strconv.Quote(redact(c.SecurityToken)) + "}"
}

// Format implements fmt.Formatter so that no verb or flag prints the secret
// or the token: %#v prints GoString, %q a quoted String, every other verb
// String.
func (c Credentials) Format(f fmt.State, verb rune) {
	switch {
	case verb == 'v' && f.Flag('#'):
		_, _ = fmt.Fprint(f, c.GoString())
	case verb == 'q':
		_, _ = fmt.Fprint(f, strconv.Quote(c.String()))
	default:
		_, _ = fmt.Fprint(f, c.String())
	}
}

// redact hides a non-empty value and keeps an empty one visible, so that a
// reader can still tell whether a token was configured.
func redact(s string) string {
	if s == "" {
		return ""
	}
	return redacted
}
