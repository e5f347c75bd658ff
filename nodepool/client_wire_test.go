package nodepool

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// clientSpec is a valid PostPaid Spec that logs in by key pair, so that no
// secret reaches the golden files.
func clientSpec() Spec {
	return Spec{
		Name:          "web",
		VSwitchIDs:    []string{"vsw-a", "vsw-b"},
		InstanceTypes: []string{"ecs.g7.xlarge"},
		DesiredSize:   2,
		SystemDisk:    Disk{Category: DiskESSD, SizeGiB: 120, PerformanceLevel: "PL1"},
		KeyPair:       "ops",
		Labels:        []Label{{Key: "tier", Value: "web"}},
		MaxPods:       64,
	}
}

// TestClientRequestShapes runs each method against the double and
// compares every call it made (method, path, query and body, reads
// included) with testdata/client/<name>.json. Run with -update to rewrite
// the files after a deliberate change, and review the diff.
func TestClientRequestShapes(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name string
		run  func(t *testing.T, a *testACK, c *Client) error
	}{
		{"create", func(t *testing.T, a *testACK, c *Client) error {
			op, err := c.Create(ctx, testCluster, clientSpec())
			if err != nil {
				return err
			}
			_, err = op.Wait(ctx)
			return err
		}},
		{"get", func(t *testing.T, a *testACK, c *Client) error {
			_, err := c.Get(ctx, testCluster, a.seed(clientSpec(), 2, 0).id)
			return err
		}},
		{"list", func(t *testing.T, a *testACK, c *Client) error {
			a.seed(clientSpec(), 1, 0)
			for _, err := range c.List(ctx, testCluster, func(o *ListOptions) { o.Name = "web" }) {
				if err != nil {
					return err
				}
			}
			return nil
		}},
		{"modify", func(t *testing.T, a *testACK, c *Client) error {
			p := a.seed(clientSpec(), 2, 0)
			op, err := c.Modify(ctx, testCluster, p.id, func(s *Spec) {
				s.Name = "web-2"
				s.Labels = nil
				s.Taints = []Taint{{Key: "dedicated", Value: "web"}}
				s.Management = Management{Enabled: true, AutoRepair: true}
			})
			if err != nil {
				return err
			}
			_, err = op.Wait(ctx)
			return err
		}},
		{"scale_out", func(t *testing.T, a *testACK, c *Client) error {
			op, err := c.Scale(ctx, testCluster, a.seed(clientSpec(), 2, 0).id, 5)
			if err != nil {
				return err
			}
			_, err = op.Wait(ctx)
			return err
		}},
		{"scale_in", func(t *testing.T, a *testACK, c *Client) error {
			op, err := c.Scale(ctx, testCluster, a.seed(clientSpec(), 2, 3).id, 3)
			if err != nil {
				return err
			}
			_, err = op.Wait(ctx)
			return err
		}},
		{"remove_nodes", func(t *testing.T, a *testACK, c *Client) error {
			p := a.seed(clientSpec(), 3, 0)
			op, err := c.RemoveNodes(ctx, testCluster, p.id, []string{p.nodes[0].id, p.nodes[2].id},
				func(o *RemoveOptions) { o.Drain = true })
			if err != nil {
				return err
			}
			_, err = op.Wait(ctx)
			return err
		}},
		{"delete", func(t *testing.T, a *testACK, c *Client) error {
			op, err := c.Delete(ctx, testCluster, a.seed(clientSpec(), 1, 0).id, func(o *DeleteOptions) { o.Force = true })
			if err != nil {
				return err
			}
			_, err = op.Wait(ctx)
			return err
		}},
		{"nodes", func(t *testing.T, a *testACK, c *Client) error {
			p := a.seed(clientSpec(), 2, 3)
			for _, err := range c.Nodes(ctx, testCluster, func(o *NodesOptions) { o.PoolID, o.PageSize = p.id, 2 }) {
				if err != nil {
					return err
				}
			}
			return nil
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := newTestACK()
			if err := tc.run(t, a, a.client()); err != nil {
				t.Fatal(err)
			}
			checkGoldenCalls(t, filepath.Join("testdata", "client", tc.name+".json"), a.recorded())
		})
	}
}

// checkGoldenCalls compares calls with the golden file, as JSON values.
func checkGoldenCalls(t *testing.T, file string, calls []testCall) {
	t.Helper()
	got, err := json.MarshalIndent(calls, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	var wantV, gotV any
	if err := json.Unmarshal(want, &wantV); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	if err := json.Unmarshal(got, &gotV); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(wantV, gotV); diff != "" {
		t.Errorf("calls differ from %s (-want +got):\n%s", file, diff)
	}
}
