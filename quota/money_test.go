package quota_test

import (
	"math"
	"testing"

	"github.com/ackgo/ack/quota"
	"github.com/google/go-cmp/cmp"
)

func TestMoneyString(t *testing.T) {
	tests := []struct {
		m    quota.Money
		want string
	}{
		{quota.Money{}, "0.00 CNY"},
		{quota.Yuan(100), "100.00 CNY"},
		{quota.Fen(9999), "99.99 CNY"},
		{quota.Fen(5), "0.05 CNY"},
		{quota.Fen(-5), "-0.05 CNY"},
		{quota.Fen(-12345), "-123.45 CNY"},
		{quota.Fen(math.MaxInt64), "92233720368547758.07 CNY"},
		{quota.Fen(math.MinInt64), "-92233720368547758.08 CNY"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.m.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMoneyArithmetic(t *testing.T) {
	tests := []struct {
		name string
		got  quota.Money
		want int64
	}{
		{"yuan", quota.Yuan(3), 300},
		{"negative yuan", quota.Yuan(-3), -300},
		{"yuan saturates high", quota.Yuan(math.MaxInt64 / 10), math.MaxInt64},
		{"yuan saturates low", quota.Yuan(math.MinInt64 / 10), math.MinInt64},
		{"add", quota.Yuan(1).Add(quota.Fen(1)), 101},
		{"add negative", quota.Yuan(1).Add(quota.Fen(-150)), -50},
		{"add saturates high", quota.Fen(math.MaxInt64).Add(quota.Fen(1)), math.MaxInt64},
		{"add saturates low", quota.Fen(math.MinInt64).Add(quota.Fen(-1)), math.MinInt64},
		{"add to the edge", quota.Fen(math.MaxInt64 - 1).Add(quota.Fen(1)), math.MaxInt64},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.got.Fen(); got != tt.want {
				t.Errorf("Fen() = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestMoneyCompare(t *testing.T) {
	tests := []struct {
		a, b        quota.Money
		less, equal bool
	}{
		{quota.Fen(9999), quota.Yuan(100), true, false},
		{quota.Yuan(100), quota.Fen(10000), false, true},
		{quota.Yuan(100), quota.Fen(9999), false, false},
		{quota.Fen(-1), quota.Money{}, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.a.String()+" vs "+tt.b.String(), func(t *testing.T) {
			got := []bool{tt.a.Less(tt.b), tt.a.Equal(tt.b)}
			if diff := cmp.Diff([]bool{tt.less, tt.equal}, got); diff != "" {
				t.Errorf("[Less Equal] mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAccountFunds(t *testing.T) {
	tests := []struct {
		name string
		a    quota.Account
		want quota.Money
	}{
		{"nothing", quota.Account{}, quota.Money{}},
		{"all three", quota.Account{Balance: quota.Yuan(50), Vouchers: quota.Yuan(30), Credit: quota.Fen(2001)}, quota.Fen(100_01)},
		{"arrears offset by credit", quota.Account{Balance: quota.Yuan(-20), Credit: quota.Yuan(120)}, quota.Yuan(100)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.a.Funds()); diff != "" {
				t.Errorf("Funds() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
