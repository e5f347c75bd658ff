package signing

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// newSignedRequest returns a POST with a query and a body, signed with
// scheme by the test key at testTime, as a client would send it.
func newSignedRequest(t *testing.T, scheme Scheme) (*http.Request, []byte) {
	t.Helper()
	body := []byte(`{"count":2,"nodepool_name":"np a"}`)
	req, err := http.NewRequest(http.MethodPost,
		"https://cs.cn-hangzhou.aliyuncs.com/clusters/c-1/nodepools/np-1?force=true&keep&note=a%20b", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("x-acs-action", "ScaleClusterNodePool")
	req.Header.Set("x-acs-version", "2015-12-15")
	cred := Credentials{AccessKeyID: testKeyID, AccessKeySecret: testSecret}
	if err := Sign(req, body, cred, scheme, testTime, "nonce-0001"); err != nil {
		t.Fatalf("Sign: %v", err)
	}
	return req, body
}

// verifyCase mutates a freshly signed request and states, per scheme, the
// VerifyError code expected ("" means accepted).
type verifyCase struct {
	name   string
	mutate func(t *testing.T, r *http.Request, body *[]byte)
	lookup func(string) (string, bool) // testLookup when nil
	// nilLookup passes a nil lookup to Verify.
	nilLookup bool
	skew      time.Duration // verifier clock minus signing time
	want      map[Scheme]string
}

func both(code string) map[Scheme]string { return map[Scheme]string{ROAv1: code, ACS3: code} }

func setAuth(v string) func(*testing.T, *http.Request, *[]byte) {
	return func(_ *testing.T, r *http.Request, _ *[]byte) { r.Header.Set("Authorization", v) }
}

var verifyCases = []verifyCase{
	{name: "original request", want: both("")},
	{name: "clock ahead within skew", skew: MaxSkew, want: both("")},
	{name: "clock behind within skew", skew: -MaxSkew, want: both("")},
	{
		name: "header names in lower case as some clients store them",
		mutate: func(_ *testing.T, r *http.Request, _ *[]byte) {
			for k, v := range r.Header {
				delete(r.Header, k)
				r.Header[strings.ToLower(k)] = v
			}
		},
		want: both(""),
	},
	{
		name:   "body changed",
		mutate: func(_ *testing.T, _ *http.Request, b *[]byte) { *b = []byte(`{"count":9,"nodepool_name":"np a"}`) },
		want:   both(CodeSignatureMismatch),
	},
	{
		name:   "body dropped",
		mutate: func(_ *testing.T, _ *http.Request, b *[]byte) { *b = nil },
		want:   both(CodeSignatureMismatch),
	},
	{
		name:   "signed header x-acs-action changed",
		mutate: func(_ *testing.T, r *http.Request, _ *[]byte) { r.Header.Set("x-acs-action", "DeleteClusterNodepool") },
		want:   both(CodeSignatureMismatch),
	},
	{
		name:   "signed header content-type changed",
		mutate: func(_ *testing.T, r *http.Request, _ *[]byte) { r.Header.Set("Content-Type", "text/plain") },
		want:   both(CodeSignatureMismatch),
	},
	{
		name: "digest header changed to match a changed body",
		mutate: func(_ *testing.T, r *http.Request, b *[]byte) {
			*b = []byte(`{}`)
			r.Header.Set("Content-MD5", contentMD5(*b))
			r.Header.Set("x-acs-content-sha256", hashHex(*b))
		},
		want: both(CodeSignatureMismatch),
	},
	{
		name:   "query value changed",
		mutate: func(_ *testing.T, r *http.Request, _ *[]byte) { r.URL.RawQuery = "force=false&keep&note=a%20b" },
		want:   both(CodeSignatureMismatch),
	},
	{
		name:   "query key added",
		mutate: func(_ *testing.T, r *http.Request, _ *[]byte) { r.URL.RawQuery += "&extra=1" },
		want:   both(CodeSignatureMismatch),
	},
	{
		name:   "query re-encoded and reordered",
		mutate: func(_ *testing.T, r *http.Request, _ *[]byte) { r.URL.RawQuery = "note=a+b&keep=&force=true" },
		want:   both(""),
	},
	{
		name:   "path changed",
		mutate: func(_ *testing.T, r *http.Request, _ *[]byte) { r.URL.Path = "/clusters/c-2/nodepools/np-1" },
		want:   both(CodeSignatureMismatch),
	},
	{
		name:   "method changed",
		mutate: func(_ *testing.T, r *http.Request, _ *[]byte) { r.Method = http.MethodPut },
		want:   both(CodeSignatureMismatch),
	},
	{
		name:   "host changed (signed by ACS3 only)",
		mutate: func(_ *testing.T, r *http.Request, _ *[]byte) { r.Host = "cs.cn-beijing.aliyuncs.com" },
		want:   map[Scheme]string{ROAv1: "", ACS3: CodeSignatureMismatch},
	},
	{
		name:   "unsigned x-acs header added",
		mutate: func(_ *testing.T, r *http.Request, _ *[]byte) { r.Header.Set("x-acs-resourcegroup-id", "rg-1") },
		want:   map[Scheme]string{ROAv1: CodeSignatureMismatch, ACS3: CodeIncompleteSignature},
	},
	{
		name:   "unsigned header outside the scheme added",
		mutate: func(_ *testing.T, r *http.Request, _ *[]byte) { r.Header.Set("User-Agent", "other/1.0") },
		want:   both(""),
	},
	{
		name: "signature of another request",
		mutate: func(t *testing.T, r *http.Request, _ *[]byte) {
			scheme, _ := SchemeOf(r)
			other, _ := newSignedRequest(t, scheme)
			other.URL.RawQuery = ""
			body := []byte(`{"count":2,"nodepool_name":"np a"}`)
			cred := Credentials{AccessKeyID: testKeyID, AccessKeySecret: testSecret}
			if err := Sign(other, body, cred, scheme, testTime, "nonce-0001"); err != nil {
				t.Fatal(err)
			}
			r.Header.Set("Authorization", other.Header.Get("Authorization"))
		},
		want: both(CodeSignatureMismatch),
	},
	{
		name: "known key with the wrong secret",
		mutate: func(_ *testing.T, r *http.Request, _ *[]byte) {
			r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), testKeyID, testSTSKeyID, 1))
		},
		want: both(CodeSignatureMismatch),
	},
	{
		name:   "unknown access key",
		lookup: func(string) (string, bool) { return "", false },
		want:   both(CodeInvalidAccessKeyID),
	},
	{name: "nil lookup", nilLookup: true, want: both(CodeInvalidAccessKeyID)},
	{name: "date too old", skew: MaxSkew + time.Second, want: both(CodeTimestampExpired)},
	{name: "date too far ahead", skew: -MaxSkew - time.Second, want: both(CodeTimestampExpired)},
	{name: "date a day old", skew: 24 * time.Hour, want: both(CodeTimestampExpired)},
	{
		name: "date header removed",
		mutate: func(_ *testing.T, r *http.Request, _ *[]byte) {
			r.Header.Del("Date")
			r.Header.Del("x-acs-date")
		},
		want: both(CodeIncompleteSignature),
	},
	{
		name: "date header not a date",
		mutate: func(_ *testing.T, r *http.Request, _ *[]byte) {
			r.Header.Set("Date", "yesterday")
			r.Header.Set("x-acs-date", "yesterday")
		},
		want: both(CodeIncompleteSignature),
	},
	{
		name:   "missing Authorization",
		mutate: func(_ *testing.T, r *http.Request, _ *[]byte) { r.Header.Del("Authorization") },
		want:   both(CodeMissingAuthorization),
	},
	{name: "empty Authorization", mutate: setAuth(""), want: both(CodeMissingAuthorization)},
	{
		name: "two Authorization headers",
		mutate: func(_ *testing.T, r *http.Request, _ *[]byte) {
			r.Header.Add("Authorization", r.Header.Get("Authorization"))
		},
		want: both(CodeIncompleteSignature),
	},
	{name: "garbage Authorization", mutate: setAuth("garbage"), want: both(CodeIncompleteSignature)},
	{name: "other scheme", mutate: setAuth("Bearer abc.def"), want: both(CodeIncompleteSignature)},
	{name: "acs without signature", mutate: setAuth("acs " + testKeyID), want: both(CodeIncompleteSignature)},
	{name: "acs with a short signature", mutate: setAuth("acs " + testKeyID + ":AAAA"), want: both(CodeIncompleteSignature)},
	{name: "acs with an empty key", mutate: setAuth("acs :" + strings.Repeat("A", 27) + "="), want: both(CodeIncompleteSignature)},
	{name: "ACS3 without parameters", mutate: setAuth("ACS3-HMAC-SHA256 "), want: both(CodeIncompleteSignature)},
	{
		name:   "ACS3 without host signed",
		mutate: setAuth("ACS3-HMAC-SHA256 Credential=" + testKeyID + ",SignedHeaders=x-acs-date;x-acs-signature-nonce,Signature=" + strings.Repeat("ab", 32)),
		want:   both(CodeIncompleteSignature),
	},
	{
		name:   "ACS3 with unsorted signed headers",
		mutate: setAuth("ACS3-HMAC-SHA256 Credential=" + testKeyID + ",SignedHeaders=x-acs-date;host,Signature=" + strings.Repeat("ab", 32)),
		want:   both(CodeIncompleteSignature),
	},
	{
		name: "ACS3 signed header missing from the request",
		mutate: func(_ *testing.T, r *http.Request, _ *[]byte) {
			r.Header.Set("Authorization", "ACS3-HMAC-SHA256 Credential="+testKeyID+
				",SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-missing;x-acs-signature-nonce;x-acs-version,Signature="+strings.Repeat("ab", 32))
			r.Header.Set("Date", r.Header.Get("x-acs-date"))
		},
		want: both(CodeIncompleteSignature),
	},
	{
		name:   "ROA with an unsupported signature method",
		mutate: func(_ *testing.T, r *http.Request, _ *[]byte) { r.Header.Set("x-acs-signature-method", "HMAC-SHA256") },
		want:   map[Scheme]string{ROAv1: CodeIncompleteSignature, ACS3: CodeIncompleteSignature},
	},
	{
		name:   "ROA body without Content-MD5",
		mutate: func(_ *testing.T, r *http.Request, _ *[]byte) { r.Header.Del("Content-MD5") },
		want:   map[Scheme]string{ROAv1: CodeIncompleteSignature, ACS3: ""},
	},
	{
		name:   "query that cannot be decoded",
		mutate: func(_ *testing.T, r *http.Request, _ *[]byte) { r.URL.RawQuery = "force=%zz" },
		want:   both(CodeIncompleteSignature),
	},
}

