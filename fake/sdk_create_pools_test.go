package fake_test

import (
	"slices"
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/cs"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/nodepool"
)

// TestOfficialSDKCreateWithTypedNodePools sends, with the official Go SDK
// over HTTP, the CreateCluster body that cluster.Client writes for a Spec
// with two typed node pools, and finds both pools on the cluster.
func TestOfficialSDKCreateWithTypedNodePools(t *testing.T) {
	srv := startServer(t)
	client := newSDKClient(t, srv, testAK, testSecret)
	pool := func(name string, size int) nodepool.Spec {
		return nodepool.Spec{Name: name, VSwitchIDs: []string{"vsw-typed"}, InstanceTypes: []string{"ecs.g7.xlarge"}, DesiredSize: size, KeyPair: "ops"}
	}
	spec := cluster.Spec{
		Name: "sdk-typed-pools", Region: "cn-hangzhou", Form: cluster.ManagedPro,
		VPCID: "vpc-typed", VSwitches: []cluster.VSwitch{{ID: "vsw-typed"}},
		Network:   cluster.Network{Plugin: cluster.Flannel, PodCIDR: "172.20.0.0/16"},
		SNAT:      cluster.Bool(true),
		NodePools: []nodepool.Spec{pool("web", 2), pool("batch", 3)},
	}
	id := client.create(t, clusterWire.CreateRequest(spec)).ClusterId
	client.waitCluster(t, id)

	list := cs.CreateDescribeClusterNodePoolsRequest()
	client.point(list.RoaRequest)
	list.ClusterId = id
	listed, err := client.DescribeClusterNodePools(list)
	if err != nil {
		t.Fatal(err)
	}
	pools, err := wire.Decode[wire.DescribeNodePoolsResponse](listed.GetHttpContentBytes())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range pools.Nodepools {
		names = append(names, p.NodepoolInfo.Name)
	}
	slices.Sort(names)
	if !slices.Equal(names, []string{"batch", "web"}) {
		t.Fatalf("pools %v, want batch and web", names)
	}
}
