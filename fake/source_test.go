package fake_test

import (
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/nodepool"
)

// TestNodeSourcesAreACKs makes nodes every way the fake can (masters and
// legacy workers with the cluster, pools with the cluster and on their
// own, a pool's scale-out, the cluster's ScaleOutCluster, the autoscaler)
// and lists them over HTTP: every node of a pool reports ACK's one
// documented source, "ess_attach", and every node of no pool reports
// none, so no source the fake invents reaches the wire. The origins stay
// in the fake's Go view, which the test checks covers every origin the
// fake makes, inside pools and out.
func TestNodeSourcesAreACKs(t *testing.T) {
	c := fake.New(fake.WithProgressions(fake.Immediately()))
	onD1 := func(b *wire.Nodepool) *wire.Nodepool {
		b.ScalingGroup.VSwitchIDs = []string{"vsw-d1"}
		return b
	}
	req := dedicatedRequest("sources")
	req.NumOfNodes = wire.Int(2)
	req.WorkerInstanceTypes = []string{"ecs.g7.large"}
	req.WorkerVSwitchIDs = []string{"vsw-d1"}
	req.Nodepools = []wire.Nodepool{*onD1(poolBody("with-cluster", 1))}
	id := runningCluster(t, c, req)

	poolID, _ := createPool(t, c, id, onD1(poolBody("web", 2)))
	c.Advance(time.Minute)
	if a := scalePool(t, c, id, poolID, 2); a.code() != "" {
		t.Fatalf("ScaleClusterNodePool: %s", a.body)
	}
	c.Advance(time.Minute)
	out := wire.ScaleOutClusterRequest{Count: 1, VSwitchIDs: []string{"vsw-d1"}, WorkerInstanceTypes: []string{"ecs.c7.large"}, LoginPassword: "Hello1234!"}
	if resp := call(t, c, wire.ActionScaleOutCluster, []string{id}, nil, out); resp.StatusCode != http.StatusOK {
		t.Fatalf("ScaleOutCluster: %s", resp.Body)
	}
	c.Advance(time.Minute)
	burst, _ := createPool(t, c, id, onD1(autoscaledBody("burst", 1, 4)))
	c.Advance(time.Minute)
	if err := c.SetDemand(id, burst, 3); err != nil {
		t.Fatal(err)
	}
	c.Advance(time.Minute)

	// The fake made nodes of every origin it knows, in pools and out.
	type kind struct {
		InPool bool
		Origin nodepool.Origin
	}
	made := map[kind]int{}
	for _, n := range c.Nodes(id) {
		made[kind{n.PoolID != "", n.Origin}]++
	}
	wantMade := map[kind]int{
		{false, nodepool.OriginInitial}:  5, // 3 masters, 2 legacy workers
		{false, nodepool.OriginScaleOut}: 1, // ScaleOutCluster
		{true, nodepool.OriginInitial}:   4, // with-cluster 1, web 2, burst's minimum 1
		{true, nodepool.OriginScaleOut}:  4, // web's scale-out 2, burst's autoscaler 2
	}
	if diff := cmp.Diff(wantMade, made); diff != "" {
		t.Fatalf("nodes the fake made (-want +got):\n%s", diff)
	}

	srv, err := c.Server()
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	client := &http.Client{Timeout: 5 * time.Second}
	resp, err := client.Get(srv.URL() + "/clusters/" + id + "/nodes?pageSize=100")
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("DescribeClusterNodes over HTTP: %d %s %v", resp.StatusCode, body, err)
	}
	// Read raw, so that a source present but empty, or of another JSON
	// type, is seen too.
	var page struct {
		Nodes []map[string]any `json:"nodes"`
	}
	if err := json.Unmarshal(body, &page); err != nil {
		t.Fatalf("decode %s: %v", body, err)
	}
	const absent = "(absent)"
	sources := map[bool][]string{} // by whether the node is in a pool
	for _, n := range page.Nodes {
		src := any(absent)
		if v, ok := n["source"]; ok {
			src = v
		}
		s, ok := src.(string)
		if !ok {
			t.Fatalf("node %v: source %v is not a string", n["instance_id"], src)
		}
		inPool := n["nodepool_id"] != nil && n["nodepool_id"] != ""
		if !slices.Contains(sources[inPool], s) {
			sources[inPool] = append(sources[inPool], s)
		}
	}
	allowed := map[bool][]string{true: {nodepool.SourceESSAttach}, false: {absent}}
	if diff := cmp.Diff(allowed, sources); diff != "" {
		t.Errorf("sources on the wire, by pool membership (-allowed +got):\n%s", diff)
	}
	if len(page.Nodes) != len(c.Nodes(id)) {
		t.Errorf("the wire lists %d nodes, the fake holds %d", len(page.Nodes), len(c.Nodes(id)))
	}
	if nodepool.SourceESSAttach != "ess_attach" {
		t.Errorf("SourceESSAttach = %q, want ACK's documented example %q", nodepool.SourceESSAttach, "ess_attach")
	}
}
