package fake_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
)

// parseTime reads a timestamp the fake wrote.
func parseTime(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatalf("timestamp %q: %v", s, err)
	}
	return v
}

func TestLifecycleByForm(t *testing.T) {
	tests := []struct {
		name     string
		req      *wire.CreateClusterRequest
		takes    time.Duration
		wantType string
		wantSpec string
		wantProf string
		wantSize int64
	}{
		{"dedicated", dedicatedRequest("ded"), 12 * time.Minute, "Kubernetes", "", "Default", 3},
		{"managed pro", managedRequest("pro"), 8 * time.Minute, "ManagedKubernetes", "ack.pro.small", "Default", 0},
		{"managed basic", func() *wire.CreateClusterRequest {
			r := managedRequest("basic")
			r.ClusterSpec = ""
			return r
		}(), 8 * time.Minute, "ManagedKubernetes", "ack.standard", "Default", 0},
		{"serverless", serverlessRequest("sls"), 2 * time.Minute, "ManagedKubernetes", "ack.standard", "Serverless", 0},
		{"legacy ask", func() *wire.CreateClusterRequest {
			r := serverlessRequest("ask")
			r.ClusterType, r.Profile = "Ask", ""
			return r
		}(), 2 * time.Minute, "Ask", "", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := fake.New()
			resp := call(t, c, wire.ActionCreateCluster, nil, nil, tt.req)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("create: HTTP %d %s", resp.StatusCode, resp.Body)
			}
			cr := decode[wire.CreateClusterResponse](t, resp)
			if cr.ClusterID == "" || cr.TaskID == "" || cr.RequestID != resp.RequestID {
				t.Fatalf("create answer %+v (header request id %q)", cr, resp.RequestID)
			}

			first := decode[wire.ClusterDetail](t, call(t, c, wire.ActionDescribeClusterDetail, []string{cr.ClusterID}, nil, nil))
			if first.State != "initial" {
				t.Fatalf("state right after create = %q, want initial", first.State)
			}
			task := decode[wire.TaskInfo](t, call(t, c, wire.ActionDescribeTaskInfo, []string{cr.TaskID}, nil, nil))
			if task.State != "running" {
				t.Fatalf("task right after create = %q, want running", task.State)
			}

			d := waitState(t, c, cr.ClusterID, "running", time.Hour)
			got := []any{d.ClusterType, d.ClusterSpec, d.Profile, d.Size, d.CurrentVersion}
			want := []any{tt.wantType, tt.wantSpec, tt.wantProf, tt.wantSize, fake.DefaultKubernetesVersion}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("detail (-want +got):\n%s", diff)
			}
			if took := parseTime(t, d.Updated).Sub(parseTime(t, d.Created)); took != tt.takes {
				t.Errorf("created %s, running at %s: took %s, want %s", d.Created, d.Updated, took, tt.takes)
			}
			task = decode[wire.TaskInfo](t, call(t, c, wire.ActionDescribeTaskInfo, []string{cr.TaskID}, nil, nil))
			if task.State != "success" || task.Updated != d.Updated || task.Error != nil {
				t.Errorf("task after running: state %q updated %q error %+v; want success at %q", task.State, task.Updated, task.Error, d.Updated)
			}

			del := call(t, c, wire.ActionDeleteCluster, []string{cr.ClusterID}, nil, nil)
			if del.StatusCode != http.StatusOK {
				t.Fatalf("delete: HTTP %d %s", del.StatusCode, del.Body)
			}
			dr := decode[wire.DeleteClusterResponse](t, del)
			d = decode[wire.ClusterDetail](t, call(t, c, wire.ActionDescribeClusterDetail, []string{cr.ClusterID}, nil, nil))
			if d.State != "deleting" {
				t.Fatalf("state after delete = %q, want deleting", d.State)
			}
			c.Advance(3*time.Minute - time.Second)
			if d = decode[wire.ClusterDetail](t, call(t, c, wire.ActionDescribeClusterDetail, []string{cr.ClusterID}, nil, nil)); d.State != "deleting" {
				t.Fatalf("state a second before the deletion completes = %q, want deleting", d.State)
			}
			c.Advance(time.Second)
			gone := call(t, c, wire.ActionDescribeClusterDetail, []string{cr.ClusterID}, nil, nil)
			if gone.StatusCode != http.StatusNotFound || errorBody(t, gone).Code != fake.ErrorClusterNotFound {
				t.Fatalf("after delete: HTTP %d %s, want 404 ErrorClusterNotFound", gone.StatusCode, gone.Body)
			}
			task = decode[wire.TaskInfo](t, call(t, c, wire.ActionDescribeTaskInfo, []string{dr.TaskID}, nil, nil))
			if task.State != "success" || task.TaskType != fake.TaskTypeDelete {
				t.Errorf("delete task: state %q type %q, want success %s", task.State, task.TaskType, fake.TaskTypeDelete)
			}
			if n := len(c.Clusters()); n != 0 {
				t.Errorf("%d clusters left after delete", n)
			}
		})
	}
}

