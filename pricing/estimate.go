package pricing

import (
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/nodepool"
)

// Line is one item of an estimate or a bill.
type Line struct {
	// Item is what is charged: an ECS instance type ("ecs.g6.xlarge") or
	// an Item constant (ItemProFee, ItemNAT, ...; "eci" for container
	// instances, which pay for vCPU and memory together).
	Item string `json:"item"`
	// Resource says which resources of the cluster, for example
	// "masters", "node pool workers" or "API server".
	Resource string `json:"resource"`
	// Quantity is how much of the item, for people: "3 × 1h30m0s".
	Quantity string `json:"quantity"`
	// UnitPrice is the item's price per Unit.
	UnitPrice ack.Money `json:"unit_price"`
	// Unit is what UnitPrice is per: "node-hour", "cluster-hour",
	// "instance-second", "hour".
	Unit string `json:"unit"`
	// Amount is what the line costs, settled: per-second charges are
	// rounded half-up to the minor unit per instance at each clock hour,
	// hourly ones count a partial hour as one, the management fee counts
	// whole clock hours.
	Amount ack.Money `json:"amount"`
}

// Bill is an itemised bill or estimate of a period, in one currency.
type Bill struct {
	// Currency is the currency of every amount.
	Currency ack.Currency `json:"currency"`
	// From and To bound the period.
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
	// Lines are the items, in a stable order.
	Lines []Line `json:"lines"`
	// Total is the sum of the lines' amounts.
	Total ack.Money `json:"total"`
}

// Estimate is what one cluster of one form costs over a period.
type Estimate struct {
	// Form is the cluster's form.
	Form cluster.Form `json:"-"`
	// Region is the region priced.
	Region string `json:"region"`
	Bill
}

// Estimator prices clusters and workloads from a book under a preset.
// The zero Estimator uses DefaultBook and Current.
type Estimator struct {
	// Book gives the prices; nil means DefaultBook().
	Book PriceBook
	// Preset chooses the fees; the zero value is Current.
	Preset Preset
	// SubscriptionDiscount is the discount of subscription (PrePaid)
	// nodes over their pay-as-you-go price, a decimal fraction ("0.15");
	// empty means none.
	SubscriptionDiscount string
}

// Pods are the pods of a serverless estimate: Count container instances
// of MilliCPU thousandths of a vCPU and MemoryMiB MiB each, running
// HoursPerDay of every day (zero means all day).
type Pods struct {
	// Count is the number of pods.
	Count int
	// MilliCPU is each pod's vCPU in thousandths (250 = 0.25 vCPU).
	MilliCPU int64
	// MemoryMiB is each pod's memory in MiB (512 = 0.5 GiB).
	MemoryMiB int64
	// HoursPerDay is how long the pods run each day, from the start's
	// time of day; zero means 24 hours.
	HoursPerDay time.Duration
}

// Input is what Estimate prices.
type Input struct {
	// Spec is the cluster: its Form, Region, Masters (dedicated), Workers
	// and NodePools (the first instance type of each, DesiredSize nodes,
	// at least AutoScaling.Min when autoscaling is on), SNAT (a NAT
	// gateway unless set to false) and PublicEndpoint (an EIP on the API
	// server's load balancer).
	Spec cluster.Spec
	// Pods are the serverless cluster's container instances; other forms
	// ignore them (their pods run on the nodes).
	Pods Pods
	// Start is when the cluster starts: the clock-hour rules need it.
	Start time.Time
	// Duration is how long it runs.
	Duration time.Duration
}

func (e Estimator) book() PriceBook {
	if e.Book == nil {
		return DefaultBook()
	}
	return e.Book
}

// pricer looks prices up once each and checks their currency.
type pricer struct {
	book   PriceBook
	region string
	cache  map[string]cachedPrice
}

// cachedPrice is a price and, when they fit in 64 bits, the numerator and
// denominator of its amount, for integer arithmetic on minor units.
type cachedPrice struct {
	m        ack.Money
	num, den uint64
	small    bool
}

