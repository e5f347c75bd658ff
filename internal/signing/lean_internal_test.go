package signing

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestHMACSHA256Hex(t *testing.T) {
	tests := []struct{ key, msg string }{
		{"", ""},
		{"secret", "ACS3-HMAC-SHA256\nabc"},
		{strings.Repeat("k", 64), "block-sized key"},
		{strings.Repeat("k", 65), "key longer than a block"},
		{"s", strings.Repeat("m", 300)}, // longer than the stack buffer
	}
	for _, tt := range tests {
		m := hmac.New(sha256.New, []byte(tt.key))
		m.Write([]byte(tt.msg))
		if got, want := hmacSHA256Hex(tt.key, tt.msg), hex.EncodeToString(m.Sum(nil)); got != want {
			t.Errorf("hmacSHA256Hex(%d-byte key, %d-byte message) = %s, want %s", len(tt.key), len(tt.msg), got, want)
		}
	}
}

// TestACS3SignMatchesGeneral signs requests with assorted headers (other
// spellings, repeated values, white space, a security token, a body or
// none) and checks that the signature is the one the exported, general
// functions give, and that Verify accepts it.
func TestACS3SignMatchesGeneral(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	spellings := []string{"X-Acs-Action", "x-acs-action", "X-ACS-ACTION"}
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for i := range 200 {
		target := "http://cs.cn-hangzhou.aliyuncs.com/clusters/c1"
		if i%3 == 0 {
			target = "http://cs.cn-hangzhou.aliyuncs.com/api/v1/clusters?page_size=10&name=a%20b&x=%2A"
		}
		if i%7 == 0 {
			target = "http://cs.cn-hangzhou.aliyuncs.com/clusters/c%281%29/a%2Fb"
		}
		var body []byte
		method := http.MethodGet
		if i%2 == 0 {
			method, body = http.MethodPost, []byte(fmt.Sprintf(`{"n":%d}`, i))
		}
		req := httptest.NewRequest(method, target, nil)
		req.Header[spellings[r.IntN(len(spellings))]] = []string{"DescribeClusterDetail"}
		req.Header.Set("x-acs-version", "2015-12-15")
		if r.IntN(2) == 0 {
			req.Header["X-Acs-Extra"] = []string{" b ", "a"}
		}
		if r.IntN(3) == 0 {
			req.Header["x-acs-date"] = []string{"stale"} // replaced by Sign
		}
		if r.IntN(3) == 0 {
			req.Header.Set("Accept", "application/xml")
		}
		if r.IntN(4) == 0 {
			req.Header["Content-Type"] = []string{"  "} // blank: Sign sets its own
		}
		cred := Credentials{AccessKeyID: "AKID", AccessKeySecret: fmt.Sprintf("secret-%d", i)}
		if r.IntN(3) == 0 {
			cred.SecurityToken = "token"
		}
		if err := Sign(req, body, cred, ACS3, now, "nonce"); err != nil {
			t.Fatal(err)
		}
		a, err := parseAuthorization(req.Header.Get("Authorization"))
		if err != nil {
			t.Fatal(err)
		}
		signed := ACS3SignedHeaders(req)
		cr, err := ACS3CanonicalRequest(req, body, signed)
		if err != nil {
			t.Fatal(err)
		}
		want := hex.EncodeToString(acs3MAC(cred.AccessKeySecret, ACS3StringToSign(cr)))
		if a.signature != want || strings.Join(a.signedHeaders, ";") != strings.Join(signed, ";") {
			t.Fatalf("request %d: signed %v with %s, the general path gives %v and %s\n%s", i, a.signedHeaders, a.signature, signed, want, cr)
		}
		lookup := func(string) (string, bool) { return cred.AccessKeySecret, true }
		if _, err := Verify(req, body, lookup, now); err != nil {
			t.Fatalf("request %d: Verify: %v", i, err)
		}
	}
}
