package fake_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/pricing"
	"github.com/google/go-cmp/cmp"
)

// meterStart is 2026-03-02 10:00 UTC+8.
var meterStart = time.Date(2026, 3, 2, 10, 0, 0, 0, pricing.BillingZone)

type billLine struct{ Item, Resource, Amount string }

func billLines(b pricing.Bill) []billLine {
	out := make([]billLine, len(b.Lines))
	for i, l := range b.Lines {
		out[i] = billLine{l.Item, l.Resource, l.Amount.String()}
	}
	return out
}

// advanceTo moves the manual clock to hh:mm:ss of the scenario's day.
func advanceTo(t *testing.T, c *fake.Cloud, h, m, s int) {
	t.Helper()
	at := time.Date(2026, 3, 2, h, m, s, 0, pricing.BillingZone)
	if at.Before(c.Now()) {
		t.Fatalf("advance to %s: the clock is at %s already", at, c.Now())
	}
	c.Advance(at.Sub(c.Now()))
}

// A scripted scenario billed by hand: the amounts below are computed in
// the comments from the default book's list prices, not by the pricing
// code.
//
//	10:00  create Pro cluster P (running 10:08), serverless cluster S
//	       (running 10:02) and Pro cluster F, whose creation fails (10:08)
//	10:10  pool of 2 × ecs.g7.xlarge (1.0465 CNY/h) on P; on S start three
//	       2 vCPU / 4 GiB container instances, one more of that size and
//	       one of 0.25 vCPU / 0.5 GiB
//	10:10:30  stop the small one (30 s)
//	10:10:50  stop the fourth big one (50 s)
//	11:00  scale the pool out by 2
//	11:30  stop the three big instances
//	12:30  remove the 2 newest nodes (released at 12:32)
//	14:00  bill 10:00–14:00
func TestMeterScenario(t *testing.T) {
	c := fake.New(fake.WithClock(fake.Manual), fake.WithStart(meterStart), fake.WithLimits(roomyLimits(10)))
	create := func(body *wire.CreateClusterRequest) string {
		resp := call(t, c, wire.ActionCreateCluster, nil, nil, body)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("create %s: HTTP %d %s", body.Name, resp.StatusCode, resp.Body)
		}
		return decode[wire.CreateClusterResponse](t, resp).ClusterID
	}
	pro := create(managedRequest("pro"))
	sls := create(serverlessRequest("sls"))
	c.FailNext(fake.ChangeCreateManaged, "", "")
	failedBody := managedRequest("failed")
	failedBody.VPCID, failedBody.VSwitchIDs = "vpc-other", []string{"vsw-other"}
	failed := create(failedBody)

	advanceTo(t, c, 10, 10, 0)
	if cl, _ := c.Cluster(failed); cl.State != "failed" {
		t.Fatalf("cluster %s is %s; want failed", failed, cl.State)
	}
	poolID, _ := createPool(t, c, pro, poolBody("workers", 2))
	big, err := c.StartContainerInstances(sls, 4, fake.ContainerSize{MilliCPU: 2000, MemoryMiB: 4096})
	if err != nil {
		t.Fatal(err)
	}
	small, err := c.StartContainerInstances(sls, 1, fake.ContainerSize{MilliCPU: 250, MemoryMiB: 512})
	if err != nil {
		t.Fatal(err)
	}
	advanceTo(t, c, 10, 10, 30)
	if err := c.StopContainerInstance(sls, small[0]); err != nil {
		t.Fatal(err)
	}
	advanceTo(t, c, 10, 10, 50)
	if err := c.StopContainerInstance(sls, big[3]); err != nil {
		t.Fatal(err)
	}
	advanceTo(t, c, 11, 0, 0)
	if resp := call(t, c, wire.ActionScaleClusterNodePool, []string{pro, poolID}, nil, wire.ScaleNodePoolRequest{Count: 2}); resp.StatusCode != http.StatusOK {
		t.Fatalf("scale: HTTP %d %s", resp.StatusCode, resp.Body)
	}
	advanceTo(t, c, 11, 30, 0)
	for _, id := range big[:3] {
		if err := c.StopContainerInstance(sls, id); err != nil {
			t.Fatal(err)
		}
	}
	advanceTo(t, c, 12, 30, 0)
	nodes := listNodes(t, c, pro, nil).Nodes
	if len(nodes) != 4 {
		t.Fatalf("%d nodes; want 4", len(nodes))
	}
	ids := make([]string, len(nodes))
	for i, n := range nodes {
		ids[i] = n.InstanceID
	}
	q := wire.RemoveNodePoolNodesRequest{InstanceIDs: ids[2:], DrainNode: wire.Bool(true), ReleaseNode: wire.Bool(true)}.Query()
	if resp := call(t, c, wire.ActionRemoveNodePoolNodes, []string{pro, poolID}, q, nil); resp.StatusCode != http.StatusOK {
		t.Fatalf("remove: HTTP %d %s", resp.StatusCode, resp.Body)
	}
	advanceTo(t, c, 14, 0, 0)

	bill, err := c.Bill(meterStart, c.Now())
	if err != nil {
		t.Fatal(err)
	}
	node := func(id string) string { return "node " + id + " (cluster " + pro + ")" }
	eci := func(id, size string) string {
		return "container instance " + id + " (cluster " + sls + ", " + size + ")"
	}
	want := []billLine{
		// P billed from 10:08: whole clock hours 11, 12, 13: 3 × 0.64.
		{"ack.pro", "cluster " + pro, "1.92 CNY"},
		// F never left initial and failed: no billed hour.
		{"ack.pro", "cluster " + failed, "0.00 CNY"},
		// 10:10–11:00 is 3000 s: 1.0465 × 3000/3600 = 0.872083… → 0.87;
		// then 11–12, 12–13, 13–14 at 1.0465 → 1.05 each: 4.02.
		{"ecs.g7.xlarge", node(ids[0]), "4.02 CNY"},
		{"ecs.g7.xlarge", node(ids[1]), "4.02 CNY"},
		// 11–12 → 1.05; 12:00–12:32 is 1920 s: 0.558133… → 0.56: 1.61.
		{"ecs.g7.xlarge", node(ids[2]), "1.61 CNY"},
		{"ecs.g7.xlarge", node(ids[3]), "1.61 CNY"},
		// 2 × 0.000049 + 4 × 0.00000613 = 0.00012252 a second: 10:10–11:00
		// 3000 s = 0.36756 → 0.37; 11:00–11:30 1800 s = 0.220536 → 0.22.
		{"eci", eci(big[0], "2 vCPU, 4 GiB"), "0.59 CNY"},
		{"eci", eci(big[1], "2 vCPU, 4 GiB"), "0.59 CNY"},
		{"eci", eci(big[2], "2 vCPU, 4 GiB"), "0.59 CNY"},
		// 50 s: 0.006126 → 0.01.
		{"eci", eci(big[3], "2 vCPU, 4 GiB"), "0.01 CNY"},
		// 0.25 × 0.000049 + 0.5 × 0.00000613 = 0.000015315 a second; 30 s
		// = 0.00045945: under 0.005, not charged.
		{"eci", eci(small[0], "0.25 vCPU, 0.5 GiB"), "0.00 CNY"},
		// P's internal CLB: no instance fee; its NAT 10:08–14:00 is 3 h 52
		// min: 4 started hours × 0.23.
		{"clb.internal", "lb-" + pro + " (cluster " + pro + ")", "0.00 CNY"},
		{"nat", "ngw-" + pro + " (cluster " + pro + ")", "0.92 CNY"},
		// S's CLB from 10:02; a serverless cluster has no NAT gateway.
		{"clb.internal", "lb-" + sls + " (cluster " + sls + ")", "0.00 CNY"},
	}
	if diff := cmp.Diff(want, billLines(bill)); diff != "" {
		t.Errorf("bill lines (-want +got):\n%s", diff)
	}
	// 1.92 + 2 × 4.02 + 2 × 1.61 + 3 × 0.59 + 0.01 + 0.92.
	if got := bill.Total.String(); got != "15.88 CNY" {
		t.Errorf("total %s; want 15.88 CNY", got)
	}
	// Under the product's preset nobody pays a fee.
	c2 := fake.New(fake.WithClock(fake.Manual), fake.WithStart(meterStart), fake.WithBillingPreset(pricing.Product))
	id := create2(t, c2, managedRequest("pro"))
	c2.Advance(4 * time.Hour)
	b2, err := c2.Bill(meterStart, c2.Now())
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]billLine{
		{"clb.internal", "lb-" + id + " (cluster " + id + ")", "0.00 CNY"},
		// 10:08–14:00: 4 started hours.
		{"nat", "ngw-" + id + " (cluster " + id + ")", "0.92 CNY"},
	}, billLines(b2)); diff != "" {
		t.Errorf("Product bill (-want +got):\n%s", diff)
	}
}

