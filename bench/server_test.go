package bench

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"testing"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
)

// serverSides are the two servers BenchmarkServer compares: the fake's
// HTTP server holding one running cluster, and a bare http.Handler that
// answers every request with the bytes and headers the fake answered
// DescribeClusterDetail with.
type serverSides struct {
	fakeURL, bareURL string
	path             string
	client           *http.Client
}

func newServerSides(b *testing.B) *serverSides {
	b.Helper()
	srv, err := fake.NewServer("127.0.0.1:0", fake.WithProgressions(fake.Immediately()), fake.WithCallLogLimit(64))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = srv.Close() })
	op, err := cluster.NewClient(srv.Cloud().Config()).Create(context.Background(), fleetSpec(0))
	if err != nil {
		b.Fatal(err)
	}
	s := &serverSides{path: "/clusters/" + op.ClusterID(),
		client: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}}
	b.Cleanup(s.client.CloseIdleConnections)
	s.fakeURL = srv.URL()
	resp, err := s.client.Get(s.fakeURL + s.path)
	if err != nil {
		b.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK {
		b.Fatalf("HTTP %d %s: %v", resp.StatusCode, body, err)
	}
	header := resp.Header.Clone()
	bare := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		for k, v := range header {
			if k != "Content-Length" && k != "Date" {
				w.Header()[k] = v
			}
		}
		_, _ = w.Write(body)
	}))
	b.Cleanup(bare.Close)
	s.bareURL = bare.URL
	return s
}

// get reads the cluster's detail from the server at base.
func (s *serverSides) get(b *testing.B, base string) {
	resp, err := s.client.Get(base + s.path)
	if err != nil {
		b.Fatal(err)
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK {
		b.Fatalf("HTTP %d: %v", resp.StatusCode, err)
	}
}

// BenchmarkServer compares the fake's HTTP server with a bare handler
// returning the same bytes, for DescribeClusterDetail, with 1 and 32
// concurrent clients (req/s: requests per second of wall time).
func BenchmarkServer(b *testing.B) {
	s := newServerSides(b)
	for _, clients := range []int{1, 32} {
		for _, side := range []struct{ name, url string }{{"fake", s.fakeURL}, {"bare", s.bareURL}} {
			b.Run(fmt.Sprintf("clients=%d/%s", clients, side.name), func(b *testing.B) {
				b.ReportAllocs()
				m := meterCPU(b)
				if clients == 1 {
					for b.Loop() {
						s.get(b, side.url)
					}
				} else {
					b.SetParallelism((clients + runtime.GOMAXPROCS(0) - 1) / runtime.GOMAXPROCS(0))
					b.RunParallel(func(pb *testing.PB) {
						for pb.Next() {
							s.get(b, side.url)
						}
					})
				}
				m.report()
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
			})
		}
	}
}
