package fake_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"go.uber.org/goleak"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/quota"
)

// TestInProcessDefaults checks what New gives without options: an
// auto-advance clock that the Config it hands out sleeps on, the default
// region and a principal with full access.
func TestInProcessDefaults(t *testing.T) {
	c := fake.New()
	if got := c.Clock().Mode(); got != fake.AutoAdvance {
		t.Fatalf("New's clock is %s, want auto-advance", got)
	}
	cfg := c.Config()
	if cfg.Clock() != ack.Clock(c.Clock()) || cfg.Region() != fake.DefaultRegion || c.Region() != "cn-hangzhou" {
		t.Fatalf("Config: clock %v (the cloud's: %v), region %q", cfg.Clock(), c.Clock(), cfg.Region())
	}
	// A Config built with another clock still sleeps on the fake's.
	if got := c.Config(ack.WithClock(ack.RealClock{})).Clock(); got != ack.Clock(c.Clock()) {
		t.Fatalf("Config(WithClock(real)) sleeps on %T, want the fake's clock", got)
	}
	if c.Principal() != (fake.Principal{}) {
		t.Fatalf("default principal %+v, want full access", c.Principal())
	}
	// Waiting out a managed creation (eight virtual minutes) through the
	// Config's clock takes no wall time: the clock is moved by the sleeps.
	start := c.Now()
	if err := cfg.Clock().Sleep(context.Background(), 8*time.Minute); err != nil {
		t.Fatal(err)
	}
	if got := c.Now().Sub(start); got != 8*time.Minute {
		t.Fatalf("an 8m sleep on the Config's clock moved the fake's by %s", got)
	}
	resp := call(t, c, wire.ActionCreateCluster, nil, nil, managedRequest("defaults"))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("create with full access: HTTP %d %s", resp.StatusCode, resp.Body)
	}
	if k := c.Calls()[0]; k.Caller != "in-process" || !k.InProcess || !k.At.Equal(start.Add(8*time.Minute)) {
		t.Fatalf("call %+v at %v, want in-process at the virtual now", k, k.At)
	}
}

// TestServerDefaultsToScaledClock checks that NewServer runs its cloud on
// a Scaled clock at DefaultSpeed. The virtual time that passes between two
// readings lies between DefaultSpeed times the wall time between the
// innermost and the outermost wall readings around them; no test waits on
// the wall.
func TestServerDefaultsToScaledClock(t *testing.T) {
	srv, err := fake.NewServer("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	clock := srv.Cloud().Clock()
	if clock.Mode() != fake.Scaled {
		t.Fatalf("NewServer's clock is %s, want scaled", clock.Mode())
	}
	w0 := time.Now()
	v1 := clock.Now()
	w1 := time.Now()
	// Some wall time passes: a few calls over HTTP.
	var reported struct{ Now, Mode string }
	for range 5 {
		status, body := httpDo(t, http.MethodGet, srv.URL()+"/_fake/clock", "")
		if err := json.Unmarshal(body, &reported); err != nil || status != http.StatusOK {
			t.Fatalf("/_fake/clock: HTTP %d %s", status, body)
		}
	}
	w2 := time.Now()
	v2 := clock.Now()
	w3 := time.Now()
	if reported.Mode != "scaled" {
		t.Fatalf("/_fake/clock reports mode %q", reported.Mode)
	}
	passed := v2.Sub(v1)
	lo := time.Duration(float64(w2.Sub(w1))*fake.DefaultSpeed) - time.Microsecond
	hi := time.Duration(float64(w3.Sub(w0))*fake.DefaultSpeed) + time.Microsecond
	if passed < lo || passed > hi {
		t.Fatalf("%s of virtual time passed; at %v virtual seconds per wall second it lies in [%s, %s]", passed, fake.DefaultSpeed, lo, hi)
	}
}

// TestCloudServerKeepsItsClock checks that Cloud.Server serves a cloud on
// the clock it was built with (New's auto-advance by default).
func TestCloudServerKeepsItsClock(t *testing.T) {
	c := fake.New()
	srv, err := c.Server()
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	status, body := httpDo(t, http.MethodGet, srv.URL()+"/_fake/clock", "")
	var got struct{ Now, Mode string }
	if err := json.Unmarshal(body, &got); err != nil || status != http.StatusOK || got.Mode != "auto-advance" || got.Now != "2026-01-01T08:00:00+08:00" {
		t.Fatalf("/_fake/clock: HTTP %d %s, want auto-advance at the start", status, body)
	}
}

// TestUserQuota checks DescribeUserQuota: the product's defaults, and the
// limits WithLimits configures.
func TestUserQuota(t *testing.T) {
	custom := quota.ProductDefaults()
	custom.Clusters.Max, custom.ManagedClusters.Max, custom.ServerlessClusters.Max = 50, 20, 3
	custom.NodesPerCluster.Max, custom.NodePoolsPerCluster.Max = 100, 7
	tests := []struct {
		name string
		opts []fake.Option
		want [5]int64 // cluster, node, amk, ask, node pool
	}{
		{"defaults", nil, [5]int64{10, 40, 10, 2, 20}},
		{"configured", []fake.Option{fake.WithLimits(custom)}, [5]int64{50, 100, 20, 3, 7}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := fake.New(tt.opts...)
			resp := call(t, c, wire.ActionDescribeUserQuota, nil, nil, nil)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("HTTP %d %s", resp.StatusCode, resp.Body)
			}
			q := decode[wire.UserQuota](t, resp)
			got := [5]int64{q.ClusterQuota, q.NodeQuota, q.AMKClusterQuota, q.ASKClusterQuota, q.ClusterNodepoolQuota}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Fatalf("cluster, node, amk, ask, node pool quotas (-want +got):\n%s", diff)
			}
		})
	}
}

