package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/quota"
)

// Credentials of the comparison benchmarks' clients; the canned server
// does not check them.
const (
	benchAK     = "LTAI5tBenchAccessKey"
	benchSecret = "bench-secret-value"
)

// listPageSize is the size of the list page the comparison reads.
const listPageSize = 10

// answers are the bytes the canned server returns, taken once from the
// fake: a running managed cluster's DescribeClusterDetail, a page of
// DescribeClustersV1 with listPageSize clusters and CreateCluster's
// answer.
type answers struct {
	clusterID    string
	detail, list []byte
	create       []byte
	// createSpec is the cluster the write creates; createBody the body
	// the typed client sends for it, createWireBody the same decoded.
	createSpec     cluster.Spec
	createBody     []byte
	createWireBody *wire.CreateClusterRequest
}

var (
	answersOnce sync.Once
	answersVal  answers
	answersErr  error
)

// cannedAnswers returns the answers, made on first use.
func cannedAnswers(tb testing.TB) answers {
	tb.Helper()
	answersOnce.Do(func() { answersVal, answersErr = makeAnswers() })
	if answersErr != nil {
		tb.Fatal(answersErr)
	}
	return answersVal
}

func makeAnswers() (answers, error) {
	ctx := context.Background()
	cloud := fake.New(fake.WithProgressions(fake.Immediately()), fake.WithLimits(quota.CurrentDefaults()))
	cfg := cloud.Config()
	clusters := cluster.NewClient(cfg)
	var a answers
	for i := range listPageSize {
		spec := fleetSpec(i)
		spec.Tags = []cluster.Tag{{Key: "env", Value: "bench"}}
		op, err := clusters.Create(ctx, spec)
		if err != nil {
			return a, err
		}
		if i == 0 {
			a.clusterID = op.ClusterID()
		}
	}
	do := func(req *ack.Request) ([]byte, error) {
		resp, err := cfg.Do(ctx, req)
		if err != nil {
			return nil, err
		}
		return resp.Body, nil
	}
	var err error
	if a.detail, err = do(wire.NewRequest(wire.ActionDescribeClusterDetail, a.clusterID)); err != nil {
		return a, err
	}
	lr := wire.NewRequest(wire.ActionDescribeClustersV1)
	lr.Query = wire.DescribeClustersV1Query{PageNumber: 1, PageSize: listPageSize}.Query()
	if a.list, err = do(lr); err != nil {
		return a, err
	}
	// The write: the body the typed client sends for a cluster of its
	// own VPC, as the fake received it, serves raw net/http and the
	// official SDK; sent again to a fresh fake, it gives the answer.
	a.createSpec = fleetSpec(fleetPerVPC)
	a.createSpec.Name = "bench-write"
	cloud.ClearCalls()
	if _, err := clusters.Create(ctx, a.createSpec); err != nil {
		return a, err
	}
	for _, c := range cloud.Calls() {
		if c.Action == wire.ActionCreateCluster {
			a.createBody = c.Body
		}
	}
	if a.createWireBody, err = wire.Decode[*wire.CreateClusterRequest](a.createBody); err != nil {
		return a, err
	}
	cr := wire.NewRequest(wire.ActionCreateCluster)
	cr.Body = a.createBody
	resp, err := fake.New().Config().Do(ctx, cr)
	if err != nil {
		return a, err
	}
	a.create = resp.Body
	return a, nil
}

// cannedServer serves the answers over local HTTP, whatever the request
// (reads by path, writes by method), reading each request's body first.
func cannedServer(tb testing.TB, a answers) *httptest.Server {
	tb.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		var body []byte
		switch {
		case r.Method == http.MethodPost:
			body = a.create
		case strings.HasPrefix(r.URL.Path, "/api/v1/clusters"):
			body = a.list
		default:
			body = a.detail
		}
		w.Header().Set("Content-Type", "application/json;charset=utf-8")
		w.Header().Set("x-acs-request-id", "BENCH-REQUEST-ID")
		_, _ = w.Write(body)
	}))
	tb.Cleanup(srv.Close)
	return srv
}

// hostPort splits a server URL's host and port.
func hostPort(tb testing.TB, url string) (string, string) {
	tb.Helper()
	host, port, err := net.SplitHostPort(strings.TrimPrefix(url, "http://"))
	if err != nil {
		tb.Fatal(err)
	}
	return host, port
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("bench: encoding %T: %v", v, err))
	}
	return b
}
