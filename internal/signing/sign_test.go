package signing

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestSignHeaders checks the headers each scheme adds, the defaults and
// that caller-set values are kept.
func TestSignHeaders(t *testing.T) {
	body := []byte(`{"a":1}`)
	tests := []struct {
		name    string
		scheme  Scheme
		cred    Credentials
		body    []byte
		preset  map[string]string
		drop    []string // headers whose value depends on the signature
		want    map[string]string
		missing []string
	}{
		{
			name: "roa without body", scheme: ROAv1, cred: roaCase{}.credentials(),
			want: map[string]string{
				"accept": "application/json", "content-type": "application/octet-stream",
				"content-md5": "1B2M2Y8AsgTpgAmY7PhCfg==", "date": "Sat, 14 Mar 2026 09:26:53 GMT",
				"x-acs-signature-method": "HMAC-SHA1", "x-acs-signature-version": "1.0",
			},
			missing: []string{"x-acs-security-token", "x-acs-date", "x-acs-signature-nonce"},
		},
		{
			name: "roa with body, token and caller headers", scheme: ROAv1, cred: roaCase{STS: true}.credentials(), body: body,
			preset: map[string]string{"Accept": "application/xml", "Content-Type": "application/json", "x-acs-action": "A", "Date": "old"},
			want: map[string]string{
				"accept": "application/xml", "content-type": "application/json", "x-acs-action": "A",
				"content-md5": contentMD5(body), "date": "Sat, 14 Mar 2026 09:26:53 GMT",
				"x-acs-signature-method": "HMAC-SHA1", "x-acs-signature-version": "1.0",
				"x-acs-security-token": testSTSToken,
			},
		},
		{
			name: "acs3 without body", scheme: ACS3, cred: roaCase{}.credentials(),
			want: map[string]string{
				"accept": "application/json", "x-acs-date": "2026-03-14T09:26:53Z", "x-acs-signature-nonce": "n-1",
				"x-acs-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
			},
			missing: []string{"content-type", "content-md5", "date", "x-acs-signature-method", "x-acs-security-token"},
		},
		{
			name: "acs3 with body and token", scheme: ACS3, cred: roaCase{STS: true}.credentials(), body: body,
			preset: map[string]string{"x-acs-date": "stale", "authorization": "old"},
			want: map[string]string{
				"accept": "application/json", "content-type": "application/json; charset=utf-8",
				"x-acs-date": "2026-03-14T09:26:53Z", "x-acs-signature-nonce": "n-1",
				"x-acs-content-sha256": hashHex(body), "x-acs-security-token": testSTSToken,
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodPost, "https://cs.cn-hangzhou.aliyuncs.com/clusters", nil)
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range tc.preset {
				req.Header[k] = []string{v} // verbatim names, as some clients store them
			}
			if err := Sign(req, tc.body, tc.cred, tc.scheme, testTime.In(time.FixedZone("CST", 8*3600)), "n-1"); err != nil {
				t.Fatalf("Sign: %v", err)
			}
			got := flatHeaders(req.Header)
			auth := got["authorization"]
			if a, err := parseAuthorization(auth); err != nil || a.scheme != tc.scheme || a.accessKeyID != tc.cred.AccessKeyID {
				t.Errorf("Authorization does not parse as %v for %s: %v", tc.scheme, tc.cred.AccessKeyID, err)
			}
			delete(got, "authorization")
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("headers (-want +got):\n%s", diff)
			}
			for _, name := range tc.missing {
				if _, ok := got[name]; ok {
					t.Errorf("header %s set, want it absent", name)
				}
			}
		})
	}
}

// TestSignMakesRandomNonce checks that ACS3 makes a fresh nonce when none
// is given.
func TestSignMakesRandomNonce(t *testing.T) {
	nonces := map[string]bool{}
	for range 3 {
		req, err := http.NewRequest(http.MethodGet, "https://cs.cn-hangzhou.aliyuncs.com/clusters", nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := Sign(req, nil, roaCase{}.credentials(), ACS3, testTime, ""); err != nil {
			t.Fatal(err)
		}
		n := req.Header.Get("x-acs-signature-nonce")
		if len(n) != 32 {
			t.Errorf("nonce %q, want 32 hex digits", n)
		}
		nonces[n] = true
	}
	if len(nonces) != 3 {
		t.Errorf("got %d distinct nonces from 3 signatures, want 3", len(nonces))
	}
}

// TestSignErrors checks the requests and credentials Sign refuses.
func TestSignErrors(t *testing.T) {
	good := roaCase{}.credentials()
	newReq := func(rawQuery string) *http.Request {
		return &http.Request{Method: "GET", URL: &url.URL{Scheme: "https", Host: "cs.example.com", Path: "/x", RawQuery: rawQuery}, Header: http.Header{}}
	}
	tests := []struct {
		name    string
		req     *http.Request
		cred    Credentials
		scheme  Scheme
		wantErr string
	}{
		{"nil request", nil, good, ROAv1, "request has no URL"},
		{"no URL", &http.Request{}, good, ROAv1, "request has no URL"},
		{"empty key ID", newReq(""), Credentials{AccessKeySecret: "distinct-secret-1"}, ROAv1, "access key ID is empty"},
		{"key ID with colon", newReq(""), Credentials{AccessKeyID: "a:b", AccessKeySecret: "distinct-secret-2"}, ACS3, "access key ID must be"},
		{"empty secret", newReq(""), Credentials{AccessKeyID: "AK"}, ACS3, "access key secret is empty"},
		{"unknown scheme", newReq(""), good, Scheme(7), "unknown signing scheme Scheme(7)"},
		{"bad query roa", newReq("a=%zz"), good, ROAv1, "decode query"},
		{"bad query acs3", newReq("a=%zz"), good, ACS3, "decode query"},
		{"no host acs3", &http.Request{Method: "GET", URL: &url.URL{Path: "/x"}}, good, ACS3, "no host"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := Sign(tc.req, nil, tc.cred, tc.scheme, testTime, "")
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("Sign error = %v, want one containing %q", err, tc.wantErr)
			}
			assertNoSecrets(t, err.Error(), tc.cred.AccessKeySecret)
		})
	}
}

// TestSchemeString checks the names of the schemes.
func TestSchemeString(t *testing.T) {
	tests := map[Scheme]string{ROAv1: "ROAv1", ACS3: "ACS3", Scheme(-1): "Scheme(-1)"}
	for s, want := range tests {
		if got := s.String(); got != want {
			t.Errorf("Scheme(%d).String() = %q, want %q", int(s), got, want)
		}
	}
}

// TestSchemeOf checks scheme detection from the Authorization header.
func TestSchemeOf(t *testing.T) {
	tests := []struct {
		auth   []string
		want   Scheme
		wantOK bool
	}{
		{[]string{"acs AK:sig"}, ROAv1, true},
		{[]string{"ACS3-HMAC-SHA256 Credential=AK"}, ACS3, true},
		{[]string{"Bearer x"}, 0, false},
		{nil, 0, false},
		{[]string{"acs a:b", "acs a:b"}, 0, false},
	}
	for _, tc := range tests {
		req := &http.Request{Header: http.Header{"Authorization": tc.auth}}
		got, ok := SchemeOf(req)
		if got != tc.want || ok != tc.wantOK {
			t.Errorf("SchemeOf(%q) = %v, %v; want %v, %v", tc.auth, got, ok, tc.want, tc.wantOK)
		}
	}
	if _, ok := SchemeOf(nil); ok {
		t.Error("SchemeOf(nil) reported a scheme")
	}
}
