package quota_test

import (
	"errors"
	"fmt"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/quota"
)

// A team with two serverless clusters and a nearly full managed cluster
// plans a third serverless cluster and a bigger managed cluster. Check
// lists every limit the plan would break, and says which can be raised.
func Example() {
	limits := quota.ProductDefaults()
	usage := quota.Usage{
		Account: quota.Account{RealNameVerified: true, Balance: yuan(60), Vouchers: fen(25_50)},
		Clusters: []quota.ClusterUsage{
			{ID: "c-prod", Kind: quota.Managed, Nodes: 36, NodePools: 4},
			{ID: "c-ci", Kind: quota.Serverless, ContainerInstances: 120},
			{ID: "c-batch", Kind: quota.Serverless, ContainerInstances: 280},
		},
	}
	plan := quota.Plan{
		Create: []quota.NewCluster{{Name: "ci-2", Kind: quota.Serverless}},
		Change: []quota.ClusterChange{
			{ClusterID: "c-prod", AddNodes: 6, AddNodePools: 1, PodsPerNode: 300},
			{ClusterID: "c-batch", AddContainerInstances: 10},
		},
	}

	vs := quota.Check(limits, usage, plan)
	for _, v := range vs {
		fmt.Printf("%s %s: %s\n", v.Code, v.Scope, v.HowToRaise())
	}

	err := vs.Err()
	fmt.Println("quota error:", errors.Is(err, ack.ErrQuotaExceeded))
	fmt.Println(err)
	// Output:
	// InsufficientBalance account: submit a ticket
	// QuotaExceeded.ServerlessCluster account: submit a ticket
	// QuotaExceeded.Node cluster c-prod: submit a ticket
	// QuotaExceeded.PodsPerNode cluster c-prod: cannot be raised
	// quota error: true
	// quota exceeded (4 limits): account: balance, vouchers and credit for pay-as-you-go resources: 85.50 CNY available is below the minimum of 100.00 CNY (submit a ticket) [account.pay_as_you_go_funds]; account: serverless clusters per account: 2 used + 1 needed exceeds the limit of 2 (submit a ticket) [quota.serverless_clusters]; cluster c-prod: nodes per cluster (masters and workers): 36 used + 6 needed exceeds the limit of 40 (submit a ticket) [quota.nodes_per_cluster]; cluster c-prod: pods per node: 300 requested exceeds the limit of 256 (cannot be raised) [quota.pods_per_node]
}

func ExampleCheckPodsPerNode() {
	fmt.Println(quota.CheckPodsPerNode(110))
	fmt.Println(quota.CheckPodsPerNode(300))
	// Output:
	// <nil>
	// quota exceeded: pods per node: 300 requested exceeds the limit of 256 (cannot be raised) [quota.pods_per_node]
}
