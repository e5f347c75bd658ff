package fake_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
)

// refusalCase is one call that the fake must refuse.
type refusalCase struct {
	name     string
	action   string
	params   []string
	query    url.Values
	body     any
	rawBody  string
	status   int
	code     string
	contains []string
}

func runRefusals(t *testing.T, c *fake.Cloud, tests []refusalCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var resp *ack.Response
			if tt.rawBody != "" {
				req := wire.NewRequest(tt.action, tt.params...)
				req.Body = []byte(tt.rawBody)
				var err error
				if resp, err = c.Transport().RoundTrip(context.Background(), req); err != nil {
					t.Fatal(err)
				}
			} else {
				resp = call(t, c, tt.action, tt.params, tt.query, tt.body)
			}
			e := errorBody(t, resp)
			if resp.StatusCode != tt.status || e.Code != tt.code {
				t.Fatalf("HTTP %d %s %q, want %d %s", resp.StatusCode, e.Code, e.Message, tt.status, tt.code)
			}
			for _, s := range tt.contains {
				if !strings.Contains(e.Message, s) {
					t.Errorf("message %q lacks %q", e.Message, s)
				}
			}
		})
	}
}

func TestRefusals(t *testing.T) {
	c := fake.New(fake.WithProgression(fake.ChangeCreateManaged, fake.Immediately()))
	running := decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, managedRequest("running"))).ClusterID
	protected := managedRequest("protected")
	protected.VPCID, protected.VSwitchIDs, protected.DeletionProtection = "vpc-protected", []string{"vsw-protected"}, wire.Bool(true)
	prot := decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, protected)).ClusterID
	initial := decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, dedicatedRequest("initial"))).ClusterID
	otherRegion := managedRequest("beijing")
	otherRegion.RegionID, otherRegion.VPCID, otherRegion.VSwitchIDs = "cn-beijing", "vpc-beijing", []string{"vsw-beijing"}

	runRefusals(t, c, []refusalCase{
		{"validation names the rules", wire.ActionCreateCluster, nil, nil,
			&wire.CreateClusterRequest{Name: "-bad", RegionID: "cn-hangzhou", ClusterType: "ManagedKubernetes", SNATEntry: wire.Bool(false)},
			"", 400, fake.InvalidParameter, []string{"[cluster.name.format]", "[cluster.nat.required]", "[cluster.network.plugin]"}},
		{"region not served", wire.ActionCreateCluster, nil, nil, otherRegion, "", 400, fake.InvalidParameter, []string{"[" + fake.RuleRegion + "]", "cn-beijing"}},
		{"malformed body", wire.ActionCreateCluster, nil, nil, nil, `{"name":`, 400, fake.InvalidParameterFormat, []string{"CreateCluster"}},
		{"wrong type in body", wire.ActionCreateCluster, nil, nil, nil, `{"master_count":"3"}`, 400, fake.InvalidParameterFormat, nil},
		{"no body", wire.ActionCreateCluster, nil, nil, nil, "", 400, fake.InvalidParameter, []string{"needs a JSON body"}},
		{"unknown cluster", wire.ActionDescribeClusterDetail, []string{"cmissing"}, nil, nil, "", 404, fake.ErrorClusterNotFound, []string{"cmissing"}},
		{"unknown task", wire.ActionDescribeTaskInfo, []string{"T-missing"}, nil, nil, "", 404, fake.ErrorTaskNotFound, []string{"T-missing"}},
		{"delete while creating", wire.ActionDeleteCluster, []string{initial}, nil, nil, "", 400, fake.ErrorClusterState, []string{"initial"}},
		{"delete with protection", wire.ActionDeleteCluster, []string{prot}, nil, nil, "", 400, fake.ErrorDeletionProtection, []string{prot}},
		{"delete options not JSON", wire.ActionDeleteCluster, []string{running}, url.Values{"retain_resources": {"[1,"}}, nil, "", 400, fake.InvalidParameterFormat, nil},
		{"modify while creating", wire.ActionModifyCluster, []string{initial}, nil, map[string]any{"cluster_name": "x"}, "", 400, fake.ErrorClusterState, nil},
		{"modify the VPC", wire.ActionModifyCluster, []string{running}, nil, map[string]any{"vpcid": "vpc-other"}, "", 400, fake.InvalidParameter, []string{"[cluster.immutable.vpc]"}},
		{"modify the pod CIDR", wire.ActionModifyCluster, []string{running}, nil, map[string]any{"container_cidr": "10.0.0.0/8"}, "", 400, fake.InvalidParameter, []string{"[cluster.immutable.field]"}},
		{"modify to a malformed vswitch", wire.ActionModifyCluster, []string{running}, nil, map[string]any{"vswitch_ids": []string{"vsw-bad_id"}}, "", 400, fake.InvalidParameter, []string{"[cluster.network.vswitch_id]"}},
		{"kubeconfig while creating", wire.ActionDescribeClusterUserKubeconfig, []string{initial}, nil, nil, "", 400, fake.ErrorClusterState, nil},
		{"kubeconfig too short", wire.ActionDescribeClusterUserKubeconfig, []string{running}, url.Values{"TemporaryDurationMinutes": {"5"}}, nil, "", 400, fake.InvalidParameter, []string{"[cluster.kubeconfig.duration]"}},
		{"kubeconfig too long", wire.ActionDescribeClusterUserKubeconfig, []string{running}, url.Values{"TemporaryDurationMinutes": {"99999999999999"}}, nil, "", 400, fake.InvalidParameter, []string{"[cluster.kubeconfig.duration]"}},
		{"nodes page too large", wire.ActionDescribeClusterNodes, []string{running}, url.Values{"pageSize": {"101"}}, nil, "", 400, fake.InvalidParameter, []string{"pageSize"}},
		{"list page zero", wire.ActionDescribeClustersV1, nil, url.Values{"page_number": {"-1"}}, nil, "", 400, fake.InvalidParameter, []string{"page_number"}},
		{"list page not a number", wire.ActionDescribeClustersV1, nil, url.Values{"page_size": {"ten"}}, nil, "", 400, fake.InvalidParameterFormat, nil},
		{"not implemented", wire.ActionMigrateCluster, []string{running}, nil, map[string]any{}, "", 501, fake.NotImplemented, []string{"MigrateCluster"}},
	})
}

