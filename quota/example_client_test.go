package quota_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/quota"
)

// A transport that answers the three reads a preflight of this plan needs
// with canned ACK answers, and logs each call. In a test, fake.Cloud's
// transport plays this part.
func cannedACK(log *[]string) ack.Transport {
	answers := map[string]string{
		"/quota": `{"cluster_quota":10,"amk_cluster_quota":10,"ask_cluster_quota":2,"node_quota":40,"cluster_nodepool_quota":20}`,
		"/api/v1/clusters": `{"clusters":[
			{"cluster_id":"c-prod","cluster_type":"ManagedKubernetes","profile":"Default","state":"running"},
			{"cluster_id":"c-ci","cluster_type":"ManagedKubernetes","profile":"Serverless","state":"running"},
			{"cluster_id":"c-batch","cluster_type":"Ask","state":"running"}],
			"page_info":{"page_number":1,"page_size":50,"total_count":3}}`,
		"/clusters/c-prod/nodes": `{"nodes":[{"instance_id":"i-1","state":"running"}],"page":{"page_number":1,"page_size":1,"total_count":38}}`,
	}
	return ack.TransportFunc(func(_ context.Context, req *ack.Request) (*ack.Response, error) {
		*log = append(*log, req.Action)
		body, ok := answers[req.Path]
		if !ok {
			return &ack.Response{StatusCode: http.StatusNotFound, Body: []byte(`{"code":"ErrorClusterNotFound"}`)}, nil
		}
		return &ack.Response{StatusCode: http.StatusOK, Body: []byte(body)}, nil
	})
}

// Preflight checks a plan against the live quotas before anything is
// created: here a third serverless cluster and three more nodes on a
// cluster that has 38 of 40. It reads only what the plan needs and
// changes nothing.
func ExampleClient_Preflight() {
	var calls []string
	cfg := ack.NewConfig(ack.WithTransport(cannedACK(&calls)))
	client := quota.NewClient(cfg)

	err := client.Preflight(context.Background(), quota.Plan{
		Create: []quota.NewCluster{{Name: "ci-2", Kind: quota.Serverless}},
		Change: []quota.ClusterChange{{ClusterID: "c-prod", AddNodes: 3}},
	})

	var exceeded *quota.ExceededError
	if errors.As(err, &exceeded) {
		for _, v := range exceeded.Violations {
			fmt.Printf("%s: %s: %d used + %d needed > %d (%s)\n", v.Scope, v.ID.Title(), v.Used, v.Need, v.Limit, v.HowToRaise())
		}
	}
	fmt.Println("quota exceeded:", ack.IsQuotaExceeded(err))
	fmt.Println("calls:", calls)
	// Output:
	// account: serverless clusters per account: 2 used + 1 needed > 2 (submit a ticket)
	// cluster c-prod: nodes per cluster (masters and workers): 38 used + 3 needed > 40 (submit a ticket)
	// quota exceeded: true
	// calls: [DescribeUserQuota DescribeClustersV1 DescribeClusterNodes]
}

// Limits reads the account's quotas, laid over a preset for what the API
// does not report.
func ExampleClient_Limits() {
	var calls []string
	cfg := ack.NewConfig(ack.WithTransport(cannedACK(&calls)))
	limits, err := quota.NewClient(cfg, quota.WithBase(quota.CurrentDefaults())).Limits(context.Background())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("clusters:", limits.Clusters.Max, "nodes per cluster:", limits.NodesPerCluster.Max, "pods per node:", limits.PodsPerNode.Max)
	// Output:
	// clusters: 10 nodes per cluster: 40 pods per node: 256
}
