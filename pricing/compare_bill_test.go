package pricing_test

import (
	"strings"
	"testing"
	"time"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/pricing"
	"github.com/google/go-cmp/cmp"
)

func TestSizeNodes(t *testing.T) {
	tests := []struct {
		typ        string
		pods       int
		cpu, mem   int64
		reserve    int
		max        int
		nodes, per int
		wantErr    string
	}{
		// g6.xlarge: 4 vCPU, 16 GiB; 90% is 3600 millicores, 14745 MiB.
		{"ecs.g6.xlarge", 10, 500, 1024, 10, 64, 2, 7, ""}, // cpu: 7 a node
		{"ecs.g6.xlarge", 10, 250, 4096, 10, 64, 4, 3, ""}, // memory: 3 a node
		{"ecs.g6.xlarge", 0, 500, 1024, 10, 64, 0, 7, ""},  // no pods, no nodes
		{"ecs.g6.xlarge", 8, 1000, 1024, 0, 64, 2, 4, ""},  // no reserve
		{"ecs.g6.xlarge", 1, 4000, 1024, 10, 64, 0, 0, "does not fit"},
		{"ecs.nosuch", 1, 100, 100, 10, 64, 0, 0, "node type"},
		{"ecs.g6.xlarge", 1, 0, 100, 10, 64, 0, 0, "resources > 0"},
		{"ecs.g6.xlarge", 100, 10, 10, 10, 64, 2, 64, ""}, // the pod cap: 64 a node
		{"ecs.g6.xlarge", 10, 500, 1024, 10, 5, 2, 5, ""}, // a lower cap
		{"ecs.g6.xlarge", 1, 100, 100, 10, 0, 0, 0, "pods a node > 0"},
	}
	for _, tt := range tests {
		n, per, err := pricing.SizeNodes(tt.typ, tt.pods, tt.cpu, tt.mem, tt.reserve, tt.max)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%+v: err = %v; want %q", tt, err, tt.wantErr)
			}
			continue
		}
		if err != nil || n != tt.nodes || per != tt.per {
			t.Errorf("SizeNodes(%s, %d, %d, %d, %d, %d) = %d, %d, %v; want %d, %d", tt.typ, tt.pods, tt.cpu, tt.mem, tt.reserve, tt.max, n, per, err, tt.nodes, tt.per)
		}
	}
}

func TestCompare(t *testing.T) {
	w := pricing.Workload{Region: "cn-hangzhou", Pods: 20, PodMilliCPU: 1000, PodMemoryMiB: 2048, HoursPerDay: 4 * time.Hour, Days: 30, NodeType: "ecs.g6.xlarge"}
	c, err := pricing.Estimator{}.Compare(w)
	if err != nil {
		t.Fatal(err)
	}
	// 3 pods of 1 vCPU fit in 3.6 vCPU: 7 nodes.
	if c.Nodes != 7 || c.PodsPerNode != 3 {
		t.Errorf("nodes %d × %d pods; want 7 × 3", c.Nodes, c.PodsPerNode)
	}
	got := map[string]string{}
	for _, f := range c.Forms {
		got[f.Form.String()] = f.Total.String()
	}
	// 30 days = 720 h from midnight. Workers 7 × 720 × 1.00 = 5040; NAT
	// 720 × 0.23 = 165.60; CLB 0. Masters 3 × 720 × 1.00 = 2160. Fee 720
	// clock hours × 0.64 = 460.80 (the hour before the end starts at
	// 23:00 and ends at the end). Serverless: 20 pods × 30 days × 4 h ×
	// 0.27 a pod-hour (1 vCPU 0.1764 + 2 GiB 0.044136 = 0.220536 → 0.22).
	want := map[string]string{
		"Dedicated": "7365.60 CNY", "ManagedBasic": "5205.60 CNY", "ManagedPro": "5666.40 CNY", "Serverless": "528.00 CNY",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("totals (-want +got):\n%s", diff)
	}
	if c.Cheapest != cluster.Serverless {
		t.Errorf("cheapest %s; want Serverless", c.Cheapest)
	}
	// Serverless costs 20 × 30 × 0.22 = 132 CNY per daily hour: Basic
	// (5205.60) is cheaper from 39.4 hours a day, so never; all day
	// serverless is 3168.00.
	for _, be := range c.BreakEvens {
		if be.Found {
			t.Errorf("%s: a break-even at %s; serverless all day (3168.00) is cheaper than every node form", be.Form, be.HoursPerDay)
		}
	}
}

