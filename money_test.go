package ack_test

import (
	"errors"
	"math/big"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
)

func cny(s string) ack.Money { return ack.MustMoney(s, ack.CNY) }
func usd(s string) ack.Money { return ack.MustMoney(s, ack.USD) }

// noErr returns a function that returns its Money, failing t on its
// error: must := noErr(t); sum := must(a.Add(b)).
func noErr(t *testing.T) func(ack.Money, error) ack.Money {
	return func(m ack.Money, err error) ack.Money {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
}

func TestCurrencyValidate(t *testing.T) {
	for _, s := range []string{"CNY", "USD", "EUR", "JPY"} {
		c, err := ack.ParseCurrency(s)
		if err != nil || string(c) != s {
			t.Errorf("ParseCurrency(%q) = %q, %v; want it back, nil", s, c, err)
		}
	}
	for _, s := range []string{"", "cny", "Cny", "CN", "CNYY", "C1Y", " CNY", "ÄBC", "元"} {
		_, err := ack.ParseCurrency(s)
		if !errors.Is(err, ack.ErrMoneySyntax) {
			t.Errorf("ParseCurrency(%q) error = %v; want one wrapping ErrMoneySyntax", s, err)
			continue
		}
		if !strings.Contains(err.Error(), `"`+s+`"`) {
			t.Errorf("ParseCurrency(%q) error %q does not name the input", s, err)
		}
	}
	if ack.CNY.MinorPlaces() != 2 || ack.USD.MinorPlaces() != 2 {
		t.Errorf("MinorPlaces: CNY %d, USD %d; want 2 and 2", ack.CNY.MinorPlaces(), ack.USD.MinorPlaces())
	}
}

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in   string
		want string // String of the result
	}{
		{"12.34", "12.34 CNY"},
		{"0", "0.00 CNY"},
		{"-0", "0.00 CNY"},
		{"7", "7.00 CNY"},
		{"1.5", "1.50 CNY"},
		{"1.500000", "1.50 CNY"},
		{"-0.5", "-0.50 CNY"},
		{"0.00000613", "0.00000613 CNY"},
		{"0.000049", "0.000049 CNY"},
		{"007.10", "7.10 CNY"},
		{"123456789012345678901234567890.123456789", "123456789012345678901234567890.123456789 CNY"},
	}
	for _, tt := range tests {
		m, err := ack.ParseMoney(tt.in, ack.CNY)
		if err != nil {
			t.Errorf("ParseMoney(%q): %v", tt.in, err)
			continue
		}
		if got := m.String(); got != tt.want {
			t.Errorf("ParseMoney(%q).String() = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseMoneyRefuses(t *testing.T) {
	tests := []struct {
		in     string
		reason string // a part of the error message
	}{
		{"", "empty"},
		{"+1", "'+'"},
		{"1e3", "exponent"},
		{"1E-3", "exponent"},
		{"0x10", "hexadecimal"},
		{"NaN", "unexpected 'N'"},
		{"Inf", "unexpected 'I'"},
		{"-Inf", "unexpected 'I'"},
		{".5", "before the '.'"},
		{"5.", "after the '.'"},
		{"-", "after the '-'"},
		{"--1", "unexpected '-'"},
		{"1.2.3", "more than one '.'"},
		{"1_000", "unexpected '_'"},
		{" 1", "unexpected ' '"},
		{"1 ", "unexpected ' '"},
		{"1,5", "unexpected ','"},
		{"1/2", "fraction"},
		{"12.34 CNY", "unexpected ' '"},
		{"١", "unexpected '١'"},
	}
	for _, tt := range tests {
		m, err := ack.ParseMoney(tt.in, ack.CNY)
		if !errors.Is(err, ack.ErrMoneySyntax) {
			t.Errorf("ParseMoney(%q) = %v, %v; want an error wrapping ErrMoneySyntax", tt.in, m, err)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, `parse money "`+tt.in+`"`) || !strings.Contains(msg, tt.reason) {
			t.Errorf("ParseMoney(%q) error %q; want it to name the input and say %q", tt.in, msg, tt.reason)
		}
	}
	if _, err := ack.ParseMoney("1", "cny"); !errors.Is(err, ack.ErrMoneySyntax) {
		t.Errorf("ParseMoney with currency cny: %v; want ErrMoneySyntax", err)
	}
	if _, err := ack.ParseMoney("1", ""); !errors.Is(err, ack.ErrMoneySyntax) {
		t.Errorf("ParseMoney with no currency: %v; want ErrMoneySyntax", err)
	}
	long := strings.Repeat("9", 1000) + "x"
	_, err := ack.ParseMoney(long, ack.CNY)
	if err == nil || len(err.Error()) > 300 {
		t.Errorf("ParseMoney(1001 bytes) error is %d bytes; want it cut short", len(err.Error()))
	}
}

func TestMustMoneyPanics(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), `"1e3"`) {
			t.Errorf("MustMoney(\"1e3\") recovered %v; want a panic naming the input", r)
		}
	}()
	ack.MustMoney("1e3", ack.CNY)
}