func newPricer(b PriceBook, region string) *pricer {
	return &pricer{book: b, region: region}
}

// newCachedPrice keeps m with its numerator and denominator when they are
// small enough for integer arithmetic.
func newCachedPrice(m ack.Money) cachedPrice {
	c := cachedPrice{m: m}
	if r := m.Amount(); r.Sign() >= 0 && r.Num().IsUint64() && r.Denom().IsUint64() && r.Denom().Uint64() <= 1<<40 {
		c.num, c.den, c.small = r.Num().Uint64(), r.Denom().Uint64(), true
	}
	return c
}

func (p *pricer) price(item string) (ack.Money, error) {
	c, err := p.lookup(item)
	return c.m, err
}

func (p *pricer) lookup(item string) (cachedPrice, error) {
	if b, ok := p.book.(*Book); ok {
		return b.cached(item, p.region) // one currency, checked by Set
	}
	if c, ok := p.cache[item]; ok {
		return c, nil
	}
	m, err := p.book.Price(item, p.region)
	if err != nil {
		return cachedPrice{}, err
	}
	if m.Currency() != p.book.Currency() {
		return cachedPrice{}, fmt.Errorf("pricing: %s in %s is priced in %s, the book in %s: %w", item, p.region, m.Currency(), p.book.Currency(), ack.ErrCurrencyMismatch)
	}
	c := newCachedPrice(m)
	if p.cache == nil {
		p.cache = map[string]cachedPrice{}
	}
	p.cache[item] = c
	return c, nil
}

// settledUnits is what n instances priced hourly at c pay from start to
// end in minor units, settled as Settle does, when integers suffice.
func (c cachedPrice) settledUnits(n int64, start, end time.Time) (int64, bool) {
	if !c.small || n < 0 {
		return 0, false
	}
	if !end.After(start) {
		return 0, true
	}
	g := gcd(c.num, 3600)
	units, ok := settleUnits(c.num/g, c.den*(3600/g), minorScale(c.m.Currency()), clockPieces(start, end))
	hi, total := bits.Mul64(units, uint64(n))
	if !ok || hi != 0 || total > math.MaxInt64 {
		return 0, false
	}
	return int64(total), true
}

// timesUnits is the price times k in minor units, when that is a whole
// number of them.
func (c cachedPrice) timesUnits(k int64) (int64, bool) {
	if !c.small || k < 0 {
		return 0, false
	}
	hi, lo := bits.Mul64(c.num, uint64(k)*minorScale(c.m.Currency()))
	if hi >= c.den {
		return 0, false
	}
	q, rem := bits.Div64(hi, lo, c.den)
	if rem != 0 || q > math.MaxInt64 {
		return 0, false
	}
	return int64(q), true
}

