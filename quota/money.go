package quota

import (
	"fmt"
	"math"
)

// Money is an exact amount of Chinese yuan, held as a whole number of fen
// (1 CNY = 100 fen). It is what the account prerequisite on pay-as-you-go
// purchases is measured in. The zero value is 0.00 CNY; amounts may be
// negative (an account in arrears).
//
// Money never uses floating point. Arithmetic saturates at the limits of
// int64 instead of wrapping, which keeps every comparison right.
type Money struct {
	fen int64
}

// Yuan returns y whole yuan.
func Yuan(y int64) Money { return Money{fen: yuanToFen(y)} }

// Fen returns f fen (hundredths of a yuan).
func Fen(f int64) Money { return Money{fen: f} }

// Fen returns the amount in fen.
func (m Money) Fen() int64 { return m.fen }

// Add returns m + o, saturating at the limits of int64.
func (m Money) Add(o Money) Money { return Money{fen: addSat(m.fen, o.fen)} }

// Equal reports whether m and o are the same amount (go-cmp uses it).
func (m Money) Equal(o Money) bool { return m.fen == o.fen }

// Less reports whether m is smaller than o.
func (m Money) Less(o Money) bool { return m.fen < o.fen }

// String formats the amount as yuan with two decimals and the currency, for
// example "100.00 CNY" or "-0.05 CNY".
func (m Money) String() string {
	sign := ""
	// Split before negating so that math.MinInt64 stays exact.
	whole, frac := m.fen/100, m.fen%100
	if m.fen < 0 {
		sign = "-"
		whole, frac = -whole, -frac
	}
	return fmt.Sprintf("%s%d.%02d CNY", sign, uint64(whole), frac)
}

func addSat(a, b int64) int64 {
	s := a + b
	switch {
	case a > 0 && b > 0 && s < 0:
		return math.MaxInt64
	case a < 0 && b < 0 && s >= 0:
		return math.MinInt64
	}
	return s
}

func yuanToFen(y int64) int64 {
	switch {
	case y > math.MaxInt64/100:
		return math.MaxInt64
	case y < math.MinInt64/100:
		return math.MinInt64
	}
	return y * 100
}