// TestProgressionByPolls completes a creation after a number of polls:
// reads of the cluster (its detail, its appearance in a list, its nodes)
// or of its task all count, and the clock does not move.
func TestProgressionByPolls(t *testing.T) {
	tests := []struct {
		name  string
		polls int
		reads []string
		want  []string
	}{
		{"detail and task alternate", 2, []string{"detail", "task", "detail", "task"},
			[]string{"initial", "task:running", "running", "task:success"}},
		{"task only", 3, []string{"task", "task", "task", "task"},
			[]string{"task:running", "task:running", "task:running", "task:success"}},
		{"list and nodes count", 3, []string{"list", "nodes", "detail", "list"},
			[]string{"initial", "nodes", "initial", "running"}},
		{"one poll", 1, []string{"detail", "detail"}, []string{"initial", "running"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := fake.New(fake.WithProgressions(fake.AfterPolls(tt.polls)))
			start := c.Now()
			cr := decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, managedRequest("polls")))
			var states []string
			for _, read := range tt.reads {
				switch read {
				case "detail":
					states = append(states, decode[wire.ClusterDetail](t, call(t, c, wire.ActionDescribeClusterDetail, []string{cr.ClusterID}, nil, nil)).State)
				case "task":
					states = append(states, "task:"+decode[wire.TaskInfo](t, call(t, c, wire.ActionDescribeTaskInfo, []string{cr.TaskID}, nil, nil)).State)
				case "list":
					page := decode[wire.DescribeClustersV1Response](t, call(t, c, wire.ActionDescribeClustersV1, nil, nil, nil))
					states = append(states, page.Clusters[0].State)
				case "nodes":
					call(t, c, wire.ActionDescribeClusterNodes, []string{cr.ClusterID}, nil, nil)
					states = append(states, "nodes")
				}
			}
			if diff := cmp.Diff(tt.want, states); diff != "" {
				t.Fatalf("states over polls (-want +got):\n%s", diff)
			}
			if !c.Now().Equal(start) {
				t.Fatalf("polls moved the clock to %v", c.Now())
			}
		})
	}
}

func TestProgressionImmediately(t *testing.T) {
	c := fake.New(fake.WithProgression(fake.ChangeCreateManaged, fake.Immediately()))
	cr := decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, managedRequest("now")))
	got, ok := c.Cluster(cr.ClusterID)
	if !ok || got.State != "running" || !got.Updated.Equal(got.Created) {
		t.Fatalf("cluster %+v, want running at creation", got)
	}
}

func TestProgressionCustomDuration(t *testing.T) {
	c := fake.New(fake.WithClock(fake.Manual), fake.WithProgression(fake.ChangeCreateServerless, fake.AfterDuration(time.Hour)))
	cr := decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, serverlessRequest("slow")))
	steps := []struct {
		advance time.Duration
		want    string
	}{{59 * time.Minute, "initial"}, {time.Minute, "running"}}
	for _, s := range steps {
		c.Advance(s.advance)
		got, _ := c.Cluster(cr.ClusterID)
		if string(got.State) != s.want {
			t.Fatalf("after %s more: %s, want %s", s.advance, got.State, s.want)
		}
	}
}

