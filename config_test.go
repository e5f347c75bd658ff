package ack_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"go.uber.org/goleak"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/vclock"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// server is a transport that answers every call with status (and code),
// recording the requests it saw and when, on clock.
type server struct {
	clock  ack.Clock
	status int
	code   string

	mu    sync.Mutex
	sends []time.Time
	seen  []*ack.Request
}

func (s *server) RoundTrip(_ context.Context, req *ack.Request) (*ack.Response, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sends = append(s.sends, s.clock.Now())
	s.seen = append(s.seen, req)
	body := []byte(`{"request_id":"r-ok"}`)
	if s.code != "" {
		body = []byte(`{"code":"` + s.code + `","message":"scripted","requestId":"r-err"}`)
	}
	return &ack.Response{StatusCode: s.status, Body: body}, nil
}

func (s *server) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.sends)
}

func readRequest() *ack.Request {
	return &ack.Request{Action: "DescribeClusterDetail", Method: http.MethodGet, Path: "/clusters/c-1", Retry: ack.Safe}
}

func TestNewConfigDefaults(t *testing.T) {
	got := ack.NewConfig().Options()
	want := ack.Options{
		Clock:  ack.RealClock{},
		Scheme: "https",
		Retry: ack.RetryPolicy{
			MaxAttempts: 5, BaseDelay: 200 * time.Millisecond, MaxDelay: 20 * time.Second,
			Budget: ack.RetryBudget{Capacity: 500, RetryCost: 5, TimeoutCost: 10, SuccessRefill: 1},
		},
		Signing: ack.SigningACS3,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("default options (-want +got):\n%s", diff)
	}
}

