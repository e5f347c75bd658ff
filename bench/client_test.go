package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/cs"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/internal/wire"
)

// sides are the three clients of one canned server: the typed cluster
// client through ack.LoadConfig's real transport (signed with ACS3), raw
// net/http decoding into the wire types, and the official Go SDK's CS
// client (signed with ROA v1). The official SDK's CS answers keep their
// body as bytes, so its side decodes them as raw net/http does, as a
// caller of it must.
type sides struct {
	typed *cluster.Client
	raw   *http.Client
	url   string
	sdk   *cs.Client
	host  string
	port  string
}

func newSides(b *testing.B, a answers) *sides {
	b.Helper()
	srv := cannedServer(b, a)
	host, port := hostPort(b, srv.URL)
	cfg, err := ack.LoadConfig(context.Background(),
		ack.WithRegion("cn-hangzhou"),
		ack.WithEndpoint(srv.URL),
		ack.WithScheme("http"),
		ack.WithCredentials(benchAK, benchSecret))
	if err != nil {
		b.Fatal(err)
	}
	sdk, err := cs.NewClientWithAccessKey("cn-hangzhou", benchAK, benchSecret)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(sdk.Shutdown)
	raw := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	b.Cleanup(raw.CloseIdleConnections)
	return &sides{typed: cluster.NewClient(cfg, func(o *cluster.ClientOptions) { o.PageSize = listPageSize }),
		raw: raw, url: srv.URL, sdk: sdk, host: host, port: port}
}

// point aims an SDK request at the canned server, over plain HTTP.
func (s *sides) point(r *requests.RoaRequest) {
	r.SetDomain(s.host)
	r.Port = s.port
	r.SetScheme("http")
}

// rawDo sends a request with net/http and decodes the JSON answer into
// out.
func (s *sides) rawDo(method, path string, body []byte, out any) error {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequest(method, s.url+path, rd)
	if err != nil {
		return err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := s.raw.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, out)
}

// BenchmarkRead compares one DescribeClusterDetail: cluster.Client.Get,
// raw net/http with a JSON decode, and the official SDK.
func BenchmarkRead(b *testing.B) {
	a := cannedAnswers(b)
	s := newSides(b, a)
	ctx := context.Background()
	b.Run("typed", func(b *testing.B) {
		loop(b, func() {
			c, err := s.typed.Get(ctx, a.clusterID)
			if err != nil || c.ID != a.clusterID {
				b.Fatal(c, err)
			}
		})
	})
	b.Run("raw", func(b *testing.B) {
		loop(b, func() {
			var d wire.ClusterDetail
			if err := s.rawDo(http.MethodGet, "/clusters/"+a.clusterID, nil, &d); err != nil || d.ClusterID != a.clusterID {
				b.Fatal(d.ClusterID, err)
			}
		})
	})
	b.Run("sdk", func(b *testing.B) {
		loop(b, func() {
			req := cs.CreateDescribeClusterDetailRequest()
			s.point(req.RoaRequest)
			req.ClusterId = a.clusterID
			resp, err := s.sdk.DescribeClusterDetail(req)
			if err != nil {
				b.Fatal(err)
			}
			var d wire.ClusterDetail
			if err := json.Unmarshal(resp.GetHttpContentBytes(), &d); err != nil || d.ClusterID != a.clusterID {
				b.Fatal(d.ClusterID, err)
			}
		})
	})
}

// BenchmarkList compares one page of DescribeClustersV1 (listPageSize
// clusters): cluster.Client.List, raw net/http, the official SDK.
func BenchmarkList(b *testing.B) {
	a := cannedAnswers(b)
	s := newSides(b, a)
	ctx := context.Background()
	b.Run("typed", func(b *testing.B) {
		loop(b, func() {
			n := 0
			for _, err := range s.typed.List(ctx) {
				if err != nil {
					b.Fatal(err)
				}
				n++
			}
			if n != listPageSize {
				b.Fatalf("%d clusters", n)
			}
		})
	})
	b.Run("raw", func(b *testing.B) {
		loop(b, func() {
			var page wire.DescribeClustersV1Response
			if err := s.rawDo(http.MethodGet, "/api/v1/clusters?page_number=1&page_size=10", nil, &page); err != nil || len(page.Clusters) != listPageSize {
				b.Fatal(len(page.Clusters), err)
			}
		})
	})
	b.Run("sdk", func(b *testing.B) {
		loop(b, func() {
			req := cs.CreateDescribeClustersV1Request()
			s.point(req.RoaRequest)
			req.PageNumber = requests.NewInteger(1)
			req.PageSize = requests.NewInteger(listPageSize)
			resp, err := s.sdk.DescribeClustersV1(req)
			if err != nil {
				b.Fatal(err)
			}
			var page wire.DescribeClustersV1Response
			if err := json.Unmarshal(resp.GetHttpContentBytes(), &page); err != nil || len(page.Clusters) != listPageSize {
				b.Fatal(len(page.Clusters), err)
			}
		})
	})
}

// BenchmarkWrite compares one CreateCluster with its body:
// cluster.Client.Create (validation, body and client token included), raw
// net/http encoding the wire request, the official SDK with the same body.
func BenchmarkWrite(b *testing.B) {
	a := cannedAnswers(b)
	s := newSides(b, a)
	ctx := context.Background()
	b.Run("typed", func(b *testing.B) {
		loop(b, func() {
			op, err := s.typed.Create(ctx, a.createSpec)
			if err != nil || op.ClusterID() == "" {
				b.Fatal(err)
			}
		})
	})
	b.Run("raw", func(b *testing.B) {
		loop(b, func() {
			body, err := json.Marshal(a.createWireBody)
			if err != nil {
				b.Fatal(err)
			}
			var out wire.CreateClusterResponse
			if err := s.rawDo(http.MethodPost, "/clusters", body, &out); err != nil || out.ClusterID == "" {
				b.Fatal(err)
			}
		})
	})
	b.Run("sdk", func(b *testing.B) {
		loop(b, func() {
			body, err := json.Marshal(a.createWireBody)
			if err != nil {
				b.Fatal(err)
			}
			req := cs.CreateCreateClusterRequest()
			s.point(req.RoaRequest)
			req.SetContent(body)
			resp, err := s.sdk.CreateCluster(req)
			if err != nil {
				b.Fatal(err)
			}
			var out wire.CreateClusterResponse
			if err := json.Unmarshal(resp.GetHttpContentBytes(), &out); err != nil || out.ClusterID == "" {
				b.Fatal(err)
			}
		})
	})
}