func TestFailures(t *testing.T) {
	tests := []struct {
		name      string
		before    func(c *fake.Cloud)
		after     func(t *testing.T, c *fake.Cloud, clusterID, taskID string)
		wantState string
		wantCode  string
	}{
		{"next create fails", func(c *fake.Cloud) { c.FailNext(fake.ChangeAnyCreate, "ErrQuotaBroke", "out of quota") }, nil, "failed", "ErrQuotaBroke"},
		{"next managed create fails, default code", func(c *fake.Cloud) { c.FailNext(fake.ChangeCreateManaged, "", "") }, nil, "failed", fake.InternalError},
		{"fail cluster in progress", nil, func(t *testing.T, c *fake.Cloud, id, _ string) {
			if err := c.FailCluster(id, "400", "disk broke"); err != nil {
				t.Fatal(err)
			}
		}, "failed", "400"},
		{"fail task", nil, func(t *testing.T, c *fake.Cloud, _, task string) {
			if err := c.FailTask(task, "TaskBroke", "it broke"); err != nil {
				t.Fatal(err)
			}
		}, "failed", "TaskBroke"},
		{"other kind does not fail", func(c *fake.Cloud) { c.FailNext(fake.ChangeCreateDedicated, "X", "y") }, nil, "running", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := fake.New()
			if tt.before != nil {
				tt.before(c)
			}
			cr := decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, managedRequest("f")))
			if tt.after != nil {
				tt.after(t, c, cr.ClusterID, cr.TaskID)
			}
			c.Advance(time.Hour)
			d := decode[wire.ClusterDetail](t, call(t, c, wire.ActionDescribeClusterDetail, []string{cr.ClusterID}, nil, nil))
			ti := decode[wire.TaskInfo](t, call(t, c, wire.ActionDescribeTaskInfo, []string{cr.TaskID}, nil, nil))
			gotCode := ""
			if ti.Error != nil {
				gotCode = ti.Error.Code
			}
			if d.State != tt.wantState || gotCode != tt.wantCode || d.Updated != ti.Updated {
				t.Fatalf("cluster %s, task %s error %q (updated %s / %s); want %s, %q, one instant",
					d.State, ti.State, gotCode, d.Updated, ti.Updated, tt.wantState, tt.wantCode)
			}
			if tt.wantCode != "" && (ti.State != "failed" || ti.Error.Message == "") {
				t.Fatalf("failed task: %+v", ti)
			}
		})
	}
}

func TestFailClusterNextChangeAndErrors(t *testing.T) {
	c := fake.New(fake.WithProgressions(fake.Immediately()))
	cr := decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, managedRequest("next")))
	if err := c.FailCluster(cr.ClusterID, "DeleteBroke", "stuck"); err != nil {
		t.Fatal(err)
	}
	call(t, c, wire.ActionDeleteCluster, []string{cr.ClusterID}, nil, nil)
	got, _ := c.Cluster(cr.ClusterID)
	if got.State != "delete_failed" {
		t.Fatalf("state %s, want delete_failed", got.State)
	}
	task, _ := c.Task(got.TaskID)
	if task.Error == nil || task.Error.Code != "DeleteBroke" {
		t.Fatalf("task %+v", task)
	}
	if err := c.FailTask(task.ID, "x", "y"); err == nil {
		t.Fatal("FailTask of an ended task succeeded")
	}
	if err := c.FailTask("T-none", "x", "y"); err == nil {
		t.Fatal("FailTask of an unknown task succeeded")
	}
	if err := c.FailCluster("c-none", "x", "y"); err == nil {
		t.Fatal("FailCluster of an unknown cluster succeeded")
	}
	// A failed delete may be retried, and then succeeds.
	call(t, c, wire.ActionDeleteCluster, []string{cr.ClusterID}, nil, nil)
	if _, ok := c.Cluster(cr.ClusterID); ok {
		t.Fatal("cluster survived a second delete")
	}
}

func TestAutoAdvanceWaitIsInstant(t *testing.T) {
	c := fake.New()
	before := c.Now()
	if err := c.Clock().Sleep(context.Background(), 10*time.Minute); err != nil {
		t.Fatal(err)
	}
	if got := c.Now().Sub(before); got != 10*time.Minute {
		t.Fatalf("sleep moved the clock by %s", got)
	}
}
