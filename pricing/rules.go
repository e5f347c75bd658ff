package pricing

import (
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
)

// BillingZone is the time zone of Alibaba Cloud's clock hours: UTC+8. Bills
// settle on its hours and the management fee counts them.
var BillingZone = time.FixedZone("UTC+8", 8*60*60)

// Seconds returns d in whole seconds, a partial second counted as one (a
// per-second charge never bills less than the time used). A negative d is
// zero.
func Seconds(d time.Duration) int64 {
	if d <= 0 {
		return 0
	}
	return int64((d + time.Second - 1) / time.Second)
}

// PerSecond is the per-second charge of something priced per hour, before
// settlement: hourly × seconds / 3600, exact (the quotient is kept as a
// fraction when it does not terminate).
func PerSecond(hourly ack.Money, d time.Duration) ack.Money {
	return hourly.MulInt(Seconds(d)).DivInt(3600)
}

// ECIPerSecond returns the per-second price of one container instance of
// milliCPU thousandths of a vCPU and memMiB MiB of memory: vCPUs × the
// vCPU-second price + GiB × the GiB-second price, exact.
func ECIPerSecond(vcpuSecond, gibSecond ack.Money, milliCPU, memMiB int64) (ack.Money, error) {
	if milliCPU < 0 || memMiB < 0 {
		return ack.Money{}, fmt.Errorf("pricing: container instance of %d millicores and %d MiB: resources cannot be negative", milliCPU, memMiB)
	}
	cpu := vcpuSecond.MulRat(big.NewRat(milliCPU, 1000))
	mem := gibSecond.MulRat(big.NewRat(memMiB, 1024))
	return cpu.Add(mem)
}

// Settle returns what one instance charged per second at perSecond pays
// for running from from to to, settled hour by hour: its time is cut at
// every clock hour of BillingZone, each hour's charge (perSecond × its
// seconds) is rounded half-up to the currency's minor unit, and the hours
// are added. This is the ECI rule for small fees (an instance's fee under
// 0.01 CNY in an hour is charged 0.01 from 0.005 up, and not at all below)
// and the settlement of every per-second line, ECS nodes included.
//
// It takes constant time however long the interval: the full hours in the
// middle all settle to the same amount.
func Settle(perSecond ack.Money, from, to time.Time) ack.Money {
	if !to.After(from) {
		return perSecond.MulInt(0)
	}
	pieces := clockPieces(from, to)
	if m, ok := settleMinor(perSecond, pieces); ok {
		return m
	}
	return settleRat(perSecond, pieces)
}

// clockPieces cuts from–to (to after from) at the clock hours: the seconds
// of the first part hour, the number of full hours, the seconds of the
// last part hour.
func clockPieces(from, to time.Time) [3]int64 {
	var pieces [3]int64
	firstHour := clockHour(from)
	if !firstHour.Equal(from) {
		firstHour = firstHour.Add(time.Hour)
	}
	lastHour := clockHour(to)
	if !lastHour.After(from) { // within one clock hour
		pieces[0] = Seconds(to.Sub(from))
		return pieces
	}
	pieces[0] = Seconds(firstHour.Sub(from))
	pieces[1] = int64(lastHour.Sub(firstHour) / time.Hour)
	pieces[2] = Seconds(to.Sub(lastHour))
	return pieces
}

// settleMinor is Settle in integer arithmetic, for a price whose numerator
// and denominator fit in 64 bits (every price of a book does). It reports
// false when a product would overflow, and Settle then computes with
// big.Rat.
func settleMinor(perSecond ack.Money, pieces [3]int64) (ack.Money, bool) {
	c := perSecond.Currency()
	if c == "" || perSecond.Sign() < 0 {
		return ack.Money{}, false
	}
	r := perSecond.Amount()
	if !r.Num().IsUint64() || !r.Denom().IsUint64() {
		return ack.Money{}, false
	}
	units, ok := settleUnits(r.Num().Uint64(), r.Denom().Uint64(), minorScale(c), pieces)
	if !ok || units > math.MaxInt64 {
		return ack.Money{}, false
	}
	m, err := ack.MoneyFromMinor(int64(units), c)
	return m, err == nil
}

// minorScale is 10^(c's minor places).
func minorScale(c ack.Currency) uint64 {
	scale := uint64(1)
	for range c.MinorPlaces() {
		scale *= 10
	}
	return scale
}

// settleUnits returns the minor units Settle charges for a per-second
// price of num/den: each part's minor units are
// ⌊(num × seconds × scale × 2 + den) / (2 × den)⌋, which is half-up
// rounding. It reports false when a product would overflow.
func settleUnits(num, den, scale uint64, pieces [3]int64) (uint64, bool) {
	part := func(secs uint64) (uint64, bool) {
		if secs > 1<<32 || den > 1<<62 || scale > 1<<20 {
			return 0, false
		}
		hi, lo := bits.Mul64(num, secs*scale*2)
		lo, carry := bits.Add64(lo, den, 0)
		hi += carry
		if hi >= 2*den {
			return 0, false
		}
		q, _ := bits.Div64(hi, lo, 2*den)
		return q, true
	}
	first, ok1 := part(uint64(pieces[0]))
	hour, ok2 := part(3600)
	last, ok3 := part(uint64(pieces[2]))
	if !ok1 || !ok2 || !ok3 {
		return 0, false
	}
	hi, full := bits.Mul64(hour, uint64(pieces[1]))
	sum, c1 := bits.Add64(full, first, 0)
	sum, c2 := bits.Add64(sum, last, 0)
	if hi != 0 || c1 != 0 || c2 != 0 {
		return 0, false
	}
	return sum, true
}

