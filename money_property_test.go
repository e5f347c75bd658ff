package ack_test

import (
	"encoding/json"
	"math/big"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"

	"github.com/ackgo/ack"
)

// propertyRuns is how many random cases each property test checks.
const propertyRuns = 2000

// propertySeed is the seed of the property tests: fixed, so that a failure
// repeats, and printed in every failure. ACK_MONEY_SEED overrides it to
// explore other values.
func propertySeed(t *testing.T) (uint64, *rand.Rand) {
	t.Helper()
	seed := uint64(20240613)
	if s := os.Getenv("ACK_MONEY_SEED"); s != "" {
		v, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("ACK_MONEY_SEED=%q: %v", s, err)
		}
		seed = v
	}
	return seed, rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
}

// randDecimal returns a random terminating amount of CNY: up to 13 digits
// with 0 to 8 places, either sign.
func randDecimal(r *rand.Rand) ack.Money {
	n := r.Int64N(2_000_000_000_000) - 1_000_000_000_000
	places := r.IntN(9)
	m, err := ack.NewMoney(new(big.Rat).SetFrac(big.NewInt(n), pow10Int(places)), ack.CNY)
	if err != nil {
		panic(err)
	}
	return m
}

// randAmount returns a random amount of CNY that may not terminate: a
// decimal, or a decimal divided by a random count (as a per-second price
// is an hourly one divided by 3600).
func randAmount(r *rand.Rand) ack.Money {
	m := randDecimal(r)
	if r.IntN(2) == 0 {
		return m
	}
	return m.DivInt(r.Int64N(10_000) + 1)
}

func pow10Int(n int) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
}

func TestMoneyPropertyAddition(t *testing.T) {
	seed, r := propertySeed(t)
	for i := range propertyRuns {
		a, b, c := randAmount(r), randAmount(r), randAmount(r)
		ab, _ := a.Add(b)
		ba, _ := b.Add(a)
		if !ab.Equal(ba) {
			t.Fatalf("seed %d, run %d: %v + %v = %v but reversed %v", seed, i, a, b, ab, ba)
		}
		abc1, _ := ab.Add(c)
		bc, _ := b.Add(c)
		abc2, _ := a.Add(bc)
		if !abc1.Equal(abc2) {
			t.Fatalf("seed %d, run %d: (%v + %v) + %v = %v but %v + (%v + %v) = %v", seed, i, a, b, c, abc1, a, b, c, abc2)
		}
		want := new(big.Rat).Add(a.Amount(), b.Amount())
		if ab.Amount().Cmp(want) != 0 {
			t.Fatalf("seed %d, run %d: %v + %v = %v; want exactly %v", seed, i, a, b, ab, want.RatString())
		}
		back, _ := ab.Sub(b)
		if !back.Equal(a) {
			t.Fatalf("seed %d, run %d: (%v + %v) - %v = %v; want %v", seed, i, a, b, b, back, a)
		}
		if neg, _ := a.Add(a.Neg()); !neg.IsZero() {
			t.Fatalf("seed %d, run %d: %v + -%v = %v; want zero", seed, i, a, a, neg)
		}
	}
}

func TestMoneyPropertyMulDiv(t *testing.T) {
	seed, r := propertySeed(t)
	for i := range propertyRuns {
		a := randAmount(r)
		n := r.Int64N(1_000_000) + 1
		if r.IntN(2) == 0 {
			n = -n
		}
		if got := a.MulInt(n).DivInt(n); !got.Equal(a) {
			t.Fatalf("seed %d, run %d: (%v × %d) / %d = %v; want %v", seed, i, a, n, n, got, a)
		}
		if got := a.DivInt(n).MulInt(n); !got.Equal(a) {
			t.Fatalf("seed %d, run %d: (%v / %d) × %d = %v; want %v", seed, i, a, n, n, got, a)
		}
		q := randAmount(r).Amount()
		if q.Sign() == 0 {
			continue
		}
		inv := new(big.Rat).Inv(q)
		if got := a.MulRat(q).MulRat(inv); !got.Equal(a) {
			t.Fatalf("seed %d, run %d: (%v × %v) / %v = %v; want %v", seed, i, a, q.RatString(), q.RatString(), got, a)
		}
		dec := randDecimal(r).Decimal(r.IntN(9))
		qd, err := a.MulDecimal(dec)
		if err != nil {
			t.Fatalf("seed %d, run %d: MulDecimal(%q): %v", seed, i, dec, err)
		}
		want := new(big.Rat).Mul(a.Amount(), mustRat(t, dec))
		if qd.Amount().Cmp(want) != 0 {
			t.Fatalf("seed %d, run %d: %v × %s = %v; want exactly %v", seed, i, a, dec, qd, want.RatString())
		}
		// A price times seconds over 3600 is the price over 3600 times seconds.
		secs := r.Int64N(100_000)
		if x, y := a.MulInt(secs).DivInt(3600), a.DivInt(3600).MulInt(secs); !x.Equal(y) {
			t.Fatalf("seed %d, run %d: %v × %d / 3600 = %v but %v / 3600 × %d = %v", seed, i, a, secs, x, a, secs, y)
		}
	}
}

func mustRat(t *testing.T, s string) *big.Rat {
	t.Helper()
	q, ok := new(big.Rat).SetString(s)
	if !ok {
		t.Fatalf("big.Rat cannot read %q", s)
	}
	return q
}