// TestVerify runs every verifyCase against both schemes and checks that a
// refusal is a *VerifyError with the expected code whose message holds no
// secret, token or signature.
func TestVerify(t *testing.T) {
	for _, scheme := range []Scheme{ROAv1, ACS3} {
		for _, tc := range verifyCases {
			t.Run(scheme.String()+"/"+tc.name, func(t *testing.T) {
				req, body := newSignedRequest(t, scheme)
				sentAuth := req.Header.Get("Authorization")
				if tc.mutate != nil {
					tc.mutate(t, req, &body)
				}
				lookup := tc.lookup
				switch {
				case tc.nilLookup:
					lookup = nil
				case lookup == nil:
					lookup = testLookup
				}
				id, err := Verify(req, body, lookup, testTime.Add(tc.skew))
				want := tc.want[scheme]
				if want == "" {
					if err != nil || id != testKeyID {
						t.Fatalf("Verify = %q, %v; want %q, nil", id, err, testKeyID)
					}
					return
				}
				var ve *VerifyError
				if !errors.As(err, &ve) {
					t.Fatalf("Verify error = %v (%T); want a *VerifyError", err, err)
				}
				if id != "" {
					t.Errorf("Verify returned key ID %q with an error", id)
				}
				if diff := cmp.Diff(want, ve.Code); diff != "" {
					t.Errorf("code (-want +got):\n%s\nmessage: %s", diff, ve.Message)
				}
				if ve.Message == "" {
					t.Error("VerifyError has an empty message")
				}
				assertNoSecrets(t, err.Error(), append(signaturesOf(sentAuth, req.Header.Get("Authorization")), expectedSignatures(req, body)...)...)
			})
		}
	}
}

