package cluster_test

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
)

// TestUpgradeRequestShape compares the body Upgrade sends, as the fake
// logged it, with testdata/upgrade_cluster.json.
func TestUpgradeRequestShape(t *testing.T) {
	ctx := context.Background()
	cloud := fake.New()
	c := newClient(cloud)
	spec := clientManaged("g1")
	spec.KubernetesVersion = "1.32.1-aliyun.1"
	cl := createRunning(t, c, spec)
	if _, err := c.Upgrade(ctx, cl.ID, "1.34.1-aliyun.1", func(o *cluster.UpgradeOptions) { o.ControlPlaneOnly = true }); err != nil {
		t.Fatal(err)
	}
	var body []byte
	for _, call := range cloud.Calls() {
		if call.Action == wire.ActionUpgradeCluster {
			body = call.Body
		}
	}
	var got, want any
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatalf("UpgradeCluster body %q: %v", body, err)
	}
	golden, err := os.ReadFile("testdata/upgrade_cluster.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(golden, &want); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("UpgradeCluster body (-golden +got):\n%s", diff)
	}
}
