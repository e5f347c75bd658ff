package fake

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
)

// viaURL builds the request the way net/http would from the URL written
// out: the reference inProcessRequest must agree with.
func viaURL(ctx context.Context, req *ack.Request) (*http.Request, error) {
	u := url.URL{Scheme: "http", Host: inProcessHost, Path: req.Path, RawQuery: req.Query.Encode()}
	hr, err := http.NewRequestWithContext(ctx, req.Method, u.String(), bytes.NewReader(req.Body))
	if err != nil {
		return nil, err
	}
	if req.Header != nil {
		hr.Header = req.Header.Clone()
	}
	if req.Action != "" && hr.Header.Get("x-acs-action") == "" {
		hr.Header.Set("x-acs-action", req.Action)
	}
	if len(req.Body) > 0 && hr.Header.Get("Content-Type") == "" {
		hr.Header.Set("Content-Type", "application/json")
	}
	return hr, nil
}

// requestView is what the handler reads of a request.
type requestView struct {
	Method, Host           string
	Path, RawPath, Escaped string
	RawQuery               string
	Query                  url.Values
	Header                 http.Header
	Body                   string
	ContentLength          int64
}

func viewOf(t *testing.T, r *http.Request) requestView {
	t.Helper()
	b, err := io.ReadAll(r.Body)
	if err != nil {
		t.Fatal(err)
	}
	return requestView{
		Method: r.Method, Host: r.Host,
		Path: r.URL.Path, RawPath: r.URL.RawPath, Escaped: r.URL.EscapedPath(),
		RawQuery: r.URL.RawQuery, Query: r.URL.Query(), Header: r.Header,
		Body: string(b), ContentLength: r.ContentLength,
	}
}

// checkInProcessRequest compares inProcessRequest with viaURL for req.
func checkInProcessRequest(t *testing.T, req *ack.Request) {
	t.Helper()
	ctx := context.Background()
	want, werr := viaURL(ctx, req)
	got, gerr := inProcessRequest(ctx, req, req.Body)
	if (werr != nil) != (gerr != nil) {
		t.Fatalf("%+v: errors differ: %v / %v", req, werr, gerr)
	}
	if werr != nil {
		return
	}
	if diff := cmp.Diff(viewOf(t, want), viewOf(t, got)); diff != "" {
		t.Fatalf("%+v: request (-via URL +in process):\n%s", req, diff)
	}
}

func TestInProcessRequest(t *testing.T) {
	tests := []struct {
		name string
		req  ack.Request
	}{
		{"read", ack.Request{Action: "DescribeClusterDetail", Method: "GET", Path: "/clusters/c1"}},
		{"query", ack.Request{Action: "DescribeClustersV1", Method: "GET", Path: "/api/v1/clusters",
			Query: url.Values{"name": {"a b&c"}, "page_size": {"5"}, "": {"x"}, "k": {}}}},
		{"write", ack.Request{Action: "CreateCluster", Method: "POST", Path: "/clusters", Body: []byte(`{"name":"x"}`)}},
		{"own headers", ack.Request{Action: "CreateCluster", Method: "POST", Path: "/clusters", Body: []byte(`{}`),
			Header: http.Header{"X-Acs-Action": {"Other"}, "Content-Type": {"text/plain"}, "User-Agent": {"ua"}}}},
		{"lower-case header keys", ack.Request{Action: "A", Method: "GET", Path: "/",
			Header: http.Header{"x-acs-action": {"B"}}}},
		{"no action", ack.Request{Method: "GET", Path: "/quota"}},
		{"empty method", ack.Request{Action: "A", Path: "/quota"}},
		{"bad method", ack.Request{Action: "A", Method: "G ET", Path: "/quota"}},
		{"escapes", ack.Request{Method: "GET", Path: "/clusters/a%2Fb c?#%/é\x00"}},
		{"relative", ack.Request{Method: "GET", Path: "clusters/c1"}},
		{"double slash", ack.Request{Method: "GET", Path: "//clusters"}},
		{"empty path", ack.Request{Method: "GET"}},
		{"control", ack.Request{Method: "POST", Path: "/_fake/advance", Body: []byte(`{"duration":"1s"}`)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkInProcessRequest(t, &tt.req) })
	}
}

func FuzzInProcessRequest(f *testing.F) {
	f.Add("GET", "/clusters/c1", "a=1&b=%20", "", "A")
	f.Add("POST", "clusters", "", `{"x":1}`, "")
	f.Add("", "/a%2Fb/..;/%zz", "=&&", "", "B")
	f.Fuzz(func(t *testing.T, method, path, rawQuery, body, action string) {
		q, err := url.ParseQuery(rawQuery)
		if err != nil {
			return
		}
		req := &ack.Request{Action: action, Method: method, Path: path, Query: q}
		if body != "" {
			req.Body = []byte(body)
		}
		checkInProcessRequest(t, req)
	})
}