// assertNoSecrets fails when s contains a test secret, the test STS token
// or any of extra.
func assertNoSecrets(t *testing.T, s string, extra ...string) {
	t.Helper()
	for _, secret := range append([]string{testSecret, testSTSSecret, testSTSToken}, extra...) {
		if secret != "" && strings.Contains(s, secret) {
			t.Errorf("%q contains the secret value %q", s, secret)
		}
	}
}

// signaturesOf returns the signatures of the Authorization header values
// that parse.
func signaturesOf(auths ...string) []string {
	var sigs []string
	for _, v := range auths {
		if a, err := parseAuthorization(v); err == nil {
			sigs = append(sigs, a.signature)
		}
	}
	return sigs
}

// expectedSignatures returns the signatures the verifier would expect for
// req under both schemes and both test keys.
func expectedSignatures(req *http.Request, body []byte) []string {
	var sigs []string
	for _, secret := range []string{testSecret, testSTSSecret} {
		if sts, err := ROAStringToSign(req); err == nil {
			sigs = append(sigs, base64.StdEncoding.EncodeToString(roaMAC(secret, sts)))
		}
		if cr, err := ACS3CanonicalRequest(req, body, ACS3SignedHeaders(req)); err == nil {
			sigs = append(sigs, hex.EncodeToString(acs3MAC(secret, ACS3StringToSign(cr))))
		}
	}
	return sigs
}

