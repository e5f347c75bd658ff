package fake

import (
	"fmt"

	"github.com/ackgo/ack"
	"slices"
	"time"

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
type meter struct {
	set      meterSettings
	clusters []*meterCluster
	byID     map[string]*meterCluster
	nodes    []pricing.NodeSpan
	eci      []pricing.InstanceSpan
	openECI  map[string]int // instance ID → index in eci
	res      []pricing.ResourceSpan
	closed   int
	eciSeq   int64

	// The folded history: its totals per item and the span it covers.
	folded               map[string]pricing.Line
	foldedOrder          []string
	foldedFrom, foldedTo time.Time
}

// meterCluster is one cluster's record.
type meterCluster struct {
	id, region string
	form       cluster.Form
	states     []pricing.StateSpan
	resources  bool           // its CLB, NAT and EIP are open
	running    []string       // its open container instances, oldest first
	openNodes  map[string]int // its open nodes: instance ID → index in meter.nodes
	failed     map[string]bool
	gone       bool
}

func newMeter(s meterSettings) *meter {
	if s.limit <= 0 {
		s.limit = DefaultMeterLimit
	}
	return &meter{set: s, byID: map[string]*meterCluster{}, openECI: map[string]int{}, folded: map[string]pricing.Line{}}
}

// meterSyncLocked brings the record of cluster c up to date at instant
// at: a new state, new nodes, nodes gone or failed, the cluster's
// resources once it first runs, everything closed once it is deleted.
func (s *store) meterSyncLocked(c *clusterRec, at time.Time) {
	m := s.meter
	mc := m.byID[c.id]
	if mc == nil {
		mc = &meterCluster{id: c.id, region: c.spec.Region, form: c.spec.Form, openNodes: map[string]int{}, failed: map[string]bool{}}
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
		_, open := mc.openNodes[id]
		switch {
		case n.state == nodeFailed, n.state == "" && c.state == cluster.StateFailed && !c.ready: // a master's state is its cluster's
			// Only a node being created fails: it never ran, and is not
			// billed.
			mc.failed[id] = true
			if open {
				m.closeNode(mc, id, m.nodes[mc.openNodes[id]].From)
			}
		case !open:
			mc.openNodes[id] = len(m.nodes)
			m.nodes = append(m.nodes, pricing.NodeSpan{ClusterID: c.id, ID: id, InstanceType: n.instanceType, From: n.created})
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
		m.res = append(m.res, pricing.ResourceSpan{ClusterID: c.id, ID: "lb-" + c.id, Item: pricing.ItemCLBInternal, From: at})
		if c.spec.Form.HasNodes() && (c.spec.SNAT == nil || *c.spec.SNAT) {
			m.res = append(m.res, pricing.ResourceSpan{ClusterID: c.id, ID: "ngw-" + c.id, Item: pricing.ItemNAT, From: at})
		}
		if c.spec.PublicEndpoint {
			m.res = append(m.res, pricing.ResourceSpan{ClusterID: c.id, ID: "eip-" + c.id, Item: pricing.ItemEIP, From: at})
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
		for i := range m.res {
			if m.res[i].ClusterID == c.id && m.res[i].To.IsZero() {
				m.res[i].To = at
				m.closed++
			}
		}
		m.closed++ // the cluster itself
	}
	m.foldIfFull()
}

func (m *meter) closeNode(mc *meterCluster, id string, at time.Time) {
	m.nodes[mc.openNodes[id]].To = at
	delete(mc.openNodes, id)
	m.closed++
}

func (m *meter) startECI(mc *meterCluster, size ContainerSize, at time.Time) string {
	m.eciSeq++
	id := fmt.Sprintf("eci-%s-%06d", mc.id, m.eciSeq)
	m.openECI[id] = len(m.eci)
	m.eci = append(m.eci, pricing.InstanceSpan{ClusterID: mc.id, ID: id, MilliCPU: size.MilliCPU, MemoryMiB: size.MemoryMiB, From: at})
	mc.running = append(mc.running, id)
	return id
}

func (m *meter) stopECI(mc *meterCluster, id string, at time.Time) bool {
	i, ok := m.openECI[id]
	if !ok || m.eci[i].ClusterID != mc.id {
		return false
	}
	m.eci[i].To = at
	delete(m.openECI, id)
	mc.running = slices.DeleteFunc(mc.running, func(x string) bool { return x == id })
	m.closed++
	return true
}

// timelines returns the record by region, open intervals ending at now.
func (m *meter) timelines(now time.Time) map[string]*pricing.Timeline {
	out := map[string]*pricing.Timeline{}
	region := map[string]string{}
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
	for _, mc := range m.clusters {
		region[mc.id] = mc.region
		states := slices.Clone(mc.states)
		if n := len(states); n > 0 {
			states[n-1].To = end(states[n-1].To)
		}
		t := get(mc.region)
		t.Clusters = append(t.Clusters, pricing.ClusterSpan{ID: mc.id, Form: mc.form, States: states})
	}
	for _, n := range m.nodes {
		n.To = end(n.To)
		t := get(region[n.ClusterID])
		t.Nodes = append(t.Nodes, n)
	}
	for _, e := range m.eci {
		e.To = end(e.To)
		t := get(region[e.ClusterID])
		t.ContainerInstances = append(t.ContainerInstances, e)
	}
	for _, r := range m.res {
		r.To = end(r.To)
		t := get(region[r.ClusterID])
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
// creation to deletion) and added to the folded totals per item.
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
	region := map[string]string{}
	for _, mc := range m.clusters {
		region[mc.id] = mc.region
	}
	get := func(clusterID string) *pricing.Timeline {
		r := region[clusterID]
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
	keepNodes := m.nodes[:0:0]
	for _, n := range m.nodes {
		if n.To.IsZero() {
			keepNodes = append(keepNodes, n)
			continue
		}
		get(n.ClusterID).Nodes = append(get(n.ClusterID).Nodes, n)
		span(n.From, n.To)
	}
	keepECI := m.eci[:0:0]
	for _, e := range m.eci {
		if e.To.IsZero() {
			keepECI = append(keepECI, e)
			continue
		}
		get(e.ClusterID).ContainerInstances = append(get(e.ClusterID).ContainerInstances, e)
		span(e.From, e.To)
	}
	keepRes := m.res[:0:0]
	for _, r := range m.res {
		if r.To.IsZero() {
			keepRes = append(keepRes, r)
			continue
		}
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
	m.clusters, m.nodes, m.eci, m.res = keepClusters, keepNodes, keepECI, keepRes
	m.openECI = map[string]int{}
	for _, mc := range m.clusters {
		mc.openNodes = map[string]int{}
	}
	for i, n := range m.nodes {
		m.byID[n.ClusterID].openNodes[n.ID] = i
	}
	for i, e := range m.eci {
		m.openECI[e.ID] = i
	}
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
