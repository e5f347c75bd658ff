package fake_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
)

func TestReactorThrottleSeenAsThrottling(t *testing.T) {
	thr := fake.ThrottlingUser
	tests := []struct {
		name      string
		every     int
		attempts  int
		wantErr   bool
		wantCodes []string // logged, in order
	}{
		{"every call throttled, one attempt", 1, 1, true, []string{thr}},
		{"every call throttled, retried until attempts run out", 1, 3, true, []string{thr, thr, thr}},
		{"every second call throttled, the retry passes", 2, 3, false, []string{"", thr, ""}},
		{"every third call throttled", 3, 1, false, []string{"", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := fake.New()
			c.PrependReactor(wire.ActionDescribeUserQuota, fake.ThrottleEvery(tt.every))
			cfg := c.Config(ack.WithMaxAttempts(tt.attempts))
			ctx := context.Background()
			if tt.every > 1 {
				// The first call passes; the next one is the one under test.
				if _, err := cfg.Do(ctx, wire.NewRequest(wire.ActionDescribeUserQuota)); err != nil {
					t.Fatal(err)
				}
			}
			_, err := cfg.Do(ctx, wire.NewRequest(wire.ActionDescribeUserQuota))
			if (err != nil) != tt.wantErr || (err != nil && !ack.IsThrottled(err)) {
				t.Fatalf("error %v; want throttled %v", err, tt.wantErr)
			}
			var apiErr *ack.APIError
			if tt.wantErr && (!errors.As(err, &apiErr) || apiErr.Code != fake.ThrottlingUser || apiErr.HTTPStatus != http.StatusBadRequest) {
				t.Fatalf("error %#v, want Throttling.User with HTTP 400", err)
			}
			var codes []string
			for _, k := range c.Calls() {
				codes = append(codes, k.Code)
			}
			if diff := cmp.Diff(tt.wantCodes, codes); diff != "" {
				t.Fatalf("logged codes (-want +got):\n%s", diff)
			}
		})
	}
}

// clientTokenTag is the tag this test's create carries to find its
// cluster again after an ambiguous outcome.
const clientTokenTag = "ackgo.client-token"

func TestReactorLostResponseLeavesOneCluster(t *testing.T) {
	c := fake.New()
	c.PrependReactor(wire.ActionCreateCluster, fake.Once(fake.LoseResponse()))
	cfg := c.Config()
	ctx := context.Background()

	body := managedRequest("exactly-once")
	body.Tags = []wire.Tag{{Key: clientTokenTag, Value: "token-1"}}
	req := wire.NewRequest(wire.ActionCreateCluster)
	req.Body, _ = json.Marshal(body)
	req.Retry = ack.Reconcile
	reconciled := 0
	req.Reconcile = func(ctx context.Context, cause error) (*ack.Response, error) {
		reconciled++
		list := wire.NewRequest(wire.ActionDescribeClustersV1)
		list.Query.Set("page_size", "100")
		resp, err := cfg.Do(ctx, list)
		if err != nil {
			return nil, err
		}
		page, err := wire.Decode[wire.DescribeClustersV1Response](resp.Body)
		if err != nil {
			return nil, err
		}
		for _, d := range page.Clusters {
			if slices.Contains(d.Tags, wire.Tag{Key: clientTokenTag, Value: "token-1"}) {
				b, _ := json.Marshal(wire.CreateClusterResponse{ClusterID: d.ClusterID})
				return &ack.Response{StatusCode: http.StatusOK, Body: b}, nil
			}
		}
		return nil, nil
	}
	resp, err := cfg.Do(ctx, req)
	if err != nil {
		t.Fatalf("create: %v", err)
	}
	got := decode[wire.CreateClusterResponse](t, resp)
	clusters := c.Clusters()
	if len(clusters) != 1 || clusters[0].ID != got.ClusterID || reconciled != 1 {
		t.Fatalf("%d clusters (%+v), answer %s, %d reconciles; want the one cluster", len(clusters), clusters, got.ClusterID, reconciled)
	}
	var actions []string
	var lost []bool
	for _, k := range c.Calls() {
		actions = append(actions, k.Action)
		lost = append(lost, k.Lost)
	}
	if diff := cmp.Diff([]string{"CreateCluster", "DescribeClustersV1"}, actions); diff != "" {
		t.Fatalf("calls (-want +got):\n%s", diff)
	}
	if !lost[0] || lost[1] {
		t.Fatalf("lost flags %v", lost)
	}
}