func gcd(a, b uint64) uint64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// Estimate prices in.Spec as its form is billed (see the package
// documentation): dedicated pays masters, workers, the NAT gateway and
// the API server's load balancer, with no fee; managed Basic the same
// without masters; managed Pro adds the management fee under Current;
// serverless pays its container instances per pod-second and the API
// server's load balancer, with no nodes.
func (e Estimator) Estimate(in Input) (Estimate, error) {
	s := in.Spec
	if !s.Form.Known() {
		return Estimate{}, fmt.Errorf("pricing: cluster %q: form %s is not one of the four forms", s.Name, s.Form)
	}
	if s.Region == "" {
		return Estimate{}, fmt.Errorf("pricing: cluster %q: the spec names no region to price in", s.Name)
	}
	if in.Duration < 0 {
		return Estimate{}, fmt.Errorf("pricing: cluster %q: duration %s is negative", s.Name, in.Duration)
	}
	book := e.book()
	p := newPricer(book, s.Region)
	end := in.Start.Add(in.Duration)
	b := &builder{cur: book.Currency(), lines: make([]Line, 0, 8)}

	if s.Form.HasNodes() {
		if err := e.nodes(b, p, s, in.Start, end); err != nil {
			return Estimate{}, err
		}
	}
	if s.Form == cluster.Serverless {
		if err := serverlessPods(b, p, in.Pods, in.Start, in.Duration); err != nil {
			return Estimate{}, fmt.Errorf("pricing: cluster %q: %w", s.Name, err)
		}
	}
	if s.Form.HasNodes() && (s.SNAT == nil || *s.SNAT) {
		if err := b.hourly(p, ItemNAT, "NAT gateway", in.Duration); err != nil {
			return Estimate{}, err
		}
	}
	if err := b.hourly(p, ItemCLBInternal, "API server", in.Duration); err != nil {
		return Estimate{}, err
	}
	if s.PublicEndpoint {
		if err := b.hourly(p, ItemEIP, "API server public endpoint", in.Duration); err != nil {
			return Estimate{}, err
		}
	}
	if s.Form == cluster.ManagedPro && e.Preset.ChargesManagementFee() {
		fee, err := p.lookup(ItemProFee)
		if err != nil {
			return Estimate{}, err
		}
		h := ManagementFeeHours(in.Start, end)
		b.times(Line{Item: ItemProFee, Resource: "management fee", Quantity: clockHours(h), UnitPrice: fee.m, Unit: "cluster-hour"}, fee, h)
	}
	bill, err := b.bill(in.Start, end)
	if err != nil {
		return Estimate{}, err
	}
	return Estimate{Form: s.Form, Region: s.Region, Bill: bill}, nil
}

// nodeGroup is a set of identical nodes: one line.
type nodeGroup struct {
	resource, typ string
	prepaid       bool
}

// nodes adds the masters (dedicated), legacy workers and node pools.
func (e Estimator) nodes(b *builder, p *pricer, s cluster.Spec, start, end time.Time) error {
	// The groups in order of appearance, found by a linear search while
	// they are few (a cluster has a handful of instance types) and through
	// an index past that.
	var order []nodeGroup
	var counts []int64
	var index map[nodeGroup]int
	add := func(g nodeGroup, n int64) {
		if n <= 0 {
			return
		}
		i := -1
		if index != nil {
			if j, ok := index[g]; ok {
				i = j
			}
		} else {
			i = slices.Index(order, g)
		}
		if i < 0 {
			i = len(order)
			order, counts = append(order, g), append(counts, 0)
			if index != nil {
				index[g] = i
			} else if len(order) > 16 {
				index = make(map[nodeGroup]int, 64)
				for j, x := range order {
					index[x] = j
				}
			}
		}
		counts[i] += n
	}
	if s.Form == cluster.Dedicated {
		m := s.Masters
		if m == nil || len(m.InstanceTypes) == 0 {
			return fmt.Errorf("pricing: cluster %q: masters: no instance type to price; set Masters.InstanceTypes", s.Name)
		}
		n := m.Count
		if n == 0 {
			n = cluster.DefaultMasterCount
		}
		for i := range n {
			add(nodeGroup{"masters", m.InstanceTypes[min(i, len(m.InstanceTypes)-1)], m.ChargeType == string(nodepool.PrePaid)}, 1)
		}
	}
	if w := s.Workers; w != nil && w.Count > 0 {
		if len(w.InstanceTypes) == 0 {
			return fmt.Errorf("pricing: cluster %q: workers: no instance type to price; set Workers.InstanceTypes", s.Name)
		}
		add(nodeGroup{"workers", w.InstanceTypes[0], w.ChargeType == string(nodepool.PrePaid)}, int64(w.Count))
	}
	for i, np := range s.NodePools {
		n := np.DesiredSize
		if np.AutoScaling.Enabled {
			n = max(n, np.AutoScaling.Min)
		}
		if n <= 0 {
			continue
		}
		if len(np.InstanceTypes) == 0 {
			return fmt.Errorf("pricing: cluster %q: node pool %d (%q): no instance type to price", s.Name, i, np.Name)
		}
		add(nodeGroup{"node pools", np.InstanceTypes[0], np.ChargeType == nodepool.PrePaid}, int64(n))
	}
	d := end.Sub(start)
	quantity := d.String()
	for gi, g := range order {
		c, err := p.lookup(g.typ)
		if err != nil {
			return err
		}
		hourly := c.m
		n := counts[gi]
		if g.prepaid {
			months := max(int64((d+HoursPerMonth*time.Hour-1)/(HoursPerMonth*time.Hour)), 1)
			each, err := Subscription(hourly, months, e.SubscriptionDiscount)
			if err != nil {
				return err
			}
			b.add(Line{Item: g.typ, Resource: g.resource + " (subscription)", Quantity: fmt.Sprintf("%d × %d months", n, months),
				UnitPrice: hourly, Unit: "node-hour", Amount: each.MulInt(n)})
			continue
		}
		b.settled(Line{Item: g.typ, Resource: g.resource, Quantity: strconv.FormatInt(n, 10) + " × " + quantity, UnitPrice: hourly, Unit: "node-hour"}, c, n, start, end)
	}
	return nil
}

