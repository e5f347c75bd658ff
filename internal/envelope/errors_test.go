package envelope

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDecodeError(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		want   ErrorBody
		wantOK bool
	}{
		{"lower-case", `{"code":"ErrorClusterNotFound","message":"gone","requestId":"R1"}`,
			ErrorBody{"ErrorClusterNotFound", "gone", "R1"}, true},
		{"capitalised", `{"Code":"Throttling.User","Message":"slow down","RequestId":"R2","HostId":"cs.aliyuncs.com"}`,
			ErrorBody{"Throttling.User", "slow down", "R2"}, true},
		{"request_id", `{"code":"ErrorCheckAcl","message":"denied","request_id":"R3"}`,
			ErrorBody{"ErrorCheckAcl", "denied", "R3"}, true},
		{"requestid", `{"code":"InvalidParameter","requestid":"R4"}`, ErrorBody{"InvalidParameter", "", "R4"}, true},
		{"numeric code", `{"code":400,"message":"bad"}`, ErrorBody{"400", "bad", ""}, true},
		{"lower-case preferred", `{"Code":"B","code":"A"}`, ErrorBody{Code: "A"}, true},
		{"empty lower-case falls through", `{"code":"","Code":"X"}`, ErrorBody{Code: "X"}, true},
		{"success body", `{"cluster_id":"c-1","task_id":"T-1"}`, ErrorBody{}, false},
		{"task with nested error", `{"task_id":"T-1","state":"failed","error":{"code":"400","message":"m"}}`, ErrorBody{}, false},
		{"empty code", `{"code":"","message":"m"}`, ErrorBody{}, false},
		{"boolean code", `{"code":true}`, ErrorBody{}, false},
		{"array", `[{"code":"X"}]`, ErrorBody{}, false},
		{"null", `null`, ErrorBody{}, false},
		{"not json", `<html>502 Bad Gateway</html>`, ErrorBody{}, false},
		{"empty", ``, ErrorBody{}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := DecodeError([]byte(tc.body))
			if ok != tc.wantOK {
				t.Fatalf("ok = %v, want %v", ok, tc.wantOK)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestErrorBodyEncodesLowerCase(t *testing.T) {
	b, err := json.Marshal(ErrorBody{Code: "ErrorClusterNotFound", Message: "cluster c-123 not found", RequestID: "A1B2C3D4-E5F6-7890-ABCD-EF1234567890"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(semantic(t, readGolden(t, "error_body.json")), semantic(t, b)); diff != "" {
		t.Errorf("(-golden +encoded):\n%s", diff)
	}
	got, ok := DecodeError(b)
	if !ok || got.RequestID != "A1B2C3D4-E5F6-7890-ABCD-EF1234567890" {
		t.Errorf("own encoding not decoded: %+v %v", got, ok)
	}
}

func readGolden(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// semantic unmarshals JSON into a generic value for comparison.
func semantic(t *testing.T, b []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("invalid JSON %s: %v", b, err)
	}
	return v
}