func create2(t *testing.T, c *fake.Cloud, body *wire.CreateClusterRequest) string {
	t.Helper()
	resp := call(t, c, wire.ActionCreateCluster, nil, nil, body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("create %s: HTTP %d %s", body.Name, resp.StatusCode, resp.Body)
	}
	return decode[wire.CreateClusterResponse](t, resp).ClusterID
}

// A deleted cluster stops paying at its deletion; its container instances
// stop with it.
func TestMeterDeletion(t *testing.T) {
	c := fake.New(fake.WithClock(fake.Manual), fake.WithStart(meterStart))
	id := create2(t, c, managedRequest("pro"))
	c.Advance(2*time.Hour + 52*time.Minute) // 12:52
	if resp := call(t, c, wire.ActionDeleteCluster, []string{id}, nil, nil); resp.StatusCode != http.StatusOK {
		t.Fatalf("delete: HTTP %d %s", resp.StatusCode, resp.Body)
	}
	c.Advance(5 * time.Hour)
	b, err := c.Bill(meterStart, c.Now())
	if err != nil {
		t.Fatal(err)
	}
	// Billed 10:08–12:52 (deleting is not billed): the one whole clock
	// hour 11–12 → 0.64 (12–13 is cut short); the NAT until the deletion
	// ends at 12:55: 2 h 47 min → 3 hours, 0.69.
	want := []billLine{
		{"ack.pro", "cluster " + id, "0.64 CNY"},
		{"clb.internal", "lb-" + id + " (cluster " + id + ")", "0.00 CNY"},
		{"nat", "ngw-" + id + " (cluster " + id + ")", "0.69 CNY"},
	}
	if diff := cmp.Diff(want, billLines(b)); diff != "" {
		t.Errorf("bill (-want +got):\n%s", diff)
	}
}

