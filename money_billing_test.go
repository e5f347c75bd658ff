package ack_test

import (
	"testing"

	"github.com/ackgo/ack"
)

// The ECI per-second prices of FACTS B2 (CNY: 0.000049 per vCPU-second,
// 0.00000613 per GiB-second; USD: 0.0000077 and 0.00000096): a 2 vCPU /
// 4 GiB pod for one hour.
func TestMoneyECIHourFigures(t *testing.T) {
	must := noErr(t)
	tests := []struct {
		name           string
		vcpu, gib      ack.Money
		want, wantCent string
	}{
		{"CNY", cny("0.000049"), cny("0.00000613"), "0.441072 CNY", "0.44 CNY"},
		{"USD", usd("0.0000077"), usd("0.00000096"), "0.069264 USD", "0.07 USD"},
	}
	for _, tt := range tests {
		const seconds = 3600
		cpu := tt.vcpu.MulInt(2).MulInt(seconds)
		mem := tt.gib.MulInt(4).MulInt(seconds)
		total := must(cpu.Add(mem))
		if got := total.String(); got != tt.want {
			t.Errorf("%s: 2 vCPU + 4 GiB for 3600 s = %s; want %s", tt.name, got, tt.want)
		}
		if got := total.RoundToMinor().String(); got != tt.wantCent {
			t.Errorf("%s: settled = %s; want %s", tt.name, got, tt.wantCent)
		}
	}
	// The same CNY figure from the hourly prices (0.1764 per vCPU-hour and
	// 0.022068 per GiB-hour, which FACTS shows rounded as 0.0221), divided
	// back to seconds.
	perSecond := must(cny("0.1764").MulInt(2).Add(cny("0.022068").MulInt(4))).DivInt(3600)
	if got := perSecond.MulInt(3600); !got.Equal(cny("0.441072")) {
		t.Errorf("hourly route = %v; want 0.441072 CNY", got)
	}
}

func TestMoneyPerSecondIsExact(t *testing.T) {
	hourly := cny("0.407699")
	perSecond := hourly.DivInt(3600)
	if perSecond.Terminates() {
		t.Fatalf("%v / 3600 terminates; it should not", hourly)
	}
	got := perSecond.MulInt(5400)
	if want := cny("0.6115485"); !got.Equal(want) {
		t.Errorf("0.407699/3600×5400 = %v; want %v", got, want)
	}
	if got := perSecond.MulInt(3600); !got.Equal(hourly) {
		t.Errorf("0.407699/3600×3600 = %v; want %v", got, hourly)
	}
	text, err := perSecond.MarshalText()
	if err != nil || string(text) != "407699/3600000000 CNY" {
		t.Errorf("MarshalText = %q, %v; want 407699/3600000000 CNY", text, err)
	}
	// Multiplying first and dividing last gives the same amount.
	if got2 := hourly.MulInt(5400).DivInt(3600); !got2.Equal(got) {
		t.Errorf("0.407699×5400/3600 = %v; want %v", got2, got)
	}
}

// FACTS B2: an ECI fee under 0.01 CNY is rounded half-up: 0.005 and above
// is charged as 0.01, below 0.005 is not charged. RoundToMinor is that rule.
func TestMoneyECISmallFeeRounding(t *testing.T) {
	must := noErr(t)
	podSecond := must(cny("0.000049").MulInt(2).Add(cny("0.00000613").MulInt(4))) // 0.00012252
	tests := []struct {
		name string
		fee  ack.Money
		want string
	}{
		{"exactly 0.005", cny("0.005"), "0.01 CNY"},
		{"just under", cny("0.004999999"), "0.00 CNY"},
		{"just over", cny("0.0050000001"), "0.01 CNY"},
		{"0.015/3", cny("0.015").DivInt(3), "0.01 CNY"},             // 0.005 exactly
		{"a third of a fen", cny("0.01").DivInt(3), "0.00 CNY"},     // 0.00333…
		{"two thirds of a fen", cny("0.02").DivInt(3), "0.01 CNY"},  // 0.00666…
		{"pod for 1 s", podSecond, "0.00 CNY"},                      // 0.00012252
		{"pod for 40 s", podSecond.MulInt(40), "0.00 CNY"},          // 0.0049008
		{"pod for 41 s", podSecond.MulInt(41), "0.01 CNY"},          // 0.00502332
		{"a refund of 0.005", cny("-0.005"), "-0.01 CNY"},           // away from zero
		{"a refund under 0.005", cny("-0.0049"), "0.00 CNY"},        // no negative zero
		{"zero value", ack.Money{}, "0.00"},                         // no currency
		{"larger fee", cny("0.441072"), "0.44 CNY"},                 // the hour above
		{"larger fee at half", cny("1.125"), "1.13 CNY"},            // half-even would give 1.12
		{"larger fee at half, odd digit", cny("1.135"), "1.14 CNY"}, // half-up, not half-even
		{"USD", usd("0.0693").MulInt(5).DivInt(2), "0.17 USD"},      // 0.17325
	}
	for _, tt := range tests {
		if got := tt.fee.RoundToMinor().String(); got != tt.want {
			t.Errorf("%s: %v rounds to %s; want %s", tt.name, tt.fee, got, tt.want)
		}
	}
}
