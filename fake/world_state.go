package fake

import (
	"cmp"
	"encoding/json"
	"maps"
	"slices"

	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/pricing"
)

// The world as a State: taken under the lock (snapshotState) as deep
// copies, and loaded by restoreState (world_state_load.go).

// snapshotState settles the world at the clock's now and copies it.
func (s *store) snapshotState() State {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.clock.Now()
	living := s.livingLocked(now)
	st := State{
		Now:      now,
		Account:  s.acct.account,
		Limits:   s.acct.limits,
		Network:  s.net.state(),
		Clusters: make([]ClusterState, 0, len(living)),
		Counters: Counters{IDs: s.ids.counts(), Nodes: s.nodeSeq, Addresses: maps.Clone(s.hosts), ContainerInstances: s.meter.eciSeq},
	}
	if len(st.Counters.Addresses) == 0 {
		st.Counters.Addresses = nil
	}
	for _, r := range s.failNext {
		st.FailNext = append(st.FailNext, FailRule{Change: r.change, Failure: r.failure})
	}
	for _, c := range living {
		st.Clusters = append(st.Clusters, s.clusterStateLocked(c))
	}
	st.Tasks = make([]TaskState, 0, len(s.tasks))
	for _, id := range s.taskOrder {
		if t, ok := s.tasks[id]; ok {
			st.Tasks = append(st.Tasks, taskState(t))
		}
	}
	return st
}

// state lists the network's VPCs and vSwitches by ID.
func (n *network) state() NetworkState {
	var out NetworkState
	for _, id := range slices.Sorted(maps.Keys(n.vpcs)) {
		out.VPCs = append(out.VPCs, n.vpcs[id])
	}
	for _, id := range slices.Sorted(maps.Keys(n.vswitches)) {
		out.VSwitches = append(out.VSwitches, n.vswitches[id])
	}
	return out
}

// counts copies the counts per kind.
func (g *idGen) counts() map[string]uint64 {
	g.mu.Lock()
	defer g.mu.Unlock()
	if len(g.n) == 0 {
		return nil
	}
	return maps.Clone(g.n)
}

// raise lifts every count of kinds in n to at least n's.
func (g *idGen) raise(n map[string]uint64) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.n == nil {
		g.n = make(map[string]uint64)
	}
	for k, v := range n {
		g.n[k] = max(g.n[k], v)
	}
}

// set replaces the counts by a copy of n.
func (g *idGen) set(n map[string]uint64) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.n = maps.Clone(n)
}

// clusterStateLocked copies a settled cluster.
func (s *store) clusterStateLocked(c *clusterRec) ClusterState {
	cs := ClusterState{
		ID: c.id, Spec: c.spec.Clone(), ClusterType: c.wireType, Profile: c.profile, ClusterSpec: c.clusterSpec,
		State: c.state, Ready: c.ready, Created: c.created, Updated: c.updated,
		Extra: extraState(c.extra), LastTask: c.lastTask, FailNext: cloneFailure(c.failNext),
	}
	if c.upgrades != nil && len(c.upgrades.pools) > 0 {
		cs.PoolVersions = maps.Clone(c.upgrades.pools)
	}
	if c.op != nil && c.op.change != ChangeUpgradeCluster {
		cs.Change = changeState(c.op)
	}
	if c.upgrades != nil && c.upgrades.run != nil {
		cs.Upgrade = upgradeState(c.upgrades.run)
	}
	for _, p := range c.pools {
		ps := NodePoolState{
			ID: p.id, Spec: p.spec.Clone(), ScalingGroupID: p.scalingGroupID, Default: p.isDefault,
			Created: p.created, Updated: p.updated, State: p.state, LastTask: p.lastTask, FailNext: cloneFailure(p.failNext),
		}
		if p.hasDemand {
			d := p.demand
			ps.Demand = &d
		}
		if p.op != nil {
			ps.Change = changeState(p.op)
		}
		cs.NodePools = append(cs.NodePools, ps)
	}
	for _, n := range s.clusterNodesLocked(c) {
		cs.Nodes = append(cs.Nodes, NodeState{
			InstanceID: n.instanceID, Name: n.name, NodePoolID: n.nodepoolID, Role: n.role,
			InstanceType: n.instanceType, VSwitchID: n.vswitchID, IP: n.ip, ChargeType: n.chargeType,
			Created: n.created, Origin: n.origin, State: n.state,
		})
	}
	if mc := s.meter.byID[c.id]; mc != nil {
		for _, id := range mc.running {
			e := mc.openECI[id].span
			cs.ContainerInstances = append(cs.ContainerInstances, ContainerInstanceState{ID: id, MilliCPU: e.MilliCPU, MemoryMiB: e.MemoryMiB, Started: e.From})
		}
	}
	return cs
}

