package signing

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// ROA v1 header values.
const (
	roaSignatureMethod  = "HMAC-SHA1"
	roaSignatureVersion = "1.0"
	// roaDefaultAccept and roaDefaultContentType are what the official Go
	// SDK sends when the caller sets neither (its JSON accept format, and
	// its "raw" content type).
	roaDefaultAccept      = "application/json"
	roaDefaultContentType = "application/octet-stream"
)

// ROAStringToSign returns the ROA v1 string to sign of req as it stands:
//
//	METHOD "\n"
//	then each of Accept, Content-MD5, Content-Type, Date that is present
//	and non-empty, followed by "\n"
//	then every x-acs-* header, names lower-cased and sorted, "name:value\n"
//	then the unencoded path, and "?" with the decoded query sorted by key,
//	"key=value" joined by "&", a key with an empty value written bare.
//
// Header values are trimmed; several values of one header are joined by
// ",". It reads the path and query from req.URL, so it works on a request
// built by a client and on one received by an http.Server alike. It fails
// only when the query cannot be decoded.
func ROAStringToSign(req *http.Request) (string, error) {
	if req == nil || req.URL == nil {
		return "", errors.New("roa string to sign: request has no URL")
	}
	resource, err := resourceROA(req.URL)
	if err != nil {
		return "", fmt.Errorf("roa string to sign: decode query of %s: %w", req.URL.Path, err)
	}
	idx := indexHeaders(req.Header)
	var b strings.Builder
	b.WriteString(req.Method)
	b.WriteByte('\n')
	for _, name := range []string{"accept", "content-md5", "content-type", "date"} {
		if v, _ := idx.value(name); v != "" {
			b.WriteString(v)
			b.WriteByte('\n')
		}
	}
	for _, name := range idx.acsNames() {
		v, _ := idx.value(name)
		b.WriteString(name)
		b.WriteByte(':')
		b.WriteString(v)
		b.WriteByte('\n')
	}
	b.WriteString(resource)
	return b.String(), nil
}

// roaMAC returns the raw HMAC-SHA1 of stringToSign keyed with secret.
func roaMAC(secret, stringToSign string) []byte {
	m := hmac.New(sha1.New, []byte(secret))
	m.Write([]byte(stringToSign))
	return m.Sum(nil)
}

// contentMD5 returns the Content-MD5 header value of body: base64 of its MD5.
func contentMD5(body []byte) string {
	sum := md5.Sum(body)
	return base64.StdEncoding.EncodeToString(sum[:])
}

// signROA completes and signs req with the ROA v1 scheme.
func signROA(req *http.Request, body []byte, cred Credentials, date string) error {
	h := req.Header
	if cred.SecurityToken != "" {
		setHeader(h, "x-acs-security-token", cred.SecurityToken)
	}
	setHeader(h, "Date", date)
	setHeader(h, "x-acs-signature-method", roaSignatureMethod)
	setHeader(h, "x-acs-signature-version", roaSignatureVersion)
	setHeader(h, "Content-MD5", contentMD5(body))
	setDefaultHeader(h, "Accept", roaDefaultAccept)
	setDefaultHeader(h, "Content-Type", roaDefaultContentType)
	deleteHeader(h, "Authorization")
	sts, err := ROAStringToSign(req)
	if err != nil {
		return err
	}
	sig := base64.StdEncoding.EncodeToString(roaMAC(cred.AccessKeySecret, sts))
	a := authorization{scheme: ROAv1, accessKeyID: cred.AccessKeyID, signature: sig}
	h.Set("Authorization", a.header())
	return nil
}

// verifyROA checks a request whose Authorization header parsed as ROA v1.
// It returns the request's signed date.
func verifyROA(req *http.Request, body []byte, a authorization, lookup func(string) (string, bool), now time.Time) (time.Time, *VerifyError) {
	date, ok := headerValue(req.Header, "Date")
	if !ok || date == "" {
		return time.Time{}, refuse(CodeIncompleteSignature, "acs-signed request lacks the Date header")
	}
	t, err := http.ParseTime(date)
	if err != nil {
		return time.Time{}, refuse(CodeIncompleteSignature, "Date header "+quote(date)+" is not an HTTP date")
	}
	if e := checkSkew("Date", t, now); e != nil {
		return time.Time{}, e
	}
	if v, ok := headerValue(req.Header, "x-acs-signature-method"); ok && v != roaSignatureMethod {
		return time.Time{}, refuse(CodeIncompleteSignature, "x-acs-signature-method must be "+roaSignatureMethod+" for the acs scheme")
	}
	if v, ok := headerValue(req.Header, "x-acs-signature-version"); ok && v != roaSignatureVersion {
		return time.Time{}, refuse(CodeIncompleteSignature, "x-acs-signature-version must be "+roaSignatureVersion+" for the acs scheme")
	}
	if md5v, ok := headerValue(req.Header, "Content-MD5"); ok {
		if md5v != contentMD5(body) {
			return time.Time{}, refuse(CodeSignatureMismatch, "Content-MD5 header does not match the request body")
		}
	} else if len(body) > 0 {
		return time.Time{}, refuse(CodeIncompleteSignature, "acs-signed request with a body lacks the Content-MD5 header")
	}
	secret, ok := lookup(a.accessKeyID)
	if !ok {
		return time.Time{}, refuse(CodeInvalidAccessKeyID, "access key ID "+quote(a.accessKeyID)+" is not known")
	}
	sts, err := ROAStringToSign(req)
	if err != nil {
		return time.Time{}, refuse(CodeIncompleteSignature, "request query cannot be decoded for signing")
	}
	sent, _ := base64.StdEncoding.DecodeString(a.signature) // checked by parseAuthorization
	if !hmac.Equal(sent, roaMAC(secret, sts)) {
		return time.Time{}, refuse(CodeSignatureMismatch, "acs signature does not match the request as received")
	}
	return t, nil
}
