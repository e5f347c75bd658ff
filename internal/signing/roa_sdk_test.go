package signing

import (
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth/credentials"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/google/go-cmp/cmp"
)

// The official SDK (github.com/aliyun/alibaba-cloud-sdk-go) is the
// reference for ROA v1. Its signer always stamps Date with the wall clock,
// so these tests let it sign first and then sign the same request with this
// package at the date the SDK chose.

// roaCases are the requests of testdata/roa_v1_golden.json.
var roaCases = []roaCase{
	{
		Name:        "get with sorted query and a bare key",
		Method:      "GET",
		Action:      "DescribeClustersV1",
		PathPattern: "/api/v1/clusters",
		Query: map[string]string{
			"page_size":    "50",
			"cluster_type": "ManagedKubernetes",
			"name":         "",
			"Region":       "cn-hangzhou",
			"page_number":  "1",
			"profile":      "Default",
		},
	},
	{
		Name:        "post with a json body",
		Method:      "POST",
		Action:      "CreateCluster",
		PathPattern: "/clusters",
		Headers:     map[string]string{"Content-Type": "application/json"},
		Body:        `{"name":"prod-a","cluster_type":"ManagedKubernetes","region_id":"cn-hangzhou","kubernetes_version":"1.31.1-aliyun.1","tags":[{"key":"team","value":"infra & ops"}]}`,
	},
	{
		Name:        "delete with json-array query values",
		Method:      "DELETE",
		Action:      "DeleteCluster",
		PathPattern: "/clusters/[ClusterId]",
		PathParams:  map[string]string{"ClusterId": "c82e6987e2961451182edacd74faf3fb3"},
		Query: map[string]string{
			"retain_all_resources": "false",
			"retain_resources":     `["lb-bp1","sg-bp2"]`,
			"delete_options":       `[{"delete_mode":"retain","resource_type":"SLB"}]`,
		},
	},
	{
		Name:        "path and query needing escapes",
		Method:      "GET",
		Action:      "DescribeClusterNodePoolDetail",
		PathPattern: "/clusters/[ClusterId]/nodepools/[NodepoolId]",
		PathParams:  map[string]string{"ClusterId": "c-héllo wörld", "NodepoolId": "np+a~b(1):2,3;x=y@z!$'*"},
		Query:       map[string]string{"note": "a b&c=d/é+~*", "empty": ""},
	},
	{
		Name:        "put with sts token and an extra x-acs header",
		Method:      "PUT",
		Action:      "ModifyCluster",
		PathPattern: "/api/v2/clusters/[ClusterId]",
		PathParams:  map[string]string{"ClusterId": "c1234"},
		Headers:     map[string]string{"Content-Type": "application/json", "x-acs-caller-tag": "Blue Team"},
		Body:        `{"deletion_protection":true}`,
		STS:         true,
	},
}

// sdkCommonRequest builds c as an SDK CommonRequest for the CS product.
func sdkCommonRequest(c roaCase, scheme, domain, port string) *requests.CommonRequest {
	r := requests.NewCommonRequest()
	r.Method = c.Method
	r.Scheme = scheme
	r.Domain = domain
	r.Port = port
	r.Product = "CS"
	r.Version = "2015-12-15"
	r.ApiName = c.Action
	r.PathPattern = c.PathPattern
	maps.Copy(r.PathParams, c.PathParams)
	maps.Copy(r.QueryParams, c.Query)
	maps.Copy(r.Headers, c.Headers)
	if c.Body != "" {
		r.SetContent([]byte(c.Body))
	}
	r.TransToAcsRequest()
	return r
}

