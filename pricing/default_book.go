package pricing

import "github.com/ackgo/ack"

// DefaultBookDate is the day the default book's newest prices were seen:
// the ECS list prices scraped from the China site's price JSON on
// 2024-10-16.
const DefaultBookDate = "2024-10-16"

// The sources of the default book, as the entries name them.
var defaultSources = []string{
	"S1/S2: ACK Pro cluster billing, alibabacloud.com and help.aliyun.com (2025-26 copies): 0.64 CNY per cluster-hour",
	"S4/S9: ECI instance billing, ACK/ECI docs (2021-07): 0.000049 CNY per vCPU-second, 0.00000613 CNY per GiB-second",
	"S11: ECS pay-as-you-go list prices, Linux, from aliyun.com/price instancePrice.json as scraped 2024-10-10 (S12: 2024-10-16)",
	"S15: CLB pay-as-you-go, AlibabaCloudDocs/slb (2019-06-26): internal-facing CLB no instance fee, slb.s1.small spec free; internet-facing 0.02 CNY/h mainland",
	"S17: NAT gateway pay-as-you-go, AlibabaCloudDocs/nat (2020-12-22): instance fee 0.23 CNY/h mainland, 0.30 CNY/h in London, Singapore, Frankfurt, Kuala Lumpur, Jakarta, Mumbai",
	"S19: EIP pay-by-traffic, AlibabaCloudDocs/eip (2019-05-06): retention 0.02 CNY/h mainland",
}

// defaultECS are the ECS list prices of FACTS B2 §2.3 (CNY per hour, per
// region: cn-hangzhou, cn-beijing, ap-southeast-1, us-west-1; "" where the
// source has none).
var defaultECS = []struct {
	typ    string
	prices [4]string
}{
	{"ecs.g6.large", [4]string{"0.50", "0.50", "0.7209", "0.5785"}},
	{"ecs.g6.xlarge", [4]string{"1.00", "1.00", "1.4418", "1.157"}},
	{"ecs.c6.large", [4]string{"0.39", "0.39", "0.5429", "0.4717"}},
	{"ecs.r6.large", [4]string{"0.66", "0.66", "0.9078", "0.7565"}},
	{"ecs.g7.large", [4]string{"0.52325", "0.52325", "0.669544", "0.53578"}},
	{"ecs.g7.xlarge", [4]string{"1.0465", "1.0465", "1.339089", "1.07156"}},
	{"ecs.c7.large", [4]string{"0.407699", "0.407699", "0.546795", "0.47437"}},
	{"ecs.gn6i-c4g1.xlarge", [4]string{"11.63", "11.63", "8.896", "8.025"}},
	{"ecs.gn7i-c8g1.2xlarge", [4]string{"9.5326", "9.5326", "18.065", ""}},
}

var defaultECSRegions = [4]string{"cn-hangzhou", "cn-beijing", "ap-southeast-1", "us-west-1"}

// DefaultBook returns a new copy of the built-in price book: CNY list
// prices dated DefaultBookDate, from the sources its Sources name. It has
// the ECS types and regions of the table in the package documentation; an
// ECS type or region it lacks is a *MissingPriceError, which a user fills
// with Book.Set or a book of their own (ParseBook).
func DefaultBook() *Book {
	b, err := NewBook("default (list prices, CNY)", DefaultBookDate, ack.CNY)
	if err != nil {
		panic(err) // CNY is valid
	}
	b.sources = append([]string(nil), defaultSources...)
	set := func(item, region, price, source string) {
		if err := b.Set(item, region, ack.MustMoney(price, ack.CNY), source); err != nil {
			panic(err) // the literals above are valid
		}
	}
	set(ItemECIVCPU, AnyRegion, "0.000049", "S4/S9 2021-07")
	set(ItemECIMemory, AnyRegion, "0.00000613", "S4/S9 2021-07")
	set(ItemProFee, AnyRegion, "0.64", "S1/S2")
	set(ItemCLBInternal, AnyRegion, "0", "S15 2019-06: internal-facing, no instance fee; slb.s1.small spec free")
	set(ItemCLBInternet, AnyRegion, "0.02", "S15 2019-06: mainland")
	set(ItemCLBInternet, "ap-southeast-1", "0.04", "S15 2019-06")
	set(ItemNAT, AnyRegion, "0.23", "S17 2020-12: mainland")
	set(ItemNAT, "ap-southeast-1", "0.30", "S17 2020-12")
	set(ItemEIP, AnyRegion, "0.02", "S19 2019-05: mainland")
	for _, e := range defaultECS {
		for i, p := range e.prices {
			if p != "" {
				set(e.typ, defaultECSRegions[i], p, "S11 2024-10-10")
			}
		}
	}
	return b
}
