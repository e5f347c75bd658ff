package pricing_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/pricing"
)

// fleet is 1,000 clusters of 10 node pools each: 10,000 node pools.
func fleet() []cluster.Spec {
	forms := []cluster.Form{cluster.Dedicated, cluster.ManagedBasic, cluster.ManagedPro}
	specs := make([]cluster.Spec, 1000)
	for i := range specs {
		s := cluster.Spec{Name: fmt.Sprintf("c%d", i), Region: "cn-hangzhou", Form: forms[i%3],
			Masters: &cluster.Masters{InstanceTypes: []string{"ecs.g6.xlarge"}}}
		for j := range 10 {
			s.NodePools = append(s.NodePools, nodepool.Spec{Name: fmt.Sprintf("p%d", j),
				InstanceTypes: []string{nodeTypes[(i+j)%len(nodeTypes)]}, DesiredSize: 1 + (i*j)%40})
		}
		specs[i] = s
	}
	return specs
}

// BenchmarkEstimateFleet estimates 10,000 node pools (1,000 clusters)
// for 30 days per iteration. Goal: under 10 ms.
func BenchmarkEstimateFleet(b *testing.B) {
	specs := fleet()
	e := pricing.Estimator{Book: pricing.DefaultBook()}
	start := time.Date(2026, 1, 1, 0, 17, 0, 0, pricing.BillingZone)
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range specs {
			if _, err := e.Estimate(pricing.Input{Spec: s, Start: start, Duration: 30 * 24 * time.Hour}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkEstimateOneClusterOf10000Pools estimates one cluster of 10,000
// node pools.
func BenchmarkEstimateOneClusterOf10000Pools(b *testing.B) {
	s := cluster.Spec{Name: "big", Region: "cn-hangzhou", Form: cluster.ManagedPro}
	for _, f := range fleet() {
		s.NodePools = append(s.NodePools, f.NodePools...)
	}
	e := pricing.Estimator{Book: pricing.DefaultBook()}
	start := time.Date(2026, 1, 1, 0, 17, 0, 0, pricing.BillingZone)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Estimate(pricing.Input{Spec: s, Start: start, Duration: 30 * 24 * time.Hour}); err != nil {
			b.Fatal(err)
		}
	}
}
