package ack_test

import (
	"testing"

	"github.com/ackgo/ack"
)

func TestMoneyExact(t *testing.T) {
	tests := []struct {
		m    ack.Money
		want string
	}{
		{cny("0.441072"), "0.441072"},
		{cny("1.5"), "1.50"},
		{usd("-2"), "-2.00"},
	}
	for _, tt := range tests {
		m := tt.m
		if got := m.Exact(); got != tt.want {
			t.Errorf("%v.Exact() = %q, want %q", m, got, tt.want)
		}
		text, _ := m.MarshalText()
		if want := tt.want + " " + string(m.Currency()); string(text) != want {
			t.Errorf("MarshalText = %q, want %q: Exact is its amount", text, want)
		}
	}
	third := cny("1").DivInt(3)
	if got := third.Exact(); got != "1/3" {
		t.Errorf("1 CNY / 3: Exact() = %q, want 1/3", got)
	}
}
