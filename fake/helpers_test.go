package fake_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/envelope"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/quota"
)

// call sends one request through the in-process transport and returns the
// answer, failing the test on a transport error.
func call(t testing.TB, c *fake.Cloud, action string, params []string, query url.Values, body any) *ack.Response {
	t.Helper()
	req := wire.NewRequest(action, params...)
	if query != nil {
		req.Query = query
	}
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatalf("marshal %s body: %v", action, err)
		}
		req.Body = b
	}
	resp, err := c.Transport().RoundTrip(context.Background(), req)
	if err != nil {
		t.Fatalf("%s: %v", action, err)
	}
	return resp
}

// decode unmarshals an answer's body, failing the test on error.
func decode[T any](t testing.TB, resp *ack.Response) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(resp.Body, &v); err != nil {
		t.Fatalf("decode %T from %s: %v", v, resp.Body, err)
	}
	return v
}

// errorBody decodes an error answer.
func errorBody(t testing.TB, resp *ack.Response) envelope.ErrorBody {
	t.Helper()
	e, ok := envelope.DecodeError(resp.Body)
	if !ok {
		t.Fatalf("HTTP %d: not an error body: %s", resp.StatusCode, resp.Body)
	}
	return e
}

// managedRequest is a valid CreateCluster body of a managed Pro cluster.
func managedRequest(name string) *wire.CreateClusterRequest {
	return &wire.CreateClusterRequest{
		Name: name, RegionID: "cn-hangzhou", ClusterType: "ManagedKubernetes", ClusterSpec: "ack.pro.small",
		VPCID: "vpc-managed1", VSwitchIDs: []string{"vsw-managed1"},
		ContainerCIDR: "172.20.0.0/16", ServiceCIDR: "172.21.0.0/20",
		SNATEntry: wire.Bool(true),
		Addons:    []wire.Addon{{Name: "flannel"}},
	}
}

// dedicatedRequest is a valid CreateCluster body of a dedicated cluster.
func dedicatedRequest(name string) *wire.CreateClusterRequest {
	return &wire.CreateClusterRequest{
		Name: name, RegionID: "cn-hangzhou", ClusterType: "Kubernetes",
		VPCID: "vpc-dedicated1", VSwitchIDs: []string{"vsw-d1"},
		MasterCount:         3,
		MasterVSwitchIDs:    []string{"vsw-d1", "vsw-d1", "vsw-d1"},
		MasterInstanceTypes: []string{"ecs.g7.large", "ecs.g7.large", "ecs.g7.large"},
		ContainerCIDR:       "172.22.0.0/16", ServiceCIDR: "172.23.0.0/20",
		SNATEntry:     wire.Bool(true),
		Addons:        []wire.Addon{{Name: "flannel"}},
		LoginPassword: "Hello1234!",
	}
}

// serverlessRequest is a valid CreateCluster body of a serverless cluster.
func serverlessRequest(name string) *wire.CreateClusterRequest {
	return &wire.CreateClusterRequest{
		Name: name, RegionID: "cn-hangzhou", ClusterType: "ManagedKubernetes", Profile: "Serverless",
		VPCID: "vpc-serverless1", VSwitchIDs: []string{"vsw-s1"}, ServiceCIDR: "172.24.0.0/20",
	}
}

// waitState polls DescribeClusterDetail, sleeping on the fake's clock,
// until the cluster reaches want or the virtual deadline passes.
func waitState(t testing.TB, c *fake.Cloud, id, want string, within time.Duration) wire.ClusterDetail {
	t.Helper()
	deadline := c.Now().Add(within)
	for {
		resp := call(t, c, wire.ActionDescribeClusterDetail, []string{id}, nil, nil)
		if resp.StatusCode != 200 {
			t.Fatalf("describe %s: HTTP %d %s", id, resp.StatusCode, resp.Body)
		}
		d := decode[wire.ClusterDetail](t, resp)
		if d.State == want {
			return d
		}
		if c.Now().After(deadline) {
			t.Fatalf("cluster %s still %s after %s, want %s", id, d.State, within, want)
		}
		_ = c.Clock().Sleep(context.Background(), 30*time.Second)
	}
}

// roomyLimits are the product's limits with room for n clusters of every
// form, for tests that create many.
func roomyLimits(n int) quota.Limits {
	l := quota.ProductDefaults()
	for _, c := range []*quota.Count{&l.Clusters, &l.ManagedClusters, &l.ServerlessClusters} {
		c.Max = n
	}
	return l
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

func mustJSONf(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}
