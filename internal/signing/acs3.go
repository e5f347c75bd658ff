package signing

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strings"
	"time"
)

// ACS3DateLayout is the time layout of the x-acs-date header that Sign
// writes (ISO 8601, UTC, one-second resolution). Verify accepts any RFC 3339
// time.
const ACS3DateLayout = "2006-01-02T15:04:05Z"

const (
	acs3Algorithm = "ACS3-HMAC-SHA256"
	// acs3DefaultAccept and acs3DefaultContentType are what the Tea SDKs
	// send for a JSON API; the content type is added only with a body.
	acs3DefaultAccept      = "application/json"
	acs3DefaultContentType = "application/json; charset=utf-8"
)

// ACS3SignedHeaders returns the header names ACS3 signs for req as it
// stands: "host", "content-type" when the request has one, and every
// x-acs-* header, lower-cased and sorted.
func ACS3SignedHeaders(req *http.Request) []string {
	return acs3SignedHeaders(indexHeaders(req.Header))
}

// acs3SignedHeaders is ACS3SignedHeaders of a request's header index.
func acs3SignedHeaders(idx headerIndex) []string {
	names := idx.acsNames()
	names = append(names, "host")
	if _, ok := idx.value("content-type"); ok {
		names = append(names, "content-type")
	}
	sort.Strings(names)
	return names
}

// ACS3CanonicalRequest returns the ACS3 canonical request of req:
//
//	METHOD "\n" CanonicalURI "\n" CanonicalQueryString "\n"
//	CanonicalHeaders "\n" SignedHeaders "\n" HashedPayload
//
// CanonicalURI is the path, each segment RFC 3986-encoded ("/" when empty);
// CanonicalQueryString has keys and values RFC 3986-encoded, sorted, joined
// by "&"; CanonicalHeaders is "name:value\n" for each name of signedHeaders
// in the order given, with the values of a repeated header trimmed, sorted
// and joined by ","; SignedHeaders is signedHeaders joined by ";";
// HashedPayload is the hex SHA-256 of body. "host" is read from req.Host
// (or the URL). It fails when the query cannot be decoded or a signed header
// is missing from req.
func ACS3CanonicalRequest(req *http.Request, body []byte, signedHeaders []string) (string, error) {
	if req == nil || req.URL == nil {
		return "", errors.New("acs3 canonical request: request has no URL")
	}
	return acs3CanonicalRequest(req, indexHeaders(req.Header), hashHex(body), signedHeaders)
}

// acs3CanonicalRequest is ACS3CanonicalRequest with the request's header
// index built and the body hashed (hex SHA-256).
func acs3CanonicalRequest(req *http.Request, idx headerIndex, payloadHash string, signedHeaders []string) (string, error) {
	query, err := canonicalQueryACS3(req.URL.RawQuery)
	if err != nil {
		return "", fmt.Errorf("acs3 canonical request: decode query of %s: %w", req.URL.Path, err)
	}
	var b strings.Builder
	b.Grow(256 + len(query))
	b.WriteString(req.Method)
	b.WriteByte('\n')
	b.WriteString(canonicalURI(req.URL))
	b.WriteByte('\n')
	b.WriteString(query)
	b.WriteByte('\n')
	for _, name := range signedHeaders {
		var value string
		if name == "host" {
			value = requestHost(req)
		} else if vals := idx[name]; len(vals) == 1 {
			value = vals[0]
		} else if len(vals) > 1 {
			vals = slices.Clone(vals)
			slices.Sort(vals)
			value = strings.Join(vals, ",")
		} else {
			value = ""
		}
		if value == "" && (name == "host" || len(idx[name]) == 0) {
			return "", &missingHeaderError{name: name}
		}
		b.WriteString(name)
		b.WriteByte(':')
		b.WriteString(value)
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	for i, name := range signedHeaders {
		if i > 0 {
			b.WriteByte(';')
		}
		b.WriteString(name)
	}
	b.WriteByte('\n')
	b.WriteString(payloadHash)
	return b.String(), nil
}

// missingHeaderError reports a signed header absent from the request.
type missingHeaderError struct{ name string }

func (e *missingHeaderError) Error() string {
	return "acs3 canonical request: signed header " + e.name + " is missing from the request"
}

// ACS3StringToSign returns "ACS3-HMAC-SHA256\n" followed by the hex SHA-256
// of canonicalRequest.
func ACS3StringToSign(canonicalRequest string) string {
	return acs3Algorithm + "\n" + hashHex([]byte(canonicalRequest))
}

func hashHex(b []byte) string {
	if len(b) == 0 {
		return emptyHashHex // every GET and DELETE
	}
	sum := sha256.Sum256(b)
	var dst [2 * sha256.Size]byte
	hex.Encode(dst[:], sum[:])
	return string(dst[:])
}

// emptyHashHex is the hex SHA-256 of no bytes.
const emptyHashHex = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

// acs3MAC returns the raw HMAC-SHA256 of stringToSign keyed with secret.
func acs3MAC(secret, stringToSign string) []byte {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(stringToSign))
	return m.Sum(nil)
}

// newNonce returns 16 random bytes in hex.
func newNonce() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("make x-acs-signature-nonce: %w", err)
	}
	var dst [32]byte
	hex.Encode(dst[:], b[:])
	return string(dst[:]), nil
}

