package ack_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
)

// encodingCases are amounts whose text and JSON forms are pinned.
var encodingCases = []struct {
	name string
	m    ack.Money
	text string
	json string
}{
	{"zero value", ack.Money{}, "0.00", `{"amount":"0.00","currency":""}`},
	{"zero CNY", cny("0"), "0.00 CNY", `{"amount":"0.00","currency":"CNY"}`},
	{"cents", cny("12.34"), "12.34 CNY", `{"amount":"12.34","currency":"CNY"}`},
	{"one place", usd("1.5"), "1.50 USD", `{"amount":"1.50","currency":"USD"}`},
	{"many places", cny("0.00000613"), "0.00000613 CNY", `{"amount":"0.00000613","currency":"CNY"}`},
	{"negative", cny("-7"), "-7.00 CNY", `{"amount":"-7.00","currency":"CNY"}`},
	{"per second", cny("0.407699").DivInt(3600), "407699/3600000000 CNY", `{"amount":"407699/3600000000","currency":"CNY"}`},
	{"negative third", usd("-1").DivInt(3), "-1/3 USD", `{"amount":"-1/3","currency":"USD"}`},
}

func TestMoneyText(t *testing.T) {
	for _, tt := range encodingCases {
		text, err := tt.m.MarshalText()
		if err != nil || string(text) != tt.text {
			t.Errorf("%s: MarshalText = %q, %v; want %q", tt.name, text, err, tt.text)
			continue
		}
		var back ack.Money
		if err := back.UnmarshalText(text); err != nil {
			t.Errorf("%s: UnmarshalText(%q): %v", tt.name, text, err)
			continue
		}
		if diff := cmp.Diff(tt.m, back); diff != "" {
			t.Errorf("%s: text round trip (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestMoneyUnmarshalTextForms(t *testing.T) {
	tests := []struct {
		in   string
		want ack.Money
	}{
		{"12.34 CNY", cny("12.34")},
		{"12.340 CNY", cny("12.34")},
		{"5 USD", usd("5")},
		{"2/8 CNY", cny("0.25")},
		{"-0/7 CNY", cny("0")},
		{"0", ack.Money{}},
		{"0.00", ack.Money{}},
		{"0/5", ack.Money{}},
	}
	for _, tt := range tests {
		var got ack.Money
		if err := got.UnmarshalText([]byte(tt.in)); err != nil {
			t.Errorf("UnmarshalText(%q): %v", tt.in, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("UnmarshalText(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestMoneyUnmarshalTextRefuses(t *testing.T) {
	for _, in := range []string{
		"", "12.34", "12.34 cny", "12.34  CNY", "12.34 CNY ", " 12.34 CNY", "CNY 12.34",
		"1e3 CNY", "+1 CNY", "~0.33 CNY", "1/0 CNY", "1/ CNY", "/2 CNY", "1/-2 CNY", "1.5/2 CNY",
		"1/2/3 CNY", "NaN CNY", "0x1 CNY", "12.34 CNYX",
	} {
		before := cny("9.99")
		m := before
		err := m.UnmarshalText([]byte(in))
		if !errors.Is(err, ack.ErrMoneySyntax) {
			t.Errorf("UnmarshalText(%q) = %v, %v; want ErrMoneySyntax", in, m, err)
			continue
		}
		if !strings.Contains(err.Error(), `"`+in+`"`) {
			t.Errorf("UnmarshalText(%q) error %q does not name the input", in, err)
		}
		if !m.Equal(before) {
			t.Errorf("UnmarshalText(%q) failed but changed the Money to %v", in, m)
		}
	}
}

func TestMoneyJSON(t *testing.T) {
	for _, tt := range encodingCases {
		data, err := json.Marshal(tt.m)
		if err != nil || string(data) != tt.json {
			t.Errorf("%s: json.Marshal = %s, %v; want %s", tt.name, data, err, tt.json)
			continue
		}
		var back ack.Money
		if err := json.Unmarshal(data, &back); err != nil {
			t.Errorf("%s: json.Unmarshal(%s): %v", tt.name, data, err)
			continue
		}
		if diff := cmp.Diff(tt.m, back); diff != "" {
			t.Errorf("%s: JSON round trip (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestMoneyJSONInAStruct(t *testing.T) {
	type bill struct {
		Fee  ack.Money  `json:"fee"`
		Cap  *ack.Money `json:"cap"`
		Note string     `json:"note"`
	}
	in := bill{Fee: cny("0.441072"), Note: "pod"}
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"fee":{"amount":"0.441072","currency":"CNY"},"cap":null,"note":"pod"}`; string(data) != want {
		t.Errorf("json.Marshal = %s; want %s", data, want)
	}
	var out bill
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, out); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

func TestMoneyUnmarshalJSONForms(t *testing.T) {
	tests := []struct {
		in   string
		want ack.Money
	}{
		{`{"amount":"12.34","currency":"CNY"}`, cny("12.34")},
		{`{"currency":"USD","amount":"-0.5"}`, usd("-0.5")},
		{` { "amount" : "1/3" , "currency" : "CNY" } `, cny("1").DivInt(3)},
		{`{"amount":"0"}`, ack.Money{}},
		{`{"amount":"0.00","currency":null}`, ack.Money{}},
		{`{"amount":"1","currency":"CNY","note":"ignored"}`, cny("1")},
	}
	for _, tt := range tests {
		var got ack.Money
		if err := json.Unmarshal([]byte(tt.in), &got); err != nil {
			t.Errorf("json.Unmarshal(%s): %v", tt.in, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("json.Unmarshal(%s) (-want +got):\n%s", tt.in, diff)
		}
	}
	m := cny("3")
	if err := json.Unmarshal([]byte(`null`), &m); err != nil || !m.Equal(cny("3")) {
		t.Errorf("json null: %v, %v; want no change", m, err)
	}
}

func TestMoneyUnmarshalJSONRefuses(t *testing.T) {
	tests := []struct {
		in     string
		syntax bool // the error wraps ErrMoneySyntax
	}{
		{`{"amount":12.34,"currency":"CNY"}`, true},
		{`{"amount":null,"currency":"CNY"}`, true},
		{`{"currency":"CNY"}`, true},
		{`{"amount":"1e3","currency":"CNY"}`, true},
		{`{"amount":"12.34"}`, true},
		{`{"amount":"12.34","currency":""}`, true},
		{`{"amount":"12.34","currency":"cny"}`, true},
		{`{"amount":"1/0","currency":"CNY"}`, true},
		{`{"amount":"12.34 CNY","currency":"CNY"}`, true},
		{`"12.34 CNY"`, false},
		{`[]`, false},
		{`{"amount":"1","currency":5}`, false},
		{`{"amount":"\u0031\ud800","currency":"CNY"}`, true},
		{`{`, false},
	}
	for _, tt := range tests {
		before := usd("9.99")
		m := before
		err := m.UnmarshalJSON([]byte(tt.in))
		if err == nil {
			t.Errorf("UnmarshalJSON(%s) = %v; want an error", tt.in, m)
			continue
		}
		if got := errors.Is(err, ack.ErrMoneySyntax); got != tt.syntax {
			t.Errorf("UnmarshalJSON(%s) error %q: wraps ErrMoneySyntax = %v; want %v", tt.in, err, got, tt.syntax)
		}
		if !m.Equal(before) {
			t.Errorf("UnmarshalJSON(%s) failed but changed the Money to %v", tt.in, m)
		}
	}
}
