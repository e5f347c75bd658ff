package fake

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/ackgo/ack"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/pricing"
)

// The billing meter: the fake records what existed when on its virtual
// clock (each cluster's states, each node, each container instance, each
// cluster's API-server load balancer, NAT gateway and public endpoint EIP)
// and bills that timeline with the pricing package (Cloud.Bill).
//
// What the meter records, and when:
//   - a cluster's states, each from the instant the fake changed it;
//   - a node from its creation until it is released (removed, its pool or
//     cluster deleted); a node whose creation failed is not billed;
//   - a container instance from StartContainerInstances (or
//     RunContainerInstances) until it is stopped or its cluster deleted;
//   - a cluster's API-server CLB (internal-facing), its NAT gateway (node
//     forms with SNAT, the default) and its EIP (public endpoint) from the
//     instant it first runs until it is deleted: a cluster whose creation
//     failed has none of them, and pays no management fee either (initial
//     and failed are not billed states).
//
// The record is bounded: once more than the limit (WithMeterLimit,
// DefaultMeterLimit) of closed intervals (released nodes, stopped
// instances, deleted clusters and their resources) are kept, they are
// billed over their whole lives and folded into one total per item, and
// forgotten. A later bill includes the folded totals when its period
// covers the folded history, and refuses a period that cuts it.

// DefaultMeterLimit is how many closed intervals the meter keeps before it
// folds them into totals.
const DefaultMeterLimit = 10_000

// DefaultContainerInstance is the size of the container instances that
// RunContainerInstances starts: 2 vCPU and 4 GiB, the pod of the ECI
// price examples.
var DefaultContainerInstance = ContainerSize{MilliCPU: 2000, MemoryMiB: 4096}

// meterSettings are the meter's options.
type meterSettings struct {
	book   pricing.PriceBook // nil: pricing.DefaultBook()
	preset pricing.Preset
	limit  int // 0: DefaultMeterLimit
}

// WithPriceBook sets the prices the fake bills with (Cloud.Bill); the
// default is pricing.DefaultBook().
func WithPriceBook(b pricing.PriceBook) Option { return func(s *settings) { s.meter.book = b } }

// WithBillingPreset sets the billing preset of Cloud.Bill; the default is
// pricing.Current (the Pro management fee is charged).
func WithBillingPreset(p pricing.Preset) Option { return func(s *settings) { s.meter.preset = p } }

// WithMeterLimit sets how many closed intervals the meter keeps before it
// folds them into totals (see Cloud.Bill); zero or less means
// DefaultMeterLimit.
func WithMeterLimit(n int) Option { return func(s *settings) { s.meter.limit = n } }

// meter is the record. The store's mutex guards it.
//
// Open intervals live with their cluster and closed ones in the meter's
// lists, so that closing one, folding the closed ones and deleting a
// cluster each cost what they touch, not what the fleet holds. Every
// interval carries the order it was opened in (seq), and bills list them
// in that order.
type meter struct {
	set      meterSettings
	clusters []*meterCluster // in creation order; deleted ones until folded
	byID     map[string]*meterCluster
	seq      int64 // the last interval's order
	eciSeq   int64

	// The closed intervals not folded yet, and how many there are with
	// the deleted clusters.
	closedNodes []ordered[pricing.NodeSpan]
	closedECI   []ordered[pricing.InstanceSpan]
	closedRes   []ordered[pricing.ResourceSpan]
	closed      int

	// The folded history: its totals per item and the span it covers.
	folded               map[string]pricing.Line
	foldedOrder          []string
	foldedFrom, foldedTo time.Time
}

// ordered is an interval and the order it was opened in.
type ordered[T any] struct {
	seq  int64
	span T
}

// openNode is an open node's interval, small since a fleet holds many:
// the node (its ID, instance type and creation) and the order the
// interval was opened in.
type openNode struct {
	node *nodeRec
	seq  int64
}

// span returns the node's interval, open (a zero To).
func (o openNode) span(clusterID string) ordered[pricing.NodeSpan] {
	return ordered[pricing.NodeSpan]{o.seq, pricing.NodeSpan{ClusterID: clusterID, ID: o.node.instanceID, InstanceType: o.node.instanceType, From: o.node.created.UTC()}}
}

// meterMark is how the meter has a node: not yet seen, billed from its
// creation (its interval open until it is released), or never billed
// because its creation failed.
type meterMark uint8

const (
	meterUnseen meterMark = iota
	meterOpen
	meterFailed
)