// With big pods on few nodes the node forms win past a daily running time.
func TestCompareBreakEven(t *testing.T) {
	w := pricing.Workload{Region: "cn-hangzhou", Pods: 6, PodMilliCPU: 1750, PodMemoryMiB: 7168, Days: 30, NodeType: "ecs.g6.xlarge", HoursPerDay: 2 * time.Hour}
	c, err := pricing.Estimator{}.Compare(w)
	if err != nil {
		t.Fatal(err)
	}
	// 2 pods a node (3500 of 3600 millicores, 14336 of 14745 MiB): 3 nodes.
	// Basic: 3 × 720 + 165.60 = 2325.60. A pod-hour: 1.75 × 0.1764 + 7 ×
	// 0.022068 = 0.462176 → 0.46; serverless at h hours a day: 6 × 30 × h
	// × 0.46 = 82.80 h. Cheaper from 2325.60 / 82.80 = 28.09 h: never.
	// Pro's fee makes it later still; dedicated adds masters.
	if c.Nodes != 3 {
		t.Fatalf("nodes %d; want 3", c.Nodes)
	}
	for _, be := range c.BreakEvens {
		if be.Found {
			t.Errorf("%v", be)
		}
	}
	// A cheaper node type in a contract book turns it around: at 0.20 an
	// hour Basic is 3 × 144 + 165.60 = 597.60; serverless at h hours is
	// 82.80 h when h is whole, so Basic wins from a little past 7.2 h.
	b := pricing.DefaultBook()
	if err := b.Set("ecs.g6.xlarge", "cn-hangzhou", cny("0.20"), "contract"); err != nil {
		t.Fatal(err)
	}
	c, err = pricing.Estimator{Book: b}.Compare(w)
	if err != nil {
		t.Fatal(err)
	}
	basic := c.BreakEvens[1]
	if basic.Form != cluster.ManagedBasic || !basic.Found || basic.HoursPerDay < 7*time.Hour || basic.HoursPerDay > 7*time.Hour+30*time.Minute {
		t.Fatalf("Basic break-even %v; want between 7h and 7h30m a day", basic)
	}
	// Just past the break-even Basic is cheaper, just before it is not.
	check := func(hpd time.Duration, basicCheaper bool) {
		w2 := w
		w2.HoursPerDay = hpd
		c2, err := pricing.Estimator{Book: b}.Compare(w2)
		if err != nil {
			t.Fatal(err)
		}
		cmpv, _ := c2.Forms[1].Total.Cmp(c2.Forms[3].Total)
		if (cmpv < 0) != basicCheaper {
			t.Errorf("at %s a day Basic %v vs serverless %v; Basic cheaper should be %v", hpd, c2.Forms[1].Total, c2.Forms[3].Total, basicCheaper)
		}
	}
	check(basic.HoursPerDay, true)
	check(basic.HoursPerDay-time.Minute, false)
}

// A scripted timeline billed by hand: a Pro cluster created 10:00, running
// 10:08, updating 11:30–11:31, deleting 14:20; a node 10:08–13:38:20 of
// ecs.g6.large; a container instance; the NAT gateway; a failed cluster.
func TestBill(t *testing.T) {
	tl := pricing.Timeline{Region: "cn-hangzhou",
		Clusters: []pricing.ClusterSpan{
			{ID: "c-pro", Form: cluster.ManagedPro, States: []pricing.StateSpan{
				{State: cluster.StateInitial, From: at(10, 0, 0)},
				{State: cluster.StateRunning, From: at(10, 8, 0)},
				{State: cluster.StateUpdating, From: at(11, 30, 0)},
				{State: cluster.StateRunning, From: at(11, 31, 0)},
				{State: cluster.StateDeleting, From: at(14, 20, 0), To: at(14, 23, 0)},
			}},
			{ID: "c-failed", Form: cluster.ManagedPro, States: []pricing.StateSpan{
				{State: cluster.StateInitial, From: at(10, 0, 0)},
				{State: cluster.StateFailed, From: at(10, 8, 0)},
			}},
		},
		Nodes:              []pricing.NodeSpan{{ClusterID: "c-pro", ID: "i-1", InstanceType: "ecs.g6.large", From: at(10, 8, 0), To: at(13, 38, 20)}},
		ContainerInstances: []pricing.InstanceSpan{{ClusterID: "c-sl", ID: "eci-1", MilliCPU: 2000, MemoryMiB: 4096, From: at(12, 59, 0), To: at(13, 0, 50)}},
		Resources:          []pricing.ResourceSpan{{ClusterID: "c-pro", ID: "ngw-1", Item: pricing.ItemNAT, From: at(10, 8, 0), To: at(14, 23, 0)}},
	}
	b, err := pricing.Estimator{}.Bill(tl, at(0, 0, 0), at(23, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, l := range b.Lines {
		got[l.Resource] = l.Amount.String()
	}
	want := map[string]string{
		// 11:00–14:00 billed throughout: 3 × 0.64.
		"cluster c-pro": "1.92 CNY",
		// Never billed.
		"cluster c-failed": "0.00 CNY",
		// 0.50/h: 10:08–11:00 52 min 0.4333… → 0.43; 11–13 1.00; 13:00–13:38:20
		// 2300 s 0.3194… → 0.32.
		"node i-1 (cluster c-pro)": "1.75 CNY",
		// 60 s before 13:00: 0.0073512 → 0.01; 50 s after: 0.006126 → 0.01.
		"container instance eci-1 (cluster c-sl, 2 vCPU, 4 GiB)": "0.02 CNY",
		// 4 h 15 min → 5 hours × 0.23.
		"ngw-1 (cluster c-pro)": "1.15 CNY",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
	if b.Total.String() != "4.84 CNY" {
		t.Errorf("total %v; want 4.84 CNY", b.Total)
	}
	// A period that ends at 12:00 clips everything: fee 11–12 only.
	b, err = pricing.Estimator{Preset: pricing.Product}.Bill(tl, at(0, 0, 0), at(12, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range b.Lines {
		if l.Item == pricing.ItemProFee {
			t.Errorf("a fee line under Product: %+v", l)
		}
	}
}
