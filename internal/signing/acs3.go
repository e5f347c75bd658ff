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
	return acs3CanonicalRequest(req, indexHeaders(req.Header), body, signedHeaders)
}

// acs3CanonicalRequest is ACS3CanonicalRequest with the request's header
// index built.
func acs3CanonicalRequest(req *http.Request, idx headerIndex, body []byte, signedHeaders []string) (string, error) {
	query, err := canonicalQueryACS3(req.URL.RawQuery)
	if err != nil {
		return "", fmt.Errorf("acs3 canonical request: decode query of %s: %w", req.URL.Path, err)
	}
	var b strings.Builder
	b.WriteString(req.Method)
	b.WriteByte('\n')
	b.WriteString(canonicalURI(req.URL))
	b.WriteByte('\n')
	b.WriteString(query)
	b.WriteByte('\n')
	for _, name := range signedHeaders {
		var vals []string
		if name == "host" {
			if h := requestHost(req); h != "" {
				vals = []string{h}
			}
		} else {
			vals = slices.Clone(idx[name])
		}
		if len(vals) == 0 {
			return "", &missingHeaderError{name: name}
		}
		slices.Sort(vals)
		b.WriteString(name)
		b.WriteByte(':')
		b.WriteString(strings.Join(vals, ","))
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	b.WriteString(strings.Join(signedHeaders, ";"))
	b.WriteByte('\n')
	b.WriteString(hashHex(body))
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
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

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
	return hex.EncodeToString(b[:]), nil
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
	h := req.Header
	if cred.SecurityToken != "" {
		setHeader(h, "x-acs-security-token", cred.SecurityToken)
	}
	setHeader(h, "x-acs-date", now.UTC().Format(ACS3DateLayout))
	setHeader(h, "x-acs-signature-nonce", nonce)
	setHeader(h, "x-acs-content-sha256", hashHex(body))
	setDefaultHeader(h, "Accept", acs3DefaultAccept)
	if len(body) > 0 {
		setDefaultHeader(h, "Content-Type", acs3DefaultContentType)
	}
	deleteHeader(h, "Authorization")
	signed := ACS3SignedHeaders(req)
	cr, err := ACS3CanonicalRequest(req, body, signed)
	if err != nil {
		return err
	}
	a := authorization{
		scheme:        ACS3,
		accessKeyID:   cred.AccessKeyID,
		signedHeaders: signed,
		signature:     hex.EncodeToString(acs3MAC(cred.AccessKeySecret, ACS3StringToSign(cr))),
	}
	h.Set("Authorization", a.header())
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
	cr, err := acs3CanonicalRequest(req, idx, body, a.signedHeaders)
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