func TestUnroutedRequests(t *testing.T) {
	c := fake.New()
	tests := []struct {
		name     string
		method   string
		path     string
		action   string // x-acs-action
		status   int
		code     string
		contains string
	}{
		{"unknown path", http.MethodGet, "/no/such/api", "", 404, fake.InvalidActionNotFound, "/no/such/api"},
		{"wrong method", http.MethodPatch, "/clusters/c1", "", 405, fake.InvalidActionNotFound, "GET"},
		{"known action on a wrong path", http.MethodGet, "/no/such/api", wire.ActionDescribeClusterDetail, 404, fake.InvalidActionNotFound, wire.ActionDescribeClusterDetail},
		{"an API the route table lacks, named by a Tea SDK", http.MethodPost, "/clusters/c1/components/install", "InstallClusterAddons",
			501, fake.NotImplemented, "InstallClusterAddons"},
		{"a malformed action name is not taken for an API", http.MethodGet, "/no/such/api", "not an action", 404, fake.InvalidActionNotFound, "/no/such/api"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := &ack.Request{Method: tt.method, Path: tt.path, Action: tt.action}
			resp, err := c.Transport().RoundTrip(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			e := errorBody(t, resp)
			if resp.StatusCode != tt.status || e.Code != tt.code || !strings.Contains(e.Message, tt.contains) {
				t.Fatalf("HTTP %d %+v, want %d %s naming %q", resp.StatusCode, e, tt.status, tt.code, tt.contains)
			}
		})
	}
	for action, want := range map[string]bool{
		wire.ActionCreateCluster:             true,
		wire.ActionCreateClusterNodePool:     true,
		wire.ActionRemoveNodePoolNodes:       true,
		wire.ActionScaleOutCluster:           true,
		wire.ActionUpgradeClusterNodepool:    true,
		wire.ActionUpgradeCluster:            true,
		wire.ActionRepairClusterNodePool:     false,
		wire.ActionAttachInstancesToNodePool: false,
	} {
		if got := fake.Implemented(action); got != want {
			t.Errorf("Implemented(%s) = %v, want %v", action, got, want)
		}
	}
}

