package ack

import (
	"fmt"
	"strconv"
	"time"

	"github.com/ackgo/ack/internal/signing"
)

// StaticCredentials is a fixed AccessKey pair, optionally with an STS
// security token, for LoadConfig. Without it LoadConfig uses the Alibaba
// Cloud default credential chain. It prints with every fmt verb with the
// secret and the token as "[redacted]".
type StaticCredentials struct {
	// AccessKeyID identifies the key.
	AccessKeyID string
	// AccessKeySecret is the key's secret.
	AccessKeySecret Secret
	// SecurityToken is the STS token of temporary credentials, if any.
	SecurityToken Secret
}

// String shows the key ID; the secret and the token are redacted (an empty
// one shows as empty, so a reader can tell whether it was set).
func (c StaticCredentials) String() string {
	return "{AccessKeyID:" + c.AccessKeyID + " AccessKeySecret:" + redacted(c.AccessKeySecret) +
		" SecurityToken:" + redacted(c.SecurityToken) + "}"
}

// GoString is String in Go syntax, for %#v.
func (c StaticCredentials) GoString() string {
	return "ack.StaticCredentials{AccessKeyID:" + strconv.Quote(c.AccessKeyID) +
		", AccessKeySecret:" + strconv.Quote(redacted(c.AccessKeySecret)) +
		", SecurityToken:" + strconv.Quote(redacted(c.SecurityToken)) + "}"
}

// Format prints GoString for %#v and String for every other verb.
func (c StaticCredentials) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('#') {
		fmt.Fprint(f, c.GoString())
		return
	}
	fmt.Fprint(f, c.String())
}

func redacted(s Secret) string {
	if s.IsZero() {
		return ""
	}
	return s.String()
}

// SigningScheme selects how LoadConfig's transport signs requests.
type SigningScheme int

const (
	// SigningACS3 is ACS3-HMAC-SHA256, the current scheme of the Alibaba
	// Cloud SDKs; the default.
	SigningACS3 SigningScheme = iota
	// SigningROAv1 is the older HMAC-SHA1 ROA scheme.
	SigningROAv1
)

// String returns "ACS3" or "ROAv1".
func (s SigningScheme) String() string {
	switch s {
	case SigningACS3:
		return "ACS3"
	case SigningROAv1:
		return "ROAv1"
	}
	return "SigningScheme(" + strconv.Itoa(int(s)) + ")"
}

func (s SigningScheme) internal() (signing.Scheme, error) {
	switch s {
	case SigningACS3:
		return signing.ACS3, nil
	case SigningROAv1:
		return signing.ROAv1, nil
	}
	return 0, fmt.Errorf("ack config: unknown signing scheme %d: use SigningACS3 or SigningROAv1", int(s))
}

// HTTPTimeouts bound the phases of LoadConfig's HTTP connections; zero
// fields take the real transport's defaults. The whole of one attempt is
// bounded by Options.AttemptTimeout and the call's context.
type HTTPTimeouts struct {
	// Dial bounds opening the TCP connection.
	Dial time.Duration
	// TLSHandshake bounds the TLS handshake.
	TLSHandshake time.Duration
	// ResponseHeader bounds the wait for the response's headers after the
	// request was written.
	ResponseHeader time.Duration
}
