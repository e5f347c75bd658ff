package wire

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/ackgo/ack"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

const (
	cid  = "c82e6987e2961451182edacd74faf0000"
	npid = "np615c0e0966124216a0412e10afe0000"
	tid  = "T-5faa48fb31b6b8078d000006"
)

// routeCases are the (method, path) pairs of the API index, with the
// action and params each must resolve to.
var routeCases = []struct {
	method, path, action string
	params               []string // in placeholder order
}{
	{"POST", "/clusters", ActionCreateCluster, nil},
	{"GET", "/clusters", ActionDescribeClusters, nil},
	{"GET", "/clusters/" + cid, ActionDescribeClusterDetail, []string{cid}},
	{"GET", "/api/v1/clusters", ActionDescribeClustersV1, nil},
	{"DELETE", "/clusters/" + cid, ActionDeleteCluster, []string{cid}},
	{"PUT", "/api/v2/clusters/" + cid, ActionModifyCluster, []string{cid}},
	{"POST", "/api/v2/clusters/" + cid, ActionScaleOutCluster, []string{cid}},
	{"POST", "/clusters/" + cid + "/migrate", ActionMigrateCluster, []string{cid}},
	{"POST", "/clusters/" + cid + "/tags", ActionModifyClusterTags, []string{cid}},
	{"GET", "/clusters/" + cid + "/resources", ActionDescribeClusterResources, []string{cid}},
	{"GET", "/clusters/" + cid + "/nodes", ActionDescribeClusterNodes, []string{cid}},
	{"POST", "/clusters/" + cid + "/nodes", ActionDeleteClusterNodes, []string{cid}},
	{"POST", "/api/v2/clusters/" + cid + "/nodes/remove", ActionRemoveClusterNodes, []string{cid}},
	{"GET", "/k8s/" + cid + "/user_config", ActionDescribeClusterUserKubeconfig, []string{cid}},
	{"GET", "/api/v2/k8s/" + cid + "/user_config", ActionDescribeClusterV2UserKubeconfig, []string{cid}},
	{"POST", "/clusters/" + cid + "/nodepools", ActionCreateClusterNodePool, []string{cid}},
	{"GET", "/clusters/" + cid + "/nodepools", ActionDescribeClusterNodePools, []string{cid}},
	{"GET", "/clusters/" + cid + "/nodepools/" + npid, ActionDescribeClusterNodePoolDetail, []string{cid, npid}},
	{"PUT", "/clusters/" + cid + "/nodepools/" + npid, ActionModifyClusterNodePool, []string{cid, npid}},
	{"POST", "/clusters/" + cid + "/nodepools/" + npid, ActionScaleClusterNodePool, []string{cid, npid}},
	{"DELETE", "/clusters/" + cid + "/nodepools/" + npid, ActionDeleteClusterNodepool, []string{cid, npid}},
	{"DELETE", "/clusters/" + cid + "/nodepools/" + npid + "/nodes", ActionRemoveNodePoolNodes, []string{cid, npid}},
	{"POST", "/clusters/" + cid + "/nodepools/" + npid + "/upgrade", ActionUpgradeClusterNodepool, []string{cid, npid}},
	{"POST", "/clusters/" + cid + "/nodepools/" + npid + "/attach", ActionAttachInstancesToNodePool, []string{cid, npid}},
	{"POST", "/clusters/" + cid + "/nodepools/" + npid + "/repair", ActionRepairClusterNodePool, []string{cid, npid}},
	{"PUT", "/clusters/" + cid + "/nodepools/" + npid + "/node_config", ActionModifyNodePoolNodeConfig, []string{cid, npid}},
	{"POST", "/clusters/" + cid + "/sync_nodepools", ActionSyncClusterNodePool, []string{cid}},
	{"GET", "/quota", ActionDescribeUserQuota, nil},
	{"GET", "/api/v1/metadata/versions", ActionDescribeKubernetesVersionMetadata, nil},
	{"POST", "/api/v2/clusters/" + cid + "/upgrade", ActionUpgradeCluster, []string{cid}},
	{"GET", "/api/v2/clusters/" + cid + "/upgrade/status", ActionGetUpgradeStatus, []string{cid}},
	{"POST", "/api/v2/clusters/" + cid + "/upgrade/pause", ActionPauseClusterUpgrade, []string{cid}},
	{"POST", "/api/v2/clusters/" + cid + "/upgrade/resume", ActionResumeUpgradeCluster, []string{cid}},
	{"POST", "/api/v2/clusters/" + cid + "/upgrade/cancel", ActionCancelClusterUpgrade, []string{cid}},
	{"GET", "/tasks/" + tid, ActionDescribeTaskInfo, []string{tid}},
	{"GET", "/clusters/" + cid + "/tasks", ActionDescribeClusterTasks, []string{cid}},
	{"POST", "/tasks/" + tid + "/cancel", ActionCancelTask, []string{tid}},
	{"POST", "/tasks/" + tid + "/pause", ActionPauseTask, []string{tid}},
	{"POST", "/tasks/" + tid + "/resume", ActionResumeTask, []string{tid}},
}

