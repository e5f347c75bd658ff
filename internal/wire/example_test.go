package wire_test

import (
	"fmt"

	"github.com/ackgo/ack/internal/envelope"
	"github.com/ackgo/ack/internal/wire"
)

// A typed client builds its request from the route table; the fake routes
// the same request back to the action with the same table.
func Example() {
	req := wire.NewRequest(wire.ActionScaleClusterNodePool, "c-1", "np-1")
	fmt.Println(req.Method, req.Path, req.Retry)

	r, params, ok := wire.Match("POST", "/clusters/c-1/nodepools/np-1")
	fmt.Println(r.Action, params[wire.ParamClusterID], params[wire.ParamNodepoolID], ok)

	// The same path with another method is another API.
	r, _, _ = wire.Match("GET", "/clusters/c-1/nodepools/np-1")
	fmt.Println(r.Action, r.ResponseKind)

	// Output:
	// POST /clusters/c-1/nodepools/np-1 IfNotSent
	// ScaleClusterNodePool c-1 np-1 true
	// DescribeClusterNodePoolDetail Object
}

func ExampleRoute_Path() {
	r, _ := wire.Lookup(wire.ActionDescribeClusterDetail)
	fmt.Println(r.Path("c 1/2"))
	_, params, _ := wire.Match(r.Method, r.Path("c 1/2"))
	fmt.Printf("%q\n", params[wire.ParamClusterID])
	// Output:
	// /clusters/c%201%2F2
	// "c 1/2"
}

func ExampleDecodeError() {
	e, ok := envelope.DecodeError([]byte(`{"Code":"ErrorClusterNotFound","Message":"cluster c-1 not found","RequestId":"R-1"}`))
	fmt.Println(ok, e.Code, e.RequestID)
	_, ok = envelope.DecodeError([]byte(`{"cluster_id":"c-1","task_id":"T-1"}`))
	fmt.Println(ok)
	// Output:
	// true ErrorClusterNotFound R-1
	// false
}

func ExampleCreateClusterRequest_String() {
	req := wire.CreateClusterRequest{
		Name:          "prod",
		RegionID:      "cn-hangzhou",
		ClusterType:   "ManagedKubernetes",
		SNATEntry:     wire.Bool(false),
		LoginPassword: "Hello1234!",
	}
	fmt.Println(req)
	// Output:
	// CreateClusterRequest{"name":"prod","region_id":"cn-hangzhou","cluster_type":"ManagedKubernetes","snat_entry":false,"login_password":"[redacted]"}
}

func ExampleClusterDetail_DecodeMasterURL() {
	d, _ := wire.DecodeClusterDetail([]byte(`{"cluster_id":"c-1","name":"a","state":"running","size":3,"deletion_protection":false,
		"master_url":"{\"api_server_endpoint\":\"https://47.96.1.1:6443\",\"intranet_api_server_endpoint\":\"https://192.168.0.1:6443\"}"}`))
	m, _ := d.DecodeMasterURL()
	fmt.Println(m.APIServerEndpoint)
	// Output:
	// https://47.96.1.1:6443
}
