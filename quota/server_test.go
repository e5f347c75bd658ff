package quota_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/vclock"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/quota"
)

// testAccount is what a testServer answers from.
type testAccount struct {
	// quota is DescribeUserQuota's answer.
	quota *wire.UserQuota
	// clusters are listed by DescribeClustersV1, in this order.
	clusters []wire.ClusterDetail
	// nodes and pools count each cluster's nodes and node pools; a
	// cluster missing from clusters is not found.
	nodes, pools map[string]int
	// noTotal makes DescribeClusterNodes report a total_count of 0.
	noTotal bool
}

// errAnswer is an error answer of the testServer.
type errAnswer struct {
	status int
	code   string
	// times is how many calls fail; 0 fails every call.
	times int
}

// testServer is a stateful ACK for the client's reads, routed with the
// SDK's route table. It logs every call as "Action path?query" and fails
// the test on any call that is not a safe GET.
type testServer struct {
	t    testing.TB
	acct testAccount
	// raw serves the named testdata/client file verbatim for an action.
	raw map[string]string
	// fail answers the call whose log entry is the key with an error.
	fail map[string]errAnswer

	mu  sync.Mutex
	log []string
}

// newTestServer returns a server over acct; a nil quota answers the
// product defaults.
func newTestServer(t testing.TB, acct testAccount) *testServer {
	if acct.quota == nil {
		acct.quota = quotaWire.Wire(quota.ProductDefaults())
	}
	return &testServer{t: t, acct: acct, raw: map[string]string{}, fail: map[string]errAnswer{}}
}

// config returns a Config that sends through s on a virtual clock.
func (s *testServer) config() *ack.Config {
	return ack.NewConfig(ack.WithTransport(s), ack.WithClock(vclock.NewAuto()), ack.WithRegion("cn-hangzhou"))
}

// calls returns the call log.
func (s *testServer) calls() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.log...)
}

// RoundTrip answers one request.
func (s *testServer) RoundTrip(_ context.Context, req *ack.Request) (*ack.Response, error) {
	route, params, ok := wire.MatchRequest(req)
	entry := req.Action + " " + req.Path
	if len(req.Query) > 0 {
		entry += "?" + req.Query.Encode()
	}
	s.mu.Lock()
	s.log = append(s.log, entry)
	seq := len(s.log)
	s.mu.Unlock()

	switch {
	case !ok || route.Action != req.Action:
		s.t.Errorf("call %q matches no route of its action", entry)
		return s.answer(seq, http.StatusNotFound, map[string]string{"code": "InvalidAction.NotFound"})
	case req.Method != http.MethodGet || req.Retry != ack.Safe:
		s.t.Errorf("call %q is %s with retry %v; the quota client only reads (GET, Safe)", entry, req.Method, req.Retry)
		return s.answer(seq, http.StatusForbidden, map[string]string{"code": "Forbidden.Mutation"})
	}
	s.mu.Lock()
	e, failed := s.fail[entry]
	if failed && e.times > 0 {
		if e.times--; e.times == 0 {
			delete(s.fail, entry)
		} else {
			s.fail[entry] = e
		}
	}
	s.mu.Unlock()
	if failed {
		return s.answer(seq, e.status, map[string]string{"code": e.code, "message": "injected for " + entry})
	}
	if name, ok := s.raw[route.Action]; ok {
		body, err := os.ReadFile(filepath.Join("testdata", "client", name))
		if err != nil {
			s.t.Fatal(err)
		}
		return &ack.Response{StatusCode: http.StatusOK, Header: s.header(seq), Body: body}, nil
	}

	id := params[wire.ParamClusterID]
	switch route.Action {
	case wire.ActionDescribeUserQuota:
		return s.answer(seq, http.StatusOK, s.acct.quota)
	case wire.ActionDescribeClustersV1:
		q, err := wire.ParseDescribeClustersV1Query(req.Query)
		if err != nil {
			return s.answer(seq, http.StatusBadRequest, map[string]string{"code": "InvalidParameterFormat", "message": err.Error()})
		}
		var match []wire.ClusterDetail
		for _, c := range s.acct.clusters {
			if q.ClusterID == "" || q.ClusterID == c.ClusterID {
				match = append(match, c)
			}
		}
		lo, hi := pageBounds(q.PageNumber, q.PageSize, len(match))
		return s.answer(seq, http.StatusOK, wire.DescribeClustersV1Response{
			Clusters: match[lo:hi],
			PageInfo: wire.PageInfo{PageNumber: q.PageNumber, PageSize: q.PageSize, TotalCount: int64(len(match))},
		})
	case wire.ActionDescribeClusterNodes:
		if !s.exists(id) {
			return s.notFound(seq, id)
		}
		q, err := wire.ParseDescribeClusterNodesQuery(req.Query)
		if err != nil {
			return s.answer(seq, http.StatusBadRequest, map[string]string{"code": "InvalidParameterFormat", "message": err.Error()})
		}
		n := s.acct.nodes[id]
		lo, hi := pageBounds(q.PageNumber, q.PageSize, n)
		page := wire.DescribeClusterNodesResponse{Page: wire.PageInfo{PageNumber: q.PageNumber, PageSize: q.PageSize, TotalCount: int64(n)}}
		if s.acct.noTotal {
			page.Page.TotalCount = 0
		}
		for i := lo; i < hi; i++ {
			page.Nodes = append(page.Nodes, wire.Node{InstanceID: fmt.Sprintf("i-%s-%04d", id, i), State: "running"})
		}
		return s.answer(seq, http.StatusOK, page)
	case wire.ActionDescribeClusterNodePools:
		if !s.exists(id) {
			return s.notFound(seq, id)
		}
		var resp wire.DescribeNodePoolsResponse
		for i := range s.acct.pools[id] {
			resp.Nodepools = append(resp.Nodepools, wire.NodePoolDetail{Nodepool: wire.Nodepool{
				NodepoolInfo: &wire.NodepoolInfo{NodepoolID: "np-" + id + "-" + strconv.Itoa(i)},
			}})
		}
		return s.answer(seq, http.StatusOK, resp)
	}
	s.t.Errorf("call %q: the test server does not serve %s", entry, route.Action)
	return s.answer(seq, http.StatusBadRequest, map[string]string{"code": "NotImplemented"})
}

