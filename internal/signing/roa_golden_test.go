package signing

import (
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestROAGoldenVectors signs every request of testdata/roa_v1_golden.json
// (captured from the official Go SDK's signer, see roa_sdk_test.go) at the
// date the SDK used and expects the SDK's headers, string to sign and
// Authorization byte for byte; then verifies the result.
func TestROAGoldenVectors(t *testing.T) {
	if *update {
		t.Skip("golden file is being rewritten by TestROAMatchesAliyunSDK")
	}
	var file roaGoldenFile
	readJSON(t, roaGoldenPath, &file)
	if len(file.Vectors) == 0 {
		t.Fatal("golden file holds no vectors")
	}
	for _, v := range file.Vectors {
		t.Run(v.Name, func(t *testing.T) {
			req, headers := signVectorWithPackage(t, v)
			if diff := cmp.Diff(v.HeadersAfter, headers); diff != "" {
				t.Errorf("headers after signing (-sdk +package):\n%s", diff)
			}
			sts, err := ROAStringToSign(req)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(v.StringToSign, sts); diff != "" {
				t.Errorf("string to sign (-sdk +package):\n%s", diff)
			}
			if diff := cmp.Diff(v.Authorization, req.Header.Get("Authorization")); diff != "" {
				t.Errorf("Authorization (-sdk +package):\n%s", diff)
			}
			date, err := http.ParseTime(v.Date)
			if err != nil {
				t.Fatal(err)
			}
			id, err := Verify(req, bodyOf(v.Body), testLookup, date)
			if err != nil || id != v.credentials().AccessKeyID {
				t.Errorf("Verify = %q, %v; want %q, nil", id, err, v.credentials().AccessKeyID)
			}
		})
	}
}
