package pricing_test

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/pricing"
	"github.com/google/go-cmp/cmp"
)

func TestDefaultBook(t *testing.T) {
	b := pricing.DefaultBook()
	if b.Date() != pricing.DefaultBookDate || b.Currency() != ack.CNY || len(b.Sources()) == 0 {
		t.Fatalf("book %s dated %s in %s with %d sources", b.Name(), b.Date(), b.Currency(), len(b.Sources()))
	}
	tests := []struct{ item, region, want string }{
		{"ecs.g6.xlarge", "cn-hangzhou", "1.00 CNY"},
		{"ecs.c7.large", "ap-southeast-1", "0.546795 CNY"},
		{"ecs.gn6i-c4g1.xlarge", "us-west-1", "8.025 CNY"},
		{pricing.ItemECIVCPU, "cn-shanghai", "0.000049 CNY"},
		{pricing.ItemECIMemory, "cn-hangzhou", "0.00000613 CNY"},
		{pricing.ItemProFee, "cn-beijing", "0.64 CNY"},
		{pricing.ItemNAT, "cn-hangzhou", "0.23 CNY"},
		{pricing.ItemNAT, "ap-southeast-1", "0.30 CNY"},
		{pricing.ItemCLBInternal, "cn-hangzhou", "0.00 CNY"},
		{pricing.ItemEIP, "cn-hangzhou", "0.02 CNY"},
	}
	for _, tt := range tests {
		got, err := b.Price(tt.item, tt.region)
		if err != nil || got.String() != tt.want {
			t.Errorf("Price(%s, %s) = %v, %v; want %s", tt.item, tt.region, got, err, tt.want)
		}
	}
	if _, err := b.Price("ecs.gn7i-c8g1.2xlarge", "us-west-1"); !errors.Is(err, pricing.ErrNoPrice) {
		t.Errorf("a price the source lacks: err = %v; want ErrNoPrice", err)
	}
}

// The default book's JSON is golden, and reads back to the same book.
func TestBookJSONRoundTrip(t *testing.T) {
	data, err := json.MarshalIndent(pricing.DefaultBook(), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, '\n')
	golden := "testdata/default_book.json"
	if os.Getenv("UPDATE_GOLDEN") != "" {
		if err := os.WriteFile(golden, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(data)); diff != "" {
		t.Errorf("default book JSON (-golden +got):\n%s", diff)
	}
	back, err := pricing.ParseBook(data)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(pricing.DefaultBook().Entries(), back.Entries()); diff != "" {
		t.Errorf("entries after a round trip (-want +got):\n%s", diff)
	}
}

func TestParseBookRefuses(t *testing.T) {
	tests := []struct{ name, json, want string }{
		{"float price", `{"currency":"CNY","prices":[{"item":"nat","region":"*","price":0.23}]}`, "cannot unmarshal number"},
		{"exponent", `{"currency":"CNY","prices":[{"item":"nat","region":"*","price":"2.3e-1"}]}`, "exponent"},
		{"negative", `{"currency":"CNY","prices":[{"item":"nat","region":"*","price":"-1"}]}`, "negative"},
		{"twice", `{"currency":"CNY","prices":[{"item":"nat","region":"*","price":"1"},{"item":"nat","region":"*","price":"2"}]}`, "priced twice"},
		{"no currency", `{"prices":[]}`, "currency"},
		{"unknown field", `{"currency":"CNY","prices":[],"discount":"0.1"}`, "unknown field"},
		{"no region", `{"currency":"CNY","prices":[{"item":"nat","price":"1"}]}`, "needs a region"},
		{"trailing", `{"currency":"CNY","prices":[]} {}`, "more than one"},
	}
	for _, tt := range tests {
		_, err := pricing.ParseBook([]byte(tt.json))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v; want one containing %q", tt.name, err, tt.want)
		}
	}
}

// A user's book overrides the default's prices.
func TestBookOverride(t *testing.T) {
	b, err := pricing.ParseBook([]byte(`{"name":"contract","date":"2026-12-01","currency":"CNY",
		"prices":[{"item":"ecs.g6.xlarge","region":"cn-hangzhou","price":"0.80"},{"item":"nat","region":"*","price":"0"},
		{"item":"clb.internal","region":"*","price":"0"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	est, err := pricing.Estimator{Book: b}.Estimate(pricing.Input{Spec: proSpec(), Start: at(10, 0, 0), Duration: 2 * 3600e9})
	if !errors.Is(err, pricing.ErrNoPrice) || !strings.Contains(err.Error(), "ack.pro") {
		t.Fatalf("a Pro estimate from a book without the fee: %v, %v; want ErrNoPrice naming ack.pro", est.Total, err)
	}
	est, err = pricing.Estimator{Book: b, Preset: pricing.Product}.Estimate(pricing.Input{Spec: proSpec(), Start: at(10, 0, 0), Duration: 2 * 3600e9})
	if err != nil || est.Total.String() != "3.20 CNY" {
		t.Fatalf("2 nodes × 2 h × 0.80 = %v, %v; want 3.20 CNY", est.Total, err)
	}
	if err := b.Set("nat", "*", ack.MustMoney("0.1", ack.USD), ""); !errors.Is(err, ack.ErrCurrencyMismatch) {
		t.Errorf("a USD price in a CNY book: %v", err)
	}
}

func FuzzParseBook(f *testing.F) {
	seed, _ := json.Marshal(pricing.DefaultBook())
	f.Add(seed)
	f.Add([]byte(`{"currency":"USD","prices":[{"item":"nat","region":"*","price":"0.034"}]}`))
	f.Add([]byte(`{"currency":"CNY","prices":[{"item":"x","region":"y","price":"1/3"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := pricing.ParseBook(data)
		if err != nil {
			return
		}
		out, err := json.Marshal(b)
		if err != nil {
			t.Fatalf("a parsed book does not marshal: %v", err)
		}
		back, err := pricing.ParseBook(out)
		if err != nil {
			t.Fatalf("a book's own JSON does not parse: %v\n%s", err, out)
		}
		for _, e := range b.Entries() {
			p1, err1 := b.Price(e.Item, e.Region)
			p2, err2 := back.Price(e.Item, e.Region)
			if err1 != nil || err2 != nil || !p1.Equal(p2) || p1.Sign() < 0 || p1.Currency() != b.Currency() {
				t.Fatalf("%s in %s: %v (%v) then %v (%v)", e.Item, e.Region, p1, err1, p2, err2)
			}
		}
	})
}
