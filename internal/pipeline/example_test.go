package pipeline_test

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/ackgo/ack/internal/core"
	"github.com/ackgo/ack/internal/pipeline"
	"github.com/ackgo/ack/internal/vclock"
)

// A read throttled once is retried after the server's TimeLeft; the call
// succeeds on the second attempt.
func Example() {
	clock := vclock.NewAuto()
	attempts := 0
	server := core.TransportFunc(func(_ context.Context, req *core.Request) (*core.Response, error) {
		attempts++
		if attempts == 1 {
			return &core.Response{
				StatusCode: http.StatusBadRequest,
				Header:     http.Header{"X-Ratelimit-User-Api": {"Limit:10,Remain:0,TimeLeft:1500"}},
				Body:       []byte(`{"code":"Throttling.Api","message":"flow control","requestId":"r-1"}`),
			}, nil
		}
		return &core.Response{StatusCode: http.StatusOK, Body: []byte(`{"request_id":"r-2"}`)}, nil
	})
	p := pipeline.New(pipeline.Settings{
		Transport: server,
		Clock:     clock,
		UserAgent: "ackgo/example",
		Retry:     pipeline.RetryPolicy{MaxAttempts: 3, BaseDelay: 200 * time.Millisecond, MaxDelay: 20 * time.Second},
		Budget:    pipeline.NewBudget(pipeline.BudgetPolicy{Capacity: 500, RetryCost: 5, TimeoutCost: 10, SuccessRefill: 1}),
	})
	start := clock.Now()
	resp, err := p.RoundTrip(context.Background(), &core.Request{Action: "DescribeClusterDetail", Method: "GET", Path: "/clusters/c-1"})
	fmt.Println(resp.StatusCode, resp.RequestID, err)
	fmt.Println("attempts:", attempts, "waited:", clock.Now().Sub(start))
	// Output:
	// 200 r-2 <nil>
	// attempts: 2 waited: 1.5s
}