func TestDeleteOptionsRecorded(t *testing.T) {
	tests := []struct {
		name  string
		query url.Values
		body  string
		want  map[string]any
	}{
		{"query, as the Tea SDK sends", url.Values{"retain_all_resources": {"true"}, "retain_resources": {`["lb-1"]`}},
			"", map[string]any{"retain_all_resources": true, "keep_slb": false, "retain_resources": []any{"lb-1"}}},
		{"JSON body", nil, `{"keep_slb":true}`, map[string]any{"retain_all_resources": false, "keep_slb": true}},
		{"form body, as the old SDK sends", nil, "retain_all_resources=true&keep_slb=true", map[string]any{"retain_all_resources": true, "keep_slb": true}},
		{"delete options", url.Values{"delete_options": {`[{"delete_mode":"retain","resource_type":"SLB"}]`}}, "",
			map[string]any{"retain_all_resources": false, "keep_slb": false, "delete_options": []any{map[string]any{"delete_mode": "retain", "resource_type": "SLB"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := fake.New(fake.WithProgressions(fake.Immediately()))
			id := decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, managedRequest("d"))).ClusterID
			req := wire.NewRequest(wire.ActionDeleteCluster, id)
			if tt.query != nil {
				req.Query = tt.query
			}
			req.Body = []byte(tt.body)
			resp, err := c.Transport().RoundTrip(context.Background(), req)
			if err != nil || resp.StatusCode != http.StatusOK {
				t.Fatalf("delete: %v %s", err, resp.Body)
			}
			task := decode[wire.TaskInfo](t, call(t, c, wire.ActionDescribeTaskInfo, []string{decode[wire.DeleteClusterResponse](t, resp).TaskID}, nil, nil))
			if diff := cmp.Diff(tt.want, task.Parameters); diff != "" {
				t.Fatalf("task parameters (-want +got):\n%s", diff)
			}
		})
	}
}

func TestModifyCluster(t *testing.T) {
	c := fake.New(fake.WithClock(fake.Manual), fake.WithProgression(fake.ChangeCreateManaged, fake.Immediately()))
	id := decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, managedRequest("before"))).ClusterID
	body := map[string]any{
		"cluster_name": "after", "deletion_protection": true,
		"operation_policy":            map[string]any{"cluster_auto_upgrade": map[string]any{"enabled": true, "channel": "stable"}},
		"api_server_custom_cert_sans": map[string]any{"action": "append", "subject_alternative_names": []string{"api.example.com"}},
	}
	resp := call(t, c, wire.ActionModifyCluster, []string{id}, nil, body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("modify: HTTP %d %s", resp.StatusCode, resp.Body)
	}
	mr := decode[wire.ModifyClusterResponse](t, resp)
	d := decode[wire.ClusterDetail](t, call(t, c, wire.ActionDescribeClusterDetail, []string{id}, nil, nil))
	if d.State != "updating" || d.Name != "before" {
		t.Fatalf("during the change: %s %q, want updating with the old name", d.State, d.Name)
	}
	c.Advance(time.Minute)
	d = decode[wire.ClusterDetail](t, call(t, c, wire.ActionDescribeClusterDetail, []string{id}, nil, nil))
	got := []any{d.State, d.Name, d.DeletionProtection, d.OperationPolicy.ClusterAutoUpgrade.Channel, d.ExtraSANs}
	want := []any{"running", "after", true, "stable", []string{"api.example.com"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("after the change (-want +got):\n%s", diff)
	}
	task := decode[wire.TaskInfo](t, call(t, c, wire.ActionDescribeTaskInfo, []string{mr.TaskID}, nil, nil))
	if task.TaskType != fake.TaskTypeModify || task.State != "success" || task.Parameters["cluster_name"] != "after" {
		t.Fatalf("task %+v", task)
	}

	// Deletion protection holds until it is turned off.
	if r := call(t, c, wire.ActionDeleteCluster, []string{id}, nil, nil); errorBody(t, r).Code != fake.ErrorDeletionProtection {
		t.Fatalf("delete of a protected cluster: %s", r.Body)
	}
	call(t, c, wire.ActionModifyCluster, []string{id}, nil, map[string]any{"deletion_protection": false})
	c.Advance(time.Minute)
	if r := call(t, c, wire.ActionDeleteCluster, []string{id}, nil, nil); r.StatusCode != http.StatusOK {
		t.Fatalf("delete after protection was turned off: %s", r.Body)
	}
}

func TestModifyFailure(t *testing.T) {
	c := fake.New(fake.WithProgressions(fake.Immediately()))
	id := decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, managedRequest("keep"))).ClusterID
	c.FailNext(fake.ChangeModifyCluster, "UpdateBroke", "")
	call(t, c, wire.ActionModifyCluster, []string{id}, nil, map[string]any{"cluster_name": "lost"})
	got, _ := c.Cluster(id)
	if got.State != "updating_failed" || got.Spec.Name != "keep" {
		t.Fatalf("after a failed modify: %s %q, want updating_failed keeping the name", got.State, got.Spec.Name)
	}
}

