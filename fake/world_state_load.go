package fake

import (
	"cmp"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/nodepool"
)

// Loading a State: every part is judged by the rule the API's write of it
// runs (the cluster package's create rules with the fake's region rule,
// the nodepool package's create rules, the network's admission, the
// quotas' limits) and by the fake's own state rules (state_errors.go),
// into a staging store; only a State that passes replaces the world
// (restoreState, world_state.go).

// loader builds a staging store from a State.
type loader struct {
	s        *store // the staging store
	in       State
	now      time.Time
	ids      map[string]bool // every cluster, pool, node, task and container instance ID
	tasks    map[string]*taskRec
	tracked  map[string]bool // running tasks a change tracks
	eci      map[*clusterRec][]ContainerInstanceState
	eciSeq   int64
	pendings []restored
	seq      int64 // nodes numbered in the State's order
}

// restored is a running change to attach once the world is replaced.
type restored struct {
	c   *clusterRec
	p   *poolRec    // nil for a cluster's change
	run *upgradeRun // set for an upgrade's change
	op  *pending
}

// loadState judges a State and builds from it a staging store with the
// settings and clock of s, whose world it does not touch; ids holds the
// staging counters (s's, raised to the State's). The caller holds s's
// lock.
func (s *store) loadState(in State, ids *idGen) (*loader, error) {
	st, err := newStore(s.settings, ids, s.clock)
	if err != nil {
		return nil, err
	}
	st.net = newNetwork(s.settings.strict)
	ld := &loader{s: st, in: in, now: cmp.Or(in.Now, s.clock.Now()), ids: map[string]bool{}, tasks: map[string]*taskRec{},
		tracked: map[string]bool{}, eci: map[*clusterRec][]ContainerInstanceState{}}
	if s.clock.Now().After(ld.now) {
		ld.now = s.clock.Now()
	}
	if err := checkCounters(in.Counters); err != nil {
		return nil, err
	}
	if !reflect.ValueOf(in.Limits).IsZero() {
		if err := in.Limits.Validate(); err != nil {
			return nil, &StateError{Path: "limits", Err: err}
		}
		st.acct.limits = in.Limits
	}
	if !reflect.ValueOf(in.Account).IsZero() {
		st.acct.account = in.Account
	}
	for i, v := range in.Network.VPCs {
		if err := st.net.addVPC(v); err != nil {
			return nil, stateRule(fmt.Sprintf("network.vpcs[%d]", i), RuleStateNetwork, "id", "%v", err)
		}
	}
	for i, v := range in.Network.VSwitches {
		if err := st.net.addVSwitch(v); err != nil {
			return nil, stateRule(fmt.Sprintf("network.vswitches[%d]", i), RuleStateNetwork, "id", "%v", err)
		}
	}
	st.hosts = maxCounts(s.hosts, in.Counters.Addresses)
	for i, t := range in.Tasks {
		if err := ld.task(i, t); err != nil {
			return nil, err
		}
	}
	for i, c := range in.Clusters {
		if err := ld.cluster(i, c); err != nil {
			return nil, err
		}
	}
	for _, t := range in.Tasks {
		if t.State == cluster.TaskRunning && !ld.tracked[t.ID] {
			return nil, stateRule("tasks "+t.ID, RuleStateChange, "state", "task %s is running, but no change of cluster %s tracks it", t.ID, t.ClusterID)
		}
	}
	for _, r := range in.FailNext {
		st.failNext = append(st.failNext, failRule{change: r.Change, failure: r.Failure})
	}
	st.nodeSeq = max(s.nodeSeq, in.Counters.Nodes, ld.seq)
	ld.eciSeq = max(s.meter.eciSeq, in.Counters.ContainerInstances, ld.eciSeq)
	ld.skipTaken(ids)
	return ld, nil
}

// maxStateCount bounds every counter of a State: IDs, nodes, addresses
// and container instances counted past it could wrap around and be
// handed out again.
const maxStateCount = 1 << 40

