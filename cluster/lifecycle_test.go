package cluster_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
)

// lifecycleForms are the three forms the lifecycle tests run.
var lifecycleForms = []struct {
	name  string
	spec  func(n string) cluster.Spec
	form  cluster.Form
	nodes int // nodes the fake reports: the masters of a dedicated cluster
}{
	{"dedicated", clientDedicated, cluster.Dedicated, 3},
	{"managed", clientManaged, cluster.ManagedPro, 0},
	{"serverless", clientServerless, cluster.Serverless, 0},
}

// TestLifecycleInProcess runs the whole lifecycle of each form through the
// fake's in-process transport on its auto-advance clock.
func TestLifecycleInProcess(t *testing.T) {
	for _, f := range lifecycleForms {
		t.Run(f.name, func(t *testing.T) {
			cloud := fake.New()
			runLifecycle(t, cloud, newClient(cloud), f.spec("1"), f.form, f.nodes)
		})
	}
}

// TestLifecycleOverHTTP runs the same lifecycle through the fake's HTTP
// server and the real transport of ack.LoadConfig, signed with either
// scheme and verified by the fake. The client sleeps on the fake's clock,
// so that waits take no wall time.
func TestLifecycleOverHTTP(t *testing.T) {
	const id, secret = "LTAI5tFakeAccessKey", "fake-secret-value"
	for _, signing := range []ack.SigningScheme{ack.SigningACS3, ack.SigningROAv1} {
		for _, f := range lifecycleForms {
			t.Run(signing.String()+"/"+f.name, func(t *testing.T) {
				cloud := fake.New(fake.WithCredential(id, secret))
				srv, err := cloud.Server()
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { _ = srv.Close() })
				cfg, err := ack.LoadConfig(context.Background(),
					ack.WithEndpoint(srv.Addr()), ack.WithScheme("http"), ack.WithCredentials(id, secret),
					ack.WithSigning(signing), ack.WithRegion(fake.DefaultRegion), ack.WithClock(cloud.Clock()))
				if err != nil {
					t.Fatal(err)
				}
				runLifecycle(t, cloud, cluster.NewClient(cfg), f.spec("1"), f.form, f.nodes)
				for _, call := range cloud.Calls() {
					if call.InProcess || call.Caller != id {
						t.Fatalf("call %v came from %q (in process: %t), want signed by %s", call, call.Caller, call.InProcess, id)
					}
				}
			})
		}
	}
}

