package pricing

import (
	"fmt"
	"time"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/nodepool"
)

// DefaultReservePercent is the share of each node's vCPU and memory that
// Compare keeps back from pods for the kubelet, the container runtime and
// the system daemons: 10%. It is a round figure of this package, not
// ACK's own reservation table; set Workload.ReservePercent to use another.
const DefaultReservePercent = 10

// DefaultMasterType is the instance type of a dedicated cluster's three
// masters in Compare when Workload.MasterType is empty: 4 vCPU and 16 GiB,
// above ACK's minimum for nodes (4 vCPU, 8 GiB).
const DefaultMasterType = "ecs.g6.xlarge"

// Workload is what Compare prices in every form.
type Workload struct {
	// Region is the region priced.
	Region string
	// Pods is the number of pods, each of PodMilliCPU thousandths of a
	// vCPU and PodMemoryMiB MiB.
	Pods         int
	PodMilliCPU  int64
	PodMemoryMiB int64
	// HoursPerDay is how long the pods run each day (the duty cycle); zero
	// means 24 hours. Serverless pays for these hours only; the node-based
	// forms keep their nodes all day.
	HoursPerDay time.Duration
	// Days is the period priced, in days from Start; zero means 30.
	Days int
	// NodeType is the ECS instance type of the node-based forms' workers.
	NodeType string
	// MasterType is the dedicated form's masters' type; empty means
	// DefaultMasterType.
	MasterType string
	// ReservePercent is the share of a node kept back from pods; zero
	// means DefaultReservePercent.
	ReservePercent int
	// MaxPodsPerNode caps the pods a worker runs; zero means what the
	// default Flannel node CIDR holds, cluster.PodsPerNode(0) (64).
	MaxPodsPerNode int
	// Start is when the period starts; the zero time means 2026-01-01
	// 00:00 UTC+8, so that estimates do not depend on the day they run.
	Start time.Time
}

// Comparison is the cost of a workload in each form.
type Comparison struct {
	// Workload is the workload, its defaults filled in.
	Workload Workload
	// Nodes is the number of workers the node-based forms run: enough to
	// hold every pod by vCPU and by memory after the reserve.
	Nodes int
	// PodsPerNode is how many pods fit on one worker.
	PodsPerNode int
	// Forms are the four estimates: Dedicated, ManagedBasic, ManagedPro,
	// Serverless.
	Forms []Estimate
	// Cheapest is the form of the lowest total (the first of them on a
	// tie, in the order of Forms).
	Cheapest cluster.Form
	// BreakEvens say, for each node-based form, from how many running
	// hours a day it is cheaper than serverless.
	BreakEvens []BreakEven
}

// BreakEven is where a node-based form and serverless cost the same.
type BreakEven struct {
	// Form is the node-based form.
	Form cluster.Form
	// HoursPerDay is the least daily running time, to the minute, from
	// which Form costs less than serverless; meaningful when Found.
	HoursPerDay time.Duration
	// Found is false when Form is never cheaper than serverless, even
	// with the pods running all day.
	Found bool
}

// String describes the break-even, for example "ManagedPro is cheaper
// than Serverless from 7h12m0s a day".
func (b BreakEven) String() string {
	if !b.Found {
		return fmt.Sprintf("%s is never cheaper than Serverless", b.Form)
	}
	return fmt.Sprintf("%s is cheaper than Serverless from %s a day", b.Form, b.HoursPerDay)
}

// withDefaults fills in a workload's zero fields.
func (w Workload) withDefaults() Workload {
	if w.Days == 0 {
		w.Days = 30
	}
	if w.HoursPerDay == 0 {
		w.HoursPerDay = 24 * time.Hour
	}
	if w.MasterType == "" {
		w.MasterType = DefaultMasterType
	}
	if w.ReservePercent == 0 {
		w.ReservePercent = DefaultReservePercent
	}
	if w.MaxPodsPerNode == 0 {
		w.MaxPodsPerNode = cluster.PodsPerNode(0)
	}
	if w.Start.IsZero() {
		w.Start = time.Date(2026, 1, 1, 0, 0, 0, 0, BillingZone)
	}
	return w
}

// SizeNodes returns how many nodes of instance type nodeType hold pods
// pods of milliCPU and memMiB each, keeping reservePercent of each node's
// vCPU and memory back and running at most maxPods pods a node, and how
// many pods fit on one node. The type's vCPU and memory come from its name
// (nodepool.ParseInstanceType).
func SizeNodes(nodeType string, pods int, milliCPU, memMiB int64, reservePercent, maxPods int) (nodes, perNode int, err error) {
	t, err := nodepool.ParseInstanceType(nodeType)
	if err != nil {
		return 0, 0, fmt.Errorf("pricing: node type: %w", err)
	}
	if !t.Known {
		return 0, 0, fmt.Errorf("pricing: node type %s: its vCPU and memory are not known from its name", nodeType)
	}
	if reservePercent < 0 || reservePercent >= 100 || milliCPU <= 0 || memMiB <= 0 || pods < 0 || maxPods <= 0 {
		return 0, 0, fmt.Errorf("pricing: sizing %d pods of %d millicores and %d MiB with a %d%% reserve and %d pods a node: want pods ≥ 0, resources > 0, a reserve from 0 to 99%%, pods a node > 0",
			pods, milliCPU, memMiB, reservePercent, maxPods)
	}
	keep := int64(100 - reservePercent)
	cpu := int64(t.VCPUs) * 1000 * keep / 100
	mem := int64(t.MemoryMiB) * keep / 100
	perNode = int(min(cpu/milliCPU, mem/memMiB, int64(maxPods)))
	if perNode == 0 {
		return 0, 0, fmt.Errorf("pricing: a pod of %d millicores and %d MiB does not fit on %s (%d vCPU, %d MiB) after a %d%% reserve",
			milliCPU, memMiB, nodeType, t.VCPUs, t.MemoryMiB, reservePercent)
	}
	return (pods + perNode - 1) / perNode, perNode, nil
}