func TestOptionsApply(t *testing.T) {
	clock := vclock.NewAuto()
	tests := []struct {
		name  string
		opts  []ack.Option
		check func(o ack.Options) any
		want  any
	}{
		{"region", []ack.Option{ack.WithRegion("cn-beijing")}, func(o ack.Options) any { return o.Region }, "cn-beijing"},
		{"max attempts", []ack.Option{ack.WithMaxAttempts(2)}, func(o ack.Options) any { return o.Retry.MaxAttempts }, 2},
		{"negative max attempts is one", []ack.Option{ack.WithMaxAttempts(-3)}, func(o ack.Options) any { return o.Retry.MaxAttempts }, 1},
		{
			"a partial retry policy keeps the other defaults",
			[]ack.Option{ack.WithRetry(ack.RetryPolicy{BaseDelay: time.Second})},
			func(o ack.Options) any {
				return []any{o.Retry.MaxAttempts, o.Retry.BaseDelay, o.Retry.MaxDelay, o.Retry.Budget.Capacity}
			},
			[]any{5, time.Second, 20 * time.Second, 500},
		},
		{
			"max delay below base is raised to it",
			[]ack.Option{ack.WithRetry(ack.RetryPolicy{BaseDelay: time.Minute, MaxDelay: time.Second})},
			func(o ack.Options) any { return o.Retry.MaxDelay }, time.Minute,
		},
		{"rate limit", []ack.Option{ack.WithRateLimit(10, 3)}, func(o ack.Options) any { return []any{o.RateLimit.QPS, o.RateLimit.Burst} }, []any{10.0, 3}},
		{
			"action rate limits accumulate",
			[]ack.Option{ack.WithActionRateLimit("A", 1, 1), ack.WithActionRateLimit("B", 2, 2)},
			func(o ack.Options) any { return o.RateLimit.PerAction },
			map[string]ack.Limit{"A": {QPS: 1, Burst: 1}, "B": {QPS: 2, Burst: 2}},
		},
		{"clock", []ack.Option{ack.WithClock(clock)}, func(o ack.Options) any { return o.Clock == ack.Clock(clock) }, true},
		{"user agent", []ack.Option{ack.WithUserAgent("tool/1")}, func(o ack.Options) any { return o.UserAgent }, "tool/1"},
		{"attempt timeout", []ack.Option{ack.WithAttemptTimeout(time.Minute)}, func(o ack.Options) any { return o.AttemptTimeout }, time.Minute},
		{"endpoint", []ack.Option{ack.WithEndpoint("127.0.0.1:9180")}, func(o ack.Options) any { return o.Endpoint }, "127.0.0.1:9180"},
		{"scheme", []ack.Option{ack.WithScheme("http")}, func(o ack.Options) any { return o.Scheme }, "http"},
		{"signing", []ack.Option{ack.WithSigning(ack.SigningROAv1)}, func(o ack.Options) any { return o.Signing.String() }, "ROAv1"},
		{
			"credentials",
			[]ack.Option{ack.WithCredentials("LTAI-id", "secret")},
			func(o ack.Options) any {
				return []any{o.Credentials.AccessKeyID, o.Credentials.AccessKeySecret.Reveal()}
			},
			[]any{"LTAI-id", "secret"},
		},
		{
			"http timeouts",
			[]ack.Option{ack.WithHTTPTimeouts(ack.HTTPTimeouts{Dial: time.Second})},
			func(o ack.Options) any { return o.HTTPTimeouts },
			ack.HTTPTimeouts{Dial: time.Second},
		},
		{"a nil option is skipped", []ack.Option{nil, ack.WithRegion("x")}, func(o ack.Options) any { return o.Region }, "x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.check(ack.NewConfig(tt.opts...).Options())
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestOptionsIsACopy(t *testing.T) {
	cfg := ack.NewConfig(ack.WithActionRateLimit("A", 1, 1), ack.WithCredentials("id", "secret"))
	o := cfg.Options()
	o.RateLimit.PerAction["A"] = ack.Limit{QPS: 99}
	o.Credentials.AccessKeyID = "changed"
	again := cfg.Options()
	if again.RateLimit.PerAction["A"].QPS != 1 || again.Credentials.AccessKeyID != "id" {
		t.Errorf("changing the copy changed the Config: %v", again)
	}
	// A derived Config's options do not leak into its parent.
	cfg.With(ack.WithActionRateLimit("B", 2, 2))
	if _, ok := cfg.Options().RateLimit.PerAction["B"]; ok {
		t.Error("With changed its parent's options")
	}
}

func TestDoWithoutTransport(t *testing.T) {
	_, err := ack.NewConfig(ack.WithRegion("cn-hangzhou")).Do(context.Background(), readRequest())
	if !errors.Is(err, ack.ErrNoTransport) {
		t.Fatalf("err = %v, want ErrNoTransport", err)
	}
	want := "DescribeClusterDetail: ack config has no transport: set one with ack.WithTransport, or build the config with ack.LoadConfig"
	if err.Error() != want {
		t.Errorf("err = %q, want %q", err, want)
	}
	if _, err := ack.NewConfig(ack.WithTransport(&server{clock: ack.RealClock{}, status: 200})).Do(context.Background(), nil); err == nil {
		t.Error("Do(nil) returned no error")
	}
}

func TestDoPerCallOptions(t *testing.T) {
	clock := vclock.NewAuto()
	failing := &server{clock: clock, status: 503, code: "ServiceUnavailable"}
	ok := &server{clock: clock, status: 200}
	cfg := ack.NewConfig(ack.WithTransport(failing), ack.WithClock(clock), ack.WithUserAgent("base/1"))

	tests := []struct {
		name     string
		opts     []ack.Option
		srv      *server
		attempts int
		ua       string
	}{
		{"the Config's settings", nil, failing, 5, "ackgo/" + ack.Version + " base/1"},
		{"fewer attempts for one call", []ack.Option{ack.WithMaxAttempts(2)}, failing, 2, "ackgo/" + ack.Version + " base/1"},
		{"another user agent and transport for one call", []ack.Option{ack.WithUserAgent("other/2"), ack.WithTransport(ok)}, ok, 1, "ackgo/" + ack.Version + " other/2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := tt.srv.count()
			_, _ = cfg.Do(context.Background(), readRequest(), tt.opts...)
			if got := tt.srv.count() - before; got != tt.attempts {
				t.Errorf("attempts = %d, want %d", got, tt.attempts)
			}
			if got := tt.srv.seen[len(tt.srv.seen)-1].Header.Get("User-Agent"); got != tt.ua {
				t.Errorf("User-Agent = %q, want %q", got, tt.ua)
			}
		})
	}
	// The per-call options changed nothing for the next call.
	before := failing.count()
	_, _ = cfg.Do(context.Background(), readRequest())
	if got := failing.count() - before; got != 5 {
		t.Errorf("attempts after per-call options = %d, want 5", got)
	}
}

func TestDoReturnsResponseAndAPIError(t *testing.T) {
	srv := &server{clock: ack.RealClock{}, status: 404, code: "ErrorClusterNotFound"}
	cfg := ack.NewConfig(ack.WithTransport(srv))
	resp, err := cfg.Do(context.Background(), readRequest())
	var apiErr *ack.APIError
	if !errors.As(err, &apiErr) || !ack.IsNotFound(err) {
		t.Fatalf("err = %v, want a not-found *APIError", err)
	}
	if resp == nil || resp.StatusCode != 404 || resp.RequestID != "r-err" {
		t.Errorf("resp = %v, want the 404 answer with its request ID", resp)
	}
	want := &ack.APIError{Action: "DescribeClusterDetail", HTTPStatus: 404, Code: "ErrorClusterNotFound", Message: "scripted", RequestID: "r-err"}
	if diff := cmp.Diff(want, apiErr); diff != "" {
		t.Errorf("APIError (-want +got):\n%s", diff)
	}
}

func TestGivingUpSaysHowManyAttempts(t *testing.T) {
	clock := vclock.NewAuto()
	srv := &server{clock: clock, status: 400, code: "Throttling.User"}
	cfg := ack.NewConfig(ack.WithTransport(srv), ack.WithClock(clock), ack.WithMaxAttempts(3))
	_, err := cfg.Do(context.Background(), readRequest())
	var re *ack.RetryError
	if !errors.As(err, &re) || re.Attempts != 3 {
		t.Fatalf("err = %v, want a *RetryError after 3 attempts", err)
	}
	if !ack.IsThrottled(err) {
		t.Errorf("IsThrottled(%v) = false", err)
	}
	var apiErr *ack.APIError
	if !errors.As(err, &apiErr) || apiErr.Code != "Throttling.User" {
		t.Errorf("errors.As did not find the last *APIError in %v", err)
	}
	want := "gave up after 3 attempts (max attempts reached): DescribeClusterDetail: HTTP 400 Throttling.User: scripted (request id r-err)"
	if err.Error() != want {
		t.Errorf("err = %q, want %q", err, want)
	}
}

func TestWithSharesTheBudget(t *testing.T) {
	clock := vclock.NewAuto()
	srv := &server{clock: clock, status: 503, code: "ServiceUnavailable"}
	cfg := ack.NewConfig(ack.WithTransport(srv), ack.WithClock(clock),
		ack.WithRetry(ack.RetryPolicy{MaxAttempts: 5, Budget: ack.RetryBudget{Capacity: 10, RetryCost: 5}}))
	derived := cfg.With(ack.WithUserAgent("derived"),
		// Ignored: the budget is the Config's shared state.
		ack.WithRetry(ack.RetryPolicy{MaxAttempts: 5, Budget: ack.RetryBudget{Capacity: 1000}}))

	tests := []struct {
		name     string
		do       func() error
		attempts int
	}{
		{"the root Config spends the budget", func() error { _, err := cfg.Do(context.Background(), readRequest()); return err }, 3},
		{"the derived Config has none left", func() error { _, err := derived.Do(context.Background(), readRequest()); return err }, 1},
		{"nor does a per-call budget", func() error {
			_, err := cfg.Do(context.Background(), readRequest(), ack.WithRetry(ack.RetryPolicy{Budget: ack.RetryBudget{Capacity: 1000}}))
			return err
		}, 1},
	}
	for _, tt := range tests {
		before := srv.count()
		err := tt.do()
		if got := srv.count() - before; got != tt.attempts {
			t.Errorf("%s: attempts = %d, want %d (%v)", tt.name, got, tt.attempts, err)
		}
	}
	if got := derived.Options().Retry.Budget.Capacity; got != 10 {
		t.Errorf("derived budget capacity = %d, want the root's 10", got)
	}
}

func TestWithSharesTheRateLimit(t *testing.T) {
	const qps, burst, callers = 5, 2, 30
	clock := vclock.NewManual()
	srv := &server{clock: clock, status: 200}
	cfg := ack.NewConfig(ack.WithTransport(srv), ack.WithClock(clock), ack.WithRateLimit(qps, burst))
	derived := cfg.With(ack.WithUserAgent("second-client"), ack.WithRateLimit(1000, 1000), ack.WithClock(vclock.NewAuto()))
	if derived.Clock() != ack.Clock(clock) {
		t.Fatal("With changed the clock")
	}

	var done atomic.Int64
	errs := make(chan error, callers)
	for i := range callers {
		c := []*ack.Config{cfg, derived}[i%2]
		go func() {
			defer done.Add(1)
			_, err := c.Do(context.Background(), readRequest())
			errs <- err
		}()
	}
	for done.Load() < callers {
		if int64(clock.Sleepers())+done.Load() == callers {
			clock.Advance(5 * time.Millisecond)
			continue
		}
		runtime.Gosched()
	}
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	sends := slices.SortedFunc(slices.Values(srv.sends), time.Time.Compare)
	worst, j := 0, 0
	for i := range sends {
		for sends[i].Sub(sends[j]) >= time.Second {
			j++
		}
		worst = max(worst, i-j+1)
	}
	if worst > qps+burst {
		t.Errorf("%d sends in one second from two clients, want at most %d", worst, qps+burst)
	}
	if span := sends[len(sends)-1].Sub(sends[0]); span < time.Duration(callers-burst)*time.Second/qps {
		t.Errorf("calls spread over %s, want at least %s", span, time.Duration(callers-burst)*time.Second/qps)
	}
}

func TestConfigAccessors(t *testing.T) {
	clock := vclock.NewAuto()
	cfg := ack.NewConfig(ack.WithRegion("cn-shanghai"), ack.WithClock(clock))
	if cfg.Region() != "cn-shanghai" || cfg.Clock() != ack.Clock(clock) {
		t.Errorf("Region, Clock = %q, %v", cfg.Region(), cfg.Clock())
	}
	derived := cfg.With(ack.WithRegion("cn-beijing"))
	if derived.Region() != "cn-beijing" || cfg.Region() != "cn-shanghai" {
		t.Errorf("With: derived %q, parent %q", derived.Region(), cfg.Region())
	}
	if diff := cmp.Diff(cfg.Options(), derived.Options(), cmpopts.IgnoreFields(ack.Options{}, "Region", "Clock")); diff != "" {
		t.Errorf("With changed more than the region (-parent +derived):\n%s", diff)
	}
}

func TestAttemptTimeoutReachesTheTransport(t *testing.T) {
	tests := []struct {
		name string
		cfg  []ack.Option
		call []ack.Option
		want bool
	}{
		{"none", nil, nil, false},
		{"on the Config", []ack.Option{ack.WithAttemptTimeout(time.Hour)}, nil, true},
		{"for one call", nil, []ack.Option{ack.WithAttemptTimeout(time.Hour)}, true},
		{"removed for one call", []ack.Option{ack.WithAttemptTimeout(time.Hour)}, []ack.Option{ack.WithAttemptTimeout(0)}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var bounded bool
			tr := ack.TransportFunc(func(ctx context.Context, _ *ack.Request) (*ack.Response, error) {
				_, bounded = ctx.Deadline()
				return &ack.Response{StatusCode: 200}, nil
			})
			cfg := ack.NewConfig(append(tt.cfg, ack.WithTransport(tr))...)
			if _, err := cfg.Do(context.Background(), readRequest(), tt.call...); err != nil {
				t.Fatal(err)
			}
			if bounded != tt.want {
				t.Errorf("attempt bounded: %t, want %t", bounded, tt.want)
			}
		})
	}
}

func TestConfigString(t *testing.T) {
	cfg := ack.NewConfig(ack.WithRegion("cn-hangzhou"), ack.WithRateLimit(10, 2),
		ack.WithActionRateLimit("DescribeClusterDetail", 1, 1), ack.WithCredentials("LTAI-id", "secret"))
	want := `ack.Config{Region:cn-hangzhou Transport:<nil> Clock:ack.RealClock Logger:false UserAgent:"" AttemptTimeout:0s` +
		` Retry:{MaxAttempts:5 BaseDelay:200ms MaxDelay:20s Budget:{Capacity:500 RetryCost:5 TimeoutCost:10 SuccessRefill:1}}` +
		` RateLimit:{QPS:10 Burst:2 DescribeClusterDetail:1/1} Endpoint: Scheme:https Signing:ACS3` +
		` Credentials:{AccessKeyID:LTAI-id AccessKeySecret:[redacted] SecurityToken:} HTTPTimeouts:{Dial:0s TLSHandshake:0s ResponseHeader:0s}}`
	if got := cfg.String(); got != want {
		t.Errorf("String() =\n%s\nwant\n%s", got, want)
	}
	var nilCfg *ack.Config
	if got := fmt.Sprint(nilCfg); got != "<nil>" {
		t.Errorf("nil Config prints %q", got)
	}
}