func (s *testServer) exists(id string) bool {
	for _, c := range s.acct.clusters {
		if c.ClusterID == id {
			return true
		}
	}
	return false
}

func (s *testServer) notFound(seq int, id string) (*ack.Response, error) {
	return s.answer(seq, http.StatusNotFound, map[string]string{
		"code": "ErrorClusterNotFound", "message": "The specified cluster " + id + " does not exist.",
	})
}

func (s *testServer) header(seq int) http.Header {
	h := http.Header{}
	h.Set("Content-Type", "application/json")
	h.Set("X-Acs-Request-Id", fmt.Sprintf("req-%d", seq))
	return h
}

func (s *testServer) answer(seq, status int, v any) (*ack.Response, error) {
	body, err := json.Marshal(v)
	if err != nil {
		s.t.Fatal(err)
	}
	return &ack.Response{StatusCode: status, Header: s.header(seq), Body: body}, nil
}

// pageBounds returns the bounds of a page of n items; page and size take
// ACK's defaults (1 and 10) when zero.
func pageBounds(page, size int64, n int) (lo, hi int) {
	if page < 1 {
		page = 1
	}
	if size < 1 {
		size = 10
	}
	lo = int(min((page-1)*size, int64(n)))
	hi = int(min(int64(lo)+size, int64(n)))
	return lo, hi
}

// readGolden decodes a file of testdata/client into a T.
func readGolden[T any](t testing.TB, name string) T {
	t.Helper()
	body, err := os.ReadFile(filepath.Join("testdata", "client", name))
	if err != nil {
		t.Fatal(err)
	}
	v, err := wire.Decode[T](body)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return v
}

// teamAccount is the account of the golden files: six dedicated and four
// managed clusters (ten, the product's cluster quota), two serverless
// clusters (the product's serverless quota) and a registered one. c-prod
// has 38 nodes (the golden node page's total) and 4 node pools (the golden
// node pool list); every other cluster has its size in nodes and one node
// pool, none when serverless.
func teamAccount(t testing.TB) testAccount {
	t.Helper()
	list := readGolden[wire.DescribeClustersV1Response](t, "describe_clusters_v1.json")
	nodes := readGolden[wire.DescribeClusterNodesResponse](t, "describe_cluster_nodes.json")
	pools := readGolden[wire.DescribeNodePoolsResponse](t, "describe_cluster_nodepools.json")
	acct := testAccount{clusters: list.Clusters, nodes: map[string]int{}, pools: map[string]int{}}
	for _, c := range list.Clusters {
		acct.nodes[c.ClusterID] = int(c.Size)
		if quota.ClassifyCluster(c.ClusterType, c.Profile) != quota.Serverless {
			acct.pools[c.ClusterID] = 1
		}
	}
	acct.nodes["c-prod"] = int(nodes.Page.TotalCount)
	acct.pools["c-prod"] = len(pools.Nodepools)
	return acct
}

// manyClusters returns an account of n managed clusters c-0000, c-0001, ...
func manyClusters(n int) testAccount {
	acct := testAccount{nodes: map[string]int{}, pools: map[string]int{}}
	for i := range n {
		acct.clusters = append(acct.clusters, wire.ClusterDetail{
			ClusterID: fmt.Sprintf("c-%04d", i), ClusterType: "ManagedKubernetes", Profile: "Default", State: "running",
		})
	}
	return acct
}
