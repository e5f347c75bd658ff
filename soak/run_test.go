package soak

import (
	"context"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/nodepool"
)

// Credentials of the HTTP soak: the fake verifies every signature.
const (
	soakAK     = "LTAI5tSoakAccessKey"
	soakSecret = "soak-secret-value"
)

// TestSoakInProcess soaks the typed clients on the fake's in-process
// transport and auto-advance clock: 8 workers × 150 operations by default,
// ACK_SOAK times as many when set.
func TestSoakInProcess(t *testing.T) {
	defer goleak.VerifyNone(t)
	seed := seed(t)
	reportSeed(t, seed)
	var st stats
	cloud := fake.New(fake.WithLimits(limits()), fake.WithCallLogLimit(64))
	cloud.PrependReactor(fake.AllActions, faults(seed, faultRate, &st.faults))
	cfg := cloud.Config()
	e := &env{
		cloud:     cloud,
		clusters:  cluster.NewClient(cfg),
		pools:     nodepool.NewClient(cfg),
		clock:     cfg.Clock(),
		limits:    limits(),
		pause:     10 * time.Second,
		opTimeout: 20 * time.Second,
	}
	soak(t, e, seed, 8, 150*scale(t), &st)
}

// TestSoakHTTP soaks the typed clients over HTTP, through ack.LoadConfig's
// real transport with ACS3 signatures that the fake verifies, on the
// fake's scaled clock (a hundred thousand times the wall's pace): 6
// workers × 40 operations by default, ACK_SOAK times as many when set.
// Lost answers close the connection.
func TestSoakHTTP(t *testing.T) {
	defer goleak.VerifyNone(t)
	seed := seed(t)
	reportSeed(t, seed)
	var st stats
	srv, err := fake.NewServer("127.0.0.1:0", fake.WithLimits(limits()), fake.WithCallLogLimit(64),
		fake.WithCredential(soakAK, soakSecret), fake.WithScaledClock(1e5))
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := srv.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	}()
	srv.Cloud().PrependReactor(fake.AllActions, faults(seed, faultRate, &st.faults))
	cfg, err := ack.LoadConfig(context.Background(),
		ack.WithRegion(fake.DefaultRegion),
		ack.WithEndpoint(srv.URL()),
		ack.WithScheme("http"),
		ack.WithCredentials(soakAK, soakSecret),
		ack.WithRetry(ack.RetryPolicy{BaseDelay: time.Millisecond, MaxDelay: 20 * time.Millisecond}))
	if err != nil {
		t.Fatal(err)
	}
	defer closeIdle(cfg)
	wait := func(min, max time.Duration) (time.Duration, time.Duration, time.Duration) {
		return min, max, 20 * time.Second
	}
	e := &env{
		cloud: srv.Cloud(),
		clusters: cluster.NewClient(cfg, func(o *cluster.ClientOptions) {
			o.Wait.MinDelay, o.Wait.MaxDelay, o.Wait.MaxWait = wait(time.Millisecond, 5*time.Millisecond)
		}),
		pools: nodepool.NewClient(cfg, func(o *nodepool.ClientOptions) {
			o.Wait.MinDelay, o.Wait.MaxDelay, o.Wait.MaxWait = wait(time.Millisecond, 5*time.Millisecond)
		}),
		clock:     cfg.Clock(),
		limits:    limits(),
		pause:     time.Millisecond,
		opTimeout: 30 * time.Second,
	}
	soak(t, e, seed, 6, 40*scale(t), &st)
}

// closeIdle closes the idle connections of a Config's real transport, so
// that goleak sees none of its goroutines.
func closeIdle(cfg *ack.Config) {
	if c, ok := cfg.Options().Transport.(interface{ CloseIdleConnections() }); ok {
		c.CloseIdleConnections()
	}
}
