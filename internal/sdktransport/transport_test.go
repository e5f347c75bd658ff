package sdktransport

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/internal/signing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// seen is what a test server saw of a request.
type seen struct {
	Method    string              `json:"method"`
	Path      string              `json:"path"`
	RawQuery  string              `json:"raw_query"`
	Query     url.Values          `json:"-"`
	Header    map[string][]string `json:"header"`
	Body      string              `json:"body"`
	KeyID     string              `json:"-"`
	VerifyErr string              `json:"-"`
}

// recordingServer verifies every request with signing.Verify and records
// it; it answers 200 with a request ID.
func recordingServer(t *testing.T, lookup func(string) (string, bool)) (addr string, got chan seen) {
	got = make(chan seen, 1)
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		body := readBody(t, r)
		s := seen{Method: r.Method, Path: r.URL.Path, RawQuery: r.URL.RawQuery, Query: r.URL.Query(),
			Header: map[string][]string(r.Header.Clone()), Body: string(body)}
		s.Header["Host"] = []string{r.Host}
		id, err := signing.Verify(r, body, lookup, testNow)
		s.KeyID = id
		if err != nil {
			s.VerifyErr = err.Error()
		}
		got <- s
		w.Header().Set("x-acs-request-id", "R-OK")
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"ok":true}`))
	})
	return srv.Listener.Addr().String(), got
}

var roundTripCases = []struct {
	name  string
	req   Call
	creds func() CredentialSource
}{
	{
		name: "get without body",
		req:  Call{Action: "DescribeClusterDetail", Method: "GET", Path: "/clusters/c-1"},
	},
	{
		name: "post with JSON body",
		req: Call{Action: "CreateCluster", Method: "POST", Path: "/clusters",
			Body: []byte(`{"name":"prod a","region_id":"cn-hangzhou","cluster_type":"ManagedKubernetes"}`)},
	},
	{
		name: "delete with JSON-array query",
		req: Call{Action: "DeleteCluster", Method: "DELETE", Path: "/clusters/c-1",
			Query: url.Values{"retain_resources": {`["lb-x","sg-y"]`}, "keep_slb": {"true"}}},
	},
	{
		name: "query with spaces, plus signs and an empty value",
		req: Call{Action: "DescribeClustersV1", Method: "GET", Path: "/api/v1/clusters",
			Query: url.Values{"name": {"a b+c*~/é"}, "page_size": {"50"}, "cluster_type": {""}}},
	},
	{
		name:  "sts token",
		req:   Call{Action: "DescribeTaskInfo", Method: "GET", Path: "/tasks/T-1"},
		creds: func() CredentialSource { return StaticCredentials(testKeyID, testSecret, testToken) },
	},
	{
		name: "caller's header and content type kept",
		req: Call{Action: "ModifyCluster", Method: "PUT", Path: "/api/v2/clusters/c-1",
			Header: http.Header{"X-Acs-Client-Token": {"tok-1"}, "Content-Type": {"application/json; charset=utf-8"}},
			Body:   []byte(`{"deletion_protection":true}`)},
	},
}

func TestRoundTripIsSignedAndComplete(t *testing.T) {
	for _, scheme := range []signing.Scheme{signing.ROAv1, signing.ACS3} {
		for _, tt := range roundTripCases {
			t.Run(scheme.String()+"/"+tt.name, func(t *testing.T) {
				addr, got := recordingServer(t, lookupTestKey)
				creds := staticTestCredentials()
				if tt.creds != nil {
					creds = tt.creds()
				}
				tr := newTransport(t, addr, scheme, creds)
				req := tt.req.Clone()

				resp, err := tr.Send(context.Background(), req)
				if err != nil {
					t.Fatalf("RoundTrip: %v", err)
				}
				s := <-got

				if s.VerifyErr != "" || s.KeyID != testKeyID {
					t.Errorf("server's Verify = %q, %s; want %q", s.KeyID, s.VerifyErr, testKeyID)
				}
				if sch, ok := signing.SchemeOf(&http.Request{Header: s.Header}); !ok || sch != scheme {
					t.Errorf("signed with %v (%v), want %v", sch, ok, scheme)
				}
				wantHeader := map[string]string{"X-Acs-Action": tt.req.Action, "X-Acs-Version": APIVersion, "Accept": "application/json", "User-Agent": DefaultUserAgent}
				if len(tt.req.Body) > 0 {
					wantHeader["Content-Type"] = "application/json"
					if ct := tt.req.Header.Get("Content-Type"); ct != "" {
						wantHeader["Content-Type"] = ct
					}
				}
				if tt.creds != nil {
					wantHeader["X-Acs-Security-Token"] = testToken
				}
				for k := range tt.req.Header {
					if k != "Content-Type" {
						wantHeader[k] = tt.req.Header.Get(k)
					}
				}
				gotHeader := map[string]string{}
				for k := range wantHeader {
					gotHeader[k] = http.Header(s.Header).Get(k)
				}
				if diff := cmp.Diff(wantHeader, gotHeader); diff != "" {
					t.Errorf("headers (-want +got):\n%s", diff)
				}
				if s.Method != tt.req.Method || s.Path != tt.req.Path {
					t.Errorf("server saw %s %s, want %s %s", s.Method, s.Path, tt.req.Method, tt.req.Path)
				}
				wantQuery := tt.req.Query
				if wantQuery == nil {
					wantQuery = url.Values{}
				}
				if diff := cmp.Diff(wantQuery, s.Query); diff != "" {
					t.Errorf("query (-want +got):\n%s", diff)
				}
				if s.Body != string(tt.req.Body) {
					t.Errorf("body = %q, want %q", s.Body, tt.req.Body)
				}
				if diff := cmp.Diff(&tt.req, req); diff != "" {
					t.Errorf("RoundTrip changed the request (-before +after):\n%s", diff)
				}
				want := &Answer{StatusCode: 200, Body: []byte(`{"ok":true}`), RequestID: "R-OK"}
				if diff := cmp.Diff(want, resp, cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".Header" }, cmp.Ignore())); diff != "" {
					t.Errorf("response (-want +got):\n%s", diff)
				}
			})
		}
	}
}

func TestServerRefusesWrongSecret(t *testing.T) {
	for _, scheme := range []signing.Scheme{signing.ROAv1, signing.ACS3} {
		t.Run(scheme.String(), func(t *testing.T) {
			addr, got := recordingServer(t, func(id string) (string, bool) { return "another-secret", id == testKeyID })
			tr := newTransport(t, addr, scheme, staticTestCredentials())
			if _, err := tr.Send(context.Background(), &Call{Action: "DescribeClusterDetail", Method: "GET", Path: "/clusters/c-1"}); err != nil {
				t.Fatalf("RoundTrip: %v", err)
			}
			if s := <-got; s.VerifyErr == "" {
				t.Error("Verify accepted a request signed with another secret")
			}
		})
	}
}

var (
	nonceRe = regexp.MustCompile(`^[0-9a-fA-F-]+$`)
	sigRe   = regexp.MustCompile(`(Signature=|:)[0-9a-zA-Z+/=]+$`)
)

// TestWireGolden pins the request each scheme puts on the wire, with the
// signature and the ACS3 nonce masked (Verify checks those above).
func TestWireGolden(t *testing.T) {
	req := Call{Action: "CreateClusterNodePool", Method: "POST", Path: "/clusters/c-1/nodepools",
		Query: url.Values{"dry_run": {"false"}}, Body: []byte(`{"nodepool_info":{"name":"np a"},"scaling_group":{"desired_size":2}}`)}
	for _, scheme := range []signing.Scheme{signing.ROAv1, signing.ACS3} {
		t.Run(scheme.String(), func(t *testing.T) {
			addr, got := recordingServer(t, lookupTestKey)
			tr := newTransport(t, addr, scheme, staticTestCredentials())
			if _, err := tr.Send(context.Background(), req.Clone()); err != nil {
				t.Fatalf("RoundTrip: %v", err)
			}
			s := <-got
			if s.VerifyErr != "" {
				t.Fatalf("Verify: %s", s.VerifyErr)
			}
			s.Header["Host"] = []string{"<host>"}
			if n := s.Header["X-Acs-Signature-Nonce"]; len(n) == 1 && nonceRe.MatchString(n[0]) {
				s.Header["X-Acs-Signature-Nonce"] = []string{"<nonce>"}
			}
			s.Header["Authorization"] = []string{sigRe.ReplaceAllString(s.Header["Authorization"][0], "$1<signature>")}
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(s); err != nil {
				t.Fatal(err)
			}
			gotJSON := buf.Bytes()
			golden := filepath.Join("testdata", "request_"+scheme.String()+".json")
			if *update {
				if err := os.WriteFile(golden, gotJSON, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), string(gotJSON)); diff != "" {
				t.Errorf("%s (-want +got):\n%s", golden, diff)
			}
		})
	}
}

func TestResponses(t *testing.T) {
	tests := []struct {
		name   string
		status int
		header map[string]string
		body   string
		want   Answer
	}{
		{"ok with header id", 200, map[string]string{"x-acs-request-id": "R-1"}, `{"cluster_id":"c-1"}`,
			Answer{StatusCode: 200, Body: []byte(`{"cluster_id":"c-1"}`), RequestID: "R-1"}},
		{"error body id", 404, nil, `{"code":"ErrorClusterNotFound","message":"cluster c-9 not found","requestId":"R-2"}`,
			Answer{StatusCode: 404, Body: []byte(`{"code":"ErrorClusterNotFound","message":"cluster c-9 not found","requestId":"R-2"}`), RequestID: "R-2"}},
		{"snake-case id", 202, nil, `{"request_id":"R-3","task_id":"T-1"}`,
			Answer{StatusCode: 202, Body: []byte(`{"request_id":"R-3","task_id":"T-1"}`), RequestID: "R-3"}},
		{"no content", 204, map[string]string{"x-acs-request-id": "R-4"}, "",
			Answer{StatusCode: 204, Body: []byte{}, RequestID: "R-4"}},
		{"bare array", 200, nil, `[{"version":"1.33.1"}]`,
			Answer{StatusCode: 200, Body: []byte(`[{"version":"1.33.1"}]`)}},
		{"html from a proxy", 503, nil, "<html>Service Unavailable</html>",
			Answer{StatusCode: 503, Body: []byte("<html>Service Unavailable</html>")}},
		{"redirect is not followed", 302, map[string]string{"Location": "/elsewhere"}, "",
			Answer{StatusCode: 302, Body: []byte{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
				for k, v := range tt.header {
					w.Header().Set(k, v)
				}
				w.WriteHeader(tt.status)
				_, _ = w.Write([]byte(tt.body))
			})
			tr := newTransport(t, srv.Listener.Addr().String(), signing.ACS3, staticTestCredentials())
			resp, err := tr.Send(context.Background(), &Call{Action: "DescribeClusterDetail", Method: "GET", Path: "/clusters/c-1"})
			if err != nil {
				t.Fatalf("RoundTrip: %v", err)
			}
			if diff := cmp.Diff(&tt.want, resp, cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".Header" }, cmp.Ignore())); diff != "" {
				t.Errorf("response (-want +got):\n%s", diff)
			}
			for k, v := range tt.header {
				if got := resp.Header.Get(k); got != v {
					t.Errorf("response header %s = %q, want %q", k, got, v)
				}
			}
		})
	}
}
