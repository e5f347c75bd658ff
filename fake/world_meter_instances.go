package fake

import (
	"fmt"
	"slices"
	"time"

	"github.com/ackgo/ack/pricing"
	"github.com/ackgo/ack/quota"
)

// ContainerSize is a container instance's resources.
type ContainerSize struct {
	// MilliCPU is the vCPU in thousandths (250 = 0.25 vCPU).
	MilliCPU int64
	// MemoryMiB is the memory in MiB (512 = 0.5 GiB).
	MemoryMiB int64
}

// ContainerInstance is a container instance of a serverless cluster as the
// billing meter records it.
type ContainerInstance struct {
	// ID is the instance's ID, "eci-<cluster>-<n>".
	ID string
	// ClusterID is its cluster.
	ClusterID string
	ContainerSize
	// Started is when it started; Stopped when it stopped, zero while it
	// runs.
	Started, Stopped time.Time
}

// StartContainerInstances starts n container instances of size size on a
// running serverless cluster, as a workload scheduled there would, and
// returns their IDs. They count against the account's container instances
// per serverless cluster and, being pay-as-you-go, need the account
// prerequisites (quota.Check): a refusal starts none and returns an error
// wrapping the *Error the API would answer with. The billing meter bills
// each from now until it stops (StopContainerInstance) or its cluster is
// deleted.
func (c *Cloud) StartContainerInstances(clusterID string, n int, size ContainerSize) ([]string, error) {
	if n < 0 || size.MilliCPU <= 0 || size.MemoryMiB <= 0 {
		return nil, fmt.Errorf("cluster %s: start %d container instances of %d millicores and %d MiB: want a count not negative and resources above zero",
			clusterID, n, size.MilliCPU, size.MemoryMiB)
	}
	return c.startContainers("start", clusterID, n, size)
}

// MaxContainerStart is how many container instances one call of
// StartContainerInstances, RunContainerInstances or POST /_fake/instances
// starts at most: each is recorded (and billed) on its own, so a count
// is bounded by what a call may make the fake hold, whatever the quota.
const MaxContainerStart = 10_000

// startContainers admits and starts n container instances of size on a
// cluster (RunContainerInstances and StartContainerInstances, whose verb
// its errors name) and returns their IDs.
func (c *Cloud) startContainers(verb, clusterID string, n int, size ContainerSize) ([]string, error) {
	if n > MaxContainerStart {
		return nil, fmt.Errorf("cluster %s: %s %d container instances: %w", clusterID, verb, n,
			NewError(InvalidParameter, "at most %d container instances start in one call", MaxContainerStart))
	}
	c.st.mu.Lock()
	defer c.st.mu.Unlock()
	now := c.st.clock.Now()
	rec, e := c.st.clusterLocked(clusterID, now, false)
	if e != nil {
		return nil, fmt.Errorf("cluster %s: %s container instances: %w", clusterID, verb, e)
	}
	if e := containerHost(rec); e != nil {
		return nil, fmt.Errorf("cluster %s: %s container instances: %w", clusterID, verb, e)
	}
	if e := c.st.admitLocked(quota.Plan{Change: []quota.ClusterChange{{ClusterID: rec.id, AddContainerInstances: n}}}); e != nil {
		return nil, fmt.Errorf("cluster %s: %s %d container instances: %w", clusterID, verb, n, e)
	}
	return c.st.startContainersLocked(rec, n, size, now), nil
}

// startContainersLocked starts n container instances of size on cluster
// rec at now, admitted already, and returns their IDs.
func (s *store) startContainersLocked(rec *clusterRec, n int, size ContainerSize, now time.Time) []string {
	s.meterSyncLocked(rec, now)
	mc := s.meter.byID[rec.id]
	ids := make([]string, n)
	for i := range ids {
		ids[i] = s.meter.startECI(mc, size, now)
	}
	rec.containerInstances += n
	return ids
}

// StopContainerInstance stops one container instance of a cluster. An
// instance that is not running there is an error.
func (c *Cloud) StopContainerInstance(clusterID, id string) error {
	c.st.mu.Lock()
	defer c.st.mu.Unlock()
	now := c.st.clock.Now()
	rec, e := c.st.clusterLocked(clusterID, now, false)
	if e != nil {
		return fmt.Errorf("cluster %s: stop container instance %s: %w", clusterID, id, e)
	}
	mc := c.st.meter.byID[rec.id]
	if mc == nil || !c.st.meter.stopECI(mc, id, now) {
		return fmt.Errorf("cluster %s: stop container instance %s: %w", clusterID, id, NewError(InvalidParameter, "no container instance %s runs on cluster %s", id, clusterID))
	}
	rec.containerInstances = max(rec.containerInstances-1, 0)
	c.st.meter.foldIfFull()
	return nil
}

// stopNewestLocked stops up to n of a cluster's container instances,
// newest first, at now.
func (s *store) stopNewestLocked(rec *clusterRec, n int, now time.Time) {
	mc := s.meter.byID[rec.id]
	for mc != nil && n > 0 && len(mc.running) > 0 {
		s.meter.stopECI(mc, mc.running[len(mc.running)-1], now)
		n--
	}
	s.meter.foldIfFull()
}

// ContainerInstances returns the container instances of a cluster that
// the meter still holds (running ones, and stopped ones until they are
// folded into totals), in the order they started.
func (c *Cloud) ContainerInstances(clusterID string) []ContainerInstance {
	c.st.mu.Lock()
	defer c.st.mu.Unlock()
	var out []ContainerInstance
	for _, e := range c.st.meter.containerInstances(clusterID) {
		out = append(out, ContainerInstance{ID: e.ID, ClusterID: e.ClusterID,
			ContainerSize: ContainerSize{MilliCPU: e.MilliCPU, MemoryMiB: e.MemoryMiB}, Started: e.From, Stopped: e.To})
	}
	return out
}

// Bill returns the itemised bill of everything the fake ran from from to
// to on its clock, priced with its book (WithPriceBook) under its preset
// (WithBillingPreset), settled hour by hour by pricing.Estimator.Bill:
// one line per Pro cluster's management fee, per node, per container
// instance and per load balancer, NAT gateway and EIP. What still runs is
// billed up to the clock's now. A period that cuts the history the meter
// folded into totals is an error (see WithMeterLimit).
func (c *Cloud) Bill(from, to time.Time) (pricing.Bill, error) {
	c.st.mu.Lock()
	defer c.st.mu.Unlock()
	now := c.st.clock.Now()
	for _, rec := range slices.Clone(c.st.order) {
		c.st.settleLocked(rec, now)
	}
	return c.st.meter.bill(from, to, now)
}
