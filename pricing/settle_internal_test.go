package pricing

import (
	"math/rand/v2"
	"testing"

	"github.com/ackgo/ack"
)

// The integer path of Settle agrees with the big.Rat one.
func TestSettleMinorAgreesWithRat(t *testing.T) {
	seed := rand.Uint64()
	r := rand.New(rand.NewPCG(seed, 1))
	for i := range 2000 {
		hourly, err := ack.MoneyFromMinor(r.Int64N(2_000_000), ack.CNY)
		if err != nil {
			t.Fatal(err)
		}
		ps := hourly.MulInt(1 + r.Int64N(7)).DivInt(3600 * (1 + r.Int64N(1000)))
		pieces := [3]int64{r.Int64N(3601), r.Int64N(100_000), r.Int64N(3601)}
		fast, ok := settleMinor(ps, pieces)
		if !ok {
			continue
		}
		if slow := settleRat(ps, pieces); !fast.Equal(slow) {
			t.Fatalf("seed %d, run %d: %v over %v: integer %v, rational %v", seed, i, ps, pieces, fast, slow)
		}
	}
}
