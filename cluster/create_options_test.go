package cluster_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
)

// createBody returns the body of the first CreateCluster in the fake's
// log, decoded.
func createBody(t *testing.T, cloud *fake.Cloud) map[string]any {
	t.Helper()
	for _, c := range cloud.Calls() {
		if c.Action == wire.ActionCreateCluster {
			var m map[string]any
			if err := json.Unmarshal(c.Body, &m); err != nil {
				t.Fatal(err)
			}
			return m
		}
	}
	t.Fatal("no CreateCluster call")
	return nil
}

// TestCreateRawBody merges fields the Spec does not model into the body,
// and validates the merged body before any call.
func TestCreateRawBody(t *testing.T) {
	token := func(m map[string]any) string {
		for _, tag := range m["tags"].([]any) {
			if tg := tag.(map[string]any); tg["key"] == cluster.ClientTokenTag {
				return tg["value"].(string)
			}
		}
		return ""
	}
	tests := []struct {
		name     string
		raw      map[string]any
		wantRule string
		check    func(t *testing.T, body map[string]any, cl *cluster.Cluster)
	}{
		{name: "unmodelled fields", raw: map[string]any{"proxy_mode": "iptables", "security_group_id": "sg-raw"},
			check: func(t *testing.T, body map[string]any, cl *cluster.Cluster) {
				var d wire.ClusterDetail
				if err := json.Unmarshal(cl.Raw, &d); err != nil {
					t.Fatal(err)
				}
				if body["proxy_mode"] != "iptables" || d.ProxyMode != "iptables" || d.SecurityGroupID != "sg-raw" {
					t.Errorf("body %v, cluster proxy %q, group %q; want the raw fields sent and kept", body, d.ProxyMode, d.SecurityGroupID)
				}
			}},
		{name: "a field removed", raw: map[string]any{"snat_entry": nil},
			check: func(t *testing.T, body map[string]any, _ *cluster.Cluster) {
				if _, ok := body["snat_entry"]; ok {
					t.Errorf("body %v still has snat_entry", body)
				}
			}},
		{name: "tags replaced, token kept", raw: map[string]any{"tags": []map[string]string{{"key": "team", "value": "raw"}}},
			check: func(t *testing.T, body map[string]any, cl *cluster.Cluster) {
				want := []cluster.Tag{{Key: "team", Value: "raw"}}
				if diff := cmp.Diff(want, cl.Spec.Tags); diff != "" || cl.ClientToken != token(body) || cl.ClientToken == "" {
					t.Errorf("tags (-want +got):\n%s", diff)
				}
			}},
		{name: "a rule broken by the raw body", raw: map[string]any{"snat_entry": false}, wantRule: "cluster.nat.required"},
		{name: "a raw body the wire cannot read", raw: map[string]any{"name": 42}, wantRule: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			cloud := fake.New()
			c := newClient(cloud)
			op, err := c.Create(ctx, clientManaged("1"), func(o *cluster.CreateOptions) { o.RawBody = tt.raw })
			if tt.check == nil {
				if !errors.Is(err, ack.ErrInvalid) || (tt.wantRule != "" && !slices.Contains(ruleIDs(err), tt.wantRule)) {
					t.Errorf("Create = %v; want invalid, rule %q", err, tt.wantRule)
				}
				if n := len(cloud.Calls()); n != 0 {
					t.Errorf("a refused create made %d calls", n)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			cl, err := op.Wait(ctx)
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, createBody(t, cloud), cl)
		})
	}
}