// paramMap pairs placeholder names with values.
func paramMap(names, values []string) map[string]string {
	m := make(map[string]string, len(names))
	for i, n := range names {
		m[n] = values[i]
	}
	return m
}

func TestMatchAPIIndex(t *testing.T) {
	for _, tc := range routeCases {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			r, params, ok := Match(tc.method, tc.path)
			if !ok {
				t.Fatal("no route")
			}
			if r.Action != tc.action {
				t.Fatalf("action = %s, want %s", r.Action, tc.action)
			}
			want := paramMap(r.Placeholders(), tc.params)
			if diff := cmp.Diff(want, params, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("params (-want +got):\n%s", diff)
			}
			lr, ok := Lookup(tc.action)
			if !ok {
				t.Fatal("Lookup failed")
			}
			if got := lr.Path(tc.params...); got != tc.path {
				t.Errorf("Path = %s, want %s", got, tc.path)
			}
		})
	}
}

// TestEveryRouteCovered fails when a route is added without a case above.
func TestEveryRouteCovered(t *testing.T) {
	tested := map[string]bool{}
	for _, tc := range routeCases {
		tested[tc.action] = true
	}
	for _, r := range Routes() {
		if !tested[r.Action] {
			t.Errorf("route %s has no case in routeCases", r.Action)
		}
		if r.BodyKind < BodyNone || r.BodyKind > BodyArray || r.ResponseKind < BodyNone || r.ResponseKind > BodyArray {
			t.Errorf("route %s has unset body kinds %v/%v", r.Action, r.BodyKind, r.ResponseKind)
		}
	}
	if len(tested) != len(Routes()) {
		t.Errorf("%d actions tested, table has %d", len(tested), len(Routes()))
	}
}

func TestBodyKinds(t *testing.T) {
	tests := []struct {
		action         string
		request, reply BodyKind
	}{
		{ActionDescribeKubernetesVersionMetadata, BodyNone, BodyArray},
		{ActionDescribeClusters, BodyNone, BodyArray},
		{ActionModifyClusterTags, BodyArray, BodyNone},
		{ActionCancelClusterUpgrade, BodyNone, BodyNone},
		{ActionRemoveClusterNodes, BodyObject, BodyNone},
		{ActionCreateCluster, BodyObject, BodyObject},
		{ActionRemoveNodePoolNodes, BodyNone, BodyObject},
	}
	for _, tc := range tests {
		r, _ := Lookup(tc.action)
		if r.BodyKind != tc.request || r.ResponseKind != tc.reply {
			t.Errorf("%s: kinds %v/%v, want %v/%v", tc.action, r.BodyKind, r.ResponseKind, tc.request, tc.reply)
		}
	}
}

