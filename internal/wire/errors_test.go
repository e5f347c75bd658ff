package wire

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/ackgo/ack/internal/core"
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

func TestErrorBodyAPIError(t *testing.T) {
	e := ErrorBody{Code: "ErrorClusterNotFound", Message: "gone", RequestID: "R1"}.APIError(ActionDescribeClusterDetail, 404)
	want := &core.APIError{Action: "DescribeClusterDetail", HTTPStatus: 404, Code: "ErrorClusterNotFound", Message: "gone", RequestID: "R1"}
	if diff := cmp.Diff(want, e); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if !errors.Is(e, core.ErrNotFound) {
		t.Errorf("%v does not match ErrNotFound", e)
	}
}

func TestDecodeNamesType(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"detail", func() error { _, err := DecodeClusterDetail([]byte(`[]`)); return err }(), "decode ClusterDetail"},
		{"list", func() error { _, err := DecodeClusterList([]byte(`{}`)); return err }(), "decode []ClusterDetail"},
		{"task", func() error { _, err := DecodeTaskInfo([]byte(`{"task_result":{}}`)); return err }(), "decode TaskInfo"},
		{"pool", func() error { _, err := DecodeNodePoolDetail([]byte(`{"status":[]}`)); return err }(), "decode NodePoolDetail"},
		{"quota", func() error { _, err := DecodeUserQuota([]byte(`{"quotas":[]}`)); return err }(), "decode UserQuota"},
	}
	for _, tc := range tests {
		if tc.err == nil || !strings.HasPrefix(tc.err.Error(), tc.want) {
			t.Errorf("%s: error %v, want prefix %q", tc.name, tc.err, tc.want)
		}
		var se *json.UnmarshalTypeError
		if !errors.As(tc.err, &se) {
			t.Errorf("%s: %v does not wrap the JSON error", tc.name, tc.err)
		}
	}
	l, err := DecodeClusterList([]byte(`[{"cluster_id":"c-1","name":"a","state":"running","size":1,"deletion_protection":false}]`))
	if err != nil || len(l) != 1 || l[0].ClusterID != "c-1" {
		t.Errorf("legacy list = %+v, %v", l, err)
	}
}
