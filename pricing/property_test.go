package pricing_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/pricing"
)

const propertyRuns = 300

var nodeTypes = []string{"ecs.g6.large", "ecs.g6.xlarge", "ecs.c7.large", "ecs.r6.large", "ecs.g7.xlarge"}

func randInput(r *rand.Rand) pricing.Input {
	forms := []cluster.Form{cluster.Dedicated, cluster.ManagedBasic, cluster.ManagedPro, cluster.Serverless}
	s := cluster.Spec{Name: "x", Region: []string{"cn-hangzhou", "cn-beijing", "ap-southeast-1"}[r.IntN(3)], Form: forms[r.IntN(4)],
		PublicEndpoint: r.IntN(2) == 0,
		Masters:        &cluster.Masters{InstanceTypes: []string{nodeTypes[r.IntN(len(nodeTypes))]}}}
	for range r.IntN(4) {
		s.NodePools = append(s.NodePools, nodepool.Spec{Name: "p", InstanceTypes: []string{nodeTypes[r.IntN(len(nodeTypes))]}, DesiredSize: r.IntN(20)})
	}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, pricing.BillingZone).Add(time.Duration(r.Int64N(int64(30 * 24 * time.Hour))))
	return pricing.Input{Spec: s, Start: start, Duration: time.Duration(r.Int64N(int64(72 * time.Hour))),
		Pods: pricing.Pods{Count: r.IntN(50), MilliCPU: int64(250 * (1 + r.IntN(16))), MemoryMiB: int64(512 * (1 + r.IntN(16))),
			HoursPerDay: time.Duration(r.Int64N(int64(24*time.Hour) + 1))}}
}

// Totals equal the sum of their lines, and a longer duration never costs
// less, for random specs, starts and durations.
func TestPropertyEstimates(t *testing.T) {
	seed := rand.Uint64()
	r := rand.New(rand.NewPCG(seed, 13))
	e := pricing.Estimator{Book: pricing.DefaultBook()}
	for i := range propertyRuns {
		in := randInput(r)
		est, err := e.Estimate(in)
		if err != nil {
			t.Fatalf("seed %d, run %d: %v", seed, i, err)
		}
		sum, err := pricing.Sum(est.Lines)
		if err != nil || !sum.Equal(est.Total) {
			t.Fatalf("seed %d, run %d: lines add up to %v (%v); total %v", seed, i, sum, err, est.Total)
		}
		longer := in
		longer.Duration += time.Duration(r.Int64N(int64(10 * time.Hour)))
		est2, err := e.Estimate(longer)
		if err != nil {
			t.Fatal(err)
		}
		if c, _ := est2.Total.Cmp(est.Total); c < 0 {
			t.Fatalf("seed %d, run %d: %s for %s costs %v, less than %v for %s", seed, i, in.Spec.Form, longer.Duration, est2.Total, est.Total, in.Duration)
		}
	}
}

// A longer life never settles cheaper, wherever it starts.
func TestPropertySettleMonotone(t *testing.T) {
	seed := rand.Uint64()
	r := rand.New(rand.NewPCG(seed, 14))
	for i := range propertyRuns {
		ps := eciSecond(t, int64(250*(1+r.IntN(64))), int64(512*(1+r.IntN(64))))
		from := at(0, 0, 0).Add(time.Duration(r.Int64N(int64(24 * time.Hour))))
		d := time.Duration(r.Int64N(int64(5 * time.Hour)))
		a := pricing.Settle(ps, from, from.Add(d))
		b := pricing.Settle(ps, from, from.Add(d+time.Duration(r.Int64N(int64(time.Hour)))))
		if c, _ := b.Cmp(a); c < 0 {
			t.Fatalf("seed %d, run %d: a longer life settles to %v, less than %v", seed, i, b, a)
		}
	}
}