// meterCluster is one cluster's record and its open intervals.
type meterCluster struct {
	id, region string
	form       cluster.Form
	states     []pricing.StateSpan
	resources  bool                                     // its CLB, NAT and EIP were opened
	res        []ordered[pricing.ResourceSpan]          // its open CLB, NAT and EIP
	running    []string                                 // its open container instances, oldest first
	openECI    map[string]ordered[pricing.InstanceSpan] // by instance ID; nil until the first starts
	openNodes  []openNode                               // in the order they were opened
	gone       bool
}

func newMeter(s meterSettings) *meter {
	if s.limit <= 0 {
		s.limit = DefaultMeterLimit
	}
	return &meter{set: s, byID: map[string]*meterCluster{}, folded: map[string]pricing.Line{}}
}

// next returns the order of the next interval.
func (m *meter) next() int64 {
	m.seq++
	return m.seq
}

// meterSyncLocked brings the record of cluster c up to date at instant
// at: a new state, new nodes, nodes gone or failed, the cluster's
// resources once it first runs, everything closed once it is deleted.
func (s *store) meterSyncLocked(c *clusterRec, at time.Time) {
	m := s.meter
	mc := m.byID[c.id]
	if mc == nil {
		mc = &meterCluster{id: c.id, region: c.spec.Region, form: c.spec.Form}
		m.byID[c.id] = mc
		m.clusters = append(m.clusters, mc)
	}
	if mc.gone {
		return
	}
	if n := len(mc.states); n == 0 || mc.states[n-1].State != c.state {
		if n > 0 {
			mc.states[n-1].To = at
		}
		mc.states = append(mc.states, pricing.StateSpan{State: c.state, From: at})
	}
	live, closing := 0, false
	for _, n := range c.nodes {
		switch {
		case n.metered == meterFailed:
		case n.state == nodeFailed, n.state == "" && c.state == cluster.StateFailed && !c.ready: // a master's state is its cluster's
			// Only a node being created fails: it never ran, and is not
			// billed.
			closing = closing || n.metered == meterOpen
			n.metered = meterFailed
		case n.metered == meterUnseen:
			if len(mc.openNodes) == 0 {
				// The first nodes of a cluster come together.
				mc.openNodes = slices.Grow(mc.openNodes, len(c.nodes))
			}
			mc.openNodes = append(mc.openNodes, openNode{node: n, seq: m.next()})
			n.metered = meterOpen
			live++
		default:
			live++
		}
	}
	if closing || live < len(mc.openNodes) { // some are gone or failed
		keep := mc.openNodes[:0]
		for _, o := range mc.openNodes {
			switch {
			case o.node.metered == meterFailed: // never ran: an empty interval
				m.closeNode(mc, o, o.node.created.UTC())
				continue
			case o.node.dropped:
				m.closeNode(mc, o, at)
				continue
			}
			keep = append(keep, o)
		}
		clear(mc.openNodes[len(keep):])
		mc.openNodes = keep
	}
	if c.state == cluster.StateRunning && c.ready {
		m.openResources(mc, c, at)
	}
	if c.state == cluster.StateDeleted {
		mc.gone = true
		for _, o := range mc.openNodes {
			m.closeNode(mc, o, at)
		}
		mc.openNodes = nil
		mc.states[len(mc.states)-1].To = at
		for _, id := range slices.Clone(mc.running) {
			m.stopECI(mc, id, at)
		}
		for _, r := range mc.res {
			r.span.To = at
			m.closedRes = append(m.closedRes, r)
			m.closed++
		}
		mc.res = nil
		m.closed++ // the cluster itself
	}
	m.foldIfFull()
}

// openResources opens the record of cluster c's CLB, NAT gateway and EIP
// at instant at, once: from when the cluster first runs.
func (m *meter) openResources(mc *meterCluster, c *clusterRec, at time.Time) {
	if mc.resources {
		return
	}
	mc.resources = true
	open := func(id, item string) {
		mc.res = append(mc.res, ordered[pricing.ResourceSpan]{m.next(), pricing.ResourceSpan{ClusterID: c.id, ID: id, Item: item, From: at}})
	}
	open("lb-"+c.id, pricing.ItemCLBInternal)
	if c.spec.Form.HasNodes() && (c.spec.SNAT == nil || *c.spec.SNAT) {
		open("ngw-"+c.id, pricing.ItemNAT)
	}
	if c.spec.PublicEndpoint {
		open("eip-"+c.id, pricing.ItemEIP)
	}
}

// closeNode closes the interval o of cluster mc at instant at; the caller
// takes it out of mc.openNodes.
func (m *meter) closeNode(mc *meterCluster, o openNode, at time.Time) {
	c := o.span(mc.id)
	c.span.To = at
	m.closedNodes = append(m.closedNodes, c)
	m.closed++
}