// signACS3 completes and signs req with the ACS3-HMAC-SHA256 scheme.
func signACS3(req *http.Request, body []byte, cred Credentials, now time.Time, nonce string) error {
	if requestHost(req) == "" {
		return errors.New("request has no host to sign")
	}
	if nonce == "" {
		var err error
		if nonce, err = newNonce(); err != nil {
			return err
		}
	}
	// What follows sets the headers as setHeader and setDefaultHeader
	// would (every other spelling of a name dropped, then the canonical
	// one set), in fewer passes over the header.
	h := req.Header
	payload := hashHex(body)
	// The values Sign sets share one backing array, each with no room
	// to append into another's.
	vals := make([]string, 5)
	one := func(i int, v string) []string { vals[i] = v; return vals[i : i+1 : i+1] }
	if cred.SecurityToken != "" {
		dropHeaders(h, "x-acs-security-token", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256", "authorization")
		h["X-Acs-Security-Token"] = one(4, cred.SecurityToken)
	} else {
		dropHeaders(h, "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256", "authorization")
	}
	h["X-Acs-Date"] = one(0, now.UTC().Format(ACS3DateLayout))
	h["X-Acs-Signature-Nonce"] = one(1, nonce)
	h["X-Acs-Content-Sha256"] = one(2, payload)
	if !present(h, "Accept") {
		setHeader(h, "Accept", acs3DefaultAccept)
	}
	if len(body) > 0 && !present(h, "Content-Type") {
		setHeader(h, "Content-Type", acs3DefaultContentType)
	}
	idx := indexHeaders(h)
	signed := acs3SignedHeaders(idx)
	cr, err := acs3CanonicalRequest(req, idx, payload, signed)
	if err != nil {
		return err
	}
	sum := sha256.Sum256([]byte(cr))
	var sts [len(acs3Algorithm) + 1 + 2*sha256.Size]byte
	copy(sts[:], acs3Algorithm+"\n")
	hex.Encode(sts[len(acs3Algorithm)+1:], sum[:])
	a := authorization{
		scheme:        ACS3,
		accessKeyID:   cred.AccessKeyID,
		signedHeaders: signed,
		signature:     hmacSHA256Hex(cred.AccessKeySecret, string(sts[:])),
	}
	h["Authorization"] = one(3, a.header())
	return nil
}

// acs3Required lists the headers an ACS3 signature must cover.
var acs3Required = []string{"host", "x-acs-date", "x-acs-signature-nonce"}

// verifyACS3 checks a request whose Authorization header parsed as ACS3.
// It returns the request's nonce and signed date.
func verifyACS3(req *http.Request, body []byte, a authorization, lookup func(string) (string, bool), now time.Time) (string, time.Time, *VerifyError) {
	for _, name := range acs3Required {
		if !slices.Contains(a.signedHeaders, name) {
			return "", time.Time{}, refuse(CodeIncompleteSignature, "ACS3 SignedHeaders must include "+name)
		}
	}
	// Every header that steers the request must be covered by the
	// signature. The lists are checked against each other through a set,
	// not by scanning one for each name of the other.
	idx := indexHeaders(req.Header)
	signed := make(map[string]bool, len(a.signedHeaders))
	headerWork.Add(int64(len(a.signedHeaders)))
	for _, name := range a.signedHeaders {
		signed[name] = true
	}
	for _, name := range acs3SignedHeaders(idx) {
		if !signed[name] {
			return "", time.Time{}, refuse(CodeIncompleteSignature, "header "+name+" is present but not listed in ACS3 SignedHeaders")
		}
	}
	dateValue, _ := idx.value("x-acs-date")
	if dateValue == "" {
		return "", time.Time{}, refuse(CodeIncompleteSignature, "ACS3-signed request lacks the x-acs-date header")
	}
	t, err := time.Parse(time.RFC3339, dateValue)
	if err != nil {
		return "", time.Time{}, refuse(CodeIncompleteSignature, "x-acs-date header "+quote(dateValue)+" is not an ISO 8601 time")
	}
	if e := checkSkew("x-acs-date", t, now); e != nil {
		return "", time.Time{}, e
	}
	nonce, _ := idx.value("x-acs-signature-nonce")
	if nonce == "" {
		return "", time.Time{}, refuse(CodeIncompleteSignature, "ACS3-signed request lacks the x-acs-signature-nonce header")
	}
	if v, ok := idx.value("x-acs-content-sha256"); ok && v != hashHex(body) {
		return "", time.Time{}, refuse(CodeSignatureMismatch, "x-acs-content-sha256 header does not match the request body")
	}
	secret, ok := lookup(a.accessKeyID)
	if !ok {
		return "", time.Time{}, refuse(CodeInvalidAccessKeyID, "access key ID "+quote(a.accessKeyID)+" is not known")
	}
	cr, err := acs3CanonicalRequest(req, idx, hashHex(body), a.signedHeaders)
	if err != nil {
		var missing *missingHeaderError
		if errors.As(err, &missing) {
			return "", time.Time{}, refuse(CodeIncompleteSignature, "signed header "+missing.name+" is missing from the request")
		}
		return "", time.Time{}, refuse(CodeIncompleteSignature, "request query cannot be decoded for signing")
	}
	sent, _ := hex.DecodeString(a.signature) // checked by parseAuthorization
	if !hmac.Equal(sent, acs3MAC(secret, ACS3StringToSign(cr))) {
		return "", time.Time{}, refuse(CodeSignatureMismatch, "ACS3 signature does not match the request as received")
	}
	return nonce, t, nil
}
