package fake

import (
	"slices"
	"time"

	"github.com/ackgo/ack/nodepool"
)

// The states of a worker node, as DescribeClusterNodes reports them and
// filters them (state=initial, running, removing, failed).
const (
	// nodeInitial: the node is being created.
	nodeInitial = "initial"
	// nodeRunning: the node serves.
	nodeRunning = "running"
	// nodeRemoving: the node is being removed.
	nodeRemoving = "removing"
	// nodeFailed: the change that created the node failed.
	nodeFailed = "failed"
)

// roleWorker and roleMaster are a node's instance_role.
const (
	roleWorker = "Worker"
	roleMaster = "Master"
)

// workerHostBase is the first host number of worker addresses in a
// vSwitch; masters take 10 onwards.
const workerHostBase = 100

// workerSpec is what a new worker node is made of.
type workerSpec struct {
	poolID       string
	vswitchIDs   []string // placed round-robin; may be empty
	instanceType string
	chargeType   string
	origin       nodepool.Origin
}

// addWorkersLocked creates n worker nodes of cluster c in state initial,
// records them in the cluster's node list and returns them. Each gets an
// instance ID, an address in its vSwitch (the node is named
// "<region>.<address>"), the creation time now and the next creation
// order.
func (s *store) addWorkersLocked(c *clusterRec, w workerSpec, n int, now time.Time) []*nodeRec {
	if n <= 0 {
		return []*nodeRec{}
	}
	// The batch's records, instance IDs and addresses each share one
	// allocation: a fleet of 10,000 clusters holds 400,000 nodes, and one
	// object a node instead of three keeps the garbage collector's marking
	// of the fleet short.
	recs := make([]nodeRec, n)
	ids := make([]byte, 0, n*instanceIDLen)
	ips := make([]byte, 0, n*len("255.255.255.255"))
	ipEnds := make([]int, n)
	name := "worker-k8s-for-cs-" + c.id // one string for every node of the cluster
	charge := w.chargeType
	if charge == "" {
		charge = string(nodepool.DefaultChargeType)
	}
	for i := range recs {
		s.nodeSeq++
		vsw := ""
		if len(w.vswitchIDs) > 0 {
			vsw = w.vswitchIDs[uint64(s.nodeSeq)%uint64(len(w.vswitchIDs))]
		}
		s.hosts[vsw]++
		ids = s.ids.appendInstance(ids)
		ips = s.net.appendHostIP(ips, vsw, workerHostBase+s.hosts[vsw])
		ipEnds[i] = len(ips)
		recs[i] = nodeRec{
			clusterID: c.id, nodepoolID: w.poolID, role: roleWorker,
			name:         name,
			instanceType: w.instanceType, vswitchID: vsw, chargeType: charge,
			created: now, seq: s.nodeSeq, origin: w.origin, state: nodeInitial,
		}
	}
	allIDs, allIPs := string(ids), string(ips)
	out := make([]*nodeRec, n)
	c.nodes = slices.Grow(c.nodes, n)
	from := 0
	for i := range recs {
		node := &recs[i]
		node.instanceID = allIDs[i*instanceIDLen : (i+1)*instanceIDLen]
		node.ip, from = allIPs[from:ipEnds[i]], ipEnds[i]
		c.nodes = append(c.nodes, node)
		out[i] = node
	}
	return out
}

// dropNodeLocked forgets a node of cluster c.
func (s *store) dropNodeLocked(c *clusterRec, n *nodeRec) {
	n.dropped = true
	c.nodes = slices.DeleteFunc(c.nodes, func(x *nodeRec) bool { return x == n })
}

// clusterNodesLocked returns the nodes of cluster c, in creation order.
func (s *store) clusterNodesLocked(c *clusterRec) []*nodeRec {
	return slices.Clone(c.nodes)
}

// poolNodesLocked returns the nodes of pool p, in creation order.
func (s *store) poolNodesLocked(c *clusterRec, p *poolRec) []*nodeRec {
	var out []*nodeRec
	for _, n := range s.clusterNodesLocked(c) {
		if n.nodepoolID == p.id {
			out = append(out, n)
		}
	}
	return out
}

// endNodes settles the nodes of a change that ended: on success the nodes
// it added run and the nodes it removed go (drop forgets one); on failure
// the nodes it added fail and the nodes it was removing run again.
func endNodes(added, removed []*nodeRec, failed bool, drop func(*nodeRec)) {
	for _, n := range added {
		switch {
		case failed:
			n.state = nodeFailed
		case n.state == nodeInitial:
			n.state = nodeRunning
		}
	}
	for _, n := range removed {
		if failed {
			n.state = nodeRunning
		} else {
			drop(n)
		}
	}
}

// setState puts nodes in a state.
func setState(nodes []*nodeRec, state string) {
	for _, n := range nodes {
		n.state = state
	}
}

// scaleNode is a node as the nodepool package's scale-in choice sees it.
func (n *nodeRec) scaleNode(region string) nodepool.Node {
	return nodepool.Node{
		InstanceID: n.instanceID, Name: nodeName(region, n.ip), InstanceType: n.instanceType,
		Origin: n.origin, Created: n.created, Seq: n.seq, State: n.state,
		PoolID: n.nodepoolID, Role: n.role, ChargeType: n.chargeType,
	}
}

// nodeName is a node's Kubernetes name, "<region>.<address>", for example
// "cn-hangzhou.192.168.0.101".
func nodeName(region, ip string) string { return region + "." + ip }
