package ack

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/ackgo/ack/internal/vclock"
)

// reply is one scripted answer of the fake server: an HTTP answer or a
// transport error.
type reply struct {
	status int
	code   string
	header http.Header
	err    error
}

func ok() reply { return reply{status: http.StatusOK} }

func answer(status int, code string) reply { return reply{status: status, code: code} }

func answerWith(status int, code, header, value string) reply {
	return reply{status: status, code: code, header: http.Header{header: {value}}}
}

func fail(err error) reply { return reply{err: err} }

// script is a transport that plays its replies in order (the last one
// repeats) and records when each attempt arrived on the clock.
type script struct {
	clock   Clock
	replies []reply

	mu    sync.Mutex
	sends []time.Time
	seen  []*Request
}

func (s *script) RoundTrip(ctx context.Context, req *Request) (*Response, error) {
	s.mu.Lock()
	i := len(s.sends)
	s.sends = append(s.sends, s.clock.Now())
	s.seen = append(s.seen, req)
	s.mu.Unlock()
	r := s.replies[min(i, len(s.replies)-1)]
	if r.err != nil {
		return nil, r.err
	}
	id := fmt.Sprintf("req-%d", i+1)
	var body []byte
	if r.code != "" {
		body, _ = json.Marshal(map[string]string{"code": r.code, "message": "scripted " + r.code, "requestId": id})
	} else {
		body, _ = json.Marshal(map[string]string{"request_id": id})
	}
	return &Response{StatusCode: r.status, Header: r.header.Clone(), Body: body}, nil
}

func (s *script) attempts() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.sends)
}

// gaps returns the time between consecutive attempts.
func (s *script) gaps() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []time.Duration
	for i := 1; i < len(s.sends); i++ {
		out = append(out, s.sends[i].Sub(s.sends[i-1]))
	}
	return out
}

// testPolicy is the default policy of the root package.
func testPolicy() retrySettings {
	return retrySettings{MaxAttempts: 5, BaseDelay: 200 * time.Millisecond, MaxDelay: 20 * time.Second}
}

func testBudget() budgetSettings {
	return budgetSettings{Capacity: 500, RetryCost: 5, TimeoutCost: 10, SuccessRefill: 1}
}

// newTestPipeline assembles a pipeline on an auto-advance clock unless one
// is given.
func newTestPipeline(s pipelineSettings) Transport {
	if s.Clock == nil {
		s.Clock = vclock.NewAuto()
	}
	if s.Retry.MaxAttempts == 0 {
		s.Retry = testPolicy()
	}
	if s.UserAgent == "" {
		s.UserAgent = "ackgo/test"
	}
	return newPipeline(s)
}

func getRequest() *Request {
	return &Request{Action: "DescribeClusterDetail", Method: http.MethodGet, Path: "/clusters/c-1", Retry: Safe}
}

func postRequest(mode RetryMode) *Request {
	return &Request{Action: "CreateCluster", Method: http.MethodPost, Path: "/clusters",
		Body: []byte(`{"name":"prod"}`), Retry: mode}
}

// waitDone waits for a result that must come promptly; the wall-clock bound
// only keeps a broken pipeline from hanging the test run.
func waitDone[T any](t *testing.T, ch <-chan T) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(10 * time.Second):
		t.Fatal("call did not return")
		panic("unreachable")
	}
}