func TestEscapedParamsRoundTrip(t *testing.T) {
	tests := []struct {
		action  string
		params  []string
		escaped string
	}{
		{ActionDescribeClusterDetail, []string{"c 1/2%?#"}, "/clusters/c%201%2F2%25%3F%23"},
		{ActionScaleClusterNodePool, []string{"c-1", "np/../x"}, "/clusters/c-1/nodepools/np%2F..%2Fx"},
		{ActionDescribeTaskInfo, []string{"T-é:ü"}, "/tasks/T-%C3%A9:%C3%BC"},
		{ActionDeleteCluster, []string{".."}, "/clusters/%2E%2E"},
		{ActionDeleteCluster, []string{"."}, "/clusters/%2E"},
	}
	for _, tc := range tests {
		t.Run(tc.escaped, func(t *testing.T) {
			r, _ := Lookup(tc.action)
			path := r.Path(tc.params...)
			if path != tc.escaped {
				t.Errorf("Path = %s, want %s", path, tc.escaped)
			}
			got, params, ok := Match(r.Method, path)
			if !ok || got.Action != tc.action {
				t.Fatalf("Match = %s, %v", got.Action, ok)
			}
			if diff := cmp.Diff(paramMap(r.Placeholders(), tc.params), params); diff != "" {
				t.Errorf("params (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMatchRefuses(t *testing.T) {
	tests := []struct{ name, method, path string }{
		{"unknown path", "GET", "/nothing"},
		{"unknown method", "PATCH", "/clusters/c-1"},
		{"empty id", "GET", "/clusters//nodes"},
		{"trailing slash", "GET", "/clusters/c-1/"},
		{"bad escape", "GET", "/clusters/%zz"},
		{"relative", "GET", "clusters/c-1"},
		{"empty", "GET", ""},
		{"lower-case method", "get", "/clusters/c-1"},
		{"extra segment", "GET", "/tasks/T-1/extra"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if r, _, ok := Match(tc.method, tc.path); ok {
				t.Errorf("matched %s", r.Action)
			}
		})
	}
	// A query string is not part of the path.
	if r, p, ok := Match("GET", "/clusters/c-1/nodes?pageSize=10"); !ok || r.Action != ActionDescribeClusterNodes || p[ParamClusterID] != "c-1" {
		t.Errorf("query not ignored: %s %v %v", r.Action, p, ok)
	}
}

func TestAllowedMethods(t *testing.T) {
	tests := []struct {
		path string
		want []string
	}{
		{"/clusters/c-1/nodepools/np-1", []string{"DELETE", "GET", "POST", "PUT"}},
		{"/api/v2/clusters/c-1", []string{"POST", "PUT"}},
		{"/clusters", []string{"GET", "POST"}},
		{"/clusters/c-1/nodepools/np-1/nodes", []string{"DELETE"}},
		{"/nothing", nil},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.want, AllowedMethods(tc.path)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.path, diff)
		}
	}
}

func TestLiteralBeatsPlaceholder(t *testing.T) {
	a := Route{"ByID", "GET", "/x/{id}/c", BodyNone, BodyObject}
	b := Route{"Literal", "GET", "/x/b/{y}", BodyNone, BodyObject}
	c := Route{"Deep", "GET", "/x/{id}/{z}", BodyNone, BodyObject}
	for _, table := range [][]Route{{a, b, c}, {c, b, a}, {b, c, a}} {
		rt := newRouter(table)
		tests := []struct{ path, want string }{
			{"/x/b/c", "Literal"}, // literal at the first differing segment wins
			{"/x/q/c", "ByID"},
			{"/x/q/r", "Deep"},
			{"/x/b/r", "Literal"},
		}
		for _, tc := range tests {
			r, _, ok := rt.match("GET", tc.path)
			if !ok || r.Action != tc.want {
				t.Errorf("table %v: %s -> %s, want %s", table[0].Action, tc.path, r.Action, tc.want)
			}
		}
	}
}

func TestRouteProgrammingErrorsPanic(t *testing.T) {
	tests := []struct {
		name string
		f    func()
	}{
		{"too few params", func() { r, _ := Lookup(ActionScaleClusterNodePool); r.Path("c-1") }},
		{"too many params", func() { r, _ := Lookup(ActionDescribeUserQuota); r.Path("x") }},
		{"unknown action", func() { NewRequest("NoSuchAction") }},
		{"duplicate action", func() {
			newRouter([]Route{{Action: "A", Method: "GET", Pattern: "/a"}, {Action: "A", Method: "GET", Pattern: "/b"}})
		}},
		{"duplicate route", func() {
			newRouter([]Route{{Action: "A", Method: "GET", Pattern: "/a"}, {Action: "B", Method: "GET", Pattern: "/a"}})
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Error("did not panic")
				}
			}()
			tc.f()
		})
	}
}

