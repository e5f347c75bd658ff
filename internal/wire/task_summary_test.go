package wire

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// summaryOf is the part of a TaskInfo that a TaskSummary holds.
func summaryOf(ti TaskInfo) TaskSummary {
	return TaskSummary{
		TaskID: ti.TaskID, ClusterID: ti.ClusterID, TaskType: ti.TaskType, State: ti.State,
		Created: ti.Created, Updated: ti.Updated, CurrentStage: ti.CurrentStage, Error: ti.Error,
	}
}

// checkSummary checks that DecodeTaskSummary accepts whatever
// DecodeTaskInfo accepts, and reads the same fields from it.
func checkSummary(t *testing.T, body []byte) {
	t.Helper()
	ti, err := DecodeTaskInfo(body)
	if err != nil {
		return
	}
	got, err := DecodeTaskSummary(body)
	if err != nil {
		t.Fatalf("DecodeTaskSummary(%s): %v; DecodeTaskInfo accepts it", body, err)
	}
	if diff := cmp.Diff(summaryOf(ti), got); diff != "" {
		t.Fatalf("DecodeTaskSummary(%s) (-DecodeTaskInfo +summary):\n%s", body, diff)
	}
}

func TestDecodeTaskSummary(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		want    TaskSummary
		wantErr bool
	}{
		{name: "success golden", body: string(readGolden(t, "describe_task_info_success.json"))},
		{name: "failed golden", body: string(readGolden(t, "describe_task_info_failed.json"))},
		{name: "running", body: `{"task_id":"T-1","state":"running","current_stage":"s2","parameters":{"a":[1,{"b":null}]},"target":{"id":"c1"}}`,
			want: TaskSummary{TaskID: "T-1", State: "running", CurrentStage: "s2"}},
		{name: "keys in any case, as encoding/json reads them", body: `{"TASK_ID":"T-2","State":"fail","Error":{"Code":"400","message":"m"}}`,
			want: TaskSummary{TaskID: "T-2", State: "fail", Error: &TaskError{Code: "400", Message: "m"}}},
		// Fields the summary skips do not fail it, whatever their shape.
		{name: "object task_result", body: `{"task_id":"T-3","state":"success","task_result":{"data":"i-1"},"parameters":"odd"}`,
			want: TaskSummary{TaskID: "T-3", State: "success"}},
		{name: "state not a string", body: `{"task_id":"T-4","state":1}`, wantErr: true},
		{name: "not JSON", body: `{"task_id":`, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSummary(t, []byte(tt.body))
			got, err := DecodeTaskSummary([]byte(tt.body))
			if tt.wantErr {
				if err == nil || !strings.Contains(err.Error(), "decode TaskSummary") {
					t.Fatalf("err = %v, want a decode TaskSummary error", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.want.TaskID == "" {
				// A golden file: checkSummary compared it with TaskInfo.
				if got.TaskID == "" || got.State == "" {
					t.Fatalf("summary %+v lacks the task ID or state", got)
				}
				return
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Fatalf("summary (-want +got):\n%s", diff)
			}
		})
	}
}

func FuzzDecodeTaskSummary(f *testing.F) {
	seedGolden(f)
	f.Add([]byte(`{"task_id":"T-1","state":"running","task_result":[{"data":"x"}],"error":{"code":"c"}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		checkSummary(t, body)
	})
}
