package pricing_test

import (
	"fmt"

	"errors"
	"github.com/google/go-cmp/cmp"
	"testing"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/pricing"
)

func cny(s string) ack.Money { return ack.MustMoney(s, ack.CNY) }

// at is a wall-clock time in UTC+8 on 2026-03-02.
func at(h, m, s int) time.Time { return time.Date(2026, 3, 2, h, m, s, 0, pricing.BillingZone) }

func price(t *testing.T, item, region string) ack.Money {
	t.Helper()
	p, err := pricing.DefaultBook().Price(item, region)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func eciSecond(t *testing.T, milliCPU, memMiB int64) ack.Money {
	t.Helper()
	ps, err := pricing.ECIPerSecond(price(t, pricing.ItemECIVCPU, "cn-hangzhou"), price(t, pricing.ItemECIMemory, "cn-hangzhou"), milliCPU, memMiB)
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

// The exact figures of the default book that the issue lists.
func TestFigures(t *testing.T) {
	tests := []struct {
		name string
		got  func(t *testing.T) ack.Money
		want string
	}{
		{"2 vCPU / 4 GiB container instance, one hour, before settlement", func(t *testing.T) ack.Money {
			return eciSecond(t, 2000, 4096).MulInt(3600)
		}, "0.441072 CNY"},
		{"2 vCPU / 4 GiB container instance, one hour, settled", func(t *testing.T) ack.Money {
			return pricing.Settle(eciSecond(t, 2000, 4096), at(10, 0, 0), at(11, 0, 0))
		}, "0.44 CNY"},
		{"0.25 vCPU / 0.5 GiB for 30 s is not charged", func(t *testing.T) ack.Money {
			return pricing.Settle(eciSecond(t, 250, 512), at(10, 0, 0), at(10, 0, 30))
		}, "0.00 CNY"},
		{"2 vCPU / 4 GiB for 50 s is charged 0.01", func(t *testing.T) ack.Money {
			return pricing.Settle(eciSecond(t, 2000, 4096), at(10, 0, 0), at(10, 0, 50))
		}, "0.01 CNY"},
		{"2 vCPU / 4 GiB for 50 s, before settlement", func(t *testing.T) ack.Money {
			return eciSecond(t, 2000, 4096).MulInt(50)
		}, "0.006126 CNY"},
		{"ecs.g6.xlarge in cn-hangzhou for 90 minutes", func(t *testing.T) ack.Money {
			hourly := price(t, "ecs.g6.xlarge", "cn-hangzhou")
			return pricing.Settle(hourly.DivInt(3600), at(10, 0, 0), at(11, 30, 0))
		}, "1.50 CNY"},
		{"NAT gateway for 90 minutes pays two hours", func(t *testing.T) ack.Money {
			return pricing.Hourly(price(t, pricing.ItemNAT, "cn-hangzhou"), 90*time.Minute)
		}, "0.46 CNY"},
		{"c7.large for 5400 s, exact before settlement", func(t *testing.T) ack.Money {
			return pricing.PerSecond(price(t, "ecs.c7.large", "cn-beijing"), 90*time.Minute)
		}, "0.6115485 CNY"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.got(t).String(); got != tt.want {
				t.Errorf("got %s; want %s", got, tt.want)
			}
		})
	}
}

func proSpec() cluster.Spec {
	return cluster.Spec{Name: "p", Region: "cn-hangzhou", Form: cluster.ManagedPro,
		NodePools: []nodepool.Spec{{Name: "workers", InstanceTypes: []string{"ecs.g6.xlarge"}, DesiredSize: 2}}}
}

func feeLine(t *testing.T, est pricing.Estimate) (ack.Money, bool) {
	t.Helper()
	for _, l := range est.Lines {
		if l.Item == pricing.ItemProFee {
			return l.Amount, true
		}
	}
	return ack.Money{}, false
}

// A Pro cluster running 10:20 to 13:40 (UTC+8) pays two clock hours of
// fee under Current and none under Product.
func TestProFeeClockHours(t *testing.T) {
	in := pricing.Input{Spec: proSpec(), Start: at(10, 20, 0), Duration: 3*time.Hour + 20*time.Minute}
	tests := []struct {
		preset pricing.Preset
		want   string
		has    bool
	}{
		{pricing.Current, "1.28 CNY", true},
		{pricing.Product, "", false},
	}
	for _, tt := range tests {
		est, err := pricing.Estimator{Preset: tt.preset}.Estimate(in)
		if err != nil {
			t.Fatal(err)
		}
		fee, has := feeLine(t, est)
		if has != tt.has || (has && fee.String() != tt.want) {
			t.Errorf("%s: fee line %v, %v; want %q, %v", tt.preset, fee, has, tt.want, tt.has)
		}
	}
	if h := pricing.ManagementFeeHours(at(10, 20, 0), at(13, 40, 0)); h != 2 {
		t.Errorf("ManagementFeeHours(10:20, 13:40) = %d; want 2", h)
	}
	// The same instants written in UTC count the same hours.
	if h := pricing.ManagementFeeHours(at(10, 20, 0).UTC(), at(13, 40, 0).UTC()); h != 2 {
		t.Errorf("in UTC: %d hours; want 2", h)
	}
}

// For the same spec, dedicated − managed Basic is exactly the masters'
// cost and managed Pro − managed Basic exactly the fee.
func TestFormDifferences(t *testing.T) {
	spec := proSpec()
	spec.Masters = &cluster.Masters{Count: 3, InstanceTypes: []string{"ecs.g6.large"}}
	start, d := at(9, 17, 3), 49*time.Hour+11*time.Minute
	total := func(f cluster.Form) ack.Money {
		s := spec
		s.Form = f
		est, err := pricing.Estimator{}.Estimate(pricing.Input{Spec: s, Start: start, Duration: d})
		if err != nil {
			t.Fatal(err)
		}
		return est.Total
	}
	sub := func(a, b ack.Money) ack.Money {
		r, err := a.Sub(b)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	// Masters: 3 × ecs.g6.large (0.50/h) per second, settled per clock
	// hour: 09:17:03–10:00 is 2577 s = 0.3579166… → 0.36; 48 full hours
	// at 0.50; 10:00–10:28:03 is 1683 s = 0.23375 → 0.23. Per master
	// 0.36 + 24.00 + 0.23 = 24.59; three: 73.77.
	if got := sub(total(cluster.Dedicated), total(cluster.ManagedBasic)); !got.Equal(cny("73.77")) {
		t.Errorf("dedicated − Basic = %v; want the masters' 73.77 CNY", got)
	}
	// Fee: 10:00 on day one to 10:00 on day three: 48 clock hours × 0.64.
	if got := sub(total(cluster.ManagedPro), total(cluster.ManagedBasic)); !got.Equal(cny("30.72")) {
		t.Errorf("Pro − Basic = %v; want the fee 30.72 CNY", got)
	}
}

func TestMissingPriceNamesItemAndRegion(t *testing.T) {
	_, err := pricing.DefaultBook().Price("ecs.g6.xlarge", "eu-central-1")
	var mp *pricing.MissingPriceError
	if !errors.As(err, &mp) || !errors.Is(err, pricing.ErrNoPrice) || mp.Item != "ecs.g6.xlarge" || mp.Region != "eu-central-1" {
		t.Fatalf("err = %v; want a *MissingPriceError for ecs.g6.xlarge in eu-central-1", err)
	}
	spec := proSpec()
	spec.Region = "eu-central-1"
	_, err = pricing.Estimator{}.Estimate(pricing.Input{Spec: spec, Start: at(0, 0, 0), Duration: time.Hour})
	if !errors.Is(err, pricing.ErrNoPrice) {
		t.Fatalf("estimate in a region without prices: err = %v; want ErrNoPrice", err)
	}
	for _, want := range []string{"ecs.g6.xlarge", "eu-central-1"} {
		if !contains(err.Error(), want) {
			t.Errorf("error %q does not name %s", err, want)
		}
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

// Pools of the same instance type share a line, in order of appearance,
// however many types there are.
func TestEstimateGroupsPools(t *testing.T) {
	b, err := pricing.NewBook("many types", "2026-12-01", ack.CNY)
	if err != nil {
		t.Fatal(err)
	}
	for _, item := range []string{pricing.ItemNAT, pricing.ItemCLBInternal} {
		if err := b.Set(item, pricing.AnyRegion, cny("0"), ""); err != nil {
			t.Fatal(err)
		}
	}
	spec := cluster.Spec{Name: "many", Region: "r", Form: cluster.ManagedBasic}
	var want []string
	for i := range 30 {
		typ := fmt.Sprintf("ecs.x%d.large", i)
		if err := b.Set(typ, "r", cny(fmt.Sprintf("%d", i+1)), ""); err != nil {
			t.Fatal(err)
		}
		// Each type twice: pool i and pool 30+i, of i+1 and 1 nodes.
		want = append(want, fmt.Sprintf("%s %d × 1h0m0s %d.00 CNY", typ, i+2, (i+1)*(i+2)))
	}
	for round := range 2 {
		for i := range 30 {
			n := 1
			if round == 0 {
				n = i + 1
			}
			spec.NodePools = append(spec.NodePools, nodepool.Spec{Name: "p", InstanceTypes: []string{fmt.Sprintf("ecs.x%d.large", i)}, DesiredSize: n})
		}
	}
	est, err := pricing.Estimator{Book: b}.Estimate(pricing.Input{Spec: spec, Start: at(10, 0, 0), Duration: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range est.Lines[:30] {
		got = append(got, fmt.Sprintf("%s %s %s", l.Item, l.Quantity, l.Amount))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
}
