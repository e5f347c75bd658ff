package signing

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// acs3Vector is one fixed ACS3 request with its expected canonical request,
// string to sign and Authorization header.
type acs3Vector struct {
	Name    string            `json:"name"`
	Method  string            `json:"method"`
	URL     string            `json:"url"`
	Headers map[string]string `json:"headers"`
	Body    string            `json:"body,omitempty"`
	STS     bool              `json:"sts,omitempty"`
	Date    string            `json:"date"`
	Nonce   string            `json:"nonce"`

	CanonicalRequest string `json:"canonical_request"`
	StringToSign     string `json:"string_to_sign"`
	Authorization    string `json:"authorization"`
}

func (v acs3Vector) credentials() Credentials {
	return roaCase{STS: v.STS}.credentials()
}

type acs3GoldenFile struct {
	Source  string       `json:"source"`
	Vectors []acs3Vector `json:"vectors"`
}

var acs3GoldenPath = filepath.Join("testdata", "acs3_golden.json")

// acs3Inputs are the requests of testdata/acs3_golden.json; the expected
// fields are filled in by acs3Reference.
var acs3Inputs = []acs3Vector{
	{
		Name:    "get with a query needing encoding",
		Method:  "GET",
		URL:     "https://cs.cn-hangzhou.aliyuncs.com/api/v1/clusters?page_size=10&name=my%20cluster%2A&cluster_type=ManagedKubernetes&tag=~a%2Bb&empty=",
		Headers: map[string]string{"x-acs-action": "DescribeClustersV1", "x-acs-version": "2015-12-15"},
		Date:    "2026-03-14T09:26:53Z",
		Nonce:   "3c3f1b0e6c2a4f0e9d8b7a6c5d4e3f21",
	},
	{
		Name:    "post with a json body and an sts token",
		Method:  "POST",
		URL:     "https://cs.cn-shanghai.aliyuncs.com/clusters/c82e6987e2961451182edacd74faf3fb3/nodepools",
		Headers: map[string]string{"x-acs-action": "CreateClusterNodePool", "x-acs-version": "2015-12-15"},
		Body:    `{"nodepool_info":{"name":"np-a"},"scaling_group":{"desired_size":2,"instance_types":["ecs.g7.xlarge"]}}`,
		STS:     true,
		Date:    "2026-03-14T09:27:00Z",
		Nonce:   "a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4",
	},
	{
		Name:    "delete with an escaped path and a json-array query",
		Method:  "DELETE",
		URL:     "https://cs.cn-hangzhou.aliyuncs.com/clusters/c%20%E5%90%8D%2A/nodepools/np-1?force=true&instance_ids=%5B%22i-1%22%2C%22i-2%22%5D",
		Headers: map[string]string{"x-acs-action": "DeleteClusterNodepool", "x-acs-version": "2015-12-15", "Content-Type": "application/json"},
		Date:    "2026-03-14T09:28:00Z",
		Nonce:   "00000000000000000000000000000001",
	},
}

