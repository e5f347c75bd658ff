package signing

import (
	"bytes"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var authCmp = cmp.AllowUnexported(authorization{})

// TestParseAuthorization checks accepted and refused header values.
func TestParseAuthorization(t *testing.T) {
	sig20 := "amuU6uKdaGcPstmRu2sxOt537I8="
	sig32 := strings.Repeat("0f", 32)
	tests := []struct {
		name, in string
		want     authorization
		wantErr  bool
	}{
		{name: "acs", in: "acs AK1:" + sig20, want: authorization{scheme: ROAv1, accessKeyID: "AK1", signature: sig20}},
		{name: "acs sts key", in: "acs STS.abc-1_2:" + sig20, want: authorization{scheme: ROAv1, accessKeyID: "STS.abc-1_2", signature: sig20}},
		{
			name: "acs3",
			in:   "ACS3-HMAC-SHA256 Credential=AK1,SignedHeaders=host;x-acs-date,Signature=" + sig32,
			want: authorization{scheme: ACS3, accessKeyID: "AK1", signedHeaders: []string{"host", "x-acs-date"}, signature: sig32},
		},
		{
			name: "acs3 reordered with spaces",
			in:   "ACS3-HMAC-SHA256 Signature=" + sig32 + ", Credential=AK1, SignedHeaders=host",
			want: authorization{scheme: ACS3, accessKeyID: "AK1", signedHeaders: []string{"host"}, signature: sig32},
		},
		{name: "empty", in: "", wantErr: true},
		{name: "lower-case scheme", in: "ACS AK1:" + sig20, wantErr: true},
		{name: "acs no colon", in: "acs AK1" + sig20, wantErr: true},
		{name: "acs empty key", in: "acs :" + sig20, wantErr: true},
		{name: "acs two colons", in: "acs A:K:" + sig20, wantErr: true},
		{name: "acs bad base64", in: "acs AK1:!!!!", wantErr: true},
		{name: "acs wrong length", in: "acs AK1:AAAA", wantErr: true},
		{name: "acs key with space", in: "acs A K:" + sig20, wantErr: true},
		{name: "acs3 missing signature", in: "ACS3-HMAC-SHA256 Credential=AK1,SignedHeaders=host", wantErr: true},
		{name: "acs3 duplicate", in: "ACS3-HMAC-SHA256 Credential=AK1,Credential=AK1,SignedHeaders=host,Signature=" + sig32, wantErr: true},
		{name: "acs3 unknown parameter", in: "ACS3-HMAC-SHA256 Credential=AK1,SignedHeaders=host,Signature=" + sig32 + ",Extra=1", wantErr: true},
		{name: "acs3 upper-case hex", in: "ACS3-HMAC-SHA256 Credential=AK1,SignedHeaders=host,Signature=" + strings.ToUpper(sig32), wantErr: true},
		{name: "acs3 short hex", in: "ACS3-HMAC-SHA256 Credential=AK1,SignedHeaders=host,Signature=0f0f", wantErr: true},
		{name: "acs3 upper-case header", in: "ACS3-HMAC-SHA256 Credential=AK1,SignedHeaders=Host,Signature=" + sig32, wantErr: true},
		{name: "acs3 unsorted headers", in: "ACS3-HMAC-SHA256 Credential=AK1,SignedHeaders=x-acs-date;host,Signature=" + sig32, wantErr: true},
		{name: "acs3 duplicate headers", in: "ACS3-HMAC-SHA256 Credential=AK1,SignedHeaders=host;host,Signature=" + sig32, wantErr: true},
		{name: "acs3 empty header", in: "ACS3-HMAC-SHA256 Credential=AK1,SignedHeaders=host;,Signature=" + sig32, wantErr: true},
		{name: "acs3 no equals", in: "ACS3-HMAC-SHA256 Credential", wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseAuthorization(tc.in)
			if tc.wantErr {
				if err == nil {
					t.Fatalf("parseAuthorization(%q) = %+v, want an error", tc.in, got)
				}
				if sig := strings.Repeat("0f", 32); strings.Contains(err.Error(), sig) || strings.Contains(err.Error(), sig20) {
					t.Errorf("error %q quotes the signature", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("parseAuthorization(%q): %v", tc.in, err)
			}
			if diff := cmp.Diff(tc.want, got, authCmp); diff != "" {
				t.Errorf("parse (-want +got):\n%s", diff)
			}
		})
	}
}

// FuzzParseAuthorization checks that the parser never panics, that what it
// accepts formats back to a header it parses to the same value, and that a
// ROA header formats back byte for byte.
func FuzzParseAuthorization(f *testing.F) {
	for _, seed := range []string{
		"acs LTAI5tTestAccessKeyID:amuU6uKdaGcPstmRu2sxOt537I8=",
		"ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=content-type;host;x-acs-date,Signature=" + strings.Repeat("ab", 32),
		"ACS3-HMAC-SHA256 Signature=" + strings.Repeat("01", 32) + ", SignedHeaders=host, Credential=STS.x",
		"acs ::", "ACS3-HMAC-SHA256 ,,,", "ACS3-HMAC-SHA256 Credential==,SignedHeaders=;;", "", "acs",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		a, err := parseAuthorization(in)
		if err != nil {
			return
		}
		out := a.header()
		b, err := parseAuthorization(out)
		if err != nil {
			t.Fatalf("parse(%q) ok but its formatted form %q fails: %v", in, out, err)
		}
		if diff := cmp.Diff(a, b, authCmp); diff != "" {
			t.Fatalf("round trip of %q changed it (-first +second):\n%s", in, diff)
		}
		if b.header() != out {
			t.Fatalf("formatting is not stable: %q then %q", out, b.header())
		}
		if a.scheme == ROAv1 && out != in {
			t.Fatalf("acs header %q formats back as %q", in, out)
		}
	})
}

// FuzzVerify feeds arbitrary Authorization headers, paths, queries and
// bodies to Verify: it must not panic, and every refusal must be a
// *VerifyError with a known code and no secret in its message.
func FuzzVerify(f *testing.F) {
	f.Add("acs LTAI5tTestAccessKeyID:amuU6uKdaGcPstmRu2sxOt537I8=", "/clusters/c 1", "a=1&b", []byte("{}"), "Thu, 26 Nov 2026 23:53:00 GMT")
	f.Add("ACS3-HMAC-SHA256 Credential=LTAI5tTestAccessKeyID,SignedHeaders=host;x-acs-date;x-acs-signature-nonce,Signature="+strings.Repeat("ab", 32),
		"/", "x=%41", []byte(nil), "2026-03-14T09:26:53Z")
	codes := map[string]bool{
		CodeMissingAuthorization: true, CodeIncompleteSignature: true, CodeInvalidAccessKeyID: true,
		CodeSignatureMismatch: true, CodeTimestampExpired: true,
	}
	f.Fuzz(func(t *testing.T, auth, path, query string, body []byte, date string) {
		req, err := http.NewRequest(http.MethodPost, "http://cs.example.com/", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.URL.Path, req.URL.RawQuery = path, query
		req.Header.Set("Authorization", auth)
		req.Header.Set("Date", date)
		req.Header.Set("x-acs-date", date)
		req.Header.Set("x-acs-signature-nonce", "n")
		_, err = Verify(req, body, testLookup, testTime)
		if err == nil {
			return
		}
		var ve *VerifyError
		if !errors.As(err, &ve) || !codes[ve.Code] {
			t.Fatalf("Verify error %v is not a *VerifyError with a known code", err)
		}
		assertNoSecrets(t, err.Error())
	})
}
