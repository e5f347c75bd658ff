package fake_test

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/pricing"
)

// What a scenario cost: a serverless cluster runs three 2 vCPU / 4 GiB
// container instances for 50 minutes and one for 40 seconds; the bill is
// settled hour by hour from the default book.
func ExampleCloud_Bill() {
	start := time.Date(2026, 3, 2, 10, 0, 0, 0, pricing.BillingZone)
	cloud := fake.New(fake.WithClock(fake.Manual), fake.WithStart(start))
	create := wire.NewRequest(wire.ActionCreateCluster)
	create.Body, _ = json.Marshal(map[string]any{
		"name": "ci", "region_id": "cn-hangzhou", "cluster_type": "ManagedKubernetes", "profile": "Serverless",
		"vpcid": "vpc-ci", "vswitch_ids": []string{"vsw-ci"},
	})
	resp, _ := cloud.Transport().RoundTrip(context.Background(), create)
	var created wire.CreateClusterResponse
	_ = json.Unmarshal(resp.Body, &created)
	cloud.Advance(10 * time.Minute) // running since 10:02

	size := fake.ContainerSize{MilliCPU: 2000, MemoryMiB: 4096}
	ids, _ := cloud.StartContainerInstances(created.ClusterID, 4, size)
	cloud.Advance(40 * time.Second)
	_ = cloud.StopContainerInstance(created.ClusterID, ids[3])
	cloud.Advance(50*time.Minute - 40*time.Second) // 11:00
	for _, id := range ids[:3] {
		_ = cloud.StopContainerInstance(created.ClusterID, id)
	}

	bill, err := cloud.Bill(start, cloud.Now())
	if err != nil {
		panic(err)
	}
	for _, l := range bill.Lines {
		fmt.Printf("%-12s %-8s %s\n", l.Item, l.Quantity, l.Amount)
	}
	fmt.Println("total", bill.Total)
	// Output:
	// eci          50m0s    0.37 CNY
	// eci          50m0s    0.37 CNY
	// eci          50m0s    0.37 CNY
	// eci          40s      0.00 CNY
	// clb.internal 1 hour   0.00 CNY
	// total 1.11 CNY
}