// changeState copies a running change as data.
func changeState(op *pending) *ChangeState {
	ch := &ChangeState{
		Kind: op.change, TaskID: op.task.id, Started: op.started, After: op.prog.After, PollsNeeded: op.prog.Polls,
		Polls: op.polls, Failure: cloneFailure(op.fail), Added: nodeIDs(op.data.added), Removed: nodeIDs(op.data.removed),
		Desired: maps.Clone(op.data.desired),
	}
	if d := op.data; d.spec != nil {
		sp := d.spec.Clone()
		ch.Spec = &sp
	}
	if d := op.data; d.extra != nil {
		e := extraState(*d.extra)
		ch.Extra = &e
	}
	if d := op.data; d.poolSpec != nil {
		sp := d.poolSpec.Clone()
		ch.PoolSpec = &sp
	}
	if u := op.data.upgrade; u != nil {
		ch.Upgrade = &PoolUpgradeState{Version: u.to, Runtime: u.runtime, RuntimeVersion: u.runtimeVersion}
	}
	return ch
}

// upgradeState copies an upgrade, with its change while it runs or is
// paused.
func upgradeState(run *upgradeRun) *UpgradeState {
	u := &UpgradeState{From: run.from, To: run.to, MasterOnly: run.masterOnly, Status: run.status,
		Step: run.step, Message: run.message, PrecheckID: run.precheckID}
	if run.task != nil {
		u.TaskID = run.task.id
	}
	if run.paused {
		u.PausedAt = run.pausedAt
	}
	if run.op != nil && (run.status == upgradeRunning || run.status == upgradePause) {
		u.Change = changeState(run.op)
	}
	return u
}

// nodeIDs lists the nodes' instance IDs; nil for none.
func nodeIDs(nodes []*nodeRec) []string {
	var out []string
	for _, n := range nodes {
		out = append(out, n.instanceID)
	}
	return out
}

// taskState copies a task.
func taskState(t *taskRec) TaskState {
	return TaskState{
		ID: t.id, ClusterID: t.clusterID, NodePoolID: t.poolID, Type: t.taskType, State: t.state,
		Created: t.created, Updated: t.updated, Error: cloneFailure(t.err), Params: jsonParams(t.params),
	}
}

// cloneFailure copies a failure; nil for nil.
func cloneFailure(f *Failure) *Failure {
	if f == nil {
		return nil
	}
	c := *f
	return &c
}

// extraState copies a cluster's extras into their State form.
func extraState(e clusterExtra) ClusterExtra {
	return ClusterExtra{
		Version: e.version, InitVersion: e.initVersion, SecurityGroupID: e.securityGroupID,
		ProxyMode: e.proxyMode, IPStack: e.ipStack, ClusterDomain: e.clusterDomain,
		OperationPolicy: rawJSON(e.operationPolicy), ControlPlaneEndpoints: rawJSON(e.controlPlaneEndpoints),
		RRSA: e.rrsa, ExtraSANs: slices.Clone(e.extraSANs),
		PublicEndpoint: e.publicEndpoint, IntranetEndpoint: e.intranetEndpoint,
	}
}

