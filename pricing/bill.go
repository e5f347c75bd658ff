package pricing

import (
	"fmt"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
)

// Timeline is a record of what existed when: clusters and their states,
// nodes, container instances and hourly resources (load balancers, NAT
// gateways, EIPs). A zero To means the thing still exists.
type Timeline struct {
	// Region is the region the prices are looked up in.
	Region string
	// Clusters are the clusters with their states over time.
	Clusters []ClusterSpan
	// Nodes are the ECS nodes (masters and workers).
	Nodes []NodeSpan
	// ContainerInstances are the serverless clusters' container instances.
	ContainerInstances []InstanceSpan
	// Resources are the resources billed by the hour.
	Resources []ResourceSpan
}

// ClusterSpan is one cluster's states over time.
type ClusterSpan struct {
	// ID is the cluster's ID.
	ID string
	// Form is its form: only ManagedPro pays the management fee.
	Form cluster.Form
	// States are its states in time order; each lasts until the next
	// one's From, the last one until its To (zero: still in it).
	States []StateSpan
}

// StateSpan is a time in one state.
type StateSpan struct {
	// State is the cluster's state.
	State cluster.State
	// From and To bound the time; a zero To means still in it.
	From, To time.Time
}

// NodeSpan is one ECS node's life.
type NodeSpan struct {
	// ClusterID and ID name the node.
	ClusterID, ID string
	// InstanceType is the node's ECS type, the item priced.
	InstanceType string
	// From and To bound its life; a zero To means it still runs.
	From, To time.Time
}

// InstanceSpan is one container instance's life.
type InstanceSpan struct {
	// ClusterID and ID name the instance.
	ClusterID, ID string
	// MilliCPU and MemoryMiB are its resources.
	MilliCPU, MemoryMiB int64
	// From and To bound its life; a zero To means it still runs.
	From, To time.Time
}

// ResourceSpan is the life of a resource billed by the hour.
type ResourceSpan struct {
	// ClusterID and ID name the resource.
	ClusterID, ID string
	// Item is what it is: ItemCLBInternal, ItemNAT, ItemEIP, ...
	Item string
	// From and To bound its life; a zero To means it still exists.
	From, To time.Time
}

// Bill returns the itemised bill of t for the period from from to to,
// settled hour by hour: one line per cluster fee, node, container instance
// and resource that existed in the period, in that order and in t's order
// within each kind. Everything is clipped to the period. Nodes and
// container instances pay per second, settled per instance at each clock
// hour (Settle); hourly resources pay per started hour of their time in
// the period (Hours); a managed Pro cluster pays the management fee under
// Current for each clock hour of the period throughout which it was in a
// billed state (Billed, ManagementFeeHours), so a cluster whose creation
// failed pays none.
func (e Estimator) Bill(t Timeline, from, to time.Time) (Bill, error) {
	if to.Before(from) {
		return Bill{}, fmt.Errorf("pricing: bill from %s to %s: the period ends before it starts", from, to)
	}
	book := e.book()
	p := newPricer(book, t.Region)
	b := &builder{cur: book.Currency()}
	clip := func(f, u time.Time) (time.Time, time.Time, bool) {
		if u.IsZero() || u.After(to) {
			u = to
		}
		if f.Before(from) {
			f = from
		}
		return f, u, u.After(f)
	}
	if e.Preset.ChargesManagementFee() {
		for _, c := range t.Clusters {
			if c.Form != cluster.ManagedPro {
				continue
			}
			fee, err := p.lookup(ItemProFee)
			if err != nil {
				return Bill{}, err
			}
			var hours int64
			for _, run := range billedRuns(c.States) {
				if f, u, ok := clip(run[0], run[1]); ok {
					hours += ManagementFeeHours(f, u)
				}
			}
			b.times(Line{Item: ItemProFee, Resource: "cluster " + c.ID, Quantity: clockHours(hours),
				UnitPrice: fee.m, Unit: "cluster-hour"}, fee, hours)
		}
	}
	for _, n := range t.Nodes {
		f, u, ok := clip(n.From, n.To)
		if !ok {
			continue
		}
		hourly, err := p.lookup(n.InstanceType)
		if err != nil {
			return Bill{}, fmt.Errorf("node %s of cluster %s: %w", n.ID, n.ClusterID, err)
		}
		b.settled(Line{Item: n.InstanceType, Resource: fmt.Sprintf("node %s (cluster %s)", n.ID, n.ClusterID), Quantity: u.Sub(f).String(),
			UnitPrice: hourly.m, Unit: "node-hour"}, hourly, 1, f, u)
	}
	for _, ci := range t.ContainerInstances {
		f, u, ok := clip(ci.From, ci.To)
		if !ok {
			continue
		}
		ps, err := eciPrice(p, ci.MilliCPU, ci.MemoryMiB)
		if err != nil {
			return Bill{}, fmt.Errorf("container instance %s of cluster %s: %w", ci.ID, ci.ClusterID, err)
		}
		b.add(Line{Item: "eci", Resource: fmt.Sprintf("container instance %s (cluster %s, %s vCPU, %s GiB)", ci.ID, ci.ClusterID, milli(ci.MilliCPU, 1000), milli(ci.MemoryMiB, 1024)),
			Quantity: u.Sub(f).String(), UnitPrice: ps, Unit: "instance-second", Amount: Settle(ps, f, u)})
	}
	for _, r := range t.Resources {
		f, u, ok := clip(r.From, r.To)
		if !ok {
			continue
		}
		if err := b.hourly(p, r.Item, fmt.Sprintf("%s (cluster %s)", r.ID, r.ClusterID), u.Sub(f)); err != nil {
			return Bill{}, fmt.Errorf("%s %s of cluster %s: %w", r.Item, r.ID, r.ClusterID, err)
		}
	}
	return b.bill(from, to)
}

// billedRuns returns the stretches of time in billed states, adjacent
// billed states joined (running → updating → running is one stretch).
// A zero end means the stretch is still open.
func billedRuns(states []StateSpan) [][2]time.Time {
	var runs [][2]time.Time
	open := false
	for i, s := range states {
		end := s.To
		if i+1 < len(states) {
			end = states[i+1].From
		}
		switch {
		case Billed(s.State) && open:
			runs[len(runs)-1][1] = end
		case Billed(s.State):
			runs = append(runs, [2]time.Time{s.From, end})
			open = true
		default:
			open = false
		}
	}
	return runs
}

// Sum returns the total of lines' amounts, in one currency.
func Sum(lines []Line) (ack.Money, error) {
	ms := make([]ack.Money, len(lines))
	for i, l := range lines {
		ms[i] = l.Amount
	}
	return ack.SumMoney(ms...)
}
