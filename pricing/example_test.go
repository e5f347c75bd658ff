package pricing_test

import (
	"fmt"
	"time"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/pricing"
)

// A managed Pro cluster with two ecs.g6.xlarge workers in cn-hangzhou,
// from 10:20 to 13:40 (UTC+8), priced from the default book under Current:
// the nodes pay per second, the NAT gateway and the API server's load
// balancer per started hour, the management fee per whole clock hour.
func Example() {
	spec := cluster.Spec{Name: "shop", Region: "cn-hangzhou", Form: cluster.ManagedPro,
		NodePools: []nodepool.Spec{{Name: "workers", InstanceTypes: []string{"ecs.g6.xlarge"}, DesiredSize: 2}}}
	start := time.Date(2026, 3, 2, 10, 20, 0, 0, pricing.BillingZone)
	est, err := pricing.Estimator{}.Estimate(pricing.Input{Spec: spec, Start: start, Duration: 3*time.Hour + 20*time.Minute})
	if err != nil {
		panic(err)
	}
	for _, l := range est.Lines {
		fmt.Printf("%-14s %-16s %-18s %s\n", l.Item, l.Resource, l.Quantity, l.Amount)
	}
	fmt.Println("total", est.Total)
	// Output:
	// ecs.g6.xlarge  node pools       2 × 3h20m0s        6.68 CNY
	// nat            NAT gateway      4 hours            0.92 CNY
	// clb.internal   API server       4 hours            0.00 CNY
	// ack.pro        management fee   2 clock hours      1.28 CNY
	// total 8.88 CNY
}

// Comparing the four forms for 20 pods of 1 vCPU and 2 GiB that run four
// hours a day for 30 days.
func ExampleEstimator_Compare() {
	c, err := pricing.Estimator{}.Compare(pricing.Workload{Region: "cn-hangzhou", Pods: 20, PodMilliCPU: 1000, PodMemoryMiB: 2048,
		HoursPerDay: 4 * time.Hour, Days: 30, NodeType: "ecs.g6.xlarge"})
	if err != nil {
		panic(err)
	}
	fmt.Println(c.Nodes, "workers")
	for _, f := range c.Forms {
		fmt.Printf("%-12s %s\n", f.Form, f.Total)
	}
	fmt.Println("cheapest:", c.Cheapest)
	fmt.Println(c.BreakEvens[1])
	// Output:
	// 7 workers
	// Dedicated    7365.60 CNY
	// ManagedBasic 5205.60 CNY
	// ManagedPro   5666.40 CNY
	// Serverless   528.00 CNY
	// cheapest: Serverless
	// ManagedBasic is never cheaper than Serverless
}