func TestMoneyConstructors(t *testing.T) {
	must := noErr(t)
	m := must(ack.MoneyFromMinor(1234, ack.CNY))
	if !m.Equal(cny("12.34")) {
		t.Errorf("MoneyFromMinor(1234, CNY) = %v; want 12.34 CNY", m)
	}
	m = must(ack.MoneyFromMinor(-5, ack.USD))
	if !m.Equal(usd("-0.05")) {
		t.Errorf("MoneyFromMinor(-5, USD) = %v; want -0.05 USD", m)
	}
	m = must(ack.NewMoney(big.NewRat(1, 3), ack.CNY))
	if got := m.Amount(); got.Cmp(big.NewRat(1, 3)) != 0 {
		t.Errorf("NewMoney(1/3).Amount() = %v", got)
	}
	if _, err := ack.NewMoney(big.NewRat(1, 3), "x"); !errors.Is(err, ack.ErrMoneySyntax) {
		t.Errorf("NewMoney with currency x: %v; want ErrMoneySyntax", err)
	}
	if _, err := ack.MoneyFromMinor(1, ""); !errors.Is(err, ack.ErrMoneySyntax) {
		t.Errorf("MoneyFromMinor with no currency: %v; want ErrMoneySyntax", err)
	}
}

func TestMoneyString(t *testing.T) {
	tests := []struct {
		name string
		m    ack.Money
		want string
	}{
		{"zero value", ack.Money{}, "0.00"},
		{"zero CNY", cny("0"), "0.00 CNY"},
		{"whole", cny("3"), "3.00 CNY"},
		{"one place", cny("1.5"), "1.50 CNY"},
		{"minor places", usd("0.09"), "0.09 USD"},
		{"more places", cny("0.441072"), "0.441072 CNY"},
		{"negative", cny("-0.05"), "-0.05 CNY"},
		{"third", cny("1").DivInt(3), "~0.3333333333 CNY"},
		{"two thirds", cny("2").DivInt(3), "~0.6666666667 CNY"},
		{"negative third", cny("-1").DivInt(3), "~-0.3333333333 CNY"},
		{"per second", cny("0.407699").DivInt(3600), "~0.0001132497 CNY"},
		{"terminating quotient", cny("0.64").DivInt(3600 / 9), "0.0016 CNY"},
	}
	for _, tt := range tests {
		if got := tt.m.String(); got != tt.want {
			t.Errorf("%s: String() = %q; want %q", tt.name, got, tt.want)
		}
	}
}

func TestMoneyDecimal(t *testing.T) {
	tests := []struct {
		m      ack.Money
		places int
		want   string
	}{
		{cny("0.441072"), 2, "0.44"},
		{cny("0.441072"), 4, "0.4411"},
		{cny("0.441072"), 8, "0.44107200"},
		{cny("0.445"), 2, "0.45"},
		{cny("-0.445"), 2, "-0.45"},
		{cny("-0.004"), 2, "0.00"},
		{cny("2.5"), 0, "3"},
		{cny("1234.5"), -2, "1200"},
		{cny("1250"), -2, "1300"},
		{cny("1").DivInt(3), 3, "0.333"},
		{ack.Money{}, 2, "0.00"},
	}
	for _, tt := range tests {
		if got := tt.m.Decimal(tt.places); got != tt.want {
			t.Errorf("%v.Decimal(%d) = %q; want %q", tt.m, tt.places, got, tt.want)
		}
	}
}

func TestMoneyRound(t *testing.T) {
	tests := []struct {
		in     string
		places int
		want   string
	}{
		{"0.5", 0, "1"},
		{"1.5", 0, "2"},
		{"2.5", 0, "3"},
		{"-0.5", 0, "-1"},
		{"-2.5", 0, "-3"},
		{"0.49", 0, "0"},
		{"-0.49", 0, "0"},
		{"0.125", 2, "0.13"},
		{"0.124999", 2, "0.12"},
		{"0.00000613", 6, "0.000006"},
		{"0.0000065", 6, "0.000007"},
		{"15", -1, "20"},
		{"-15", -1, "-20"},
		{"14.99", -1, "10"},
		{"12.34", 5, "12.34"},
	}
	for _, tt := range tests {
		got := cny(tt.in).Round(tt.places)
		if want := cny(tt.want); !got.Equal(want) {
			t.Errorf("%s.Round(%d) = %v; want %v", tt.in, tt.places, got, want)
		}
	}
}