func TestKubeconfig(t *testing.T) {
	c := fake.New(fake.WithProgressions(fake.Immediately()))
	pub := managedRequest("pub")
	pub.EndpointPublicAccess = wire.Bool(true)
	id := decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, pub)).ClusterID
	d := decode[wire.ClusterDetail](t, call(t, c, wire.ActionDescribeClusterDetail, []string{id}, nil, nil))
	mu, err := d.DecodeMasterURL()
	if err != nil || mu.APIServerEndpoint == "" || mu.IntranetAPIServerEndpoint == "" {
		t.Fatalf("master_url %+v %v", mu, err)
	}
	tests := []struct {
		name    string
		query   url.Values
		server  string
		expires time.Duration
	}{
		{"public, three years", nil, mu.APIServerEndpoint, fake.DefaultKubeconfigValidity},
		{"private, temporary", url.Values{"PrivateIpAddress": {"true"}, "TemporaryDurationMinutes": {"60"}}, mu.IntranetAPIServerEndpoint, time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kc := decode[wire.KubeconfigResponse](t, call(t, c, wire.ActionDescribeClusterUserKubeconfig, []string{id}, tt.query, nil))
			if !strings.Contains(kc.Config, `server: "`+tt.server+`"`) || !strings.HasPrefix(kc.Config, "apiVersion: v1\nkind: Config\n") {
				t.Fatalf("kubeconfig does not point at %s:\n%s", tt.server, kc.Config)
			}
			exp, err := time.Parse(time.RFC3339, kc.Expiration)
			if err != nil || !exp.Equal(c.Now().Add(tt.expires)) {
				t.Fatalf("expiration %q, want now + %s", kc.Expiration, tt.expires)
			}
			for _, key := range []string{"clusters:", "contexts:", "users:", "current-context:", "certificate-authority-data:", "client-key-data:"} {
				if !strings.Contains(kc.Config, key) {
					t.Errorf("kubeconfig lacks %s", key)
				}
			}
		})
	}
}

func TestListFiltersAndPaging(t *testing.T) {
	c := fake.New(fake.WithRegions("cn-hangzhou", "cn-beijing"))
	reqs := []*wire.CreateClusterRequest{managedRequest("web-prod"), dedicatedRequest("db-prod"), serverlessRequest("web-ci")}
	reqs[2].RegionID = "cn-beijing"
	var ids []string
	for _, r := range reqs {
		ids = append(ids, decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, r)).ClusterID)
	}
	tests := []struct {
		query url.Values
		want  []string
		total int64
	}{
		{url.Values{}, ids, 3},
		{url.Values{"name": {"web"}}, []string{ids[0], ids[2]}, 2},
		{url.Values{"cluster_type": {"Kubernetes"}}, ids[1:2], 1},
		{url.Values{"profile": {"Serverless"}}, ids[2:], 1},
		{url.Values{"cluster_spec": {"ack.pro.small"}}, ids[:1], 1},
		{url.Values{"region_id": {"cn-beijing"}}, ids[2:], 1},
		{url.Values{"cluster_id": {ids[1]}}, ids[1:2], 1},
		{url.Values{"page_size": {"2"}, "page_number": {"2"}}, ids[2:], 3},
		{url.Values{"page_size": {"2"}, "page_number": {"3"}}, nil, 3},
	}
	for _, tt := range tests {
		t.Run(tt.query.Encode(), func(t *testing.T) {
			page := decode[wire.DescribeClustersV1Response](t, call(t, c, wire.ActionDescribeClustersV1, nil, tt.query, nil))
			var got []string
			for _, d := range page.Clusters {
				got = append(got, d.ClusterID)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" || page.PageInfo.TotalCount != tt.total {
				t.Fatalf("total %d (want %d), clusters (-want +got):\n%s", page.PageInfo.TotalCount, tt.total, diff)
			}
		})
	}
}

func TestNodesOfDedicatedCluster(t *testing.T) {
	c := fake.New()
	id := decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, dedicatedRequest("nodes"))).ClusterID
	managed := decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, managedRequest("no-nodes"))).ClusterID
	states := func(q url.Values) []string {
		r := decode[wire.DescribeClusterNodesResponse](t, call(t, c, wire.ActionDescribeClusterNodes, []string{id}, q, nil))
		var out []string
		for _, n := range r.Nodes {
			out = append(out, n.InstanceRole+"/"+n.State)
		}
		return out
	}
	if diff := cmp.Diff([]string{"Master/initial", "Master/initial", "Master/initial"}, states(nil)); diff != "" {
		t.Fatalf("while creating (-want +got):\n%s", diff)
	}
	c.Advance(12 * time.Minute)
	if got := states(url.Values{"state": {"running"}}); len(got) != 3 {
		t.Fatalf("running masters: %v", got)
	}
	if got := states(url.Values{"state": {"failed"}}); len(got) != 0 {
		t.Fatalf("failed masters: %v", got)
	}
	empty := call(t, c, wire.ActionDescribeClusterNodes, []string{managed}, nil, nil)
	if !strings.Contains(string(empty.Body), `"nodes":[]`) {
		t.Fatalf("managed cluster nodes: %s", empty.Body)
	}
	d := decode[wire.ClusterDetail](t, call(t, c, wire.ActionDescribeClusterDetail, []string{id}, nil, nil))
	if d.Size != 3 {
		t.Fatalf("size %d, want 3 masters", d.Size)
	}
}

