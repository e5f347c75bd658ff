package signing

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// manyHeaders returns a request received with n x-acs-* headers besides
// those signing adds, signed with scheme by a known key. With forged, the
// signature is replaced by random bytes (the verifier must still do all
// its work to refuse it), as an attacker who knows a public AccessKey ID
// would send.
func manyHeaders(t testing.TB, n int, scheme Scheme, forged bool) *http.Request {
	t.Helper()
	r := httptest.NewRequest(http.MethodGet, "http://cs.cn-hangzhou.aliyuncs.com/api/v1/clusters?page_size=10", nil)
	for i := range n {
		r.Header.Set(fmt.Sprintf("X-Acs-Extra-%06d", i), "v")
	}
	cred := Credentials{AccessKeyID: "AKID", AccessKeySecret: "SECRET"}
	now := time.Now()
	if err := Sign(r, nil, cred, scheme, now, ""); err != nil {
		t.Fatal(err)
	}
	if forged {
		var b [32]byte
		_, _ = rand.Read(b[:])
		a, err := parseAuthorization(r.Header.Get("Authorization"))
		if err != nil {
			t.Fatal(err)
		}
		if scheme == ACS3 {
			a.signature = hex.EncodeToString(b[:])
		} else {
			a.signature = "AAAAAAAAAAAAAAAAAAAAAAAAAAA="
		}
		r.Header.Set("Authorization", a.header())
	}
	return r
}

// verifyWork returns the header work of verifying r.
func verifyWork(r *http.Request) (int64, error) {
	lookup := func(id string) (string, bool) { return "SECRET", id == "AKID" }
	before := headerWork.Load()
	_, err := Verify(r, nil, lookup, time.Now())
	return headerWork.Load() - before, err
}

// TestVerifyWorkIsLinearInHeaders verifies requests with n and 4n extra
// headers, genuine and forged, under both schemes: the header work of
// verifying grows about four times, not sixteen. It counts work (header
// entries visited and signed names compared), never time.
func TestVerifyWorkIsLinearInHeaders(t *testing.T) {
	const n = 1000
	for _, scheme := range []Scheme{ROAv1, ACS3} {
		for _, forged := range []bool{false, true} {
			t.Run(fmt.Sprintf("%v forged=%v", scheme, forged), func(t *testing.T) {
				var work [2]int64
				for i, k := range []int{n, 4 * n} {
					w, err := verifyWork(manyHeaders(t, k, scheme, forged))
					if forged != (err != nil) {
						t.Fatalf("%d headers: Verify = %v, forged %v", k, err, forged)
					}
					if forged && !strings.Contains(err.Error(), CodeSignatureMismatch) {
						t.Fatalf("%d headers: Verify = %v, want %s", k, err, CodeSignatureMismatch)
					}
					work[i] = w
				}
				if work[1] > 6*work[0] {
					t.Fatalf("work %d for %d headers, %d for %d: grows faster than the headers", work[0], n, work[1], 4*n)
				}
			})
		}
	}
}

// BenchmarkVerifyManyHeaders verifies a forged ACS3 request with 20,000
// signed headers, the shape of the request that once cost seconds of CPU.
func BenchmarkVerifyManyHeaders(b *testing.B) {
	r := manyHeaders(b, 20_000, ACS3, true)
	b.ResetTimer()
	for b.Loop() {
		if _, err := verifyWork(r); err == nil {
			b.Fatal("a forged request verified")
		}
	}
}
