package fake_test

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/responses"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/cs"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/version"
)

// roa sends a ROA CommonRequest, for the calls and parameters the SDK's
// typed requests lack.
func (c *sdkClient) roa(method, api, pattern string, path, query map[string]string, body any) (*responses.CommonResponse, error) {
	r := requests.NewCommonRequest()
	r.Method, r.Product, r.Version, r.ApiName = method, "CS", "2015-12-15", api
	r.PathPattern = pattern
	for k, v := range path {
		r.PathParams[k] = v
	}
	for k, v := range query {
		r.QueryParams[k] = v
	}
	if body != nil {
		b, _ := json.Marshal(body)
		r.SetContent(b)
		r.SetContentType("application/json")
	}
	r.SetDomain(c.host)
	r.Port, r.Scheme = c.port, "http"
	return c.ProcessCommonRequest(r)
}

// upgradeStatus reads GetUpgradeStatus with the SDK's typed request.
func (c *sdkClient) upgradeStatus(t *testing.T, id string) *cs.GetUpgradeStatusResponse {
	t.Helper()
	req := cs.CreateGetUpgradeStatusRequest()
	c.point(req.RoaRequest)
	req.ClusterId = id
	resp, err := c.GetUpgradeStatus(req)
	if err != nil {
		t.Fatalf("GetUpgradeStatus %s: %v", id, err)
	}
	return resp
}

// upgrade sends UpgradeCluster with the SDK's typed request, whose body
// the SDK does not model.
func (c *sdkClient) upgrade(id string, body wire.UpgradeClusterRequest) error {
	req := cs.CreateUpgradeClusterRequest()
	c.point(req.RoaRequest)
	req.ClusterId = id
	b, _ := json.Marshal(body)
	req.SetContent(b)
	req.SetContentType("application/json")
	_, err := c.UpgradeCluster(req)
	return err
}