// runLifecycle creates, reads, lists, fetches a kubeconfig, lists nodes,
// modifies and deletes one cluster, checking each step.
func runLifecycle(t *testing.T, cloud *fake.Cloud, c *cluster.Client, spec cluster.Spec, form cluster.Form, nodes int) {
	t.Helper()
	ctx := context.Background()

	// Create and wait, watching the progress.
	op, err := c.Create(ctx, spec)
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	if op.TaskID() == "" || op.RequestID() == "" || op.Kind() != cluster.KindCreate {
		t.Errorf("Create: operation task %q, request %q, kind %s; want a task, a request ID, %s",
			op.TaskID(), op.RequestID(), op.Kind(), cluster.KindCreate)
	}
	var seen []string
	running, err := op.Wait(ctx, func(o *cluster.WaitOptions) {
		o.OnProgress = func(p cluster.Progress) {
			if p.ClusterID != op.ClusterID() || p.Kind != cluster.KindCreate {
				t.Errorf("progress %+v for another operation", p)
			}
			seen = append(seen, p.Phase+":"+p.From+">"+p.To)
		}
	})
	if err != nil {
		t.Fatalf("Create.Wait: %v", err)
	}
	wantSeen := []string{"task:>running", "task:running>success", "cluster:>running"}
	if diff := cmp.Diff(wantSeen, seen); diff != "" {
		t.Errorf("progress (-want +got):\n%s", diff)
	}
	if !op.Done() {
		t.Error("Done() = false after a successful Wait")
	}
	if running.ID != op.ClusterID() || running.State != cluster.StateRunning || running.Spec.Form != form ||
		running.Spec.Name != spec.Name || running.ClientToken == "" || running.RequestID == "" || len(running.Raw) == 0 {
		t.Errorf("Create.Wait = %s %s %s %q token %q request %q; want %s running %s %q with a token, a request ID, a raw body",
			running.ID, running.State, running.Spec.Form, running.Spec.Name, running.ClientToken, running.RequestID,
			op.ClusterID(), form, spec.Name)
	}
	if task, err := c.Task(ctx, op.TaskID()); err != nil || !task.Succeeded() || task.ClusterID != op.ClusterID() {
		t.Errorf("Task(%s) = %+v, %v; want a succeeded task of the cluster", op.TaskID(), task, err)
	}

	// Read it and find it in lists.
	got, err := c.Get(ctx, running.ID)
	if err != nil || got.State != cluster.StateRunning || got.Spec.VPCID != spec.VPCID {
		t.Fatalf("Get = %+v, %v; want the running cluster in %s", got, err, spec.VPCID)
	}
	for _, tt := range []struct {
		name string
		opts func(*cluster.ListOptions)
		want bool
	}{
		{"by name", func(o *cluster.ListOptions) { o.Name = spec.Name }, true},
		{"by form", func(o *cluster.ListOptions) { o.Form = form }, true},
		{"by other name", func(o *cluster.ListOptions) { o.Name = "no-such-cluster" }, false},
		{"by other form", func(o *cluster.ListOptions) { o.Form = cluster.ManagedBasic }, false},
	} {
		found := false
		for cl, err := range c.List(ctx, tt.opts) {
			if err != nil {
				t.Fatalf("List %s: %v", tt.name, err)
			}
			found = found || cl.ID == running.ID
		}
		if found != tt.want {
			t.Errorf("List %s found the cluster: %t, want %t", tt.name, found, tt.want)
		}
	}

	// A temporary kubeconfig.
	kc, err := c.Kubeconfig(ctx, running.ID, func(o *cluster.KubeconfigOptions) { o.Temporary = time.Hour })
	if err != nil {
		t.Fatalf("Kubeconfig: %v", err)
	}
	if wantExp := cloud.Now().Add(time.Hour); kc.Size() == 0 || kc.Expiration.Sub(wantExp).Abs() > time.Minute {
		t.Errorf("Kubeconfig: %d bytes expiring %s; want a config expiring about %s", kc.Size(), kc.Expiration, wantExp)
	}

	// Its nodes.
	n := 0
	for node, err := range c.Nodes(ctx, running.ID) {
		if err != nil {
			t.Fatalf("Nodes: %v", err)
		}
		if node.Role != "Master" || node.InstanceID == "" {
			t.Errorf("node %+v: want a master with an instance ID", node)
		}
		n++
	}
	if n != nodes {
		t.Errorf("Nodes yielded %d nodes, want %d", n, nodes)
	}

	// Turn deletion protection on: a delete is then refused.
	mod, err := c.Modify(ctx, running.ID, func(s *cluster.Spec) { s.DeletionProtection = true })
	if err != nil {
		t.Fatalf("Modify: %v", err)
	}
	if protected, err := mod.Wait(ctx); err != nil || !protected.Spec.DeletionProtection {
		t.Fatalf("Modify.Wait = %+v, %v; want deletion protection on", protected, err)
	}
	if _, err := c.Delete(ctx, running.ID); !ack.IsConflict(err) {
		t.Fatalf("Delete of a protected cluster: %v; want a conflict", err)
	}
	mod, err = c.Modify(ctx, running.ID, func(s *cluster.Spec) { s.DeletionProtection = false })
	if err != nil {
		t.Fatalf("Modify: %v", err)
	}
	if _, err := mod.Wait(ctx); err != nil {
		t.Fatalf("Modify.Wait: %v", err)
	}

	// Delete it and wait until it is gone.
	del, err := c.Delete(ctx, running.ID, func(o *cluster.DeleteOptions) {
		o.Policies = []cluster.ResourcePolicy{{Type: cluster.ResourceSLSData, Retain: true}}
	})
	if err != nil {
		t.Fatalf("Delete: %v", err)
	}
	gone, err := del.Wait(ctx)
	if err != nil || gone.State != cluster.StateDeleted || gone.ID != running.ID {
		t.Fatalf("Delete.Wait = %+v, %v; want the cluster deleted", gone, err)
	}
	if _, err := c.Get(ctx, running.ID); !errors.Is(err, ack.ErrNotFound) {
		t.Errorf("Get after delete: %v; want not found", err)
	}
	if left := cloud.Clusters(); len(left) != 0 {
		t.Errorf("the fake still holds %d clusters", len(left))
	}
	want := []string{"CreateCluster", "ModifyCluster", "DeleteCluster", "ModifyCluster", "DeleteCluster"}
	if diff := cmp.Diff(want, writes(cloud)); diff != "" {
		t.Errorf("writes (-want +got):\n%s", diff)
	}
	if !slices.Contains(actions(cloud), "DescribeClustersV1") {
		t.Error("no DescribeClustersV1 call was logged")
	}
}
