package fake_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/cs"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/envelope"
	"github.com/ackgo/ack/internal/signing"
	"github.com/ackgo/ack/internal/wire"
)

const (
	testAK     = "LTAI5tFakeAccessKey"
	testSecret = "fake-secret-value"
)

// maxPolls bounds the polling loops of the HTTP tests: on a clock that
// runs a million times faster than the wall, every change completes in
// well under a millisecond, so a few polls suffice.
const maxPolls = 20000

// startServer serves a fresh fake with one credential on a fast scaled
// clock and closes it when the test ends.
func startServer(t *testing.T, opts ...fake.Option) *fake.Server {
	t.Helper()
	opts = append([]fake.Option{fake.WithCredential(testAK, testSecret), fake.WithScaledClock(1e6)}, opts...)
	srv, err := fake.NewServer("127.0.0.1:0", opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := srv.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	})
	return srv
}

// sdkClient is the official Go SDK's CS client, pointed at srv.
type sdkClient struct {
	*cs.Client
	host, port string
}

func newSDKClient(t *testing.T, srv *fake.Server, ak, secret string) *sdkClient {
	t.Helper()
	client, err := cs.NewClientWithAccessKey("cn-hangzhou", ak, secret)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(client.Shutdown)
	host, port, err := net.SplitHostPort(srv.Addr())
	if err != nil {
		t.Fatal(err)
	}
	return &sdkClient{Client: client, host: host, port: port}
}

// point aims a request at the fake, over plain HTTP.
func (c *sdkClient) point(r *requests.RoaRequest) {
	r.SetDomain(c.host)
	r.Port = c.port
	r.SetScheme("http")
}

func (c *sdkClient) create(t *testing.T, body *wire.CreateClusterRequest) *cs.CreateClusterResponse {
	t.Helper()
	req := cs.CreateCreateClusterRequest()
	c.point(req.RoaRequest)
	b, _ := json.Marshal(body)
	req.SetContent(b)
	resp, err := c.CreateCluster(req)
	if err != nil {
		t.Fatalf("CreateCluster %s: %v", body.Name, err)
	}
	return resp
}

func (c *sdkClient) detail(clusterID string) (wire.ClusterDetail, error) {
	req := cs.CreateDescribeClusterDetailRequest()
	c.point(req.RoaRequest)
	req.ClusterId = clusterID
	resp, err := c.DescribeClusterDetail(req)
	if err != nil {
		return wire.ClusterDetail{}, err
	}
	return wire.DecodeClusterDetail(resp.GetHttpContentBytes())
}

func (c *sdkClient) task(t *testing.T, taskID string) wire.TaskInfo {
	t.Helper()
	req := cs.CreateDescribeTaskInfoRequest()
	c.point(req.RoaRequest)
	req.TaskId = taskID
	resp, err := c.DescribeTaskInfo(req)
	if err != nil {
		t.Fatalf("DescribeTaskInfo %s: %v", taskID, err)
	}
	ti, err := wire.DecodeTaskInfo(resp.GetHttpContentBytes())
	if err != nil {
		t.Fatal(err)
	}
	return ti
}