// maxStateAddresses bounds a vSwitch's address counter: a worker's
// address is the vSwitch's base plus the count, within IPv4.
const maxStateAddresses = 1 << 24

// checkCounters refuses counters a Cloud could never reach, whose next
// count would wrap around (rule RuleStateKnown).
func checkCounters(c Counters) error {
	for _, k := range slices.Sorted(maps.Keys(c.IDs)) {
		if c.IDs[k] > maxStateCount {
			return stateRule("counters", RuleStateKnown, "ids."+k, "counts %d %s IDs; at most %d", c.IDs[k], k, uint64(maxStateCount))
		}
	}
	if c.Nodes < 0 || c.Nodes > maxStateCount {
		return stateRule("counters", RuleStateKnown, "nodes", "counts %d nodes; want 0 to %d", c.Nodes, int64(maxStateCount))
	}
	if c.ContainerInstances < 0 || c.ContainerInstances > maxStateCount {
		return stateRule("counters", RuleStateKnown, "container_instances", "counts %d container instances; want 0 to %d", c.ContainerInstances, int64(maxStateCount))
	}
	for _, k := range slices.Sorted(maps.Keys(c.Addresses)) {
		if n := c.Addresses[k]; n < 0 || n > maxStateAddresses {
			return stateRule("counters", RuleStateKnown, "addresses."+k, "counts %d addresses in vSwitch %q; want 0 to %d", n, k, maxStateAddresses)
		}
	}
	return nil
}

// maxCounts merges two counts, keeping the larger of each.
func maxCounts(a, b map[string]int) map[string]int {
	out := maps.Clone(a)
	if out == nil {
		out = map[string]int{}
	}
	for k, v := range b {
		out[k] = max(out[k], v)
	}
	return out
}

// claim records an ID, refusing an empty or repeated one.
func (ld *loader) claim(path, field, what, id string) error {
	if id == "" {
		return stateRule(path, RuleStateID, field, "the %s has no ID", what)
	}
	if ld.ids[id] {
		return stateRule(path, RuleStateID, field, "%s ID %s is used twice", what, id)
	}
	ld.ids[id] = true
	return nil
}

// task loads one task.
func (ld *loader) task(i int, t TaskState) error {
	path := fmt.Sprintf("tasks[%d]", i)
	if err := ld.claim(path, "id", "task", t.ID); err != nil {
		return err
	}
	if t.ClusterID == "" {
		return stateRule(path, RuleStateReference, "cluster_id", "task %s names no cluster", t.ID)
	}
	if !slices.Contains([]string{cluster.TaskRunning, cluster.TaskSuccess, cluster.TaskFailed}, t.State) {
		return stateRule(path, RuleStateKnown, "state", "task %s: state %q is none of running, success, failed", t.ID, t.State)
	}
	rec := &taskRec{id: t.ID, clusterID: t.ClusterID, poolID: t.NodePoolID, taskType: t.Type, state: t.State,
		created: cmp.Or(t.Created, ld.now), err: cloneFailure(t.Error), params: jsonParams(t.Params)}
	rec.updated = cmp.Or(t.Updated, rec.created)
	ld.tasks[t.ID] = rec
	ld.s.tasks[t.ID] = rec
	ld.s.taskOrder = append(ld.s.taskOrder, t.ID)
	return nil
}

