package cluster_test

import (
	"context"
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
)

// TestNodesPages lists a dedicated cluster's masters by pages with
// DescribeClusterNodes' camelCase paging, and filters them.
func TestNodesPages(t *testing.T) {
	ctx := context.Background()
	cloud := fake.New()
	c := newClient(cloud)
	cl := createRunning(t, c, clientDedicated("1"))

	var ids []string
	cloud.ClearCalls()
	for n, err := range c.Nodes(ctx, cl.ID, func(o *cluster.NodesOptions) { o.PageSize = 2 }) {
		if err != nil {
			t.Fatalf("Nodes: %v", err)
		}
		if n.Role != "Master" || n.State != "running" || n.Status != "Ready" || len(n.IPs) == 0 || n.RequestID == "" {
			t.Errorf("node %+v: want a running, ready master with an address and a request ID", n)
		}
		ids = append(ids, n.InstanceID)
	}
	if len(ids) != 3 {
		t.Fatalf("Nodes yielded %d nodes, want the 3 masters", len(ids))
	}
	var pages []url.Values
	for _, call := range cloud.Calls() {
		pages = append(pages, call.Query)
	}
	want := []url.Values{{"pageNumber": {"1"}, "pageSize": {"2"}}, {"pageNumber": {"2"}, "pageSize": {"2"}}}
	if diff := cmp.Diff(want, pages); diff != "" {
		t.Errorf("pages asked for (-want +got):\n%s", diff)
	}

	var picked []string
	for n, err := range c.Nodes(ctx, cl.ID, func(o *cluster.NodesOptions) { o.InstanceIDs = ids[1:2] }) {
		if err != nil {
			t.Fatalf("Nodes: %v", err)
		}
		picked = append(picked, n.InstanceID)
	}
	if diff := cmp.Diff(ids[1:2], picked); diff != "" {
		t.Errorf("nodes by instance ID (-want +got):\n%s", diff)
	}

	for n, err := range c.Nodes(ctx, "c-missing") {
		if n != nil || !errors.Is(err, ack.ErrNotFound) {
			t.Errorf("Nodes of a missing cluster yielded %v, %v; want not found", n, err)
		}
	}
}

// TestKubeconfig fetches kubeconfigs and checks their endpoint, expiry and
// redaction, and that out-of-bounds durations are refused before any call.
func TestKubeconfig(t *testing.T) {
	ctx := context.Background()
	cloud := fake.New()
	c := newClient(cloud)
	spec := clientManaged("1")
	spec.PublicEndpoint = true
	cl := createRunning(t, c, spec)

	tests := []struct {
		name       string
		opts       func(*cluster.KubeconfigOptions)
		wantServer string
		wantQuery  url.Values
		wantValid  time.Duration
	}{
		{"long-lived, public", nil, cl.APIServerEndpoint, url.Values{}, fake.DefaultKubeconfigValidity},
		{"temporary, private", func(o *cluster.KubeconfigOptions) { o.Private, o.Temporary = true, 90*time.Minute+time.Second },
			cl.IntranetAPIServerEndpoint, url.Values{"PrivateIpAddress": {"true"}, "TemporaryDurationMinutes": {"91"}}, 91 * time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cloud.ClearCalls()
			kc, err := c.Kubeconfig(ctx, cl.ID, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantServer == "" || !strings.Contains(kc.Config.Reveal(), tt.wantServer) {
				t.Errorf("kubeconfig does not name server %q", tt.wantServer)
			}
			if got, want := kc.Expiration, cloud.Now().Add(tt.wantValid); !got.Equal(want.Truncate(time.Second)) {
				t.Errorf("expiration %s, want %s", got, want)
			}
			if diff := cmp.Diff(tt.wantQuery, cloud.Calls()[0].Query); diff != "" {
				t.Errorf("query (-want +got):\n%s", diff)
			}
			if printed := fmt.Sprintf("%v %+v %#v", kc, kc, *kc); strings.Contains(printed, "apiVersion") {
				t.Errorf("printing the kubeconfig reveals it: %s", printed)
			}
		})
	}

	cloud.ClearCalls()
	for _, d := range []time.Duration{time.Minute, 73 * time.Hour} {
		_, err := c.Kubeconfig(ctx, cl.ID, func(o *cluster.KubeconfigOptions) { o.Temporary = d })
		if !slices.Contains(ruleIDs(err), cluster.RuleKubeconfigDuration) {
			t.Errorf("Kubeconfig(%s) = %v; want rule %s", d, err, cluster.RuleKubeconfigDuration)
		}
	}
	if n := len(cloud.Calls()); n != 0 {
		t.Errorf("refused kubeconfigs made %d calls", n)
	}
}

// TestTaskAndGetErrors reads a task, and refuses empty IDs without a call.
func TestTaskAndGetErrors(t *testing.T) {
	ctx := context.Background()
	cloud := fake.New()
	c := newClient(cloud)
	op, err := c.Create(ctx, clientServerless("1"))
	if err != nil {
		t.Fatal(err)
	}
	task, err := c.Task(ctx, op.TaskID())
	if err != nil {
		t.Fatal(err)
	}
	want := &cluster.Task{ID: op.TaskID(), ClusterID: op.ClusterID(), Type: fake.TaskTypeCreate, State: cluster.TaskRunning,
		Created: cloud.Now(), Updated: cloud.Now(), RequestID: task.RequestID}
	if diff := cmp.Diff(want, task); diff != "" || task.RequestID == "" || task.Succeeded() || task.Failed() {
		t.Errorf("Task (-want +got):\n%s", diff)
	}

	cloud.ClearCalls()
	if _, err := c.Task(ctx, ""); !errors.Is(err, ack.ErrInvalid) {
		t.Errorf("Task(\"\") = %v; want invalid", err)
	}
	if _, err := c.Get(ctx, ""); !errors.Is(err, ack.ErrInvalid) {
		t.Errorf("Get(\"\") = %v; want invalid", err)
	}
	if _, err := c.Delete(ctx, ""); !errors.Is(err, ack.ErrInvalid) {
		t.Errorf("Delete(\"\") = %v; want invalid", err)
	}
	if n := len(cloud.Calls()); n != 0 {
		t.Errorf("empty IDs made %d calls", n)
	}
	if _, err := c.Task(ctx, "T-missing"); !errors.Is(err, ack.ErrNotFound) {
		t.Errorf("Task of a missing task = %v; want not found", err)
	}
	if _, err := c.Delete(ctx, "c-missing"); !errors.Is(err, ack.ErrNotFound) {
		t.Errorf("Delete of a missing cluster = %v; want not found", err)
	}
}
