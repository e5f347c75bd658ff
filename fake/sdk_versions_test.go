package fake_test

import (
	"net/http"
	"slices"
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/cs"

	"github.com/ackgo/ack/internal/wire"
)

// TestOfficialSDKVersionMetadata reads the fake's version catalog with the
// official Go SDK over HTTP: its typed request (mode creatable, ACK's
// default) and a CommonRequest for what the typed one lacks (Mode
// supported, QueryUpgradableVersion).
func TestOfficialSDKVersionMetadata(t *testing.T) {
	srv := startServer(t)
	client := newSDKClient(t, srv, testAK, testSecret)

	req := cs.CreateDescribeKubernetesVersionMetadataRequest()
	client.point(req.RoaRequest)
	req.Region, req.ClusterType = "cn-hangzhou", "ManagedKubernetes"
	resp, err := client.DescribeKubernetesVersionMetadata(req)
	// The answer is a bare JSON array, as on ACK (API.md section 7); this
	// SDK's typed response is an object and fails to read it, but keeps
	// the answer.
	if err != nil && (resp == nil || resp.GetHttpStatus() != http.StatusOK) {
		t.Fatal(err)
	}
	creatable, err := wire.DecodeVersionMetadata(resp.GetHttpContentBytes())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range creatable {
		if !m.Creatable || m.ExpirationDate == "" || len(m.Runtimes) == 0 || len(m.Images) == 0 {
			t.Errorf("entry %+v lacks ACK's fields", m)
		}
		got = append(got, m.Version)
	}
	if len(got) != 2 {
		t.Fatalf("creatable versions %v, want two (1.32 and 1.34)", got)
	}

	common := func(q map[string]string) []wire.VersionMetadata {
		r := requests.NewCommonRequest()
		r.Method, r.Product, r.Version, r.ApiName = http.MethodGet, "CS", "2015-12-15", "DescribeKubernetesVersionMetadata"
		r.PathPattern = "/api/v1/metadata/versions"
		for k, v := range q {
			r.QueryParams[k] = v
		}
		r.SetDomain(client.host)
		r.Port, r.Scheme = client.port, "http"
		out, err := client.ProcessCommonRequest(r)
		if err != nil {
			t.Fatal(err)
		}
		ms, err := wire.DecodeVersionMetadata(out.GetHttpContentBytes())
		if err != nil {
			t.Fatal(err)
		}
		return ms
	}
	supported := common(map[string]string{"Region": "cn-hangzhou", "ClusterType": "ManagedKubernetes", "Mode": "supported"})
	if len(supported) <= len(creatable) || !slices.ContainsFunc(supported, func(m wire.VersionMetadata) bool { return !m.Creatable }) {
		t.Errorf("mode supported lists %d versions, none offline; want the offline ones too", len(supported))
	}
	oldest := supported[0].Version
	up := common(map[string]string{"Region": "cn-hangzhou", "ClusterType": "ManagedKubernetes",
		"KubernetesVersion": oldest, "QueryUpgradableVersion": "true"})
	if len(up) != 1 || up[0].Version != oldest || up[0].UpgradableVersions == nil {
		t.Errorf("one version with its upgrades: %+v", up)
	}
}