// TestCreateWithClientToken creates twice with one token: the second call
// finds the first cluster and creates nothing.
func TestCreateWithClientToken(t *testing.T) {
	ctx := context.Background()
	cloud := fake.New()
	c := newClient(cloud)
	withToken := func(o *cluster.CreateOptions) { o.ClientToken = "deploy-42" }
	first, err := c.Create(ctx, clientManaged("1"), withToken)
	if err != nil {
		t.Fatal(err)
	}
	second, err := c.Create(ctx, clientManaged("1"), withToken)
	if err != nil {
		t.Fatal(err)
	}
	if second.ClusterID() != first.ClusterID() || second.TaskID() != "" {
		t.Errorf("second Create follows %s (task %q); want %s without a task", second.ClusterID(), second.TaskID(), first.ClusterID())
	}
	if cl, err := second.Wait(ctx); err != nil || cl.ClientToken != "deploy-42" {
		t.Errorf("second Wait = %+v, %v; want the cluster with the token", cl, err)
	}
	creates := 0
	for _, a := range writes(cloud) {
		if a == wire.ActionCreateCluster {
			creates++
		}
	}
	if creates != 1 || len(cloud.Clusters()) != 1 {
		t.Errorf("%d CreateCluster calls, %d clusters; want 1 and 1", creates, len(cloud.Clusters()))
	}
}

// TestCreateNeverShowsThePassword checks that no error of Create reveals
// the nodes' password, whoever refuses the request.
func TestCreateNeverShowsThePassword(t *testing.T) {
	const password = "Sup3r-Secret-Pw"
	spec := clientDedicated("1")
	spec.Login.Password = ack.NewSecret(password)
	bad := spec.Clone()
	bad.Name = "-bad"
	ctx := context.Background()
	cloud := fake.New()
	cloud.PrependReactor(wire.ActionCreateCluster, fake.ReturnError(fake.InternalError, 0, "boom"))
	c := cluster.NewClient(cloud.Config(ack.WithMaxAttempts(1)))
	for _, s := range []cluster.Spec{bad, spec} {
		_, err := c.Create(ctx, s)
		if err == nil {
			t.Fatalf("Create(%s) succeeded; want an error", s.Name)
		}
		for _, text := range []string{err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err)} {
			if strings.Contains(text, password) {
				t.Errorf("error reveals the password: %s", text)
			}
		}
	}
}

// TestDeleteOptionsQuery checks how the retain options go on the wire.
func TestDeleteOptionsQuery(t *testing.T) {
	tests := []struct {
		name string
		opts func(*cluster.DeleteOptions)
		want url.Values
	}{
		{"defaults", nil, url.Values{}},
		{"retain everything", func(o *cluster.DeleteOptions) { o.RetainAllResources = true },
			url.Values{"retain_all_resources": {"true"}}},
		{"retain some", func(o *cluster.DeleteOptions) {
			o.RetainResources = []string{"lb-1", "sg-2"}
			o.Policies = []cluster.ResourcePolicy{{Type: cluster.ResourceSLB, Retain: true}, {Type: cluster.ResourceALB}}
		}, url.Values{
			"retain_resources": {`["lb-1","sg-2"]`},
			"delete_options":   {`[{"delete_mode":"retain","resource_type":"SLB"},{"delete_mode":"delete","resource_type":"ALB"}]`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cloud := fake.New(fake.WithProgressions(fake.Immediately()))
			c := newClient(cloud)
			cl := createRunning(t, c, clientServerless("1"))
			cloud.ClearCalls()
			if _, err := c.Delete(context.Background(), cl.ID, tt.opts); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, cloud.Calls()[0].Query); diff != "" {
				t.Errorf("DeleteCluster query (-want +got):\n%s", diff)
			}
		})
	}
}

// TestWaitHonoursCancellation cancels a wait blocked on a manual clock.
func TestWaitHonoursCancellation(t *testing.T) {
	cloud := fake.New(fake.WithClock(fake.Manual))
	c := newClient(cloud)
	op, err := c.Create(context.Background(), clientServerless("1"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := op.Wait(ctx)
		done <- err
	}()
	if err := cloud.Clock().BlockUntil(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) || op.Done() {
		t.Errorf("Wait = %v (done %t); want context.Canceled, not done", err, op.Done())
	}
	cloud.Advance(time.Hour)
	if cl, err := op.Wait(context.Background()); err != nil || cl.State != cluster.StateRunning {
		t.Errorf("Wait after the cancelled one = %+v, %v; want running", cl, err)
	}
}
