package signing

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
)

// This file holds the allocation-lean pieces of signing a request: every
// client call signs, so the work per call is kept to what the scheme
// needs. Each piece computes exactly what its general counterpart does,
// which the tests check.

// knownLower maps the canonical spellings of the headers a client sends to
// their lower-case names, so that indexing them allocates no new string.
var knownLower = map[string]string{
	"Accept":                  "accept",
	"Authorization":           "authorization",
	"Content-Type":            "content-type",
	"Content-Md5":             "content-md5",
	"Date":                    "date",
	"User-Agent":              "user-agent",
	"X-Acs-Action":            "x-acs-action",
	"X-Acs-Version":           "x-acs-version",
	"X-Acs-Date":              "x-acs-date",
	"X-Acs-Signature-Nonce":   "x-acs-signature-nonce",
	"X-Acs-Content-Sha256":    "x-acs-content-sha256",
	"X-Acs-Security-Token":    "x-acs-security-token",
	"X-Acs-Signature-Method":  "x-acs-signature-method",
	"X-Acs-Signature-Version": "x-acs-signature-version",
}

// lowerName returns strings.ToLower(k), without allocating for the
// headers clients usually send.
func lowerName(k string) string {
	if l, ok := knownLower[k]; ok {
		return l
	}
	return strings.ToLower(k)
}

// trimmed reports whether no value of vals has surrounding white space.
func trimmed(vals []string) bool {
	for _, v := range vals {
		if len(v) > 0 && (isSpace(v[0]) || isSpace(v[len(v)-1])) {
			return false
		}
	}
	return true
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// dropHeaders deletes every spelling of each of names from h in one pass
// over h.
func dropHeaders(h http.Header, names ...string) {
	headerWork.Add(int64(len(h)))
	for k := range h {
		for _, n := range names {
			if strings.EqualFold(k, n) {
				delete(h, k)
				break
			}
		}
	}
}

// present reports what hasHeader does (the header has a value that is not
// all white space) without collecting the values.
func present(h http.Header, name string) bool {
	headerWork.Add(int64(len(h)))
	for k, vals := range h {
		if !strings.EqualFold(k, name) {
			continue
		}
		for _, v := range vals {
			if strings.TrimSpace(v) != "" {
				return true
			}
		}
	}
	return false
}

// hmacSHA256Hex returns the hex HMAC-SHA256 of msg keyed with key, as
// crypto/hmac computes it, in buffers on the stack for the short strings
// a signature covers.
func hmacSHA256Hex(key, msg string) string {
	const block = sha256.BlockSize
	var k0 [block]byte
	if len(key) > block {
		sum := sha256.Sum256([]byte(key))
		copy(k0[:], sum[:])
	} else {
		copy(k0[:], key)
	}
	var small [block + 256]byte
	inner := small[:0]
	if block+len(msg) > len(small) {
		inner = make([]byte, 0, block+len(msg))
	}
	for _, c := range k0 {
		inner = append(inner, c^0x36)
	}
	inner = append(inner, msg...)
	ih := sha256.Sum256(inner)
	var outer [block + sha256.Size]byte
	for i, c := range k0 {
		outer[i] = c ^ 0x5c
	}
	copy(outer[block:], ih[:])
	sum := sha256.Sum256(outer[:])
	var dst [2 * sha256.Size]byte
	hex.Encode(dst[:], sum[:])
	return string(dst[:])
}

// plainPath reports whether a path holds only unreserved characters and
// slashes, which canonicalURI keeps as they are.
func plainPath(p string) bool {
	for i := 0; i < len(p); i++ {
		if c := p[i]; c != '/' && !isUnreserved(c) {
			return false
		}
	}
	return true
}