// settleRat is Settle's arithmetic with big.Rat, for any price.
func settleRat(perSecond ack.Money, pieces [3]int64) ack.Money {
	total := perSecond.MulInt(pieces[0]).RoundToMinor()
	if pieces[1] > 0 {
		total = mustAdd(total, perSecond.MulInt(3600).RoundToMinor().MulInt(pieces[1]))
	}
	return mustAdd(total, perSecond.MulInt(pieces[2]).RoundToMinor())
}

// ManagementFeeHours returns the number of clock hours (BillingZone) that
// lie wholly between from and to: the hours the Pro management fee charges
// for a cluster billed from from to to. The partial first hour after from
// and the partial last hour before to are free (FACTS B2 §2.1). 10:20 to
// 13:40 is two hours (11:00–12:00 and 12:00–13:00).
func ManagementFeeHours(from, to time.Time) int64 {
	first := clockHour(from)
	if !first.Equal(from) {
		first = first.Add(time.Hour)
	}
	last := clockHour(to)
	if !last.After(first) {
		return 0
	}
	return int64(last.Sub(first) / time.Hour)
}

// Hours returns d in hours, a partial hour counted as one: the CLB, NAT
// and EIP rule (FACTS B2 §2.5–2.7). 90 minutes are two hours; zero is
// zero.
func Hours(d time.Duration) int64 {
	if d <= 0 {
		return 0
	}
	return int64((d + time.Hour - 1) / time.Hour)
}

// Hourly returns what a resource priced per hour (CLB, NAT, EIP) pays for
// d: the price times Hours(d).
func Hourly(hourly ack.Money, d time.Duration) ack.Money { return hourly.MulInt(Hours(d)) }

// HoursPerMonth is the length of a subscription month in this package:
// 30 days.
const HoursPerMonth = 30 * 24

// Subscription returns the price of a subscription (PrePaid) of months
// months for an instance whose pay-as-you-go price is hourly: hourly × 720
// hours per month × months × (1 − discount), rounded half-up to the minor
// unit (a subscription is paid once, up front). No public table of
// subscription discounts exists (FACTS B2 §2.4), so the caller gives
// discount as a decimal fraction: "0.15" is 15% off, "0" or "" none.
func Subscription(hourly ack.Money, months int64, discount string) (ack.Money, error) {
	if months < 0 {
		return ack.Money{}, fmt.Errorf("pricing: subscription of %d months: the term cannot be negative", months)
	}
	keep, err := discountFactor(discount)
	if err != nil {
		return ack.Money{}, err
	}
	return hourly.MulInt(HoursPerMonth * months).MulRat(keep).RoundToMinor(), nil
}

// discountFactor returns 1 − discount for a discount between 0 and 1.
func discountFactor(discount string) (*big.Rat, error) {
	if discount == "" {
		return big.NewRat(1, 1), nil
	}
	d, err := ack.ParseMoney(discount, ack.CNY) // the decimal syntax only
	if err != nil {
		return nil, fmt.Errorf("pricing: subscription discount %q: want a decimal fraction like \"0.15\": %w", discount, err)
	}
	r := d.Amount()
	if r.Sign() < 0 || r.Cmp(big.NewRat(1, 1)) > 0 {
		return nil, fmt.Errorf("pricing: subscription discount %q: want a fraction from 0 to 1", discount)
	}
	return r.Sub(big.NewRat(1, 1), r), nil
}

// billedStates marks every cluster state of the API reference as billed
// by the management fee or not. The sources (FACTS B1, API reference §4,
// the cluster management fee page S3) name running, upgrading, draining,
// removing and updating as billed, and initializing, failed, inactive,
// unavailable and deleting as not. The rest are this package's reading:
// scaling is billed like removing (the cluster serves while it scales);
// every failed state, stopped, migrating, the registered clusters' states
// and deleted are not.
var billedStates = map[cluster.State]bool{
	cluster.StateInitial:        false,
	cluster.StateFailed:         false,
	cluster.StateRunning:        true,
	cluster.StateUpdating:       true,
	cluster.StateUpdatingFailed: false,
	cluster.StateUpgrading:      true,
	cluster.StateScaling:        true,
	cluster.StateRemoving:       true,
	cluster.StateDraining:       true,
	cluster.StateMigrating:      false,
	cluster.StateWaiting:        false,
	cluster.StateDisconnected:   false,
	cluster.StateInactive:       false,
	cluster.StateUnavailable:    false,
	cluster.StateStopped:        false,
	cluster.StateDeleting:       false,
	cluster.StateDeleteFailed:   false,
	cluster.StateDeleted:        false,
}

// Billed reports whether the management fee accrues while a cluster is in
// state s. An unknown state is not billed.
func Billed(s cluster.State) bool { return billedStates[s] }

// clockHour returns the start of t's clock hour in BillingZone.
func clockHour(t time.Time) time.Time {
	l := t.In(BillingZone)
	return time.Date(l.Year(), l.Month(), l.Day(), l.Hour(), 0, 0, 0, BillingZone)
}

// mustAdd adds amounts this package made in one currency.
func mustAdd(a, b ack.Money) ack.Money {
	s, err := a.Add(b)
	if err != nil {
		panic("pricing: " + err.Error()) // every amount of one computation is of one book
	}
	return s
}

// mustCmp compares amounts this package made in one currency.
func mustCmp(a, b ack.Money) int {
	c, err := a.Cmp(b)
	if err != nil {
		panic("pricing: " + err.Error())
	}
	return c
}
