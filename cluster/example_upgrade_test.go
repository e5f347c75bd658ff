package cluster_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/version"
)

// Upgrade goes to the next minor only. Judged against the catalog ACK
// answers, a version it does not offer (1.36 is not out on 2026-01-01)
// is refused before any call; the next minor's upgrade is followed
// through its steps to the cluster running the new version.
func ExampleClient_Upgrade() {
	ctx := context.Background()
	cloud := fake.New() // 2026-01-01: 1.32 and 1.34 are creatable
	clusters := cluster.NewClient(cloud.Config())
	op, _ := clusters.Create(ctx, cluster.Spec{
		Name: "demo", Form: cluster.ManagedPro, KubernetesVersion: "1.32.1-aliyun.1",
		VPCID: "vpc-demo", VSwitches: []cluster.VSwitch{{ID: "vsw-demo"}},
		Network: cluster.Network{Plugin: cluster.Flannel, PodCIDR: "172.20.0.0/16"},
	})
	c, _ := op.Wait(ctx)

	catalog, err := version.NewClient(cloud.Config()).Catalog(ctx, func(o *version.CatalogOptions) { o.Mode = version.ModeSupported })
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = clusters.Upgrade(ctx, c.ID, "1.36.1-aliyun.1", func(o *cluster.UpgradeOptions) { o.Catalog = catalog })
	var ve *ack.ValidationError
	if errors.As(err, &ve) {
		fmt.Println("refused:", ve.Violations[0].Rule)
	}

	up, err := clusters.Upgrade(ctx, c.ID, "1.34.1-aliyun.1", func(o *cluster.UpgradeOptions) { o.Catalog = catalog })
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err = up.Wait(ctx, func(o *cluster.WaitOptions) {
		o.OnProgress = func(p cluster.Progress) { fmt.Printf("%s: %s\n", p.Phase, p.To) }
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.State, c.Spec.KubernetesVersion)
	// Output:
	// refused: cluster.upgrade.not_offered
	// task: prechecking
	// task: upgrading
	// task: success
	// cluster: running on 1.34.1-aliyun.1
	// running 1.34.1-aliyun.1
}