func TestReactorLostResponseIsATransportError(t *testing.T) {
	c := fake.New()
	c.PrependReactor(wire.ActionCreateCluster, fake.LoseResponse())
	req := wire.NewRequest(wire.ActionCreateCluster)
	req.Body, _ = json.Marshal(managedRequest("lost"))
	resp, err := c.Transport().RoundTrip(context.Background(), req)
	if err == nil || resp != nil || ack.IsNotSent(err) {
		t.Fatalf("RoundTrip = %v, %v; want a transport error that is not 'not sent'", resp, err)
	}
	if len(c.Clusters()) != 1 {
		t.Fatalf("the lost create was not applied")
	}
}

func TestReactorLatencyMovesOnlyTheVirtualClock(t *testing.T) {
	// On a manual clock nothing but Advance moves time: if the latency
	// waited on the clock, this call would never return.
	c := fake.New(fake.WithClock(fake.Manual))
	c.PrependReactor(fake.AllActions, fake.AddLatency(time.Hour))
	before := c.Now()
	resp := call(t, c, wire.ActionDescribeUserQuota, nil, nil, nil)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("HTTP %d", resp.StatusCode)
	}
	if got := c.Now().Sub(before); got != time.Hour {
		t.Fatalf("latency moved the clock by %s, want 1h", got)
	}
	if at := c.Calls()[0].At; !at.Equal(before) {
		t.Fatalf("call logged at %v, want its arrival %v", at, before)
	}
}

func TestReactorChain(t *testing.T) {
	c := fake.New()
	c.PrependReactor(fake.AllActions, fake.ReturnError(fake.ServiceUnavailable, 0, "down for maintenance"))
	c.PrependReactor(wire.ActionDescribeUserQuota, fake.Times(2, fake.ReturnError("Custom.Code", http.StatusTeapot, "brewing")))
	var got []string
	for range 3 {
		resp := call(t, c, wire.ActionDescribeUserQuota, nil, nil, nil)
		got = append(got, errorBody(t, resp).Code+"/"+http.StatusText(resp.StatusCode))
	}
	want := []string{"Custom.Code/I'm a teapot", "Custom.Code/I'm a teapot", "ServiceUnavailable/Service Unavailable"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("answers (-want +got):\n%s", diff)
	}
	c.ClearReactors()
	if resp := call(t, c, wire.ActionDescribeUserQuota, nil, nil, nil); resp.StatusCode != http.StatusOK {
		t.Fatalf("after ClearReactors: HTTP %d", resp.StatusCode)
	}
	var codes []string
	for _, k := range c.Calls() {
		codes = append(codes, k.Code)
	}
	if diff := cmp.Diff([]string{"Custom.Code", "Custom.Code", "ServiceUnavailable", ""}, codes); diff != "" {
		t.Fatalf("logged codes (-want +got):\n%s", diff)
	}
}

func TestReactorErrorRefusesWithoutApplying(t *testing.T) {
	c := fake.New()
	c.PrependReactor(wire.ActionCreateCluster, fake.ReturnError(fake.InternalError, 0, "boom"))
	resp := call(t, c, wire.ActionCreateCluster, nil, nil, managedRequest("refused"))
	if resp.StatusCode != http.StatusInternalServerError || len(c.Clusters()) != 0 {
		t.Fatalf("HTTP %d and %d clusters; want 500 and none", resp.StatusCode, len(c.Clusters()))
	}
	var apiErr *ack.APIError
	_, err := c.Config(ack.WithMaxAttempts(1)).Do(context.Background(), wire.NewRequest(wire.ActionCreateCluster))
	if !errors.As(err, &apiErr) || apiErr.Code != fake.InternalError {
		t.Fatalf("Do error %v", err)
	}
}

func TestCallStringHidesBody(t *testing.T) {
	c := fake.New()
	call(t, c, wire.ActionCreateCluster, nil, nil, dedicatedRequest("secret-body"))
	k := c.Calls()[0]
	if !json.Valid(k.Body) || k.Action != wire.ActionCreateCluster || k.Caller != "in-process" || !k.InProcess {
		t.Fatalf("call %+v", k)
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		if s := sprintf(verb, k); containsAny(s, "Hello1234!", "login_password") {
			t.Fatalf("%s of a call shows the body: %s", verb, s)
		}
	}
}

func TestPrintingHidesSecrets(t *testing.T) {
	c := fake.New(fake.WithCredential("AKID", "TOPSECRET"), fake.WithProgressions(fake.Immediately()))
	call(t, c, wire.ActionCreateCluster, nil, nil, dedicatedRequest("pw"))
	cl := c.Clusters()[0]
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		for _, v := range []any{c, cl, c.Calls()} {
			if s := sprintf(verb, v); containsAny(s, "TOPSECRET", "Hello1234!") {
				t.Fatalf("%s of %T shows a secret: %s", verb, v, s)
			}
		}
	}
	if s := c.String(); !strings.Contains(s, "credentials: 1") || !strings.Contains(s, "clusters: 1") {
		t.Fatalf("String() = %s", s)
	}
}