// signWithSDK signs c with the SDK's own ROA signer (auth.Sign) and
// records what it produced.
func signWithSDK(t *testing.T, c roaCase) roaVector {
	t.Helper()
	r := sdkCommonRequest(c, "https", "cs.cn-hangzhou.aliyuncs.com", "443")
	var provider credentials.CredentialsProvider = credentials.NewStaticAKCredentialsProvider(testKeyID, testSecret)
	if c.STS {
		provider = credentials.NewStaticSTSCredentialsProvider(testSTSKeyID, testSTSSecret, testSTSToken)
	}
	before := maps.Clone(r.GetHeaders())
	if err := auth.Sign(r, nil, "cn-hangzhou", provider); err != nil {
		t.Fatalf("sdk auth.Sign: %v", err)
	}
	after := r.GetHeaders()
	before["x-acs-credentials-provider"] = after["x-acs-credentials-provider"]
	lower := map[string]string{}
	for k, v := range after {
		lower[strings.ToLower(k)] = v
	}
	return roaVector{
		roaCase:       c,
		URL:           r.BuildUrl(),
		HeadersBefore: before,
		Date:          after["Date"],
		HeadersAfter:  lower,
		StringToSign:  r.GetStringToSign(),
		Authorization: after["Authorization"],
	}
}

// TestROAMatchesAliyunSDK signs each case with the SDK and with this
// package at the same date and compares every header, the string to sign
// and the Authorization header. With -update it rewrites the golden file;
// otherwise it checks that the golden file holds exactly these cases.
func TestROAMatchesAliyunSDK(t *testing.T) {
	var vectors []roaVector
	for _, c := range roaCases {
		t.Run(c.Name, func(t *testing.T) {
			v := signWithSDK(t, c)
			vectors = append(vectors, v)
			checkROAVector(t, v)
		})
	}
	if *update {
		writeJSON(t, roaGoldenPath, roaGoldenFile{
			Source: "ROA v1 requests signed by github.com/aliyun/alibaba-cloud-sdk-go v1.63.107 " +
				"(sdk/auth.Sign with static AK / STS credentials providers) at the date in each vector; " +
				"regenerate with: go test ./internal/signing -run TestROAMatchesAliyunSDK -update",
			Vectors: vectors,
		})
		return
	}
	var file roaGoldenFile
	readJSON(t, roaGoldenPath, &file)
	var golden []roaCase
	for _, v := range file.Vectors {
		golden = append(golden, v.roaCase)
	}
	if diff := cmp.Diff(roaCases, golden); diff != "" {
		t.Errorf("golden file is stale, rerun with -update (-cases +file):\n%s", diff)
	}
}

// TestAliyunSDKClientVerifies sends each case with the SDK's real client to
// an httptest server and checks that Verify accepts what arrives and that
// the server-side string to sign equals the one the SDK signed: the path
// and query survive the wire's encoding.
func TestAliyunSDKClientVerifies(t *testing.T) {
	type seen struct {
		id, sts string
		err     error
	}
	var (
		mu   sync.Mutex
		last seen
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		// The SDK stamps Date from the wall clock, so the verifier uses it too.
		id, verr := Verify(r, body, testLookup, time.Now())
		sts, _ := ROAStringToSign(r)
		mu.Lock()
		last = seen{id: id, sts: sts, err: verr}
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"request_id":"r-1"}`)
	}))
	defer srv.Close()
	u, err := url.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}

	for _, c := range roaCases {
		t.Run(c.Name, func(t *testing.T) {
			cred := c.credentials()
			var client *sdk.Client
			if c.STS {
				client, err = sdk.NewClientWithStsToken("cn-hangzhou", cred.AccessKeyID, cred.AccessKeySecret, cred.SecurityToken)
			} else {
				client, err = sdk.NewClientWithAccessKey("cn-hangzhou", cred.AccessKeyID, cred.AccessKeySecret)
			}
			if err != nil {
				t.Fatal(err)
			}
			defer client.Shutdown()
			r := sdkCommonRequest(c, "http", u.Hostname(), u.Port())
			if _, err := client.ProcessCommonRequest(r); err != nil {
				t.Fatalf("sdk ProcessCommonRequest: %v", err)
			}
			mu.Lock()
			got := last
			mu.Unlock()
			if got.err != nil || got.id != cred.AccessKeyID {
				t.Errorf("Verify = %q, %v; want %q, nil", got.id, got.err, cred.AccessKeyID)
			}
			if diff := cmp.Diff(r.GetStringToSign(), got.sts); diff != "" {
				t.Errorf("string to sign (-sdk client +server):\n%s", diff)
			}
		})
	}
}