func TestReadOnlyPrincipal(t *testing.T) {
	c := fake.New(fake.WithPrincipal(fake.Principal{Name: "auditor", ReadOnly: true}))
	resp := call(t, c, wire.ActionCreateCluster, nil, nil, managedRequest("ro"))
	if e := errorBody(t, resp); resp.StatusCode != http.StatusForbidden || e.Code != fake.ErrorCheckAcl || !strings.Contains(e.Message, "auditor") {
		t.Fatalf("write as read-only principal: HTTP %d %+v", resp.StatusCode, e)
	}
	if r := call(t, c, wire.ActionDescribeUserQuota, nil, nil, nil); r.StatusCode != http.StatusOK {
		t.Fatalf("read as read-only principal: HTTP %d", r.StatusCode)
	}
	c.SetPrincipal(fake.Principal{})
	if r := call(t, c, wire.ActionCreateCluster, nil, nil, managedRequest("rw")); r.StatusCode != http.StatusOK {
		t.Fatalf("write with full access: HTTP %d %s", r.StatusCode, r.Body)
	}
	if got := c.Calls()[0].Caller; got != "auditor" {
		t.Fatalf("caller %q", got)
	}
}

func TestReset(t *testing.T) {
	c := fake.New(fake.WithVPC(fake.VPC{ID: "vpc-keep", CIDR: "10.0.0.0/8"}))
	call(t, c, wire.ActionCreateCluster, nil, nil, managedRequest("gone"))
	c.PrependReactor(fake.AllActions, fake.ReturnError(fake.InternalError, 0, "x"))
	c.FailNext(fake.ChangeAnyCreate, "X", "y")
	before := c.Now()
	c.Reset()
	if len(c.Clusters()) != 0 || len(c.Calls()) != 0 {
		t.Fatal("reset kept clusters or calls")
	}
	if _, ok := c.VPC("vpc-managed1"); ok {
		t.Fatal("reset kept a VPC registered on use")
	}
	if _, ok := c.VPC("vpc-keep"); !ok {
		t.Fatal("reset dropped a configured VPC")
	}
	id := decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, managedRequest("fresh"))).ClusterID
	c.Advance(time.Hour)
	if got, _ := c.Cluster(id); got.State != "running" || c.Now().Before(before) {
		t.Fatalf("after reset: %s (a reactor or failure survived?)", got.State)
	}
}

func TestModifyClusterTags(t *testing.T) {
	c := fake.New(fake.WithProgressions(fake.Immediately()))
	id := decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, managedRequest("tags"))).ClusterID
	tags := []wire.Tag{{Key: "owner", Value: "platform"}, {Key: "env", Value: "prod"}}
	resp := call(t, c, wire.ActionModifyClusterTags, []string{id}, nil, tags)
	if resp.StatusCode != http.StatusOK || len(resp.Body) != 0 || resp.RequestID == "" {
		t.Fatalf("HTTP %d %q (request id %q), want 200 without a body", resp.StatusCode, resp.Body, resp.RequestID)
	}
	d := decode[wire.ClusterDetail](t, call(t, c, wire.ActionDescribeClusterDetail, []string{id}, nil, nil))
	if diff := cmp.Diff(tags, d.Tags); diff != "" {
		t.Fatalf("tags (-want +got):\n%s", diff)
	}
	var many []wire.Tag
	for i := range 21 {
		many = append(many, wire.Tag{Key: "k" + strings.Repeat("x", i), Value: "v"})
	}
	runRefusals(t, c, []refusalCase{
		{"too many tags", wire.ActionModifyClusterTags, []string{id}, nil, many, "", 400, fake.InvalidParameter, []string{"[cluster.tags.limit]"}},
		{"not an array", wire.ActionModifyClusterTags, []string{id}, nil, nil, `{"key":"a"}`, 400, fake.InvalidParameterFormat, nil},
		{"unknown cluster", wire.ActionModifyClusterTags, []string{"cnone"}, nil, tags, "", 404, fake.ErrorClusterNotFound, nil},
	})
}
