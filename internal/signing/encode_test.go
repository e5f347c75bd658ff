package signing

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"testing"
)

// TestPercentEncode checks RFC 3986 encoding: unreserved characters stay,
// everything else is %XX in upper case.
func TestPercentEncode(t *testing.T) {
	tests := map[string]string{
		"":                         "",
		"AZaz09-_.~":               "AZaz09-_.~",
		"a b":                      "a%20b",
		"+*%/?#&=":                 "%2B%2A%25%2F%3F%23%26%3D",
		"名":                        "%E5%90%8D",
		`["i-1","i-2"]`:            "%5B%22i-1%22%2C%22i-2%22%5D",
		"!$'()*,;:@":               "%21%24%27%28%29%2A%2C%3B%3A%40",
		"\x00\x7f\xff":             "%00%7F%FF",
		"ManagedKubernetes-1.31.1": "ManagedKubernetes-1.31.1",
	}
	for in, want := range tests {
		if got := percentEncode(in); got != want {
			t.Errorf("percentEncode(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCanonicalForms checks the ACS3 canonical URI and query and the ROA
// resource for URLs as a client builds them and as a server parses them.
func TestCanonicalForms(t *testing.T) {
	tests := []struct {
		raw                string
		wantURI, wantQuery string
		wantROA            string
	}{
		{"http://h", "/", "", "/"},
		{"http://h/", "/", "", "/"},
		{"http://h/clusters/c-1?b=2&a=1", "/clusters/c-1", "a=1&b=2", "/clusters/c-1?a=1&b=2"},
		{"http://h/a%20b/%e5%90%8d%2a", "/a%20b/%E5%90%8D%2A", "", "/a b/名*"},
		{"http://h/a+b/(1)~", "/a%2Bb/%281%29~", "", "/a+b/(1)~"},
		{"http://h/a%2Fb/c", "/a%2Fb/c", "", "/a/b/c"},
		{"http://h/x?k=&z=a+b&y=%2A~&B=1", "/x", "B=1&k=&y=%2A~&z=a%20b", "/x?B=1&k&y=*~&z=a b"},
		{"http://h/x?id=2&id=1", "/x", "id=1&id=2", "/x?id=2&id=1"},
	}
	for _, tc := range tests {
		u, err := url.Parse(tc.raw)
		if err != nil {
			t.Fatal(err)
		}
		if got := canonicalURI(u); got != tc.wantURI {
			t.Errorf("canonicalURI(%s) = %q, want %q", tc.raw, got, tc.wantURI)
		}
		q, err := canonicalQueryACS3(u.RawQuery)
		if err != nil || q != tc.wantQuery {
			t.Errorf("canonicalQueryACS3(%s) = %q, %v; want %q", tc.raw, q, err, tc.wantQuery)
		}
		r, err := resourceROA(u)
		if err != nil || r != tc.wantROA {
			t.Errorf("resourceROA(%s) = %q, %v; want %q", tc.raw, r, err, tc.wantROA)
		}
	}
}

// TestEmptyHashHex checks the constant hash of an empty payload against
// SHA-256 itself.
func TestEmptyHashHex(t *testing.T) {
	sum := sha256.Sum256(nil)
	if got, want := hashHex(nil), hex.EncodeToString(sum[:]); got != want || hashHex([]byte{}) != want {
		t.Errorf("hashHex of no bytes = %s, want %s", got, want)
	}
}
