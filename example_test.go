package ack_test

import (
	"context"
	"fmt"
	"net/http"

	"github.com/ackgo/ack"
)

// NewConfig wires any Transport into the pipeline; here a function that
// answers like ACK. Do returns the response, or an *APIError for an error
// answer.
func ExampleNewConfig() {
	transport := ack.TransportFunc(func(_ context.Context, req *ack.Request) (*ack.Response, error) {
		if req.Path != "/clusters/c-1" {
			return &ack.Response{
				StatusCode: http.StatusNotFound,
				Body:       []byte(`{"code":"ErrorClusterNotFound","message":"cluster not found","requestId":"r-2"}`),
			}, nil
		}
		return &ack.Response{
			StatusCode: http.StatusOK,
			Header:     http.Header{"X-Acs-Request-Id": {"r-1"}},
			Body:       []byte(`{"cluster_id":"c-1","state":"running"}`),
		}, nil
	})
	cfg := ack.NewConfig(ack.WithRegion("cn-hangzhou"), ack.WithTransport(transport))

	resp, err := cfg.Do(context.Background(), &ack.Request{
		Action: "DescribeClusterDetail", Method: http.MethodGet, Path: "/clusters/c-1", Retry: ack.Safe,
	})
	fmt.Println(resp.StatusCode, resp.RequestID, string(resp.Body), err)

	_, err = cfg.Do(context.Background(), &ack.Request{
		Action: "DescribeClusterDetail", Method: http.MethodGet, Path: "/clusters/c-404", Retry: ack.Safe,
	})
	fmt.Println(ack.IsNotFound(err))
	fmt.Println(err)
	// Output:
	// 200 r-1 {"cluster_id":"c-1","state":"running"} <nil>
	// true
	// DescribeClusterDetail: HTTP 404 ErrorClusterNotFound: cluster not found (request id r-2)
}

// Options set on the Config apply to every call; the same options passed to
// Do change one call only: here, no retry for this call.
func ExampleConfig_Do() {
	attempts := 0
	transport := ack.TransportFunc(func(context.Context, *ack.Request) (*ack.Response, error) {
		attempts++
		return &ack.Response{StatusCode: http.StatusServiceUnavailable}, nil
	})
	cfg := ack.NewConfig(ack.WithTransport(transport))

	_, err := cfg.Do(context.Background(), &ack.Request{Action: "DescribeUserQuota", Method: http.MethodGet, Path: "/quota"},
		ack.WithMaxAttempts(1))
	fmt.Println(attempts, err)
	// Output:
	// 1 DescribeUserQuota: HTTP 503: Service Unavailable
}