// cluster loads one cluster with its pools, nodes, container instances
// and changes.
func (ld *loader) cluster(i int, cs ClusterState) error {
	s := ld.s
	path := fmt.Sprintf("clusters[%d]", i)
	if cs.ID != "" {
		path += " " + cs.ID
	}
	if err := ld.claim(path, "id", "cluster", cs.ID); err != nil {
		return err
	}
	if !cs.State.Known() || cs.State == cluster.StateDeleted {
		return stateRule(path, RuleStateKnown, "state", "cluster state %q does not exist in a State (deleted clusters are gone)", cs.State)
	}
	if len(cs.Spec.NodePools) > 0 {
		return stateRule(path, RuleStateSpecPools, "spec.node_pools", "a cluster's node pools go in node_pools, not in its spec")
	}
	req := clusterWire.CreateRequest(cs.Spec)
	req.ClusterType = cmp.Or(cs.ClusterType, req.ClusterType)
	req.Profile = cmp.Or(cs.Profile, req.Profile)
	req.ClusterSpec = cmp.Or(cs.ClusterSpec, req.ClusterSpec)
	nr := createNetRequest(req)
	req.VPCID = s.net.inferVPC(req.VPCID, nr.vswitchIDs)
	nr.vpcID = req.VPCID
	spec, _, err := s.checkCreateRulesLocked(req)
	if err != nil {
		return &StateError{Path: path, Err: err}
	}
	var e *Error
	if spec.Form != cs.Spec.Form {
		return stateRule(path, RuleStateKnown, "cluster_type", "form fields %s/%s/%s make a %s cluster, not the spec's %s", req.ClusterType, req.Profile, req.ClusterSpec, spec.Form, cs.Spec.Form)
	}
	if spec.KubernetesVersion == "" {
		if spec.KubernetesVersion, e = s.createVersionLocked("", ld.now); e != nil {
			return refused(path, e)
		}
	}
	nr.podCIDR, nr.serviceCIDR = spec.Network.PodCIDR, spec.ServiceCIDR
	plan, e := s.net.admit(nr, s.cidrOverlapsLocked(nr.vpcID, nr.podCIDR, nr.serviceCIDR), &idGen{})
	if e != nil {
		return refused(path, e)
	}
	s.net.commit(plan)
	spec = spec.WithZones(s.net.zoneOf)
	extra, field, err := extraOf(cs.Extra, spec.KubernetesVersion)
	if err != nil {
		return stateRule(path, RuleStateKnown, field, "%v", err)
	}
	rec := &clusterRec{
		id: cs.ID, spec: spec, created: cmp.Or(cs.Created, ld.now), state: cs.State,
		ready: cs.Ready || (cs.State != cluster.StateInitial && cs.State != cluster.StateFailed), wireType: req.ClusterType, profile: req.Profile, clusterSpec: req.ClusterSpec,
		extra: extra, lastTask: cs.LastTask, failNext: cloneFailure(cs.FailNext),
	}
	rec.updated = cmp.Or(cs.Updated, rec.created)
	if rec.wireType != cluster.ClusterTypeAsk {
		rec.profile = cmp.Or(rec.profile, cluster.ProfileDefault)
		if rec.clusterSpec == "" && rec.wireType == cluster.ClusterTypeManaged {
			rec.clusterSpec = cluster.SpecStandard
		}
	}
	if rec.extra.securityGroupID == "" && spec.Form.HasNodes() {
		rec.extra.securityGroupID = "sg-" + s.ids.hexID("sg", 20)
	}
	rec.extra.intranetEndpoint = cmp.Or(rec.extra.intranetEndpoint, "https://"+s.net.hostIP(firstVSwitch(spec), 2)+":6443")
	rec.extra.publicEndpoint = cmp.Or(rec.extra.publicEndpoint, "https://"+rec.id+"."+spec.Region+".cs.fake.invalid:6443")
	if len(cs.PoolVersions) > 0 {
		rec.upgradesOf().pools = maps.Clone(cs.PoolVersions)
	}
	maxPods := 0
	for j, ps := range cs.NodePools {
		if err := ld.pool(fmt.Sprintf("%s.node_pools[%d]", path, j), rec, ps); err != nil {
			return err
		}
		maxPods = max(maxPods, rec.pools[j].spec.MaxPods)
	}
	for j, ns := range cs.Nodes {
		if err := ld.node(fmt.Sprintf("%s.nodes[%d]", path, j), rec, ns); err != nil {
			return err
		}
	}
	// The account's quotas are not judged here: a quota lowered after a
	// cluster was made (SetLimits, /_fake/limits) leaves what exists, so
	// a state the fake reaches may hold more than its limits, and must
	// load again. They judge the next write.
	rec.cidrs = cidrUsesOf(rec.id, spec)
	s.addClusterLocked(rec)
	if err := ld.instances(path, rec, cs.ContainerInstances); err != nil {
		return err
	}
	if err := ld.upgrade(path, rec, cs.Upgrade); err != nil {
		return err
	}
	if err := ld.clusterChange(path, rec, cs.Change); err != nil {
		return err
	}
	for j, ps := range cs.NodePools {
		if err := ld.poolChange(fmt.Sprintf("%s.node_pools[%d]", path, j), rec, rec.pools[j], ps); err != nil {
			return err
		}
	}
	return nil
}

