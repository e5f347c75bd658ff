package wire

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

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
