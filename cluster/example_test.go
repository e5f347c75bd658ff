package cluster_test

import (
	"errors"
	"fmt"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
)

func Example() {
	s := cluster.Spec{
		Name:      "-prod",
		Region:    "cn-hangzhou",
		Form:      cluster.ManagedPro,
		VPCID:     "vpc-1",
		VSwitches: []cluster.VSwitch{{ID: "vsw-1", Zone: "cn-hangzhou-k"}},
		Network: cluster.Network{
			Plugin:       cluster.Flannel,
			PodCIDR:      "172.16.0.0/12",
			NodeCIDRMask: 23,
		},
		SNAT: cluster.Bool(false),
	}
	err := cluster.Validate(s)
	var ve *ack.ValidationError
	if errors.As(err, &ve) {
		for _, v := range ve.Violations {
			fmt.Println(v)
		}
	}
	fmt.Println("an invalid request:", errors.Is(err, ack.ErrInvalid))
	// Output:
	// name: must not start with '-' [cluster.name.format]
	// network.pod_cidr: 172.16.0.0/12 overlaps the Service CIDR 172.19.0.0/20 [cluster.cidr.overlap]
	// network.node_cidr_mask: is 23, which gives 512 pods per node; at most 256 are allowed (mask 24 to 28) [cluster.network.node_cidr_mask]
	// snat: is false, but ManagedPro clusters must create a NAT gateway [cluster.nat.required]
	// an invalid request: true
}

func ExampleCheckChange() {
	old := cluster.Spec{
		Name: "prod", Region: "cn-hangzhou", Form: cluster.ManagedBasic, VPCID: "vpc-1",
		VSwitches: []cluster.VSwitch{{ID: "vsw-1", Zone: "cn-hangzhou-k"}},
		Network:   cluster.Network{Plugin: cluster.Terway},
	}
	desired := old.Clone()
	desired.Name = "prod-2"
	desired.PublicEndpoint = true
	desired.VSwitches = append(desired.VSwitches, cluster.VSwitch{ID: "vsw-2", Zone: "cn-hangzhou-j"})

	fmt.Println(cluster.CheckChange(old, desired, cluster.WithPreset(cluster.PresetProduct)))

	desired.VSwitches = old.VSwitches
	fmt.Println(cluster.CheckChange(old, desired, cluster.WithPreset(cluster.PresetCurrent)))
	req, _ := clusterWire.ModifyRequest(old, desired)
	fmt.Println(req.ClusterName, *req.APIServerEIP)
	// Output:
	// cluster "prod": invalid (2 rules broken): vswitches: span zones [cn-hangzhou-j cn-hangzhou-k]; a single-zone cluster cannot become multi-zone [cluster.immutable.multi_zone]; public_endpoint: is added; the API server cannot be exposed to the internet after creation [cluster.immutable.public_endpoint]
	// <nil>
	// prod-2 true
}