func TestMoneyPropertySum(t *testing.T) {
	seed, r := propertySeed(t)
	for i := range propertyRuns / 10 {
		items := make([]ack.Money, r.IntN(40))
		var sequential ack.Money
		for j := range items {
			items[j] = randAmount(r)
			sequential, _ = sequential.Add(items[j])
		}
		sum, err := ack.SumMoney(items...)
		if err != nil {
			t.Fatalf("seed %d, run %d: Sum: %v", seed, i, err)
		}
		if !sum.Equal(sequential) {
			t.Fatalf("seed %d, run %d: Sum of %d items = %v; adding them one by one = %v", seed, i, len(items), sum, sequential)
		}
		r.Shuffle(len(items), func(a, b int) { items[a], items[b] = items[b], items[a] })
		if shuffled, _ := ack.SumMoney(items...); !shuffled.Equal(sum) {
			t.Fatalf("seed %d, run %d: Sum depends on the order: %v and %v", seed, i, sum, shuffled)
		}
	}
}

// At an exact half the rounding goes away from zero; a hair either side of
// it goes to the nearer neighbour.
func TestMoneyPropertyRoundHalfUp(t *testing.T) {
	seed, r := propertySeed(t)
	for i := range propertyRuns {
		places := r.IntN(7)
		k := r.Int64N(1_000_000_000)
		sign := int64(1)
		if r.IntN(2) == 0 {
			sign = -1
		}
		unit := new(big.Rat).SetFrac(big.NewInt(1), pow10Int(places)) // 10^-places
		at := func(halves int64, nudge *big.Rat) ack.Money {
			// sign × (halves/2 × unit + nudge)
			x := new(big.Rat).Mul(big.NewRat(halves, 2), unit)
			x.Add(x, nudge)
			x.Mul(x, big.NewRat(sign, 1))
			m, _ := ack.NewMoney(x, ack.CNY)
			return m
		}
		multiple := func(n int64) ack.Money {
			m, _ := ack.NewMoney(new(big.Rat).Mul(big.NewRat(sign*n, 1), unit), ack.CNY)
			return m
		}
		hair := new(big.Rat).Mul(unit, big.NewRat(1, 1_000_000_007))
		noNudge := new(big.Rat)
		negHair := new(big.Rat).Neg(hair)
		half := at(2*k+1, noNudge) // exactly k.5 units
		if got := half.Round(places); !got.Equal(multiple(k + 1)) {
			t.Fatalf("seed %d, run %d: %v rounded to %d places = %v; want %v (half away from zero)", seed, i, half, places, got, multiple(k+1))
		}
		if got, x := at(2*k+1, negHair).Round(places), at(2*k+1, negHair); !got.Equal(multiple(k)) {
			t.Fatalf("seed %d, run %d: %v rounded to %d places = %v; want %v", seed, i, x, places, got, multiple(k))
		}
		if got, x := at(2*k+1, hair).Round(places), at(2*k+1, hair); !got.Equal(multiple(k + 1)) {
			t.Fatalf("seed %d, run %d: %v rounded to %d places = %v; want %v", seed, i, x, places, got, multiple(k+1))
		}
		if got := multiple(k).Round(places); !got.Equal(multiple(k)) {
			t.Fatalf("seed %d, run %d: %v is already at %d places but rounds to %v", seed, i, multiple(k), places, got)
		}
	}
}

func TestMoneyPropertyRoundIsNearest(t *testing.T) {
	seed, r := propertySeed(t)
	for i := range propertyRuns {
		a := randAmount(r)
		places := r.IntN(9)
		got := a.Round(places)
		if again := got.Round(places); !again.Equal(got) {
			t.Fatalf("seed %d, run %d: rounding %v twice to %d places: %v then %v", seed, i, a, places, got, again)
		}
		diff, _ := got.Sub(a)
		limit := new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Mul(big.NewInt(2), pow10Int(places)))
		if d := diff.Abs().Amount(); d.Cmp(limit) > 0 {
			t.Fatalf("seed %d, run %d: %v rounded to %d places is %v, %v away", seed, i, a, places, got, d.RatString())
		}
		back, err := ack.ParseMoney(a.Decimal(places), ack.CNY)
		if err != nil || !back.Equal(got) {
			t.Fatalf("seed %d, run %d: ParseMoney(%q) = %v, %v; want %v", seed, i, a.Decimal(places), back, err, got)
		}
	}
}

func TestMoneyPropertyEncodingRoundTrip(t *testing.T) {
	seed, r := propertySeed(t)
	for i := range propertyRuns {
		a := randAmount(r)
		if r.IntN(5) == 0 {
			a = a.MulRat(big.NewRat(1, r.Int64N(1<<40)+1))
		}
		text, _ := a.MarshalText()
		var fromText ack.Money
		if err := fromText.UnmarshalText(text); err != nil || !fromText.Equal(a) {
			t.Fatalf("seed %d, run %d: text %q read back as %v, %v; want %v", seed, i, text, fromText, err, a)
		}
		data, _ := json.Marshal(a)
		var fromJSON ack.Money
		if err := json.Unmarshal(data, &fromJSON); err != nil || !fromJSON.Equal(a) {
			t.Fatalf("seed %d, run %d: JSON %s read back as %v, %v; want %v", seed, i, data, fromJSON, err, a)
		}
		if a.Terminates() {
			if s := a.String(); s != string(text) {
				t.Fatalf("seed %d, run %d: String %q differs from MarshalText %q for a terminating amount", seed, i, s, text)
			}
		}
	}
}