func (m *meter) startECI(mc *meterCluster, size ContainerSize, at time.Time) string {
	m.eciSeq++
	id := fmt.Sprintf("eci-%s-%06d", mc.id, m.eciSeq)
	if mc.openECI == nil {
		mc.openECI = map[string]ordered[pricing.InstanceSpan]{}
	}
	mc.openECI[id] = ordered[pricing.InstanceSpan]{m.next(), pricing.InstanceSpan{ClusterID: mc.id, ID: id, MilliCPU: size.MilliCPU, MemoryMiB: size.MemoryMiB, From: at}}
	mc.running = append(mc.running, id)
	return id
}

func (m *meter) stopECI(mc *meterCluster, id string, at time.Time) bool {
	o, ok := mc.openECI[id]
	if !ok {
		return false
	}
	o.span.To = at
	delete(mc.openECI, id)
	m.closedECI = append(m.closedECI, o)
	mc.running = slices.DeleteFunc(mc.running, func(x string) bool { return x == id })
	m.closed++
	return true
}

// spans returns the intervals in the order they were opened.
func spans[T any](in []ordered[T]) []T {
	slices.SortFunc(in, func(a, b ordered[T]) int { return cmp.Compare(a.seq, b.seq) })
	out := make([]T, len(in))
	for i, o := range in {
		out[i] = o.span
	}
	return out
}

// containerInstances returns the instances of one cluster the meter
// holds, open and closed, in the order they started.
func (m *meter) containerInstances(clusterID string) []pricing.InstanceSpan {
	var in []ordered[pricing.InstanceSpan]
	if mc := m.byID[clusterID]; mc != nil {
		for _, o := range mc.openECI {
			in = append(in, o)
		}
	}
	for _, o := range m.closedECI {
		if o.span.ClusterID == clusterID {
			in = append(in, o)
		}
	}
	return spans(in)
}

// timelines returns the record by region, open intervals ending at now.
func (m *meter) timelines(now time.Time) map[string]*pricing.Timeline {
	var nodes []ordered[pricing.NodeSpan]
	var eci []ordered[pricing.InstanceSpan]
	var res []ordered[pricing.ResourceSpan]
	for _, mc := range m.clusters {
		for _, n := range mc.openNodes {
			o := n.span(mc.id)
			o.span.To = now
			nodes = append(nodes, o)
		}
		for _, o := range mc.openECI {
			o.span.To = now
			eci = append(eci, o)
		}
		for _, o := range mc.res {
			o.span.To = now
			res = append(res, o)
		}
	}
	states := func(mc *meterCluster) []pricing.StateSpan {
		st := slices.Clone(mc.states)
		if n := len(st); n > 0 && st[n-1].To.IsZero() {
			st[n-1].To = now
		}
		return st
	}
	return m.byRegion(m.clusters, states,
		append(nodes, m.closedNodes...), append(eci, m.closedECI...), append(res, m.closedRes...))
}

// byRegion groups clusters (their states as states gives them) and
// intervals into one timeline per region, each interval in its cluster's
// region, in the order it was opened.
func (m *meter) byRegion(clusters []*meterCluster, states func(*meterCluster) []pricing.StateSpan,
	nodes []ordered[pricing.NodeSpan], eci []ordered[pricing.InstanceSpan], res []ordered[pricing.ResourceSpan]) map[string]*pricing.Timeline {
	out := map[string]*pricing.Timeline{}
	get := func(clusterID string) *pricing.Timeline {
		r := m.byID[clusterID].region
		if out[r] == nil {
			out[r] = &pricing.Timeline{Region: r}
		}
		return out[r]
	}
	for _, mc := range clusters {
		t := get(mc.id)
		t.Clusters = append(t.Clusters, pricing.ClusterSpan{ID: mc.id, Form: mc.form, States: states(mc)})
	}
	for _, n := range spans(nodes) {
		t := get(n.ClusterID)
		t.Nodes = append(t.Nodes, n)
	}
	for _, e := range spans(eci) {
		t := get(e.ClusterID)
		t.ContainerInstances = append(t.ContainerInstances, e)
	}
	for _, r := range spans(res) {
		t := get(r.ClusterID)
		t.Resources = append(t.Resources, r)
	}
	return out
}

// billRegions bills each region's timeline from from to to, regions in
// name order, and returns the lines.
func billRegions(e pricing.Estimator, tls map[string]*pricing.Timeline, from, to time.Time) ([]pricing.Line, error) {
	var lines []pricing.Line
	for _, r := range slices.Sorted(maps.Keys(tls)) {
		b, err := e.Bill(*tls[r], from, to)
		if err != nil {
			return nil, err
		}
		lines = append(lines, b.Lines...)
	}
	return lines, nil
}