func (c *sdkClient) list(t *testing.T, pageNumber, pageSize int) wire.DescribeClustersV1Response {
	t.Helper()
	req := cs.CreateDescribeClustersV1Request()
	c.point(req.RoaRequest)
	req.PageNumber = requests.NewInteger(pageNumber)
	req.PageSize = requests.NewInteger(pageSize)
	resp, err := c.DescribeClustersV1(req)
	if err != nil {
		t.Fatalf("DescribeClustersV1: %v", err)
	}
	out, err := wire.Decode[wire.DescribeClustersV1Response](resp.GetHttpContentBytes())
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// serverError returns the SDK's server error, failing the test when err is
// something else.
func serverError(t *testing.T, err error) *sdkerrors.ServerError {
	t.Helper()
	var se *sdkerrors.ServerError
	if !errors.As(err, &se) {
		t.Fatalf("error %v is not a server error", err)
	}
	return se
}

// TestOfficialSDKLifecycle drives the fake's HTTP server with
// alibaba-cloud-sdk-go's CS client, signed (ROA v1) with a configured
// credential, on a scaled clock: three forms from creation to deletion.
// The clock runs a million times faster than the wall, so each creation
// completes within a few polls of DescribeTaskInfo and
// DescribeClusterDetail, and the timestamps show the virtual durations.
func TestOfficialSDKLifecycle(t *testing.T) {
	srv := startServer(t)
	client := newSDKClient(t, srv, testAK, testSecret)

	forms := []struct {
		body  *wire.CreateClusterRequest
		takes time.Duration
	}{
		{dedicatedRequest("sdk-dedicated"), 12 * time.Minute},
		{managedRequest("sdk-managed"), 8 * time.Minute},
		{serverlessRequest("sdk-serverless"), 2 * time.Minute},
	}
	var ids []string
	for _, f := range forms {
		resp := client.create(t, f.body)
		if resp.ClusterId == "" || resp.TaskId == "" || resp.RequestId == "" {
			t.Fatalf("CreateCluster answer %+v", resp)
		}
		ids = append(ids, resp.ClusterId)
		var task wire.TaskInfo
		var d wire.ClusterDetail
		for polls := 0; task.State != "success" || d.State != "running"; polls++ {
			if polls > maxPolls {
				t.Fatalf("%s: task %s %s, cluster %s after %d polls", f.body.Name, resp.TaskId, task.State, d.State, polls)
			}
			task = client.task(t, resp.TaskId)
			var err error
			if d, err = client.detail(resp.ClusterId); err != nil {
				t.Fatalf("DescribeClusterDetail %s: %v", resp.ClusterId, err)
			}
			// The detail is read after the task: the change may complete
			// between the two reads, but a cluster whose task succeeded
			// runs.
			if task.State == "success" && d.State != "running" {
				t.Fatalf("%s: task %s but cluster %s", f.body.Name, task.State, d.State)
			}
		}
		created, updated := parseTime(t, d.Created), parseTime(t, d.Updated)
		if got := updated.Sub(created); got != f.takes || d.Updated != task.Updated || task.Created != d.Created {
			t.Fatalf("%s: created %s, running at %s (task %s to %s): want %s apart, cluster and task at one instant",
				f.body.Name, d.Created, d.Updated, task.Created, task.Updated, f.takes)
		}
	}

	first, second := client.list(t, 1, 2), client.list(t, 2, 2)
	if first.PageInfo.TotalCount != 3 || second.PageInfo.TotalCount != 3 || len(first.Clusters) != 2 || len(second.Clusters) != 1 {
		t.Fatalf("pages: %+v / %+v", first.PageInfo, second.PageInfo)
	}
	var listed []string
	for _, d := range append(first.Clusters, second.Clusters...) {
		listed = append(listed, d.ClusterID)
	}
	if !slices.Equal(listed, ids) {
		t.Fatalf("listed %v, want %v in creation order", listed, ids)
	}

	for i, id := range ids {
		req := cs.CreateDeleteClusterRequest()
		client.point(req.RoaRequest)
		req.ClusterId = id
		retain := i == 0 // the old SDK sends these options in the body
		req.RetainAllResources, req.KeepSlb = requests.NewBoolean(retain), requests.NewBoolean(retain)
		resp, err := client.DeleteCluster(req)
		if err != nil {
			t.Fatalf("DeleteCluster %s: %v", id, err)
		}
		dr, err := wire.Decode[wire.DeleteClusterResponse](resp.GetHttpContentBytes())
		if err != nil || dr.ClusterID != id || dr.TaskID == "" || dr.RequestID == "" {
			t.Fatalf("DeleteCluster answer %s: %v", resp.GetHttpContentBytes(), err)
		}
		params := client.task(t, dr.TaskID).Parameters
		if params["retain_all_resources"] != retain || params["keep_slb"] != retain {
			t.Fatalf("delete task parameters %v, want retain_all_resources and keep_slb %v", params, retain)
		}
	}
	for _, id := range ids {
		for polls := 0; ; polls++ {
			_, err := client.detail(id)
			if err == nil {
				if polls > maxPolls {
					t.Fatalf("cluster %s never went away", id)
				}
				continue
			}
			se := serverError(t, err)
			if se.HttpStatus() != http.StatusNotFound || !strings.Contains(se.Message(), fake.ErrorClusterNotFound) {
				t.Fatalf("after delete: HTTP %d %s, want 404 ErrorClusterNotFound", se.HttpStatus(), se.Message())
			}
			break
		}
	}
	if n := len(srv.Cloud().Clusters()); n != 0 {
		t.Fatalf("%d clusters left", n)
	}
}

// TestOfficialSDKUserQuota reads the account's quotas with the SDK's typed
// DescribeUserQuota: the fake's defaults.
func TestOfficialSDKUserQuota(t *testing.T) {
	client := newSDKClient(t, startServer(t), testAK, testSecret)
	req := cs.CreateDescribeUserQuotaRequest()
	client.point(req.RoaRequest)
	resp, err := client.DescribeUserQuota(req)
	if err != nil {
		t.Fatal(err)
	}
	got := []int64{resp.ClusterQuota, resp.NodeQuota, resp.AmkClusterQuota, resp.AskClusterQuota, resp.ClusterNodepoolQuota}
	if !slices.Equal(got, []int64{10, 40, 10, 2, 20}) {
		t.Fatalf("cluster, node, amk, ask, node pool quotas %v, want [10 40 10 2 20]", got)
	}
}

func TestOfficialSDKRefusals(t *testing.T) {
	srv := startServer(t, fake.WithReadOnlyCredential("LTAIreadonly", "ro-secret"))
	tests := []struct {
		name, ak, secret string
		status           int
		code             string
	}{
		{"wrong secret", testAK, "not-the-secret", http.StatusBadRequest, fake.SignatureDoesNotMatch},
		{"unknown key", "LTAIunknown", testSecret, http.StatusNotFound, fake.InvalidAccessKeyIDNotFound},
		{"read-only key writes", "LTAIreadonly", "ro-secret", http.StatusForbidden, fake.ErrorCheckAcl},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			client := newSDKClient(t, srv, tt.ak, tt.secret)
			req := cs.CreateCreateClusterRequest()
			client.point(req.RoaRequest)
			b, _ := json.Marshal(managedRequest("refused"))
			req.SetContent(b)
			_, err := client.CreateCluster(req)
			se := serverError(t, err)
			if se.HttpStatus() != tt.status || !strings.Contains(se.Message(), tt.code) {
				t.Fatalf("HTTP %d %s, want %d %s", se.HttpStatus(), se.Message(), tt.status, tt.code)
			}
		})
	}
	// The read-only key may read.
	ro := newSDKClient(t, srv, "LTAIreadonly", "ro-secret")
	if got := ro.list(t, 1, 10); got.PageInfo.TotalCount != 0 {
		t.Fatalf("read-only list: %+v", got.PageInfo)
	}
	if n := len(srv.Cloud().Clusters()); n != 0 {
		t.Fatalf("%d clusters were created by refused calls", n)
	}
}

