package signing

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// verifyingServer verifies every request with Verify at testTime (the time
// the test clients sign at) and answers 200 with the key ID, or 401 with
// the VerifyError code.
func verifyingServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		id, err := Verify(r, body, testLookup, testTime)
		var ve *VerifyError
		switch {
		case err == nil:
			_ = json.NewEncoder(w).Encode(map[string]string{"key": id})
		case errors.As(err, &ve):
			w.WriteHeader(http.StatusUnauthorized)
			_ = json.NewEncoder(w).Encode(map[string]string{"code": ve.Code})
		default:
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestRoundTripOverHTTP signs requests built with http.NewRequest, sends
// them to an httptest server and expects Verify to accept them there, for
// both schemes, with paths and queries that the wire re-encodes.
func TestRoundTripOverHTTP(t *testing.T) {
	srv := verifyingServer(t)
	tests := []struct {
		name, method, target, body string
		sts                        bool
		tamper                     func(r *http.Request) // after signing, before sending
		wantStatus                 int
		want                       map[string]string
	}{
		{name: "get root", method: "GET", target: "", wantStatus: 200},
		{name: "get with query", method: "GET", target: "/api/v1/clusters?page_size=50&name=&cluster_type=ManagedKubernetes&Region=cn-hangzhou", wantStatus: 200},
		{name: "post json", method: "POST", target: "/clusters", body: `{"name":"a b","tags":[{"key":"k","value":"v&w"}]}`, wantStatus: 200},
		{name: "put with sts", method: "PUT", target: "/api/v2/clusters/c-1", body: `{"deletion_protection":true}`, sts: true, wantStatus: 200},
		{name: "delete with json-array query", method: "DELETE", target: `/clusters/c-1?retain_resources=%5B%22lb-1%22%2C%22sg-2%22%5D&keep_slb=false`, wantStatus: 200},
		{name: "path with spaces and unicode", method: "GET", target: "/clusters/c%20%E5%90%8D/nodepools/np+a~b(1)*", wantStatus: 200},
		{name: "path with an escaped slash", method: "GET", target: "/clusters/a%2Fb/nodes", wantStatus: 200},
		{name: "path with lower-case escapes", method: "GET", target: "/clusters/%e5%90%8d%2a", wantStatus: 200},
		{name: "query with repeated keys and plus signs", method: "GET", target: "/tasks?id=2&id=1&q=a+b%2Bc&emptyval=", wantStatus: 200},
		{
			name: "query changed in transit", method: "GET", target: "/clusters?page_size=10",
			tamper:     func(r *http.Request) { r.URL.RawQuery = "page_size=11" },
			wantStatus: 401, want: map[string]string{"code": CodeSignatureMismatch},
		},
		{
			name: "action changed in transit", method: "POST", target: "/clusters", body: `{}`,
			tamper:     func(r *http.Request) { r.Header.Set("X-Acs-Action", "DeleteCluster") },
			wantStatus: 401, want: map[string]string{"code": CodeSignatureMismatch},
		},
	}
	for _, scheme := range []Scheme{ROAv1, ACS3} {
		for _, tc := range tests {
			t.Run(scheme.String()+"/"+tc.name, func(t *testing.T) {
				var body []byte
				if tc.body != "" {
					body = []byte(tc.body)
				}
				req, err := http.NewRequest(tc.method, srv.URL+tc.target, bytes.NewReader(body))
				if err != nil {
					t.Fatal(err)
				}
				req.Header.Set("x-acs-action", "Test")
				req.Header.Set("x-acs-version", "2015-12-15")
				if body != nil {
					req.Header.Set("Content-Type", "application/json")
				}
				cred := roaCase{STS: tc.sts}.credentials()
				if err := Sign(req, body, cred, scheme, testTime, ""); err != nil {
					t.Fatalf("Sign: %v", err)
				}
				if tc.tamper != nil {
					tc.tamper(req)
				}
				resp, err := srv.Client().Do(req)
				if err != nil {
					t.Fatal(err)
				}
				defer resp.Body.Close()
				var got map[string]string
				if err := json.NewDecoder(resp.Body).Decode(&got); err != nil {
					t.Fatalf("decode response (status %d): %v", resp.StatusCode, err)
				}
				want := tc.want
				if want == nil {
					want = map[string]string{"key": cred.AccessKeyID}
				}
				if resp.StatusCode != tc.wantStatus {
					t.Errorf("status = %d, want %d", resp.StatusCode, tc.wantStatus)
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("response (-want +got):\n%s", diff)
				}
			})
		}
	}
}
