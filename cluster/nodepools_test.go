package cluster_test

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/nodepool"
)

// testPool is a valid node pool on vSwitch vsw.
func testPool(name, vsw string) nodepool.Spec {
	return nodepool.Spec{Name: name, VSwitchIDs: []string{vsw}, InstanceTypes: []string{"ecs.g7.xlarge"}, DesiredSize: 2, KeyPair: "ops"}
}

// TestCreateWithNodePools creates a managed cluster with two typed node
// pools in one CreateCluster call and finds both pools, with their sizes,
// on the fake; the first is the default pool.
func TestCreateWithNodePools(t *testing.T) {
	ctx := context.Background()
	cloud := fake.New()
	spec := clientManaged("1")
	vsw := spec.VSwitches[0].ID
	a, b := testPool("web", vsw), testPool("batch", vsw)
	b.DesiredSize = 3
	spec.NodePools = []nodepool.Spec{a, b}
	op, err := newClient(cloud).Create(ctx, spec)
	if err != nil {
		t.Fatal(err)
	}
	cl, err := op.Wait(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n := countCalls(cloud, "CreateCluster"); n != 1 {
		t.Errorf("%d CreateCluster calls, want 1", n)
	}
	pools := nodepool.NewClient(cloud.Config())
	var got []string
	for d, err := range pools.List(ctx, cl.ID) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, d.Spec.Name)
		want := map[string]int{"web": 2, "batch": 3}[d.Spec.Name]
		if d.Size() != want {
			t.Errorf("pool %s has size %d, want %d", d.Spec.Name, d.Size(), want)
		}
		if d.Default != (d.Spec.Name == "web") {
			t.Errorf("pool %s: default %t", d.Spec.Name, d.Default)
		}
	}
	if diff := cmp.Diff([]string{"web", "batch"}, got); diff != "" {
		t.Errorf("pools (-want +got):\n%s", diff)
	}
}

// TestNodePoolRulesRunOnce checks that a broken node pool of a Spec is
// refused before any call with the nodepool package's rule, once, under
// the pool's field path, and that the fake refuses the same body with the
// same rule at the same path.
func TestNodePoolRulesRunOnce(t *testing.T) {
	spec := clientManaged("1")
	bad := testPool("web", spec.VSwitches[0].ID)
	bad.InstanceTypes = nil
	spec.NodePools = []nodepool.Spec{bad}
	var ve *ack.ValidationError
	if !errors.As(cluster.Validate(spec), &ve) {
		t.Fatal("a pool without instance types passes Validate")
	}
	var client []string
	for _, v := range ve.Violations {
		client = append(client, v.Rule+" @ "+v.Field)
	}
	if len(client) != 1 {
		t.Fatalf("client violations %v, want exactly one", client)
	}
	var fromFake *ack.ValidationError
	err := clusterWire.ValidateCreate(clusterWire.CreateRequest(spec))
	if !errors.As(err, &fromFake) {
		t.Fatalf("the fake's check accepts the body: %v", err)
	}
	var server []string
	for _, v := range fromFake.Violations {
		server = append(server, v.Rule+" @ "+v.Field)
	}
	if diff := cmp.Diff(client, server); diff != "" {
		t.Errorf("client and fake disagree (-client +fake):\n%s", diff)
	}
}

// countCalls counts the calls of action in the fake's log.
func countCalls(cloud *fake.Cloud, action string) int {
	n := 0
	for _, c := range cloud.Calls() {
		if c.Action == action {
			n++
		}
	}
	return n
}
