package ack

import (
	"errors"
	"fmt"
	"math/big"
)

// Money is an exact amount of one currency. It is the SDK's only money
// type: prices, fees, estimates and account balances all use it.
//
// The amount is an exact rational number, never a float64. Every step is
// exact, division included: an hourly price divided by 3600 is kept as the
// fraction it is (0.407699/3600 does not terminate as a decimal), so
// price.DivInt(3600).MulInt(5400) is exactly 1.5 times the price. Rounding
// happens only where the caller asks for it, with Round or RoundToMinor,
// which is where a bill settles.
//
// Money is a value: no method changes its receiver, and none shares a
// *big.Rat with its caller (NewMoney and MulRat copy what they are given,
// Amount returns a copy). Values are safe for concurrent use.
//
// The zero value is usable: a zero amount in no currency. It combines with
// an amount of any currency (Money{}.Add(x) is x), which makes it a
// natural starting point for a sum. Two different currencies never
// combine: Add, Sub, Cmp and Sum return an error that wraps
// ErrCurrencyMismatch, even when one of the amounts is zero. Only the zero
// value has no currency; every constructor requires a valid one.
//
// Money is compared with Equal (go-cmp uses it), not ==.
type Money struct {
	cur Currency
	amt *big.Rat // nil is zero; never changed once a Money holds it
}

// ErrCurrencyMismatch is wrapped by the error of an operation on amounts of
// two different currencies.
var ErrCurrencyMismatch = errors.New("currency mismatch")

// NewMoney returns the amount r of currency c. r is copied: changing it
// afterwards does not change the Money. r must not be nil.
func NewMoney(r *big.Rat, c Currency) (Money, error) {
	if err := c.Validate(); err != nil {
		return Money{}, err
	}
	return Money{cur: c, amt: new(big.Rat).Set(r)}, nil
}

// MoneyFromMinor returns units minor units (fen, cents) of c:
// MoneyFromMinor(1234, CNY) is 12.34 CNY.
func MoneyFromMinor(units int64, c Currency) (Money, error) {
	if err := c.Validate(); err != nil {
		return Money{}, err
	}
	scale := int64(1)
	for range c.MinorPlaces() {
		scale *= 10
	}
	if units%scale == 0 { // a whole amount: no fraction to reduce
		return Money{cur: c, amt: new(big.Rat).SetInt64(units / scale)}, nil
	}
	g := gcdInt64(units, scale)
	return Money{cur: c, amt: new(big.Rat).SetFrac64(units/g, scale/g)}, nil
}

// Currency returns m's currency; it is empty only for the zero value.
func (m Money) Currency() Currency { return m.cur }

// Amount returns m's exact amount as a new big.Rat, which the caller may
// change freely.
func (m Money) Amount() *big.Rat { return new(big.Rat).Set(m.rat()) }

// Float64 returns the float64 nearest to m's amount. It is lossy and meant
// for charts and metrics only; never compute with it.
func (m Money) Float64() float64 {
	f, _ := m.rat().Float64()
	return f
}

// Sign returns -1, 0 or +1 as m's amount is negative, zero or positive.
func (m Money) Sign() int { return m.rat().Sign() }

// IsZero reports whether m's amount is zero, in any currency.
func (m Money) IsZero() bool { return m.Sign() == 0 }

// Equal reports whether m and o have the same currency and the same amount.
// It is strict about the currency: 0 CNY is not Equal to the zero value (use
// IsZero for that), which keeps Equal an equivalence relation.
func (m Money) Equal(o Money) bool {
	return m.cur == o.cur && m.rat().Cmp(o.rat()) == 0
}

// Cmp compares m and o: -1 if m < o, 0 if m == o, +1 if m > o. Amounts of
// different currencies cannot be compared: the error wraps
// ErrCurrencyMismatch. The zero value compares with any currency.
func (m Money) Cmp(o Money) (int, error) {
	if _, err := combine(m, o); err != nil {
		return 0, fmt.Errorf("compare %s with %s: %w", m, o, err)
	}
	return m.rat().Cmp(o.rat()), nil
}

// Add returns m + o. The error wraps ErrCurrencyMismatch when m and o have
// different currencies.
func (m Money) Add(o Money) (Money, error) {
	c, err := combine(m, o)
	if err != nil {
		return Money{}, fmt.Errorf("add %s to %s: %w", o, m, err)
	}
	return Money{cur: c, amt: new(big.Rat).Add(m.rat(), o.rat())}, nil
}

// Sub returns m - o. The error wraps ErrCurrencyMismatch when m and o have
// different currencies.
func (m Money) Sub(o Money) (Money, error) {
	c, err := combine(m, o)
	if err != nil {
		return Money{}, fmt.Errorf("subtract %s from %s: %w", o, m, err)
	}
	return Money{cur: c, amt: new(big.Rat).Sub(m.rat(), o.rat())}, nil
}

// SumMoney returns the total of ms; the total of nothing is the zero value. The
// error wraps ErrCurrencyMismatch and names the first item whose currency
// differs from the ones before it.
func SumMoney(ms ...Money) (Money, error) {
	total := new(big.Rat)
	var c Currency
	for i, m := range ms {
		if m.cur != "" && c != "" && m.cur != c {
			return Money{}, fmt.Errorf("sum: item %d (%s) after amounts in %s: %w", i, m, c, ErrCurrencyMismatch)
		}
		if m.cur != "" {
			c = m.cur
		}
		total.Add(total, m.rat())
	}
	return Money{cur: c, amt: total}, nil
}