func (m *meter) estimator() pricing.Estimator {
	if m.set.book == nil {
		m.set.book = pricing.DefaultBook()
	}
	return pricing.Estimator{Book: m.set.book, Preset: m.set.preset}
}

// bill bills the record from from to to, now being the clock's time.
func (m *meter) bill(from, to, now time.Time) (pricing.Bill, error) {
	if to.Before(from) {
		return pricing.Bill{}, fmt.Errorf("bill from %s to %s: the period ends before it starts", formatTime(from), formatTime(to))
	}
	e := m.estimator()
	var lines []pricing.Line
	if len(m.foldedOrder) > 0 {
		covers := !from.After(m.foldedFrom) && !to.Before(m.foldedTo)
		disjoint := !to.After(m.foldedFrom) || !from.Before(m.foldedTo)
		switch {
		case covers:
			for _, item := range m.foldedOrder {
				lines = append(lines, m.folded[item])
			}
		case !disjoint:
			return pricing.Bill{}, fmt.Errorf("bill from %s to %s: the meter folded its history from %s to %s into totals (WithMeterLimit); bill a period that covers it or lies outside it",
				formatTime(from), formatTime(to), formatTime(m.foldedFrom), formatTime(m.foldedTo))
		}
	}
	regional, err := billRegions(e, m.timelines(now), from, to)
	if err != nil {
		return pricing.Bill{}, err
	}
	lines = append(lines, regional...)
	total, err := pricing.Sum(lines)
	if err != nil {
		return pricing.Bill{}, err
	}
	cur := e.Book.Currency()
	if total.Currency() == "" {
		total = zeroOf(cur)
	}
	if lines == nil {
		lines = []pricing.Line{}
	}
	return pricing.Bill{Currency: cur, From: from, To: to, Lines: lines, Total: total}, nil
}

// foldIfFull folds the closed intervals once there are more than the
// limit: they are billed over their whole lives (the clusters' fees from
// creation to deletion) and added to the folded totals per item. It
// touches the closed intervals and the clusters' list, never the open
// intervals.
func (m *meter) foldIfFull() {
	if m.closed <= m.set.limit {
		return
	}
	var from, to time.Time
	span := func(f, u time.Time) {
		if from.IsZero() || f.Before(from) {
			from = f
		}
		if u.After(to) {
			to = u
		}
	}
	var gone []*meterCluster
	keepClusters := m.clusters[:0:0]
	for _, mc := range m.clusters {
		if !mc.gone {
			keepClusters = append(keepClusters, mc)
			continue
		}
		gone = append(gone, mc)
		span(mc.states[0].From, mc.states[len(mc.states)-1].To)
	}
	for _, n := range m.closedNodes {
		span(n.span.From, n.span.To)
	}
	for _, e := range m.closedECI {
		span(e.span.From, e.span.To)
	}
	for _, r := range m.closedRes {
		span(r.span.From, r.span.To)
	}
	states := func(mc *meterCluster) []pricing.StateSpan { return mc.states }
	lines, err := billRegions(m.estimator(), m.byRegion(gone, states, m.closedNodes, m.closedECI, m.closedRes), from, to)
	if err != nil {
		m.closed = 0 // a price is missing: keep the record whole (Bill says which), retry after another limit
		return
	}
	for _, l := range lines {
		f, ok := m.folded[l.Item]
		if !ok {
			m.foldedOrder = append(m.foldedOrder, l.Item)
			f = pricing.Line{Item: l.Item, Resource: "folded history", UnitPrice: l.UnitPrice, Unit: l.Unit, Amount: zeroOf(l.Amount.Currency())}
		}
		f.Amount, _ = f.Amount.Add(l.Amount)
		m.folded[l.Item] = f
	}
	for _, mc := range m.clusters {
		if mc.gone {
			delete(m.byID, mc.id)
		}
	}
	m.clusters = keepClusters
	m.closedNodes, m.closedECI, m.closedRes = nil, nil, nil
	if m.foldedFrom.IsZero() || from.Before(m.foldedFrom) {
		m.foldedFrom = from
	}
	if to.After(m.foldedTo) {
		m.foldedTo = to
	}
	for item, l := range m.folded {
		l.Quantity = fmt.Sprintf("from %s to %s", formatTime(m.foldedFrom), formatTime(m.foldedTo))
		m.folded[item] = l
	}
	m.closed = 0
}

// zeroOf is zero in currency c.
func zeroOf(c ack.Currency) ack.Money {
	m, err := ack.MoneyFromMinor(0, c)
	if err != nil {
		return ack.Money{}
	}
	return m
}
