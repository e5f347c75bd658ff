package main

import (
	"context"
	"fmt"
	"os"
)

// Example tells the whole story: the plan refused with every limit it
// breaks and the fix for each, then the fixed plan passing and created.
func Example() {
	if err := run(context.Background(), nil, os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// the account runs cluster prod (cc794f8ee8e2e2974ebd3b91c9b2c6529) with 36 nodes; quotas: 10 clusters, 40 nodes per cluster, 256 pods per node
	// the account: real-name verified, 85.50 CNY of funds
	//
	// the plan: cluster "staging" with pool "staging-web" (3 nodes, 300 pods each); pool "batch" (6 nodes) on prod
	// preflight read DescribeUserQuota, DescribeClustersV1, DescribeClusterNodes, DescribeClusterNodePools
	// refused before anything was created (quota exceeded: true, code InsufficientBalance):
	//   account: balance, vouchers and credit for pay-as-you-go resources: 85.50 CNY available is below the minimum of 100.00 CNY (submit a ticket) [account.pay_as_you_go_funds]
	//     fix: top up the account to at least 100.00 CNY (balance, vouchers and credit count)
	//   new cluster "staging": pods per node: 300 requested exceeds the limit of 256 (cannot be raised) [quota.pods_per_node]
	//     fix: ask for at most 256 pods per node: this limit cannot be raised
	//   cluster cc794f8ee8e2e2974ebd3b91c9b2c6529: nodes per cluster (masters and workers): 36 used + 6 needed exceeds the limit of 40 (submit a ticket) [quota.nodes_per_cluster]
	//     fix: put the new pool in the new cluster, or submit a ticket to raise the limit
	//
	// the fixed plan: cluster "staging" with pools "staging-web" (3 nodes, 128 pods each) and "batch" (6 nodes);
	//   the account topped up to 225.50 CNY
	// preflight read DescribeUserQuota, DescribeClustersV1
	// passed: every limit holds
	// created cluster staging (ca126cd8eb7d68f788c54118cac207b5e) with 2 node pools
	// the account now uses 2 of 10 clusters:
	//   cc794f8ee8e2e2974ebd3b91c9b2c6529: 36 of 40 nodes, 1 of 20 node pools
	//   ca126cd8eb7d68f788c54118cac207b5e: 9 of 40 nodes, 2 of 20 node pools
}
