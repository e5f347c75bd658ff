package bench

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/quota"
)

// fleetFlag lists the fleet sizes of BenchmarkFleet.
var fleetFlag = flag.String("fleet", "1000,10000", "comma-separated fleet sizes (clusters) of BenchmarkFleet")

// fleetPoolSize is the node count of each fleet cluster's one node pool.
const fleetPoolSize = 40

// fleetPerVPC is how many fleet clusters share a VPC, each with its own
// pod and Service CIDRs, so that the fake's overlap check has neighbours
// to look at.
const fleetPerVPC = 100

// fleetSizes parses -fleet.
func fleetSizes(tb testing.TB) []int {
	var out []int
	for _, f := range strings.Split(*fleetFlag, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			tb.Fatalf("-fleet: %q is not a positive number", f)
		}
		out = append(out, n)
	}
	return out
}

// fleet is a fake ACK holding a fleet of running managed clusters, each
// with one node pool of fleetPoolSize nodes, and the typed clients on it.
type fleet struct {
	cloud    *fake.Cloud
	clusters *cluster.Client
	pools    *nodepool.Client
	ids      []string
	next     int // the number of the next cluster to create
	heapMB   float64
}

// newFleet builds a fleet of n clusters in process. Every change completes
// at once, so each cluster runs as soon as it is created.
func newFleet(tb testing.TB, n int) *fleet {
	tb.Helper()
	l := quota.ProductDefaults()
	l.Clusters.Max, l.ManagedClusters.Max = 1<<30, 1<<30
	cloud := fake.New(fake.WithProgressions(fake.Immediately()), fake.WithLimits(l), fake.WithCallLogLimit(16))
	f := &fleet{
		cloud:    cloud,
		clusters: cluster.NewClient(cloud.Config(), func(o *cluster.ClientOptions) { o.PageSize = cluster.MaxPageSize }),
		pools:    nodepool.NewClient(cloud.Config()),
	}
	ctx := context.Background()
	for range n {
		id, err := f.create(ctx)
		if err != nil {
			tb.Fatal(err)
		}
		f.ids = append(f.ids, id)
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	f.heapMB = float64(ms.HeapInuse) / (1 << 20)
	return f
}

// fleetSpec is the spec of fleet cluster i: fleetPerVPC clusters share a
// VPC, each with its own /16 pod CIDR and /20 Service CIDR.
func fleetSpec(i int) cluster.Spec {
	vpc, k := i/fleetPerVPC, i%fleetPerVPC
	return cluster.Spec{
		Name:        fmt.Sprintf("fleet-%d", i),
		Region:      fake.DefaultRegion,
		Form:        cluster.ManagedPro,
		VPCID:       fmt.Sprintf("vpc-fleet%d", vpc),
		VSwitches:   []cluster.VSwitch{{ID: fmt.Sprintf("vsw-fleet%d", vpc)}},
		Network:     cluster.Network{Plugin: cluster.Flannel, PodCIDR: fmt.Sprintf("10.%d.0.0/16", k)},
		ServiceCIDR: fmt.Sprintf("172.%d.%d.0/20", 16+k/16, k%16*16),
		SNAT:        cluster.Bool(true),
	}
}

// create makes the next fleet cluster and its node pool and returns the
// cluster's ID.
func (f *fleet) create(ctx context.Context) (string, error) {
	spec := fleetSpec(f.next)
	f.next++
	op, err := f.clusters.Create(ctx, spec)
	if err != nil {
		return "", err
	}
	id := op.ClusterID()
	if _, err := f.pools.Create(ctx, id, nodepool.Spec{
		Name:          "pool",
		VSwitchIDs:    []string{spec.VSwitches[0].ID},
		InstanceTypes: []string{"ecs.g7.xlarge"},
		DesiredSize:   fleetPoolSize,
		KeyPair:       "ops",
	}); err != nil {
		return "", fmt.Errorf("cluster %s: %w", id, err)
	}
	return id, nil
}

// BenchmarkFleet measures the fake in process at the fleet sizes of
// -fleet: creating one more cluster with its pool (the cluster is deleted
// again outside the timer, so the fleet keeps its size), getting a
// cluster, reading one page of the list and listing every cluster, pages
// of cluster.MaxPageSize. Each reports the heap in use once the fleet was
// built (MB-heap).
func BenchmarkFleet(b *testing.B) {
	for _, n := range fleetSizes(b) {
		b.Run(fmt.Sprintf("clusters=%d", n), func(b *testing.B) { benchFleet(b, n) })
	}
}

func benchFleet(b *testing.B, n int) {
	f := newFleet(b, n)
	ctx := context.Background()
	b.Run("create", func(b *testing.B) {
		b.ReportAllocs()
		m := meterCPU(b)
		for i := 0; i < b.N; i++ {
			id, err := f.create(ctx)
			if err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			m.pause()
			if _, err := f.clusters.Delete(ctx, id); err != nil {
				b.Fatal(err)
			}
			m.resume()
			b.StartTimer()
		}
		m.report()
		b.ReportMetric(f.heapMB, "MB-heap")
	})
	b.Run("get", func(b *testing.B) {
		// The fake keeps each cluster's detail answer as last encoded
		// until the next change: read every cluster once first, so that
		// every size measures the same steady state of polls of
		// unchanged clusters (with a cold cache, the first read of each
		// cluster encodes it, and those reads would be a larger share
		// of b.N at the larger fleet).
		for _, err := range f.clusters.List(ctx) {
			if err != nil {
				b.Fatal(err)
			}
		}
		// The garbage of that list is collected now, not in the timed
		// loop, where marking a large fleet's heap would count against
		// the gets.
		runtime.GC()
		r := rand.New(rand.NewPCG(1, 2))
		loop(b, func() {
			if _, err := f.clusters.Get(ctx, f.ids[r.IntN(len(f.ids))]); err != nil {
				b.Fatal(err)
			}
		})
		b.ReportMetric(f.heapMB, "MB-heap")
	})
	b.Run("page", func(b *testing.B) {
		loop(b, func() {
			got := 0
			for _, err := range f.clusters.List(ctx) {
				if err != nil {
					b.Fatal(err)
				}
				if got++; got == min(cluster.MaxPageSize, n) {
					break
				}
			}
		})
		b.ReportMetric(f.heapMB, "MB-heap")
	})
	b.Run("list", func(b *testing.B) {
		loop(b, func() {
			got := 0
			for _, err := range f.clusters.List(ctx) {
				if err != nil {
					b.Fatal(err)
				}
				got++
			}
			if got != n {
				b.Fatalf("listed %d clusters, want %d", got, n)
			}
		})
		b.ReportMetric(f.heapMB, "MB-heap")
	})
}
