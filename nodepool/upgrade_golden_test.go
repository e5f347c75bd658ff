package nodepool

import (
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestUpgradeRequestShape compares the UpgradeClusterNodepool body of
// full options with testdata/upgrade_request.json, and reads it back.
func TestUpgradeRequestShape(t *testing.T) {
	o := UpgradeOptions{
		KubernetesVersion: "1.34.1-aliyun.1", ImageID: "aliyun_3_x64_20G_alibase_20250101.vhd",
		Runtime: Containerd, RuntimeVersion: "2.1.1", NodeNames: []string{"cn-hangzhou.192.168.0.101"}, UseReplace: true,
		Rolling: &RollingPolicy{MaxParallelism: 2, BatchInterval: 10 * time.Minute, PausePolicy: PauseFirstBatch},
	}
	got, err := json.Marshal(o.request())
	if err != nil {
		t.Fatal(err)
	}
	golden, err := os.ReadFile("testdata/upgrade_request.json")
	if err != nil {
		t.Fatal(err)
	}
	var g, w any
	_ = json.Unmarshal(got, &g)
	if err := json.Unmarshal(golden, &w); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(w, g); diff != "" {
		t.Errorf("body (-golden +got):\n%s", diff)
	}
	back, err := UpgradeOptionsFromRequest(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(o, back); diff != "" {
		t.Errorf("read back (-sent +read):\n%s", diff)
	}
}
