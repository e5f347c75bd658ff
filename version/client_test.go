package version_test

import (
	"context"
	"errors"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/version"
)

// TestCatalogFromTheWire reads a recorded DescribeKubernetesVersionMetadata
// answer (a bare JSON array) and checks the request the client sent and
// the Catalog it built.
func TestCatalogFromTheWire(t *testing.T) {
	body, err := os.ReadFile("testdata/version_metadata.json")
	if err != nil {
		t.Fatal(err)
	}
	var sent *ack.Request
	tr := ack.TransportFunc(func(_ context.Context, r *ack.Request) (*ack.Response, error) {
		sent = r.Clone()
		return &ack.Response{StatusCode: http.StatusOK, Body: body}, nil
	})
	now := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	cfg := ack.NewConfig(ack.WithRegion("cn-hangzhou"), ack.WithTransport(tr), ack.WithClock(fixedClock{now}))
	cat, err := version.NewClient(cfg).Catalog(context.Background(), func(o *version.CatalogOptions) {
		o.Mode = version.ModeSupported
		o.Runtime = "containerd"
	})
	if err != nil {
		t.Fatal(err)
	}
	if sent.Method != http.MethodGet || sent.Path != "/api/v1/metadata/versions" {
		t.Errorf("sent %s %s", sent.Method, sent.Path)
	}
	wantQuery := map[string]string{"Region": "cn-hangzhou", "ClusterType": "ManagedKubernetes", "Mode": "supported", "runtime": "containerd"}
	for k, v := range wantQuery {
		if got := sent.Query.Get(k); got != v {
			t.Errorf("query %s = %q, want %q", k, got, v)
		}
	}
	type row struct {
		Version      string
		Creatable    bool
		Phase        version.Phase
		Expires      string
		UpgradableTo []string
		Runtimes     int
		Images       int
	}
	var got []row
	for _, e := range cat.Entries {
		r := row{e.Version.String(), e.Creatable, e.Phase, e.Expires.Format(time.DateOnly), nil, len(e.Runtimes), len(e.Images)}
		for _, u := range e.UpgradableTo {
			r.UpgradableTo = append(r.UpgradableTo, u.String())
		}
		got = append(got, r)
	}
	want := []row{
		{"1.28.15-aliyun.1", false, version.Offline, "2025-06-30", nil, 1, 0},
		{"1.31.1-aliyun.1", true, version.Online, "2026-04-30", []string{"1.32.1-aliyun.1"}, 1, 2},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("catalog (-want +got):\n%s", diff)
	}
	if cat.Region != "cn-hangzhou" || !cat.At.Equal(now) {
		t.Errorf("catalog region %q at %s", cat.Region, cat.At)
	}
}

// TestCatalogRefusesUpgradableWithoutVersion checks the one rule checked
// before any call.
func TestCatalogRefusesUpgradableWithoutVersion(t *testing.T) {
	_, err := version.NewClient(fake.New().Config()).Catalog(context.Background(), func(o *version.CatalogOptions) { o.Upgradable = true })
	if !errors.Is(err, ack.ErrInvalid) {
		t.Errorf("Catalog: %v, want an error matching ack.ErrInvalid", err)
	}
}

// TestCatalogOnTheFake reads the fake's catalog at its default start
// (2026-01-01) under the product policy, in process and over HTTP: the
// creatable versions are the latest patches of 1.32 and 1.34 (1.33 is an
// odd minor, which the product policy skips), and mode supported adds the
// offline but supported ones.
func TestCatalogOnTheFake(t *testing.T) {
	srv, err := fake.NewServer("127.0.0.1:0", fake.WithCredential("AK", "SK"))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	overHTTP, err := ack.LoadConfig(context.Background(), ack.WithRegion("cn-hangzhou"),
		ack.WithEndpoint(srv.URL()), ack.WithCredentials("AK", "SK"))
	if err != nil {
		t.Fatal(err)
	}
	for name, cfg := range map[string]*ack.Config{"in process": fake.New().Config(), "over HTTP": overHTTP} {
		t.Run(name, func(t *testing.T) {
			c := version.NewClient(cfg)
			cat, err := c.Catalog(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			var creatable []string
			for _, e := range cat.Creatable() {
				creatable = append(creatable, e.Version.MinorString())
			}
			if diff := cmp.Diff([]string{"1.32", "1.34"}, creatable); diff != "" {
				t.Errorf("creatable minors (-want +got):\n%s", diff)
			}
			newest, ok := cat.NewestCreatable()
			if !ok || newest.Version.MinorString() != "1.34" {
				t.Errorf("newest creatable = %v, %t", newest.Version, ok)
			}
			sup, err := c.Catalog(context.Background(), func(o *version.CatalogOptions) { o.Mode = version.ModeSupported })
			if err != nil {
				t.Fatal(err)
			}
			if len(sup.Entries) <= len(cat.Entries) {
				t.Errorf("mode supported lists %d versions, creatable %d; want more supported", len(sup.Entries), len(cat.Entries))
			}
		})
	}
}

type fixedClock struct{ t time.Time }

func (c fixedClock) Now() time.Time                                   { return c.t }
func (c fixedClock) Sleep(ctx context.Context, _ time.Duration) error { return ctx.Err() }