// Compare prices w in the four forms: the node-based ones with enough
// workers of w.NodeType for every pod (SizeNodes), a NAT gateway and the
// API server's load balancer, dedicated with three masters; serverless
// with one container instance per pod running w.HoursPerDay a day. It
// names the cheapest form and, for each node-based form, the break-even
// daily running time against serverless.
func (e Estimator) Compare(w Workload) (Comparison, error) {
	w = w.withDefaults()
	if w.HoursPerDay < 0 || w.HoursPerDay > 24*time.Hour || w.Days < 0 {
		return Comparison{}, fmt.Errorf("pricing: workload: %s a day for %d days: want up to 24 hours a day and days ≥ 0", w.HoursPerDay, w.Days)
	}
	nodes, perNode, err := SizeNodes(w.NodeType, w.Pods, w.PodMilliCPU, w.PodMemoryMiB, w.ReservePercent, w.MaxPodsPerNode)
	if err != nil {
		return Comparison{}, err
	}
	if e.Book == nil {
		e.Book = DefaultBook() // once, not per estimate
	}
	c := Comparison{Workload: w, Nodes: nodes, PodsPerNode: perNode}
	d := time.Duration(w.Days) * 24 * time.Hour
	for _, f := range []cluster.Form{cluster.Dedicated, cluster.ManagedBasic, cluster.ManagedPro} {
		est, err := e.Estimate(Input{Spec: nodeSpec(w, f, nodes), Start: w.Start, Duration: d})
		if err != nil {
			return Comparison{}, err
		}
		c.Forms = append(c.Forms, est)
	}
	sl, err := e.serverless(w, w.HoursPerDay)
	if err != nil {
		return Comparison{}, err
	}
	c.Forms = append(c.Forms, sl)
	best := 0
	for i, f := range c.Forms {
		if mustCmp(f.Total, c.Forms[best].Total) < 0 {
			best = i
		}
	}
	c.Cheapest = c.Forms[best].Form
	for _, f := range c.Forms[:3] {
		be, err := e.breakEven(w, f)
		if err != nil {
			return Comparison{}, err
		}
		c.BreakEvens = append(c.BreakEvens, be)
	}
	return c, nil
}

// nodeSpec is the spec Compare prices for a node-based form.
func nodeSpec(w Workload, f cluster.Form, nodes int) cluster.Spec {
	s := cluster.Spec{Name: f.String(), Region: w.Region, Form: f,
		NodePools: []nodepool.Spec{{Name: "workers", InstanceTypes: []string{w.NodeType}, DesiredSize: nodes}}}
	if f == cluster.Dedicated {
		s.Masters = &cluster.Masters{Count: cluster.DefaultMasterCount, InstanceTypes: []string{w.MasterType}}
	}
	return s
}

// serverless is the serverless estimate of w with the pods running hpd a
// day.
func (e Estimator) serverless(w Workload, hpd time.Duration) (Estimate, error) {
	if hpd == 0 { // Pods reads zero as all day
		w.Pods = 0
	}
	return e.Estimate(Input{
		Spec:     cluster.Spec{Name: "Serverless", Region: w.Region, Form: cluster.Serverless},
		Pods:     Pods{Count: w.Pods, MilliCPU: w.PodMilliCPU, MemoryMiB: w.PodMemoryMiB, HoursPerDay: hpd},
		Start:    w.Start,
		Duration: time.Duration(w.Days) * 24 * time.Hour,
	})
}

// breakEven finds, to the minute, the least daily running time from which
// the node-based estimate f costs less than serverless. Serverless never
// costs less for longer hours, so a binary search over the minutes of a
// day finds it.
func (e Estimator) breakEven(w Workload, f Estimate) (BreakEven, error) {
	cheaper := func(minutes int) (bool, error) {
		sl, err := e.serverless(w, time.Duration(minutes)*time.Minute)
		if err != nil {
			return false, err
		}
		return mustCmp(f.Total, sl.Total) < 0, nil
	}
	const day = 24 * 60
	ok, err := cheaper(day)
	if err != nil || !ok {
		return BreakEven{Form: f.Form}, err
	}
	lo, hi := 0, day // cheaper(hi) holds
	if ok, err := cheaper(0); err != nil {
		return BreakEven{}, err
	} else if ok {
		return BreakEven{Form: f.Form, Found: true}, nil
	}
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		ok, err := cheaper(mid)
		if err != nil {
			return BreakEven{}, err
		}
		if ok {
			hi = mid
		} else {
			lo = mid
		}
	}
	return BreakEven{Form: f.Form, HoursPerDay: time.Duration(hi) * time.Minute, Found: true}, nil
}
