package main

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
)

// TestServedFromStateWithFaultsAndLimits drives the command as a test in
// another language would, over HTTP only: started from a state file with
// signatures checked, a throttling rule added over HTTP answers the next
// CreateCluster with Throttling until its count runs out; with a rule
// that applies a create and loses its answer, this SDK's retrying cluster
// client creates exactly one cluster; limits lowered over HTTP make the
// next create fail with the quota error; and the file -save writes at the
// stop is read back by -state to the same state.
func TestServedFromStateWithFaultsAndLimits(t *testing.T) {
	dir := t.TempDir()
	in, saved := filepath.Join(dir, "in.json"), filepath.Join(dir, "saved.json")
	seed, err := json.Marshal(seedState())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(in, seed, 0o600); err != nil {
		t.Fatal(err)
	}
	const ak, secret = "AKACCEPT", "accept-secret"
	url, stop := startRun(t, "-state", in, "-save", saved, "-credential", ak+":"+secret, "-speed", "1000")

	cfg, err := ack.LoadConfig(context.Background(),
		ack.WithRegion(fake.DefaultRegion), ack.WithEndpoint(url), ack.WithScheme("http"),
		ack.WithCredentials(ak, secret),
		ack.WithRetry(ack.RetryPolicy{BaseDelay: time.Millisecond, MaxDelay: 10 * time.Millisecond}))
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if c, ok := cfg.Options().Transport.(interface{ CloseIdleConnections() }); ok {
			c.CloseIdleConnections()
		}
	}()
	ctx := context.Background()
	// No retries here: each call shows what the server answered.
	once := cluster.NewClient(cfg, func(o *cluster.ClientOptions) {
		o.Wait.MinDelay, o.Wait.MaxDelay = time.Millisecond, 5*time.Millisecond
	})
	spec := func(name, vpc string) cluster.Spec {
		return cluster.Spec{
			Name: name, Region: fake.DefaultRegion, Form: cluster.ManagedPro,
			VPCID: vpc, VSwitches: []cluster.VSwitch{{ID: "vsw-" + name}},
			Network: cluster.Network{Plugin: cluster.Flannel, PodCIDR: "172.20.0.0/16"}, SNAT: cluster.Bool(true),
		}
	}
	clustersServed := func() int {
		status, body := send(t, "GET", url+"/_fake/state", "")
		var s fake.State
		if err := json.Unmarshal([]byte(body), &s); status != http.StatusOK || err != nil {
			t.Fatalf("GET /_fake/state: HTTP %d %s", status, body)
		}
		return len(s.Clusters)
	}
	if n := clustersServed(); n != 2 {
		t.Fatalf("the server holds %d clusters, want the state file's 2", n)
	}

	// Throttling twice, then the rule has run out.
	if status, body := send(t, "POST", url+"/_fake/faults", `{"action":"CreateCluster","throttle":true,"times":2}`); status != http.StatusOK {
		t.Fatalf("POST /_fake/faults: HTTP %d %s", status, body)
	}
	noRetry := ack.WithRetry(ack.RetryPolicy{MaxAttempts: 1})
	throttledCfg := cfg.With(noRetry)
	throttled := cluster.NewClient(throttledCfg)
	var codes []string
	for i := range 3 {
		_, err := throttled.Create(ctx, spec("throttled-"+string(rune('a'+i)), "vpc-throttle"+string(rune('a'+i))))
		var api *ack.APIError
		switch {
		case err == nil:
			codes = append(codes, "created")
		case errors.As(err, &api):
			codes = append(codes, api.Code)
		default:
			t.Fatalf("create %d: %v", i, err)
		}
	}
	if diff := cmp.Diff([]string{"Throttling.User", "Throttling.User", "created"}, codes); diff != "" {
		t.Errorf("creates under a throttling rule of 2 (-want +got):\n%s", diff)
	}

	// A lost answer: the retrying client creates exactly one cluster.
	before := clustersServed()
	if status, body := send(t, "POST", url+"/_fake/faults", `{"action":"CreateCluster","lose":true,"times":1}`); status != http.StatusOK {
		t.Fatalf("POST /_fake/faults: HTTP %d %s", status, body)
	}
	op, err := once.Create(ctx, spec("lost-once", "vpc-lost"))
	if err != nil {
		t.Fatalf("create with its answer lost once: %v", err)
	}
	if _, err := op.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	if got := clustersServed(); got != before+1 {
		t.Errorf("a create whose answer was lost left %d clusters, want %d: exactly one more", got, before+1)
	}

	// Limits lowered: the next create is refused by the quota.
	if status, body := send(t, "POST", url+"/_fake/limits", `{"clusters":{"max":1}}`); status != http.StatusOK {
		t.Fatalf("POST /_fake/limits: HTTP %d %s", status, body)
	}
	_, err = once.Create(ctx, spec("over-quota", "vpc-quota"))
	var api *ack.APIError
	if !errors.As(err, &api) || !strings.HasPrefix(api.Code, "QuotaExceeded") || !strings.Contains(api.Message, "quota.clusters") {
		t.Errorf("create past a lowered cluster quota: %v; want QuotaExceeded naming quota.clusters", err)
	}

	// -save at the stop, -state reads it back to the same state.
	status, body := send(t, "GET", url+"/_fake/state", "")
	if status != http.StatusOK {
		t.Fatalf("GET /_fake/state: HTTP %d %s", status, body)
	}
	var last fake.State
	if err := json.Unmarshal([]byte(body), &last); err != nil {
		t.Fatal(err)
	}
	stop()
	savedState := readState(t, saved)
	if d := cmp.Diff(steady(last), steady(savedState)); d != "" {
		t.Errorf("-save wrote another state than the server held (-served +saved):\n%s", d)
	}
	again := serveOnce(t, "-state", saved)
	var reread fake.State
	if err := json.Unmarshal(again, &reread); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(steady(savedState), steady(reread)); d != "" {
		t.Errorf("-state served another state than the saved file (-saved +served):\n%s", d)
	}
}