func TestPlaceholders(t *testing.T) {
	r, _ := Lookup(ActionRemoveNodePoolNodes)
	if diff := cmp.Diff([]string{ParamClusterID, ParamNodepoolID}, r.Placeholders()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	r, _ = Lookup(ActionDescribeUserQuota)
	if got := r.Placeholders(); len(got) != 0 {
		t.Errorf("quota placeholders = %v", got)
	}
}

func TestNewRequest(t *testing.T) {
	tests := []struct {
		action string
		params []string
		want   ack.Request
	}{
		{ActionDescribeClusterDetail, []string{"c-1"}, ack.Request{Action: "DescribeClusterDetail", Method: http.MethodGet, Path: "/clusters/c-1", Retry: ack.Safe}},
		{ActionCreateCluster, nil, ack.Request{Action: "CreateCluster", Method: http.MethodPost, Path: "/clusters", Retry: ack.IfNotSent}},
		{ActionDeleteClusterNodepool, []string{"c-1", "np-1"}, ack.Request{Action: "DeleteClusterNodepool", Method: http.MethodDelete, Path: "/clusters/c-1/nodepools/np-1", Retry: ack.IfNotSent}},
		{ActionModifyCluster, []string{"c-1"}, ack.Request{Action: "ModifyCluster", Method: http.MethodPut, Path: "/api/v2/clusters/c-1", Retry: ack.IfNotSent}},
		// Unescaped, except what could change the route.
		{ActionDescribeClusterDetail, []string{"50% off"}, ack.Request{Action: "DescribeClusterDetail", Method: http.MethodGet, Path: "/clusters/50% off", Retry: ack.Safe}},
		{ActionDeleteCluster, []string{"c1/nodepools/np1"}, ack.Request{Action: "DeleteCluster", Method: http.MethodDelete, Path: "/clusters/c1%2Fnodepools%2Fnp1", Retry: ack.IfNotSent}},
		{ActionDeleteCluster, []string{".."}, ack.Request{Action: "DeleteCluster", Method: http.MethodDelete, Path: "/clusters/%2E%2E", Retry: ack.IfNotSent}},
	}
	for _, tc := range tests {
		t.Run(tc.want.Path, func(t *testing.T) {
			got := NewRequest(tc.action, tc.params...)
			if got.Query == nil {
				t.Fatal("Query is nil")
			}
			tc.want.Query = url.Values{}
			if diff := cmp.Diff(&tc.want, got, cmpopts.IgnoreFields(ack.Request{}, "Reconcile")); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestMatchRequest(t *testing.T) {
	tests := []struct {
		action string
		params []string
		want   map[string]string
	}{
		{ActionDescribeClusterDetail, []string{"50% off"}, map[string]string{ParamClusterID: "50% off"}},
		{ActionScaleClusterNodePool, []string{"c-1", "np?#1"}, map[string]string{ParamClusterID: "c-1", ParamNodepoolID: "np?#1"}},
		// A "/" cannot travel in the unescaped form: it stays one (odd) ID
		// and the route does not change.
		{ActionDeleteCluster, []string{"c1/nodepools/np1"}, map[string]string{ParamClusterID: "c1%2Fnodepools%2Fnp1"}},
	}
	for _, tc := range tests {
		req := NewRequest(tc.action, tc.params...)
		r, params, ok := MatchRequest(req)
		if !ok || r.Action != tc.action {
			t.Errorf("%s: MatchRequest = %s, %v", req.Path, r.Action, ok)
			continue
		}
		if diff := cmp.Diff(tc.want, params); diff != "" {
			t.Errorf("%s params (-want +got):\n%s", req.Path, diff)
		}
	}
}