// TestACS3Signatures sends requests signed as the Tea SDKs sign them, and
// the same requests changed after signing.
func TestACS3Signatures(t *testing.T) {
	srv := startServer(t)
	body, _ := json.Marshal(managedRequest("acs3"))
	newReq := func(t *testing.T, method, path, query string, body []byte, action string) *http.Request {
		t.Helper()
		u := srv.URL() + path
		if query != "" {
			u += "?" + query
		}
		r, err := http.NewRequest(method, u, nil)
		if err != nil {
			t.Fatal(err)
		}
		r.Header.Set("x-acs-action", action)
		r.Header.Set("x-acs-version", "2015-12-15")
		if body != nil {
			r.Header.Set("Content-Type", "application/json")
		}
		cred := signing.Credentials{AccessKeyID: testAK, AccessKeySecret: testSecret}
		if err := signing.Sign(r, body, cred, signing.ACS3, time.Now(), ""); err != nil {
			t.Fatal(err)
		}
		return r
	}
	tests := []struct {
		name   string
		method string
		path   string
		query  string
		body   []byte
		action string
		tamper func(r *http.Request) []byte // returns the body to send
		status int
		code   string
	}{
		{"create accepted", http.MethodPost, "/clusters", "", body, "CreateCluster", nil, http.StatusOK, ""},
		{"list accepted", http.MethodGet, "/api/v1/clusters", "page_size=5", nil, "DescribeClustersV1", nil, http.StatusOK, ""},
		{"body changed", http.MethodPost, "/clusters", "", body, "CreateCluster", func(*http.Request) []byte {
			return bytes.Replace(body, []byte(`"acs3"`), []byte(`"acs4"`), 1)
		}, http.StatusBadRequest, fake.SignatureDoesNotMatch},
		{"signed header changed", http.MethodGet, "/api/v1/clusters", "page_size=5", nil, "DescribeClustersV1", func(r *http.Request) []byte {
			r.Header.Set("x-acs-version", "2016-01-01")
			return nil
		}, http.StatusBadRequest, fake.SignatureDoesNotMatch},
		{"query changed", http.MethodGet, "/api/v1/clusters", "page_size=5", nil, "DescribeClustersV1", func(r *http.Request) []byte {
			r.URL.RawQuery = "page_size=6"
			return nil
		}, http.StatusBadRequest, fake.SignatureDoesNotMatch},
		{"not signed", http.MethodGet, "/api/v1/clusters", "", nil, "DescribeClustersV1", func(r *http.Request) []byte {
			r.Header.Del("Authorization")
			return nil
		}, http.StatusBadRequest, fake.MissingAuthorization},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newReq(t, tt.method, tt.path, tt.query, tt.body, tt.action)
			send := tt.body
			if tt.tamper != nil {
				send = tt.tamper(r)
				if send == nil {
					send = tt.body
				}
			}
			if send != nil {
				r.Body = io.NopCloser(bytes.NewReader(send))
				r.ContentLength = int64(len(send))
			}
			resp, err := http.DefaultClient.Do(r)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			out, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.status {
				t.Fatalf("HTTP %d %s, want %d", resp.StatusCode, out, tt.status)
			}
			if resp.Header.Get("X-Acs-Request-Id") == "" {
				t.Error("no x-acs-request-id header")
			}
			if tt.code != "" {
				e, ok := envelope.DecodeError(out)
				if !ok || e.Code != tt.code {
					t.Fatalf("body %s, want code %s", out, tt.code)
				}
			}
		})
	}
}