// pool loads one node pool of rec (its change comes later, once the
// nodes are loaded).
func (ld *loader) pool(path string, rec *clusterRec, ps NodePoolState) error {
	s := ld.s
	if err := ld.claim(path, "id", "node pool", ps.ID); err != nil {
		return err
	}
	if rec.spec.Form == cluster.Serverless {
		return stateRule(path, cluster.RuleServerlessNodePools, "node_pools", "cluster %s is serverless, %s", rec.id, serverlessHasNoPools)
	}
	if !ps.State.Known() {
		return stateRule(path, RuleStateKnown, "state", "node pool state %q does not exist", ps.State)
	}
	spec, err := poolWire.CheckCreate(poolWire.CreateRequest(ps.Spec))
	if err != nil {
		return &StateError{Path: path, Err: err}
	}
	plan, e := s.net.admit(poolNetRequest(rec, spec.VSwitchIDs), nil, &idGen{})
	if e != nil {
		return refused(path, e)
	}
	s.net.commit(plan)
	p := &poolRec{
		id: ps.ID, clusterID: rec.id, spec: spec, scalingGroupID: ps.ScalingGroupID, isDefault: ps.Default,
		created: cmp.Or(ps.Created, rec.created), state: ps.State, lastTask: ps.LastTask, failNext: cloneFailure(ps.FailNext),
	}
	p.updated = cmp.Or(ps.Updated, p.created)
	if p.scalingGroupID == "" {
		p.scalingGroupID = s.ids.scalingGroup()
	}
	if ps.Demand != nil {
		// Judged as SetDemand judges it.
		switch {
		case *ps.Demand < 0:
			return stateRule(path, RuleStateKnown, "demand", "node pool %s: %s", ps.ID, negativeDemand(*ps.Demand))
		case !p.spec.AutoScaling.Enabled:
			return stateRule(path, RuleStateKnown, "demand", "node pool %s: a demand, but %s", ps.ID, demandWithoutAutoscaling(p))
		}
		p.demand, p.hasDemand = *ps.Demand, true
	}
	rec.pools = append(rec.pools, p)
	return nil
}

// node loads one node of rec.
func (ld *loader) node(path string, rec *clusterRec, ns NodeState) error {
	s := ld.s
	if err := ld.claim(path, "instance_id", "node", ns.InstanceID); err != nil {
		return err
	}
	if rec.spec.Form == cluster.Serverless {
		return stateRule(path, RuleStateReference, "nodes", "cluster %s is serverless, which has no nodes", rec.id)
	}
	switch ns.Role {
	case roleMaster:
		if ns.State != "" || ns.NodePoolID != "" {
			return stateRule(path, RuleStateKnown, "state", "master %s has a state (%q) or a pool (%q); a master's state is its cluster's", ns.InstanceID, ns.State, ns.NodePoolID)
		}
	case roleWorker:
		if !slices.Contains([]string{nodeInitial, nodeRunning, nodeRemoving, nodeFailed}, ns.State) {
			return stateRule(path, RuleStateKnown, "state", "worker %s: state %q is none of initial, running, removing, failed", ns.InstanceID, ns.State)
		}
	default:
		return stateRule(path, RuleStateKnown, "role", "node %s: role %q is neither Master nor Worker", ns.InstanceID, ns.Role)
	}
	if ns.NodePoolID != "" && !slices.ContainsFunc(rec.pools, func(p *poolRec) bool { return p.id == ns.NodePoolID }) {
		return stateRule(path, RuleStateReference, "nodepool_id", "node %s names node pool %s, which cluster %s does not have", ns.InstanceID, ns.NodePoolID, rec.id)
	}
	n := &nodeRec{
		instanceID: ns.InstanceID, name: ns.Name, clusterID: rec.id, nodepoolID: ns.NodePoolID, role: ns.Role,
		instanceType: ns.InstanceType, vswitchID: ns.VSwitchID, ip: ns.IP, chargeType: cmp.Or(ns.ChargeType, string(nodepool.DefaultChargeType)),
		created: cmp.Or(ns.Created, rec.created), origin: ns.Origin, state: ns.State,
	}
	if n.name == "" {
		n.name = "worker-k8s-for-cs-" + rec.id
	}
	if n.ip == "" {
		s.hosts[n.vswitchID]++
		n.ip = s.net.hostIP(n.vswitchID, workerHostBase+s.hosts[n.vswitchID])
	}
	for _, o := range rec.nodes {
		if o.ip == n.ip {
			return stateRule(path, RuleStateID, "ip", "nodes %s and %s of cluster %s share address %s (and node name)", o.instanceID, n.instanceID, rec.id, n.ip)
		}
	}
	ld.seq++
	n.seq = ld.seq
	rec.nodes = append(rec.nodes, n)
	return nil
}

