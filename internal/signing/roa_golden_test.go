package signing

import (
	"net/http"
	"testing"
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
			req := checkROAVector(t, v)
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
