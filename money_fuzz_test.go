package ack_test

import (
	"encoding/json"
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/ackgo/ack"
)

var moneySeeds = []string{
	"12.34", "0", "-0", "7", "-0.5", "0.00000613", "0.000049", "0.407699", "007.10",
	"", "+1", "1e3", "0x10", "NaN", "Inf", ".5", "5.", "-", "1.2.3", "1_000", " 1",
	"1/3", "-1/3", "1/0", "12.34 CNY", "0.00", "407699/3600000000 CNY", "~0.33 CNY",
	"123456789012345678901234567890.000000000000000000001",
}

// FuzzParseMoney: ParseMoney never panics, accepts exactly what big.Rat
// reads of the strict grammar, and what it accepts prints back (String and
// MarshalText) to text that parses to the same Money.
func FuzzParseMoney(f *testing.F) {
	for _, s := range moneySeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ack.ParseMoney(s, ack.CNY)
		if err != nil {
			if !errors.Is(err, ack.ErrMoneySyntax) {
				t.Fatalf("ParseMoney(%q) error %v does not wrap ErrMoneySyntax", s, err)
			}
			return
		}
		if !strictDecimal(s) {
			t.Fatalf("ParseMoney(%q) accepted what is not a plain decimal", s)
		}
		want, ok := new(big.Rat).SetString(s)
		if !ok || m.Amount().Cmp(want) != 0 {
			t.Fatalf("ParseMoney(%q) = %v; big.Rat reads %v", s, m, want)
		}
		if !m.Terminates() {
			t.Fatalf("ParseMoney(%q) = %v does not terminate", s, m)
		}
		str := m.String()
		amount, cur, _ := strings.Cut(str, " ")
		if cur != "CNY" {
			t.Fatalf("String() = %q; want the currency CNY after one space", str)
		}
		back, err := ack.ParseMoney(amount, ack.CNY)
		if err != nil || !back.Equal(m) {
			t.Fatalf("ParseMoney(%q) = %v, %v; want %v (from %q)", amount, back, err, m, s)
		}
		text, _ := m.MarshalText()
		if string(text) != str {
			t.Fatalf("MarshalText = %q; String = %q", text, str)
		}
		var fromText ack.Money
		if err := fromText.UnmarshalText(text); err != nil || !fromText.Equal(m) {
			t.Fatalf("UnmarshalText(%q) = %v, %v; want %v", text, fromText, err, m)
		}
	})
}

// strictDecimal is the documented grammar, -?[0-9]+(\.[0-9]+)?, written
// independently of the parser.
func strictDecimal(s string) bool {
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasPoint := strings.Cut(s, ".")
	digits := func(p string) bool {
		return p != "" && strings.Trim(p, "0123456789") == ""
	}
	return digits(intPart) && (!hasPoint || digits(frac))
}

// FuzzMoneyUnmarshalText: UnmarshalText never panics, and what it accepts
// marshals back to text that reads to the same Money.
func FuzzMoneyUnmarshalText(f *testing.F) {
	for _, s := range moneySeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var m ack.Money
		if err := m.UnmarshalText([]byte(s)); err != nil {
			if !errors.Is(err, ack.ErrMoneySyntax) {
				t.Fatalf("UnmarshalText(%q) error %v does not wrap ErrMoneySyntax", s, err)
			}
			return
		}
		_ = m.String()
		text, err := m.MarshalText()
		if err != nil {
			t.Fatalf("MarshalText of %q: %v", s, err)
		}
		var back ack.Money
		if err := back.UnmarshalText(text); err != nil || !back.Equal(m) {
			t.Fatalf("UnmarshalText(%q) = %v, %v; want %v (from %q)", text, back, err, m, s)
		}
	})
}

// FuzzMoneyUnmarshalJSON: UnmarshalJSON never panics, and what it accepts
// marshals back to JSON that decodes to the same Money.
func FuzzMoneyUnmarshalJSON(f *testing.F) {
	f.Add(`{"amount":"12.34","currency":"CNY"}`)
	f.Add(`{"amount":"407699/3600000000","currency":"CNY"}`)
	f.Add(`{"amount":"0.00","currency":""}`)
	f.Add(`{"amount":12.34,"currency":"CNY"}`)
	f.Add(`{"amount":"1e3","currency":"USD"}`)
	f.Add(`null`)
	f.Fuzz(func(t *testing.T, s string) {
		var m ack.Money
		if err := json.Unmarshal([]byte(s), &m); err != nil {
			return
		}
		data, err := json.Marshal(m)
		if err != nil {
			t.Fatalf("json.Marshal of %v (from %q): %v", m, s, err)
		}
		var back ack.Money
		if err := json.Unmarshal(data, &back); err != nil || !back.Equal(m) {
			t.Fatalf("json.Unmarshal(%s) = %v, %v; want %v (from %q)", data, back, err, m, s)
		}
	})
}