// TestOfficialSDKUpgrades drives the versions and upgrades of the fake
// over HTTP with the official Go SDK, under ACK's current policy (every
// minor from 1.31, the three newest creatable) on 2026-01-01: metadata in
// both modes, a create on an offline version refused, a skip refused, an
// upgrade paused, resumed and cancelled, an upgrade to the next minor,
// and node pool upgrades, one ahead of the control plane refused. The
// upgrade completes after 30 polls, so that pausing it is not a race
// with the scaled clock.
func TestOfficialSDKUpgrades(t *testing.T) {
	const v130, v132, v133, v134 = "1.30.7-aliyun.1", "1.32.1-aliyun.1", "1.33.3-aliyun.1", "1.34.1-aliyun.1"
	tl, err := version.NewTimeline(version.PolicyCurrent(), version.DefaultCalendar())
	if err != nil {
		t.Fatal(err)
	}
	srv := startServer(t, fake.WithVersionTimeline(tl), fake.WithScaledClock(1e4),
		fake.WithProgression(fake.ChangeUpgradeCluster, fake.AfterPolls(30)))
	client := newSDKClient(t, srv, testAK, testSecret)

	// Metadata: the typed request (mode creatable), then CommonRequests
	// for Mode, QueryUpgradableVersion and runtime.
	meta := cs.CreateDescribeKubernetesVersionMetadataRequest()
	client.point(meta.RoaRequest)
	meta.Region, meta.ClusterType = "cn-hangzhou", "ManagedKubernetes"
	resp, err := client.DescribeKubernetesVersionMetadata(meta)
	if err != nil && (resp == nil || resp.GetHttpStatus() != http.StatusOK) {
		t.Fatal(err) // the SDK cannot read the bare array, but keeps the answer
	}
	versions := func(body []byte) (all, creatable []string) {
		ms, err := wire.DecodeVersionMetadata(body)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			all = append(all, m.Version)
			if m.Creatable {
				creatable = append(creatable, m.Version)
			}
		}
		return all, creatable
	}
	if all, _ := versions(resp.GetHttpContentBytes()); !slices.Equal(all, []string{v132, v133, v134}) {
		t.Errorf("creatable versions %v, want the three newest minors", all)
	}
	q := map[string]string{"Region": "cn-hangzhou", "ClusterType": "ManagedKubernetes", "Mode": "supported", "runtime": "containerd"}
	sup, err := client.roa(http.MethodGet, "DescribeKubernetesVersionMetadata", "/api/v1/metadata/versions", nil, q, nil)
	if err != nil {
		t.Fatal(err)
	}
	if all, creatable := versions(sup.GetHttpContentBytes()); !slices.Equal(all, []string{v130, v132, v133, v134}) || slices.Contains(creatable, v130) {
		t.Errorf("supported %v (creatable %v), want 1.30 offline and the three newest", all, creatable)
	}
	q = map[string]string{"Region": "cn-hangzhou", "ClusterType": "ManagedKubernetes", "KubernetesVersion": v132, "QueryUpgradableVersion": "true"}
	up, err := client.roa(http.MethodGet, "DescribeKubernetesVersionMetadata", "/api/v1/metadata/versions", nil, q, nil)
	if err != nil {
		t.Fatal(err)
	}
	if ms, _ := wire.DecodeVersionMetadata(up.GetHttpContentBytes()); len(ms) != 1 || !slices.Equal(ms[0].UpgradableVersions, []string{v133}) {
		t.Errorf("upgrades of %s: %s, want [%s]", v132, up.GetHttpContentString(), v133)
	}

	// A create on an offline version is refused.
	offline := managedRequest("sdk-offline")
	offline.KubernetesVersion = v130
	create := cs.CreateCreateClusterRequest()
	client.point(create.RoaRequest)
	b, _ := json.Marshal(offline)
	create.SetContent(b)
	_, err = client.CreateCluster(create)
	if se := serverError(t, err); se.HttpStatus() != http.StatusBadRequest || !strings.Contains(se.Message(), fake.InvalidParameter) || !strings.Contains(se.Message(), v130+" is not creatable") {
		t.Fatalf("create on offline %s: HTTP %d %s", v130, se.HttpStatus(), se.Message())
	}

	body := managedRequest("sdk-upgrade")
	body.KubernetesVersion = v132
	id := client.create(t, body).ClusterId
	client.waitCluster(t, id)

	// A skip is refused with the rule's ID.
	err = client.upgrade(id, wire.UpgradeClusterRequest{NextVersion: v134})
	if se := serverError(t, err); !strings.Contains(se.Message(), fake.InvalidParameter) || !strings.Contains(se.Message(), "["+cluster.RuleUpgradeSkip+"]") {
		t.Fatalf("skip %s -> %s: %s", v132, v134, se.Message())
	}

	// Pause, resume, cancel.
	if err := client.upgrade(id, wire.UpgradeClusterRequest{NextVersion: v133}); err != nil {
		t.Fatalf("UpgradeCluster: %v", err)
	}
	if st := client.upgradeStatus(t, id); st.Status != "running" || st.UpgradeStep != "prechecking" {
		t.Errorf("status at the start: %s/%s", st.Status, st.UpgradeStep)
	}
	if err := client.upgrade(id, wire.UpgradeClusterRequest{NextVersion: v133}); err == nil || !strings.Contains(serverError(t, err).Message(), fake.ErrorClusterState) {
		t.Errorf("a second upgrade while one runs: %v, want ErrorClusterState", err)
	}
	pause := cs.CreatePauseClusterUpgradeRequest()
	client.point(pause.RoaRequest)
	pause.ClusterId = id
	if _, err := client.PauseClusterUpgrade(pause); err != nil {
		t.Fatalf("PauseClusterUpgrade: %v", err)
	}
	for range 40 { // polls do not move a paused upgrade
		if st := client.upgradeStatus(t, id); st.Status != "pause" || st.UpgradeStep != "pause" {
			t.Fatalf("status while paused: %s/%s", st.Status, st.UpgradeStep)
		}
	}
	resume := cs.CreateResumeUpgradeClusterRequest()
	client.point(resume.RoaRequest)
	resume.ClusterId = id
	if _, err := client.ResumeUpgradeCluster(resume); err != nil {
		t.Fatalf("ResumeUpgradeCluster: %v", err)
	}
	if st := client.upgradeStatus(t, id); st.Status != "running" {
		t.Errorf("status after resume: %s/%s", st.Status, st.UpgradeStep)
	}
	cancel := cs.CreateCancelClusterUpgradeRequest()
	client.point(cancel.RoaRequest)
	cancel.ClusterId = id
	if _, err := client.CancelClusterUpgrade(cancel); err != nil {
		t.Fatalf("CancelClusterUpgrade: %v", err)
	}
	if st := client.upgradeStatus(t, id); st.Status != "fail" || !strings.Contains(st.ErrorMessage, "cancelled") {
		t.Errorf("status after cancel: %s %q", st.Status, st.ErrorMessage)
	}
	if d, err := client.detail(id); err != nil || d.CurrentVersion != v132 || d.State != "running" {
		t.Fatalf("after cancel: %+v %v", d, err)
	}

	// The control plane to the next minor.
	if err := client.upgrade(id, wire.UpgradeClusterRequest{NextVersion: v133, MasterOnly: true}); err != nil {
		t.Fatalf("UpgradeCluster: %v", err)
	}
	for polls := 0; ; polls++ {
		st := client.upgradeStatus(t, id)
		if st.Status == "success" && st.UpgradeStep == "success" && st.UpgradeTask.Status == "Success" {
			break
		}
		if polls > maxPolls {
			t.Fatalf("the upgrade never ended: %s/%s", st.Status, st.UpgradeStep)
		}
	}
	if d, err := client.detail(id); err != nil || d.CurrentVersion != v133 || d.State != "running" {
		t.Fatalf("after the upgrade: %s on %s, %v", d.State, d.CurrentVersion, err)
	}

	// Node pools: none may pass the control plane.
	cp := cs.CreateCreateClusterNodePoolRequest()
	client.point(cp.RoaRequest)
	cp.ClusterId = id
	b, _ = json.Marshal(poolBody("sdk-upgrade-pool", 2))
	cp.SetContent(b)
	created, err := client.CreateClusterNodePool(cp)
	if err != nil {
		t.Fatal(err)
	}
	poolID := created.NodepoolId
	client.waitPool(t, id, poolID)
	path := map[string]string{"ClusterId": id, "NodepoolId": poolID}
	const pattern = "/clusters/[ClusterId]/nodepools/[NodepoolId]/upgrade"
	_, err = client.roa(http.MethodPost, "UpgradeClusterNodepool", pattern, path, nil, wire.UpgradeNodePoolRequest{KubernetesVersion: v134})
	if se := serverError(t, err); !strings.Contains(se.Message(), fake.InvalidParameter) || !strings.Contains(se.Message(), "["+nodepool.RuleUpgradeControlPlane+"]") {
		t.Fatalf("a pool ahead of its control plane: %s", se.Message())
	}
	answer, err := client.roa(http.MethodPost, "UpgradeClusterNodepool", pattern, path, nil, wire.UpgradeNodePoolRequest{KubernetesVersion: v133,
		RollingPolicy: &wire.RollingPolicy{MaxParallelism: 1, BatchInterval: 5, PausePolicy: "NotPause"}})
	if err != nil {
		t.Fatalf("UpgradeClusterNodepool: %v", err)
	}
	if out, err := wire.Decode[wire.UpgradeNodePoolResponse](answer.GetHttpContentBytes()); err != nil || out.TaskID == "" {
		t.Fatalf("UpgradeClusterNodepool answer %s: %v", answer.GetHttpContentString(), err)
	}
	client.waitPool(t, id, poolID)
	if v, ok := srv.Cloud().NodePoolVersion(id, poolID); !ok || v != v133 {
		t.Errorf("pool version %q, want %s", v, v133)
	}
}
