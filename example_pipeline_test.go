package ack_test

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/vclock"
)

// A read throttled once is retried after the TimeLeft the server asked for;
// the call succeeds on the second attempt. The virtual clock makes the wait
// instant.
func Example_retry() {
	clock := vclock.NewAuto()
	attempts := 0
	server := ack.TransportFunc(func(_ context.Context, req *ack.Request) (*ack.Response, error) {
		attempts++
		if attempts == 1 {
			return &ack.Response{
				StatusCode: http.StatusBadRequest,
				Header:     http.Header{"X-Ratelimit-User-Api": {"Limit:10,Remain:0,TimeLeft:1500"}},
				Body:       []byte(`{"code":"Throttling.Api","message":"flow control","requestId":"r-1"}`),
			}, nil
		}
		return &ack.Response{StatusCode: http.StatusOK, Body: []byte(`{"request_id":"r-2"}`)}, nil
	})
	cfg := ack.NewConfig(ack.WithTransport(server), ack.WithClock(clock),
		ack.WithRetry(ack.RetryPolicy{MaxAttempts: 3, BaseDelay: 200 * time.Millisecond, MaxDelay: 20 * time.Second}))
	start := clock.Now()
	resp, err := cfg.Do(context.Background(), &ack.Request{Action: "DescribeClusterDetail", Method: "GET", Path: "/clusters/c-1"})
	fmt.Println(resp.StatusCode, resp.RequestID, err)
	fmt.Println("attempts:", attempts, "waited:", clock.Now().Sub(start))
	// Output:
	// 200 r-2 <nil>
	// attempts: 2 waited: 1.5s
}