func TestMoneyArithmetic(t *testing.T) {
	must := noErr(t)
	a, b := cny("10.25"), cny("0.75")
	tests := []struct {
		name string
		got  ack.Money
		want ack.Money
	}{
		{"add", must(a.Add(b)), cny("11")},
		{"sub", must(a.Sub(b)), cny("9.5")},
		{"sub below zero", must(b.Sub(a)), cny("-9.5")},
		{"mul int", a.MulInt(4), cny("41")},
		{"mul negative int", a.MulInt(-2), cny("-20.5")},
		{"mul rat", a.MulRat(big.NewRat(2, 5)), cny("4.1")},
		{"mul decimal", must(a.MulDecimal("0.5")), cny("5.125")},
		{"mul decimal 1024", must(cny("0.00000613").MulDecimal("1024")), cny("0.00627712")},
		{"div int", a.DivInt(5), cny("2.05")},
		{"div negative int", a.DivInt(-4), cny("-2.5625")},
		{"neg", a.Neg(), cny("-10.25")},
		{"abs", a.Neg().Abs(), a},
		{"sum", must(ack.SumMoney(a, b, b)), cny("11.75")},
		{"sum with zero value", must(ack.SumMoney(ack.Money{}, a, ack.Money{})), a},
		{"sum of nothing", must(ack.SumMoney()), ack.Money{}},
		{"third times three", cny("1").DivInt(3).MulInt(3), cny("1")},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, tt.got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
	if a.Sign() != 1 || a.Neg().Sign() != -1 || cny("0").Sign() != 0 {
		t.Error("Sign is wrong")
	}
	if !cny("0.00").IsZero() || !(ack.Money{}).IsZero() || a.IsZero() {
		t.Error("IsZero is wrong")
	}
	if _, err := a.MulDecimal("1e3"); !errors.Is(err, ack.ErrMoneySyntax) || !strings.Contains(err.Error(), `"1e3"`) {
		t.Errorf("MulDecimal(\"1e3\") error = %v; want ErrMoneySyntax naming the quantity", err)
	}
}

func TestMoneyCmp(t *testing.T) {
	tests := []struct {
		a, b ack.Money
		want int
	}{
		{cny("1"), cny("2"), -1},
		{cny("2"), cny("1"), 1},
		{cny("1.0"), cny("1"), 0},
		{cny("1").DivInt(3), cny("0.3333333333"), 1},
		{ack.Money{}, cny("1"), -1},
		{cny("-1"), ack.Money{}, -1},
		{ack.Money{}, cny("0"), 0},
	}
	for _, tt := range tests {
		got, err := tt.a.Cmp(tt.b)
		if err != nil || got != tt.want {
			t.Errorf("%v.Cmp(%v) = %d, %v; want %d, nil", tt.a, tt.b, got, err, tt.want)
		}
	}
}

func TestMoneyEqual(t *testing.T) {
	if !cny("1.50").Equal(cny("1.5")) {
		t.Error("1.50 CNY != 1.5 CNY")
	}
	if cny("1").Equal(usd("1")) {
		t.Error("1 CNY == 1 USD")
	}
	if cny("0").Equal(ack.Money{}) {
		t.Error("0 CNY Equal to the zero value; Equal is strict about the currency")
	}
	if diff := cmp.Diff(cny("2"), cny("1").MulInt(2)); diff != "" {
		t.Errorf("cmp.Diff of equal amounts:\n%s", diff)
	}
	if cmp.Equal(cny("2"), cny("2.01")) {
		t.Error("cmp.Equal of different amounts")
	}
}

func TestMoneyZeroValue(t *testing.T) {
	must := noErr(t)
	var zero ack.Money
	if zero.Currency() != "" || !zero.IsZero() || zero.Amount().Sign() != 0 {
		t.Errorf("zero value = %v in %q", zero, zero.Currency())
	}
	x := cny("1.23")
	for name, got := range map[string]ack.Money{
		"zero + x": must(zero.Add(x)),
		"x + zero": must(x.Add(zero)),
		"x - zero": must(x.Sub(zero)),
	} {
		if !got.Equal(x) {
			t.Errorf("%s = %v; want %v", name, got, x)
		}
	}
	if got := must(zero.Sub(x)); !got.Equal(x.Neg()) {
		t.Errorf("zero - x = %v; want %v", got, x.Neg())
	}
	if got := must(zero.Add(zero)); !got.Equal(zero) {
		t.Errorf("zero + zero = %v; want the zero value", got)
	}
	for name, got := range map[string]ack.Money{
		"neg": zero.Neg(), "mul": zero.MulInt(7), "div": zero.DivInt(7), "round": zero.Round(2),
	} {
		if !got.Equal(zero) {
			t.Errorf("%s of the zero value = %v in %q; want the zero value", name, got, got.Currency())
		}
	}
	if got := zero.Float64(); got != 0 {
		t.Errorf("Float64 = %v", got)
	}
}

func TestMoneyCurrencyMismatch(t *testing.T) {
	c, u := cny("1"), usd("1")
	_, addErr := c.Add(u)
	_, subErr := c.Sub(u)
	_, cmpErr := c.Cmp(u)
	_, sumErr := ack.SumMoney(c, ack.Money{}, c, u)
	_, zeroErr := cny("0").Add(u) // a zero in a currency still has it
	for name, err := range map[string]error{
		"add": addErr, "sub": subErr, "cmp": cmpErr, "sum": sumErr, "zero CNY + USD": zeroErr,
	} {
		if !errors.Is(err, ack.ErrCurrencyMismatch) {
			t.Errorf("%s: error = %v; want ErrCurrencyMismatch", name, err)
		}
	}
	if want := "add 1.00 USD to 1.00 CNY: currency mismatch: CNY and USD"; addErr.Error() != want {
		t.Errorf("add error = %q; want %q", addErr, want)
	}
	if !strings.Contains(sumErr.Error(), "item 3 (1.00 USD)") {
		t.Errorf("sum error = %q; want it to name item 3", sumErr)
	}
}

func TestMoneyDivIntByZeroPanics(t *testing.T) {
	defer func() {
		if r := recover(); r == nil {
			t.Error("DivInt(0) did not panic")
		}
	}()
	cny("1").DivInt(0)
}

func TestMoneyFloat64(t *testing.T) {
	if got := cny("0.441072").Float64(); got != 0.441072 {
		t.Errorf("Float64 = %v; want 0.441072", got)
	}
	if got := cny("1").DivInt(3).Float64(); got != 1.0/3 {
		t.Errorf("Float64 of a third = %v", got)
	}
}

// No method changes its receiver, keeps a caller's big.Rat or hands out
// its own.
func TestMoneyIsAValue(t *testing.T) {
	must := noErr(t)
	r := big.NewRat(5, 4)
	m := must(ack.NewMoney(r, ack.CNY))
	r.SetInt64(99)
	if !m.Equal(cny("1.25")) {
		t.Fatalf("changing NewMoney's argument changed the Money: %v", m)
	}
	m.Amount().SetInt64(99)
	if !m.Equal(cny("1.25")) {
		t.Fatalf("changing Amount's result changed the Money: %v", m)
	}
	q := big.NewRat(2, 1)
	p := m.MulRat(q)
	q.SetInt64(1000)
	if !p.Equal(cny("2.5")) {
		t.Fatalf("changing MulRat's argument changed the product: %v", p)
	}
	other := cny("0.75")
	_, _ = m.Add(other)
	_, _ = m.Sub(other)
	_, _ = m.Cmp(other)
	_, _ = ack.SumMoney(m, other)
	_, _ = m.MulDecimal("3")
	_, _ = m.MarshalText()
	_, _ = m.MarshalJSON()
	_ = m.MulInt(3)
	_ = m.DivInt(7)
	_ = m.Neg()
	_ = m.Abs()
	_ = m.Round(0)
	_ = m.RoundToMinor()
	_ = m.Decimal(1)
	_ = m.String()
	if !m.Equal(cny("1.25")) || !other.Equal(cny("0.75")) {
		t.Fatalf("an operation changed an operand: %v, %v", m, other)
	}
}

// One Money read by many goroutines at once: -race finds any write.
func TestMoneyConcurrentUse(t *testing.T) {
	shared := cny("0.407699").DivInt(3600)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 50 {
				x := shared.MulInt(int64(i*50 + j))
				_, _ = x.Add(shared)
				_ = shared.RoundToMinor()
				_ = shared.String()
				_, _ = shared.MarshalJSON()
				_ = shared.Terminates()
				_ = shared.Amount()
			}
		})
	}
	wg.Wait()
	if !shared.MulInt(3600).Equal(cny("0.407699")) {
		t.Errorf("shared value changed: %v", shared)
	}
}