// MulInt returns m × n, for example a price per vCPU-second times a count
// of vCPU-seconds.
func (m Money) MulInt(n int64) Money {
	q := new(big.Rat).SetInt64(n)
	return Money{cur: m.cur, amt: q.Mul(q, m.rat())}
}

// MulRat returns m × q exactly. q is only read, never kept. q must not be
// nil.
func (m Money) MulRat(q *big.Rat) Money {
	return Money{cur: m.cur, amt: new(big.Rat).Mul(m.rat(), q)}
}

// MulDecimal returns m × q, where q is a decimal quantity in ParseMoney's
// syntax, such as "0.5" (half a vCPU) or "1024". The error wraps
// ErrMoneySyntax and names q.
func (m Money) MulDecimal(q string) (Money, error) {
	r, err := parseDecimal(q)
	if err != nil {
		return Money{}, fmt.Errorf("multiply %s by quantity %s: %w: %s", m, quoteInput(q), ErrMoneySyntax, err)
	}
	return Money{cur: m.cur, amt: r.Mul(r, m.rat())}, nil
}

// DivInt returns m / n exactly, as a fraction when the quotient does not
// terminate as a decimal: a per-second price is an hourly price DivInt(3600).
// Like integer division, it panics when n is zero.
func (m Money) DivInt(n int64) Money {
	if n == 0 {
		panic(fmt.Sprintf("ack: Money.DivInt: %s divided by zero", m))
	}
	q := new(big.Rat).SetInt64(n)
	return Money{cur: m.cur, amt: q.Quo(m.rat(), q)}
}

// Neg returns -m.
func (m Money) Neg() Money { return Money{cur: m.cur, amt: new(big.Rat).Neg(m.rat())} }

// Abs returns |m|.
func (m Money) Abs() Money { return Money{cur: m.cur, amt: new(big.Rat).Abs(m.rat())} }

// Round returns m rounded to places decimal places, half away from zero
// ("half-up" on bills): with places 2, 0.005 becomes 0.01, 0.00499… becomes
// 0.00 and -0.005 becomes -0.01. A negative places rounds to tens,
// hundreds, and so on. Rounding is never implicit: call it where a bill
// settles.
func (m Money) Round(places int) Money {
	return Money{cur: m.cur, amt: roundRat(m.rat(), places)}
}

// RoundToMinor returns m rounded half away from zero to its currency's minor
// unit (two places for CNY and USD). This is the ECI billing rule for small
// fees: a fee of 0.005 or more is charged as 0.01, one under 0.005 is not
// charged.
func (m Money) RoundToMinor() Money { return m.Round(m.cur.MinorPlaces()) }

// rat returns m's amount for reading only; callers never change it.
func (m Money) rat() *big.Rat {
	if m.amt == nil {
		return new(big.Rat)
	}
	return m.amt
}

// combine returns the currency of an operation on a and b: the one they
// share, or the other one when either is the zero value's empty currency.
func combine(a, b Money) (Currency, error) {
	switch {
	case a.cur == b.cur:
		return a.cur, nil
	case a.cur == "":
		return b.cur, nil
	case b.cur == "":
		return a.cur, nil
	}
	return "", fmt.Errorf("%w: %s and %s", ErrCurrencyMismatch, a.cur, b.cur)
}

// roundRat returns x rounded half away from zero to places decimal places,
// as a new big.Rat; x is only read.
func roundRat(x *big.Rat, places int) *big.Rat {
	scale := pow10(places)
	y := new(big.Rat).Mul(x, scale)
	num := new(big.Int).Abs(y.Num())
	q, r := new(big.Int).QuoRem(num, y.Denom(), new(big.Int))
	if r.Lsh(r, 1).Cmp(y.Denom()) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if y.Sign() < 0 {
		q.Neg(q)
	}
	res := new(big.Rat).SetInt(q)
	return res.Quo(res, scale)
}

// pow10 returns 10^n as a new big.Rat, for any n. The small powers come
// from a table: rounding to the minor unit asks for 10^2 at every
// settlement.
func pow10(n int) *big.Rat {
	if n >= -pow10Small && n <= pow10Small {
		return new(big.Rat).Set(pow10Table[n+pow10Small])
	}
	return pow10Exp(n)
}

const pow10Small = 18

var pow10Table = func() (t [2*pow10Small + 1]*big.Rat) {
	for i := range t {
		t[i] = pow10Exp(i - pow10Small)
	}
	return t
}()

// pow10Exp computes 10^n as a new big.Rat.
func pow10Exp(n int) *big.Rat {
	abs := n
	if abs < 0 {
		abs = -abs
	}
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs)), nil)
	if n < 0 {
		return new(big.Rat).SetFrac(big.NewInt(1), p)
	}
	return new(big.Rat).SetInt(p)
}

// gcdInt64 returns the greatest common divisor of |a| and b > 0.
func gcdInt64(a, b int64) int64 {
	if a < 0 {
		a = -a // MinInt64 stays negative; b > 0 keeps the result positive below
	}
	for b != 0 {
		a, b = b, a%b
	}
	if a < 0 {
		return -a
	}
	return a
}
