package signing

import (
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
)

// authorization is a parsed Authorization header of either scheme.
// Errors about it never quote the header, which carries the signature.
type authorization struct {
	scheme        Scheme
	accessKeyID   string
	signedHeaders []string // ACS3 only: lower-case, strictly ascending
	signature     string   // ROA v1: base64 of 20 bytes; ACS3: 64 hex digits
}

// Lengths of the raw signatures: HMAC-SHA1 and HMAC-SHA256.
const (
	roaSignatureLen  = 20
	acs3SignatureLen = 32
)

// parseAuthorization parses "acs <id>:<base64>" (ROA v1) or
// "ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<h1;h2>,Signature=<hex>".
// The ACS3 parameters may come in any order, each once, with optional
// spaces after the commas.
func parseAuthorization(v string) (authorization, error) {
	scheme, ok := schemeOfHeader(v)
	if !ok {
		return authorization{}, errors.New("authorization header names neither the acs nor the ACS3-HMAC-SHA256 scheme")
	}
	if scheme == ROAv1 {
		return parseROAAuthorization(strings.TrimPrefix(v, roaPrefix))
	}
	return parseACS3Authorization(strings.TrimPrefix(v, acs3Prefix))
}

func parseROAAuthorization(rest string) (authorization, error) {
	id, sig, ok := strings.Cut(rest, ":")
	if !ok {
		return authorization{}, errors.New("acs authorization header must be \"acs <AccessKeyId>:<Signature>\"")
	}
	if err := checkAccessKeyID(id); err != nil {
		return authorization{}, err
	}
	raw, err := base64.StdEncoding.Strict().DecodeString(sig)
	if err != nil || len(raw) != roaSignatureLen {
		return authorization{}, errors.New("acs authorization signature must be the base64 of a 20-byte HMAC-SHA1")
	}
	return authorization{scheme: ROAv1, accessKeyID: id, signature: sig}, nil
}

func parseACS3Authorization(rest string) (authorization, error) {
	a := authorization{scheme: ACS3}
	seen := map[string]bool{}
	for _, part := range strings.Split(rest, ",") {
		part = strings.TrimLeft(part, " ")
		name, value, ok := strings.Cut(part, "=")
		if !ok {
			return authorization{}, errors.New("ACS3 authorization parameters must be name=value pairs separated by commas")
		}
		if name != "Credential" && name != "SignedHeaders" && name != "Signature" {
			return authorization{}, errors.New("ACS3 authorization has a parameter other than Credential, SignedHeaders and Signature")
		}
		if seen[name] {
			return authorization{}, fmt.Errorf("ACS3 authorization repeats the %s parameter", name)
		}
		seen[name] = true
		switch name {
		case "Credential":
			if err := checkAccessKeyID(value); err != nil {
				return authorization{}, err
			}
			a.accessKeyID = value
		case "SignedHeaders":
			hs, err := parseSignedHeaders(value)
			if err != nil {
				return authorization{}, err
			}
			a.signedHeaders = hs
		case "Signature":
			raw, err := hex.DecodeString(value)
			if err != nil || len(raw) != acs3SignatureLen || strings.ToLower(value) != value {
				return authorization{}, errors.New("ACS3 authorization signature must be 64 lower-case hex digits")
			}
			a.signature = value
		}
	}
	for _, name := range []string{"Credential", "SignedHeaders", "Signature"} {
		if !seen[name] {
			return authorization{}, fmt.Errorf("ACS3 authorization lacks the %s parameter", name)
		}
	}
	return a, nil
}

// parseSignedHeaders parses "h1;h2;...": lower-case header names, strictly
// ascending (so without duplicates), none empty.
func parseSignedHeaders(v string) ([]string, error) {
	names := strings.Split(v, ";")
	for i, n := range names {
		if n == "" || !isLowerToken(n) {
			return nil, errors.New("ACS3 SignedHeaders must list lower-case header names separated by \";\"")
		}
		if i > 0 && names[i-1] >= n {
			return nil, errors.New("ACS3 SignedHeaders must be sorted and without duplicates")
		}
	}
	return names, nil
}

// isLowerToken reports whether s is an HTTP header name (RFC 9110 token)
// without upper-case letters.
func isLowerToken(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0:
		default:
			return false
		}
	}
	return s != ""
}

// checkAccessKeyID accepts a non-empty run of printable ASCII without the
// characters the Authorization headers use as separators.
func checkAccessKeyID(id string) error {
	if id == "" {
		return errors.New("access key ID is empty")
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte(",:;=", c) >= 0 {
			return errors.New("access key ID must be printable ASCII without spaces, \",\", \":\", \";\" or \"=\"")
		}
	}
	return nil
}

// header formats the Authorization header value; parseAuthorization of the
// result returns a.
func (a authorization) header() string {
	if a.scheme == ROAv1 {
		return roaPrefix + a.accessKeyID + ":" + a.signature
	}
	var b strings.Builder
	n := len(acs3Prefix) + len("Credential=,SignedHeaders=,Signature=") + len(a.accessKeyID) + len(a.signature)
	for _, h := range a.signedHeaders {
		n += len(h) + 1
	}
	b.Grow(n)
	b.WriteString(acs3Prefix)
	b.WriteString("Credential=")
	b.WriteString(a.accessKeyID)
	b.WriteString(",SignedHeaders=")
	for i, h := range a.signedHeaders {
		if i > 0 {
			b.WriteByte(';')
		}
		b.WriteString(h)
	}
	b.WriteString(",Signature=")
	b.WriteString(a.signature)
	return b.String()
}
