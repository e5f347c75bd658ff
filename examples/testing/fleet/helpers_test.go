package fleet_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/examples/testing/fleet"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/nodepool"
)

// fleetTag marks the clusters of the fleet in every test.
var fleetTag = cluster.Tag{Key: "fleet", Value: "payments"}

// policy is the policy every test ensures: a pool "web" of at least three
// nodes in each cluster tagged fleet=payments.
func policy() fleet.Policy {
	return fleet.Policy{
		Tag:      fleetTag,
		Pool:     nodepool.Spec{Name: "web", InstanceTypes: []string{"ecs.g7.xlarge"}, KeyPair: "ops"},
		MinNodes: 3,
	}
}

// member is a cluster a test puts in the fake before the tool runs.
type member struct {
	name       string
	untagged   bool // not of the fleet
	pool       int  // the nodes of its pool "web"; -1 for no pool
	autoscaled bool // "web" is autoscaled from pool nodes to 10
	fail       bool // its creation fails
}

// seed creates the members through the SDK's own clients on cfg, as a
// user's setup would, waiting for each (on the fake's clock), and returns
// their cluster IDs by name. A member that fails is created failed.
func seed(t *testing.T, cloud *fake.Cloud, cfg *ack.Config, members ...member) map[string]string {
	t.Helper()
	ctx := context.Background()
	clusters := cluster.NewClient(cfg)
	ids := map[string]string{}
	for _, m := range members {
		spec := clusterSpec(m.name)
		if !m.untagged {
			spec.Tags = []cluster.Tag{fleetTag}
		}
		if m.pool >= 0 {
			p := policy().Pool
			p.VSwitchIDs = []string{"vsw-" + m.name}
			p.DesiredSize = m.pool
			if m.autoscaled {
				p.DesiredSize = 0
				p.AutoScaling = nodepool.AutoScaling{Enabled: true, Min: m.pool, Max: 10}
			}
			spec.NodePools = []nodepool.Spec{p}
		}
		if m.fail {
			cloud.FailNext(fake.ChangeCreateManaged, "ErrorCreatingCluster", "no capacity in the zone")
		}
		op, err := clusters.Create(ctx, spec)
		if err != nil {
			t.Fatalf("seed %s: %v", m.name, err)
		}
		ids[m.name] = op.ClusterID()
		if _, err := op.Wait(ctx); (err != nil) != m.fail {
			t.Fatalf("seed %s: wait: %v; want an error: %t", m.name, err, m.fail)
		}
	}
	return ids
}

// clusterSpec is a managed cluster in a VPC of its own: clusters that
// share a VPC need pod and Service ranges apart.
func clusterSpec(name string) cluster.Spec {
	vsw := "vsw-" + name
	return cluster.Spec{
		Name: name, Form: cluster.ManagedPro, VPCID: "vpc-" + name,
		VSwitches: []cluster.VSwitch{{ID: vsw}},
		Network:   cluster.Network{Plugin: cluster.Terway, PodVSwitchIDs: []string{vsw}},
	}
}

// ignoreIDs leaves the IDs the fake hands out and the errors out of a
// comparison of results: the tests check those apart.
var ignoreIDs = cmpopts.IgnoreFields(fleet.Result{}, "ClusterID", "PoolID", "Err")

// poolSizes reads, from the fake's own view, the size of the pool "web"
// of each cluster by name: -1 when it has none. It is what the tool left
// behind, whatever the tool reported.
func poolSizes(cloud *fake.Cloud) map[string]int {
	sizes := map[string]int{}
	for _, c := range cloud.Clusters() {
		sizes[c.Spec.Name] = -1
		for _, p := range cloud.NodePools(c.ID) {
			if p.Spec.Name == "web" {
				sizes[c.Spec.Name] = p.Nodes
			}
		}
	}
	return sizes
}

// countCalls counts the calls of an action in the fake's action log.
func countCalls(cloud *fake.Cloud, action string) int {
	n := 0
	for _, c := range cloud.Calls() {
		if c.Action == action {
			n++
		}
	}
	return n
}