// serverlessPods adds the container instances of a serverless estimate.
func serverlessPods(b *builder, p *pricer, pods Pods, start time.Time, d time.Duration) error {
	if pods.Count < 0 || pods.MilliCPU < 0 || pods.MemoryMiB < 0 || pods.HoursPerDay < 0 || pods.HoursPerDay > 24*time.Hour {
		return fmt.Errorf("pods: count %d, %d millicores, %d MiB, %s a day: want counts and resources not negative and at most 24 hours a day",
			pods.Count, pods.MilliCPU, pods.MemoryMiB, pods.HoursPerDay)
	}
	if pods.Count == 0 {
		return nil
	}
	ps, err := eciPrice(p, pods.MilliCPU, pods.MemoryMiB)
	if err != nil {
		return err
	}
	each := podCost(ps, pods.HoursPerDay, start, d)
	hpd := pods.HoursPerDay
	if hpd == 0 {
		hpd = 24 * time.Hour
	}
	b.add(Line{Item: "eci", Resource: fmt.Sprintf("container instances (%s vCPU, %s GiB)", milli(pods.MilliCPU, 1000), milli(pods.MemoryMiB, 1024)),
		Quantity: fmt.Sprintf("%d × %s a day × %s", pods.Count, hpd, d), UnitPrice: ps, Unit: "instance-second",
		Amount: each.MulInt(int64(pods.Count))})
	return nil
}

// eciPrice is one container instance's per-second price.
func eciPrice(p *pricer, milliCPU, memMiB int64) (ack.Money, error) {
	cpu, err := p.price(ItemECIVCPU)
	if err != nil {
		return ack.Money{}, err
	}
	mem, err := p.price(ItemECIMemory)
	if err != nil {
		return ack.Money{}, err
	}
	return ECIPerSecond(cpu, mem, milliCPU, memMiB)
}

// podCost is what one pod pays running hpd (zero: all day) of every day
// from start for d: each day settles the same (it starts at the same
// offset in its clock hour), so this takes constant time.
func podCost(ps ack.Money, hpd time.Duration, start time.Time, d time.Duration) ack.Money {
	if hpd == 0 || hpd >= 24*time.Hour {
		return Settle(ps, start, start.Add(d))
	}
	const day = 24 * time.Hour
	days := int64(d / day)
	total := Settle(ps, start, start.Add(hpd)).MulInt(days)
	last := start.Add(time.Duration(days) * day)
	return mustAdd(total, Settle(ps, last, last.Add(min(hpd, d-time.Duration(days)*day))))
}

