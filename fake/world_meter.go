package fake

import (
	"cmp"
	"fmt"
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
// its cluster and ID are known where it is kept.
type openNode struct {
	seq          int64
	from         int64 // Unix nanoseconds
	instanceType string
}

// span returns the node's interval, open (a zero To).
func (o openNode) span(clusterID, id string) ordered[pricing.NodeSpan] {
	return ordered[pricing.NodeSpan]{o.seq, pricing.NodeSpan{ClusterID: clusterID, ID: id, InstanceType: o.instanceType, From: time.Unix(0, o.from).UTC()}}
}

// meterCluster is one cluster's record and its open intervals.
type meterCluster struct {
	id, region string
	form       cluster.Form
	states     []pricing.StateSpan
	resources  bool                                     // its CLB, NAT and EIP were opened
	res        []ordered[pricing.ResourceSpan]          // its open CLB, NAT and EIP
	running    []string                                 // its open container instances, oldest first
	openECI    map[string]ordered[pricing.InstanceSpan] // by instance ID
	openNodes  map[string]openNode                      // by instance ID
	failed     map[string]bool
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
		mc = &meterCluster{id: c.id, region: c.spec.Region, form: c.spec.Form,
			openNodes: map[string]openNode{}, openECI: map[string]ordered[pricing.InstanceSpan]{}, failed: map[string]bool{}}
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
	live := 0
	for _, id := range c.nodeIDs {
		n, ok := s.nodes[id]
		if !ok || mc.failed[id] {
			continue
		}
		o, open := mc.openNodes[id]
		switch {
		case n.state == nodeFailed, n.state == "" && c.state == cluster.StateFailed && !c.ready: // a master's state is its cluster's
			// Only a node being created fails: it never ran, and is not
			// billed.
			mc.failed[id] = true
			if open {
				m.closeNode(mc, id, time.Unix(0, o.from).UTC())
			}
		case !open:
			if len(mc.openNodes) == 0 && len(c.nodeIDs) > 8 {
				// The first nodes of a cluster come together: one map of
				// their size, not a few that double.
				mc.openNodes = make(map[string]openNode, len(c.nodeIDs))
			}
			mc.openNodes[id] = openNode{seq: m.next(), from: n.created.UnixNano(), instanceType: n.instanceType}
			live++
		default:
			live++
		}
	}
	if live < len(mc.openNodes) { // some are gone
		for id := range mc.openNodes {
			if _, ok := s.nodes[id]; !ok || !slices.Contains(c.nodeIDs, id) {
				m.closeNode(mc, id, at)
			}
		}
	}
	if c.state == cluster.StateRunning && !mc.resources && c.ready {
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
	if c.state == cluster.StateDeleted {
		mc.gone = true
		for id := range mc.openNodes {
			m.closeNode(mc, id, at)
		}
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

func (m *meter) closeNode(mc *meterCluster, id string, at time.Time) {
	o := mc.openNodes[id].span(mc.id, id)
	o.span.To = at
	delete(mc.openNodes, id)
	m.closedNodes = append(m.closedNodes, o)
	m.closed++
}

func (m *meter) startECI(mc *meterCluster, size ContainerSize, at time.Time) string {
	m.eciSeq++
	id := fmt.Sprintf("eci-%s-%06d", mc.id, m.eciSeq)
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
	out := map[string]*pricing.Timeline{}
	get := func(r string) *pricing.Timeline {
		t := out[r]
		if t == nil {
			t = &pricing.Timeline{Region: r}
			out[r] = t
		}
		return t
	}
	end := func(t time.Time) time.Time {
		if t.IsZero() {
			return now
		}
		return t
	}
	var nodes []ordered[pricing.NodeSpan]
	var eci []ordered[pricing.InstanceSpan]
	var res []ordered[pricing.ResourceSpan]
	for _, mc := range m.clusters {
		states := slices.Clone(mc.states)
		if n := len(states); n > 0 {
			states[n-1].To = end(states[n-1].To)
		}
		get(mc.region).Clusters = append(get(mc.region).Clusters, pricing.ClusterSpan{ID: mc.id, Form: mc.form, States: states})
		for id, n := range mc.openNodes {
			o := n.span(mc.id, id)
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
	nodes = append(nodes, m.closedNodes...)
	eci = append(eci, m.closedECI...)
	res = append(res, m.closedRes...)
	for _, n := range spans(nodes) {
		t := get(m.byID[n.ClusterID].region)
		t.Nodes = append(t.Nodes, n)
	}
	for _, e := range spans(eci) {
		t := get(m.byID[e.ClusterID].region)
		t.ContainerInstances = append(t.ContainerInstances, e)
	}
	for _, r := range spans(res) {
		t := get(m.byID[r.ClusterID].region)
		t.Resources = append(t.Resources, r)
	}
	return out
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
	tls := m.timelines(now)
	regions := make([]string, 0, len(tls))
	for r := range tls {
		regions = append(regions, r)
	}
	slices.Sort(regions)
	for _, r := range regions {
		b, err := e.Bill(*tls[r], from, to)
		if err != nil {
			return pricing.Bill{}, err
		}
		lines = append(lines, b.Lines...)
	}
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
	regions := map[string]*pricing.Timeline{}
	get := func(clusterID string) *pricing.Timeline {
		r := m.byID[clusterID].region
		if regions[r] == nil {
			regions[r] = &pricing.Timeline{Region: r}
		}
		return regions[r]
	}
	keepClusters := m.clusters[:0:0]
	for _, mc := range m.clusters {
		if !mc.gone {
			keepClusters = append(keepClusters, mc)
			continue
		}
		tl := get(mc.id)
		tl.Clusters = append(tl.Clusters, pricing.ClusterSpan{ID: mc.id, Form: mc.form, States: mc.states})
		span(mc.states[0].From, mc.states[len(mc.states)-1].To)
	}
	for _, n := range spans(m.closedNodes) {
		get(n.ClusterID).Nodes = append(get(n.ClusterID).Nodes, n)
		span(n.From, n.To)
	}
	for _, e := range spans(m.closedECI) {
		get(e.ClusterID).ContainerInstances = append(get(e.ClusterID).ContainerInstances, e)
		span(e.From, e.To)
	}
	for _, r := range spans(m.closedRes) {
		get(r.ClusterID).Resources = append(get(r.ClusterID).Resources, r)
		span(r.From, r.To)
	}
	e := m.estimator()
	var bills []pricing.Bill
	names := make([]string, 0, len(regions))
	for r := range regions {
		names = append(names, r)
	}
	slices.Sort(names)
	for _, r := range names {
		b, err := e.Bill(*regions[r], from, to)
		if err != nil {
			m.closed = 0 // a price is missing: keep the record whole (Bill says which), retry after another limit
			return
		}
		bills = append(bills, b)
	}
	for _, b := range bills {
		for _, l := range b.Lines {
			f, ok := m.folded[l.Item]
			if !ok {
				m.foldedOrder = append(m.foldedOrder, l.Item)
				f = pricing.Line{Item: l.Item, Resource: "folded history", UnitPrice: l.UnitPrice, Unit: l.Unit, Amount: zeroOf(l.Amount.Currency())}
			}
			f.Amount, _ = f.Amount.Add(l.Amount)
			m.folded[l.Item] = f
		}
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
