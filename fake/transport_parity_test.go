package fake_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
)

// TestTransportsBehaveAlike runs one script against two identical clouds,
// one through the in-process Transport and one over HTTP (without the
// x-acs-action header, as clients built on the SDK's generic request
// send it): every answer, status and body with its request ID, is the
// same byte for byte.
func TestTransportsBehaveAlike(t *testing.T) {
	newCloud := func() *fake.Cloud { return fake.New(fake.WithClock(fake.Manual)) }
	inProcess, served := newCloud(), newCloud()
	srv, err := served.Server()
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()

	type step struct {
		name    string
		action  string
		params  func() []string
		query   url.Values
		body    string
		advance time.Duration // before the call
	}
	var clusterID, taskID string
	cid := func() []string { return []string{clusterID} }
	tid := func() []string { return []string{taskID} }
	script := []step{
		{"create", wire.ActionCreateCluster, nil, nil, mustJSONf(managedRequest("parity")), 0},
		{"detail while creating", wire.ActionDescribeClusterDetail, cid, nil, "", 0},
		{"task while creating", wire.ActionDescribeTaskInfo, tid, nil, "", time.Minute},
		{"detail once running", wire.ActionDescribeClusterDetail, cid, nil, "", 8 * time.Minute},
		{"task once running", wire.ActionDescribeTaskInfo, tid, nil, "", 0},
		{"list", wire.ActionDescribeClustersV1, nil, url.Values{"page_size": {"5"}, "name": {"par"}}, "", 0},
		{"quota", wire.ActionDescribeUserQuota, nil, nil, "", 0},
		{"modify", wire.ActionModifyCluster, cid, nil, `{"cluster_name":"parity-2","deletion_protection":true}`, 0},
		{"modify while updating", wire.ActionModifyCluster, cid, nil, `{"cluster_name":"parity-3"}`, 0},
		{"detail after modify", wire.ActionDescribeClusterDetail, cid, nil, "", time.Minute},
		{"delete refused by protection", wire.ActionDeleteCluster, cid, nil, "", 0},
		{"bad body", wire.ActionCreateCluster, nil, nil, `{"name":`, 0},
		{"rule refusal", wire.ActionCreateCluster, nil, nil, `{"name":"-x","region_id":"cn-hangzhou","cluster_type":"Kubernetes"}`, 0},
		{"not implemented", wire.ActionUpgradeCluster, cid, nil, `{}`, 0},
		{"unknown cluster", wire.ActionDescribeClusterDetail, func() []string { return []string{"cnone"} }, nil, "", 0},
		{"unprotect", wire.ActionModifyCluster, cid, nil, `{"deletion_protection":false}`, 0},
		{"delete", wire.ActionDeleteCluster, cid, url.Values{"retain_all_resources": {"true"}}, "", time.Minute},
		{"detail while deleting", wire.ActionDescribeClusterDetail, cid, nil, "", 0},
		{"detail once deleted", wire.ActionDescribeClusterDetail, cid, nil, "", 3 * time.Minute},
	}
	type answer struct {
		Status int
		Body   string
	}
	for _, s := range script {
		inProcess.Advance(s.advance)
		served.Advance(s.advance)
		var params []string
		if s.params != nil {
			params = s.params()
		}
		req := wire.NewRequest(s.action, params...)
		if s.query != nil {
			req.Query = s.query
		}
		if s.body != "" {
			req.Body = []byte(s.body)
		}
		resp, err := inProcess.Transport().RoundTrip(context.Background(), req)
		if err != nil {
			t.Fatalf("%s in process: %v", s.name, err)
		}
		a := answer{resp.StatusCode, string(resp.Body)}

		u := url.URL{Path: req.Path, RawQuery: req.Query.Encode()}
		hr, err := http.NewRequest(req.Method, srv.URL()+u.String(), bytes.NewReader(req.Body))
		if err != nil {
			t.Fatal(err)
		}
		hresp, err := http.DefaultClient.Do(hr)
		if err != nil {
			t.Fatalf("%s over HTTP: %v", s.name, err)
		}
		body, err := io.ReadAll(hresp.Body)
		hresp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		b := answer{hresp.StatusCode, string(body)}
		if diff := cmp.Diff(a, b); diff != "" {
			t.Fatalf("%s: in process (-) and over HTTP (+) differ:\n%s", s.name, diff)
		}
		if hresp.Header.Get("X-Acs-Request-Id") != resp.RequestID || resp.RequestID == "" {
			t.Fatalf("%s: request IDs %q / %q", s.name, resp.RequestID, hresp.Header.Get("X-Acs-Request-Id"))
		}
		if s.action == wire.ActionCreateCluster && a.Status == http.StatusOK {
			var cr wire.CreateClusterResponse
			if err := json.Unmarshal(resp.Body, &cr); err != nil {
				t.Fatal(err)
			}
			clusterID, taskID = cr.ClusterID, cr.TaskID
		}
		t.Logf("%-30s %d", s.name, a.Status)
	}
	if len(inProcess.Clusters()) != 0 || len(served.Clusters()) != 0 {
		t.Fatal("the deleted cluster is still there")
	}
	// Both logs name the same actions; only the in-process flag differs.
	var ia, sa []string
	for _, k := range inProcess.Calls() {
		ia = append(ia, k.Action)
	}
	for _, k := range served.Calls() {
		sa = append(sa, k.Action)
		if k.InProcess {
			t.Fatalf("call %v over HTTP logged as in process", k)
		}
	}
	if diff := cmp.Diff(ia, sa); diff != "" {
		t.Fatalf("call logs (-in process +HTTP):\n%s", diff)
	}
}