// milli writes n/unit as a short decimal for people: milli(250, 1000) is
// "0.25", milli(4096, 1024) is "4".
func milli(n, unit int64) string {
	s := big.NewRat(n, unit).FloatString(3)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// builder collects lines of one currency, and their total in minor units
// as long as every amount is a whole number of them.
type builder struct {
	cur     ack.Currency
	lines   []Line
	units   int64
	inexact bool
}

func (b *builder) add(l Line) {
	b.lines = append(b.lines, l)
	b.inexact = true
}

// addUnits adds a line of units minor units.
func (b *builder) addUnits(l Line, units int64) {
	l.Amount = minorMoney(units, b.cur)
	b.lines = append(b.lines, l)
	if units > math.MaxInt64-b.units {
		b.inexact = true
	}
	b.units += units
}

// times adds a line of price c times k.
func (b *builder) times(l Line, c cachedPrice, k int64) {
	if units, ok := c.timesUnits(k); ok {
		b.addUnits(l, units)
		return
	}
	l.Amount = c.m.MulInt(k)
	b.add(l)
}

// settled adds a line of n instances priced hourly at c, running from
// start to end, settled as Settle does.
func (b *builder) settled(l Line, c cachedPrice, n int64, start, end time.Time) {
	if units, ok := c.settledUnits(n, start, end); ok {
		b.addUnits(l, units)
		return
	}
	l.Amount = Settle(c.m.DivInt(3600), start, end).MulInt(n)
	b.add(l)
}

// minorMoney is units minor units of c.
func minorMoney(units int64, c ack.Currency) ack.Money {
	slot := &minorCache[uint64(units)*0x9e3779b97f4a7c15>>(64-minorCacheBits)]
	if e := slot.Load(); e != nil && e.units == units && e.cur == c {
		return e.m
	}
	m, err := ack.MoneyFromMinor(units, c)
	if err != nil {
		panic("pricing: " + err.Error()) // c is a book's currency, valid
	}
	slot.Store(&minorEntry{units: units, cur: c, m: m})
	return m
}

// minorCache keeps recent amounts in minor units as Money, since a fleet's
// lines repeat a few amounts many times and building a Money's exact
// amount costs an allocation or three. Money is immutable, so an entry is
// shared freely; a slot holds the last amount that hashed to it.
var minorCache [1 << minorCacheBits]atomic.Pointer[minorEntry]

const minorCacheBits = 10

type minorEntry struct {
	units int64
	cur   ack.Currency
	m     ack.Money
}

// hourly adds a resource priced per hour, a partial hour counted as one.
func (b *builder) hourly(p *pricer, item, resource string, d time.Duration) error {
	c, err := p.lookup(item)
	if err != nil {
		return err
	}
	h := Hours(d)
	b.times(Line{Item: item, Resource: resource, Quantity: hours(h), UnitPrice: c.m, Unit: "hour"}, c, h)
	return nil
}

func (b *builder) bill(from, to time.Time) (Bill, error) {
	if b.lines == nil {
		b.lines = []Line{}
	}
	if !b.inexact {
		return Bill{Currency: b.cur, From: from, To: to, Lines: b.lines, Total: minorMoney(b.units, b.cur)}, nil
	}
	total, err := Sum(b.lines)
	if err != nil {
		return Bill{}, fmt.Errorf("pricing: %w", err)
	}
	if total.Currency() == "" {
		total = ack.MustMoney("0", b.cur)
	}
	return Bill{Currency: b.cur, From: from, To: to, Lines: b.lines, Total: total}, nil
}

// hours writes a count of hours for a Quantity: "1 hour", "4 hours".
func hours(n int64) string {
	if n == 1 {
		return "1 hour"
	}
	return fmt.Sprintf("%d hours", n)
}

// clockHours writes a count of clock hours for a Quantity.
func clockHours(n int64) string {
	if n == 1 {
		return "1 clock hour"
	}
	return fmt.Sprintf("%d clock hours", n)
}