// TestInProcessStartsNoGoroutines runs whole lifecycles in process: the
// fake computes state from the clock when it is read, with no timer and
// no goroutine of its own.
func TestInProcessStartsNoGoroutines(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	c := fake.New()
	body, _ := json.Marshal(managedRequest("no-goroutines"))
	for range 3 {
		if _, err := lifecycle(context.Background(), c.Config(), body); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(c.Clusters()); n != 0 {
		t.Fatalf("%d clusters left", n)
	}
}

// TestErrorStatuses checks the HTTP status of the error codes the fake
// answers with, those ACK's are known for first.
func TestErrorStatuses(t *testing.T) {
	want := map[string]int{
		fake.ErrorClusterNotFound:       404,
		fake.ErrorClusterState:          400,
		fake.InvalidParameter:           400,
		fake.InvalidParameterFormat:     400,
		fake.ThrottlingUser:             400,
		fake.Throttling:                 400,
		fake.ServiceUnavailable:         503,
		fake.InternalError:              500,
		fake.NotImplemented:             501,
		fake.ErrorCheckAcl:              403,
		fake.InvalidAccessKeyIDNotFound: 404,
		fake.SignatureDoesNotMatch:      400,
		fake.InvalidTimeStampExpired:    400,
		fake.ErrorTaskNotFound:          404,
		fake.ErrorDeletionProtection:    400,
		"Some.Code.Nobody.Knows":        400,
	}
	got := map[string]int{}
	for code := range want {
		got[code] = fake.StatusOf(code)
		if e := fake.NewError(code, "x"); e.Status != got[code] {
			t.Errorf("NewError(%s).Status = %d, StatusOf = %d", code, e.Status, got[code])
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("statuses (-want +got):\n%s", diff)
	}
	// Codes are ACK's spelling.
	spelled := []string{fake.ErrorClusterNotFound, fake.ErrorClusterState, fake.InvalidParameter, fake.ThrottlingUser, fake.ServiceUnavailable, fake.InvalidAccessKeyIDNotFound}
	if diff := cmp.Diff([]string{"ErrorClusterNotFound", "ErrorClusterState", "InvalidParameter", "Throttling.User", "ServiceUnavailable", "InvalidAccessKeyId.NotFound"}, spelled); diff != "" {
		t.Fatalf("spellings (-want +got):\n%s", diff)
	}
}