// TestVerifyAcceptsReplays checks that Verify keeps no state: the same
// signed request verifies twice, for both schemes.
func TestVerifyAcceptsReplays(t *testing.T) {
	for _, scheme := range []Scheme{ROAv1, ACS3} {
		req, body := newSignedRequest(t, scheme)
		for i := range 2 {
			if id, err := Verify(req, body, testLookup, testTime); err != nil || id != testKeyID {
				t.Errorf("%v attempt %d: Verify = %q, %v; want %q, nil", scheme, i+1, id, err, testKeyID)
			}
		}
	}
}

// TestVerifyRequestReports checks what VerifyRequest learns from a request
// it accepts: the key, the scheme, the signed date and, for ACS3, the nonce
// a server remembers to refuse replays.
func TestVerifyRequestReports(t *testing.T) {
	for _, tt := range []struct {
		scheme Scheme
		nonce  string
	}{{ROAv1, ""}, {ACS3, "nonce-0001"}} {
		req, body := newSignedRequest(t, tt.scheme)
		v, err := VerifyRequest(req, body, testLookup, testTime.Add(time.Minute))
		want := Verified{AccessKeyID: testKeyID, Scheme: tt.scheme, Nonce: tt.nonce, Date: testTime}
		if err != nil || !v.Date.Equal(want.Date) || v.AccessKeyID != want.AccessKeyID || v.Scheme != want.Scheme || v.Nonce != want.Nonce {
			t.Errorf("%v: VerifyRequest = %+v, %v; want %+v", tt.scheme, v, err, want)
		}
	}
}