// acs3Reference computes the expected canonical request, string to sign and
// Authorization of v straight from the published V3 algorithm, the way the
// Tea SDKs build them, sharing no code with the package. Its URLs are
// written with RFC 3986 escapes already, as the Tea SDKs write paths.
func acs3Reference(t *testing.T, v acs3Vector) acs3Vector {
	t.Helper()
	u, err := url.Parse(v.URL)
	if err != nil {
		t.Fatal(err)
	}
	cred := v.credentials()
	sum := sha256.Sum256([]byte(v.Body))
	payloadHash := hex.EncodeToString(sum[:])

	// The headers a V3 client sends.
	headers := map[string]string{"host": u.Host}
	for k, val := range v.Headers {
		headers[strings.ToLower(k)] = val
	}
	headers["x-acs-date"] = v.Date
	headers["x-acs-signature-nonce"] = v.Nonce
	headers["x-acs-content-sha256"] = payloadHash
	if cred.SecurityToken != "" {
		headers["x-acs-security-token"] = cred.SecurityToken
	}
	if _, ok := headers["content-type"]; !ok && v.Body != "" {
		headers["content-type"] = "application/json; charset=utf-8"
	}

	// CanonicalURI: the encoded path, with the RFC 3986 fix-ups.
	uri := u.EscapedPath()
	uri = strings.ReplaceAll(uri, "+", "%20")
	uri = strings.ReplaceAll(uri, "*", "%2A")
	uri = strings.ReplaceAll(uri, "%7E", "~")

	// CanonicalQueryString: sorted keys, values encoded with the same fix-ups.
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var query []string
	for _, k := range keys {
		query = append(query, k+"="+url.QueryEscape(q.Get(k)))
	}
	cq := strings.Join(query, "&")
	cq = strings.ReplaceAll(cq, "+", "%20")
	cq = strings.ReplaceAll(cq, "*", "%2A")
	cq = strings.ReplaceAll(cq, "%7E", "~")

	// CanonicalHeaders and SignedHeaders: host, content-type, x-acs-*.
	var signed []string
	for k := range headers {
		if k == "host" || k == "content-type" || strings.HasPrefix(k, "x-acs-") {
			signed = append(signed, k)
		}
	}
	sort.Strings(signed)
	var ch string
	for _, k := range signed {
		ch += k + ":" + strings.TrimSpace(headers[k]) + "\n"
	}

	v.CanonicalRequest = v.Method + "\n" + uri + "\n" + cq + "\n" + ch + "\n" + strings.Join(signed, ";") + "\n" + payloadHash
	crSum := sha256.Sum256([]byte(v.CanonicalRequest))
	v.StringToSign = "ACS3-HMAC-SHA256\n" + hex.EncodeToString(crSum[:])
	mac := hmac.New(sha256.New, []byte(cred.AccessKeySecret))
	mac.Write([]byte(v.StringToSign))
	v.Authorization = "ACS3-HMAC-SHA256 Credential=" + cred.AccessKeyID +
		",SignedHeaders=" + strings.Join(signed, ";") +
		",Signature=" + hex.EncodeToString(mac.Sum(nil))
	return v
}

// TestACS3GoldenVectors checks the golden file against the reference
// implementation, then signs each request with the package and expects the
// same canonical request, string to sign and Authorization, and Verify to
// accept the result.
func TestACS3GoldenVectors(t *testing.T) {
	var want []acs3Vector
	for _, in := range acs3Inputs {
		want = append(want, acs3Reference(t, in))
	}
	if *update {
		writeJSON(t, acs3GoldenPath, acs3GoldenFile{
			Source: "ACS3-HMAC-SHA256 vectors computed by acs3Reference in acs3_vectors_test.go " +
				"from the published V3 algorithm; regenerate with: go test ./internal/signing -run TestACS3GoldenVectors -update",
			Vectors: want,
		})
	}
	var file acs3GoldenFile
	readJSON(t, acs3GoldenPath, &file)
	if diff := cmp.Diff(want, file.Vectors); diff != "" {
		t.Fatalf("golden file disagrees with the reference implementation (-reference +file):\n%s", diff)
	}

	for _, v := range file.Vectors {
		t.Run(v.Name, func(t *testing.T) {
			req, err := http.NewRequest(v.Method, v.URL, strings.NewReader(v.Body))
			if err != nil {
				t.Fatal(err)
			}
			for k, val := range v.Headers {
				req.Header.Set(k, val)
			}
			date, err := time.Parse(ACS3DateLayout, v.Date)
			if err != nil {
				t.Fatal(err)
			}
			if err := Sign(req, bodyOf(v.Body), v.credentials(), ACS3, date, v.Nonce); err != nil {
				t.Fatalf("Sign: %v", err)
			}
			cr, err := ACS3CanonicalRequest(req, bodyOf(v.Body), ACS3SignedHeaders(req))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(v.CanonicalRequest, cr); diff != "" {
				t.Errorf("canonical request (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(v.StringToSign, ACS3StringToSign(cr)); diff != "" {
				t.Errorf("string to sign (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(v.Authorization, req.Header.Get("Authorization")); diff != "" {
				t.Errorf("Authorization (-want +got):\n%s", diff)
			}
			id, err := Verify(req, bodyOf(v.Body), testLookup, date)
			if err != nil || id != v.credentials().AccessKeyID {
				t.Errorf("Verify = %q, %v; want %q, nil", id, err, v.credentials().AccessKeyID)
			}
		})
	}
}