// rawJSON encodes a wire object; nil for a nil one.
func rawJSON[T any](v *T) json.RawMessage {
	if v == nil {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	return b
}

// extraOf reads a cluster's extras from their State form, filling what is
// empty as CreateCluster does; a wire object that does not decode is an
// error naming its field.
func extraOf(e ClusterExtra, version string) (clusterExtra, string, error) {
	out := clusterExtra{
		version: cmp.Or(e.Version, version), securityGroupID: e.SecurityGroupID,
		proxyMode: orDefault(e.ProxyMode, "ipvs"), ipStack: orDefault(e.IPStack, "ipv4"),
		clusterDomain: orDefault(e.ClusterDomain, "cluster.local"),
		rrsa:          e.RRSA, extraSANs: slices.Clone(e.ExtraSANs),
		publicEndpoint: e.PublicEndpoint, intranetEndpoint: e.IntranetEndpoint,
	}
	out.initVersion = cmp.Or(e.InitVersion, out.version)
	if len(e.OperationPolicy) > 0 {
		out.operationPolicy = &wire.OperationPolicy{}
		if err := json.Unmarshal(e.OperationPolicy, out.operationPolicy); err != nil {
			return clusterExtra{}, "extra.operation_policy", err
		}
	}
	if len(e.ControlPlaneEndpoints) > 0 {
		out.controlPlaneEndpoints = &wire.ControlPlaneEndpointsConfig{}
		if err := json.Unmarshal(e.ControlPlaneEndpoints, out.controlPlaneEndpoints); err != nil {
			return clusterExtra{}, "extra.control_plane_endpoints_config", err
		}
	}
	return out, "", nil
}

// restoreState replaces the world with a State's, or refuses the State
// and changes nothing. The clock moves forward to the State's now (never
// back); the counters never go below the Cloud's own; the meter restarts
// from what the State holds.
func (s *store) restoreState(in State) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := &idGen{}
	ids.set(s.ids.counts())
	ids.raise(in.Counters.IDs)
	ld, err := s.loadState(in, ids)
	if err != nil {
		return err
	}
	fresh := ld.s
	s.clusters, s.order, s.tasks, s.taskOrder = fresh.clusters, fresh.order, fresh.tasks, fresh.taskOrder
	s.net, s.acct, s.failNext = fresh.net, fresh.acct, fresh.failNext
	s.hosts, s.idx, s.nodeSeq = fresh.hosts, fresh.idx, fresh.nodeSeq
	s.meter = newMeter(s.settings.meter)
	s.meter.eciSeq = ld.eciSeq
	s.ids.set(ids.counts())
	s.ids.take(ld.ids)
	for _, r := range ld.pendings {
		r.op.gen = &s.gen
		if r.run != nil {
			s.attachUpgradeLocked(r.c, r.run, r.op)
		} else if r.p == nil {
			s.attachClusterChangeLocked(r.c, r.op, r.op.data)
		} else {
			s.attachPoolChangeLocked(r.c, r.p, r.op, r.op.data)
		}
	}
	s.clock.Set(ld.now)
	for _, c := range s.order {
		s.meterSyncLocked(c, c.updated)
		mc := s.meter.byID[c.id]
		if mc.openECI == nil && len(ld.eci[c]) > 0 {
			mc.openECI = map[string]ordered[pricing.InstanceSpan]{}
		}
		if c.ready {
			// A cluster that ran once has its load balancer, NAT gateway
			// and EIP whatever its state now.
			s.meter.openResources(mc, c, c.updated)
		}
		for _, ci := range ld.eci[c] {
			mc.openECI[ci.ID] = ordered[pricing.InstanceSpan]{s.meter.next(), pricing.InstanceSpan{
				ClusterID: c.id, ID: ci.ID, MilliCPU: ci.MilliCPU, MemoryMiB: ci.MemoryMiB, From: cmp.Or(ci.Started, c.updated)}}
			mc.running = append(mc.running, ci.ID)
		}
	}
	s.changedLocked()
	return nil
}