// instances loads the running container instances of rec, on a cluster
// that can host them (the quota, as for clusters, is not judged).
func (ld *loader) instances(path string, rec *clusterRec, cis []ContainerInstanceState) error {
	if len(cis) == 0 {
		return nil
	}
	if e := containerHost(rec); e != nil {
		return refused(path, e)
	}
	for j, ci := range cis {
		p := fmt.Sprintf("%s.container_instances[%d]", path, j)
		if err := ld.claim(p, "id", "container instance", ci.ID); err != nil {
			return err
		}
		if ci.MilliCPU <= 0 || ci.MemoryMiB <= 0 {
			return stateRule(p, RuleStateKnown, "milli_cpu", "container instance %s: want resources above zero, not %d millicores and %d MiB", ci.ID, ci.MilliCPU, ci.MemoryMiB)
		}
		// The fake names an instance eci-<its cluster>-<count>, counts
		// shared by every cluster: an ID of another form, or naming
		// another cluster, could be handed out again.
		n, ok := strings.CutPrefix(ci.ID, "eci-"+rec.id+"-")
		k, err := strconv.ParseInt(n, 10, 64)
		if !ok || err != nil || k < 1 || k > maxStateCount {
			return stateRule(p, RuleStateID, "id", "container instance ID %q is not eci-%s-<count> (a count from 1 to %d)", ci.ID, rec.id, int64(maxStateCount))
		}
		ld.eciSeq = max(ld.eciSeq, k)
	}
	rec.containerInstances = len(cis)
	ld.eci[rec] = cis
	return nil
}

// skipTaken raises the counters of the kinds whose IDs the State holds
// past every count whose ID is taken within a window ahead of them (so
// that the counters a snapshot saves account for them); IDs further
// ahead, in a State written by hand with IDs copied from another run, are
// skipped when their count comes (idGen.take, in restoreState).
func (ld *loader) skipTaken(ids *idGen) {
	kinds := []struct {
		kind, prefix string
		digits       int
	}{{"cluster", "c", 32}, {"nodepool", "np", 32}, {"instance", "i-", 20}, {"task", "T-", 24}, {"asg", "asg-", 20}}
	for _, c := range ld.s.order {
		for _, p := range c.pools {
			ld.ids[p.scalingGroupID] = true
		}
	}
	counts := ids.counts()
	for _, k := range kinds {
		n := counts[k.kind]
		last := n
		for c := n + 1; c <= n+uint64(len(ld.ids))+16; c++ {
			h := digest(k.kind, c)
			if ld.ids[k.prefix+string(h[:k.digits])] {
				last = c
			}
		}
		if last > n {
			ids.raise(map[string]uint64{k.kind: last})
		}
	}
}