// Past its limit the meter folds closed intervals into totals: a bill
// that covers them still adds up, one that cuts them is refused.
func TestMeterFolds(t *testing.T) {
	c := fake.New(fake.WithClock(fake.Manual), fake.WithStart(meterStart), fake.WithMeterLimit(3))
	sls := create2(t, c, serverlessRequest("sls"))
	c.Advance(10 * time.Minute) // 10:10
	var ids []string
	for range 5 {
		got, err := c.StartContainerInstances(sls, 1, fake.ContainerSize{MilliCPU: 2000, MemoryMiB: 4096})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, got...)
	}
	c.Advance(50 * time.Minute) // 11:00: 3000 s each, 0.36756 → 0.37
	for _, id := range ids {
		if err := c.StopContainerInstance(sls, id); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(c.ContainerInstances(sls)); n >= 5 {
		t.Errorf("the meter holds %d instances; past a limit of 3 it should have folded", n)
	}
	c.Advance(time.Hour)
	b, err := c.Bill(meterStart, c.Now())
	if err != nil {
		t.Fatal(err)
	}
	if got := b.Total.String(); got != "1.85 CNY" { // 5 × 0.37
		t.Errorf("total %s; want 1.85 CNY; lines %v", got, billLines(b))
	}
	if !slices.ContainsFunc(b.Lines, func(l pricing.Line) bool { return l.Resource == "folded history" }) {
		t.Errorf("no folded line in %v", billLines(b))
	}
	_, err = c.Bill(meterStart.Add(30*time.Minute), c.Now())
	if err == nil || !strings.Contains(err.Error(), "folded") {
		t.Errorf("a bill cutting the folded history: err = %v", err)
	}
}

// A dedicated cluster whose creation failed pays nothing: its masters
// never ran, it never had a load balancer or a NAT gateway, and a failed
// cluster is not in a billed state.
func TestMeterFailedCreationPaysNothing(t *testing.T) {
	c := fake.New(fake.WithClock(fake.Manual), fake.WithStart(meterStart))
	c.FailNext(fake.ChangeAnyCreate, "", "")
	id := create2(t, c, dedicatedRequest("d"))
	c.Advance(3 * time.Hour)
	if cl, _ := c.Cluster(id); cl.State != "failed" {
		t.Fatalf("cluster is %s; want failed", cl.State)
	}
	b, err := c.Bill(meterStart, c.Now())
	if err != nil {
		t.Fatal(err)
	}
	var charged []billLine
	for _, l := range billLines(b) {
		if l.Amount != "0.00 CNY" {
			charged = append(charged, l)
		}
	}
	if len(charged) != 0 || b.Total.String() != "0.00 CNY" {
		t.Errorf("a failed creation is charged %s: %v", b.Total, charged)
	}
}

// Bills, starts and stops from many goroutines at once (run with -race).
func TestMeterConcurrent(t *testing.T) {
	c := fake.New(fake.WithLimits(roomyLimits(10)), fake.WithMeterLimit(50))
	sls := create2(t, c, serverlessRequest("sls"))
	from := c.Now()
	c.Advance(5 * time.Minute)
	done := make(chan error, 8)
	for g := range 8 {
		go func() {
			for i := range 20 {
				if g%2 == 0 {
					if _, err := c.Bill(from, c.Now()); err != nil {
						done <- err
						return
					}
					continue
				}
				ids, err := c.StartContainerInstances(sls, 1, fake.ContainerSize{MilliCPU: 250 * int64(1+i%4), MemoryMiB: 512})
				if err != nil {
					done <- err
					return
				}
				if err := c.StopContainerInstance(sls, ids[0]); err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
	}
	for range 8 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	if got := c.ContainerInstances(sls); len(got) > 60 {
		t.Errorf("the meter holds %d instances past a limit of 50", len(got))
	}
}
