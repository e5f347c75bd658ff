package pricing

import (
	"sync"
	"testing"

	"github.com/ackgo/ack"
)

// TestMinorMoneyCache checks that the cache of amounts in minor units
// gives what ack.MoneyFromMinor gives, for amounts that share a slot, in
// two currencies, read and written from many goroutines.
func TestMinorMoneyCache(t *testing.T) {
	units := []int64{0, 1, -1, 99, 100, 101, 1 << 40, -(1 << 40)}
	// Amounts that land in the same slot as units[1].
	slotOf := func(u int64) uint64 { return uint64(u) * 0x9e3779b97f4a7c15 >> (64 - minorCacheBits) }
	for u, n := int64(2), 0; n < 3 && u < 1<<22; u++ {
		if slotOf(u) == slotOf(1) {
			units = append(units, u)
			n++
		}
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for round := range 200 {
				for i, u := range units {
					cur := ack.CNY
					if (i+round+g)%2 == 0 {
						cur = ack.USD
					}
					want, err := ack.MoneyFromMinor(u, cur)
					if err != nil {
						t.Error(err)
						return
					}
					if got := minorMoney(u, cur); !got.Equal(want) || got.Currency() != cur {
						t.Errorf("minorMoney(%d, %s) = %v, want %v", u, cur, got, want)
						return
					}
				}
			}
		})
	}
	wg.Wait()
}
