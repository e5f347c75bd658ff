package wire

import (
	"encoding/json"
	"net/url"
)

// TaskInfo is the answer of DescribeTaskInfo (GET /tasks/{TaskId}), in the
// current (Tea) shape: TaskResult is an array, Error is set when the task
// failed. State is running, success, fail or failed.
type TaskInfo struct {
	TaskID       string         `json:"task_id"`
	ClusterID    string         `json:"cluster_id,omitempty"`
	TaskType     string         `json:"task_type,omitempty"`
	State        string         `json:"state"`
	Created      string         `json:"created,omitempty"`
	Updated      string         `json:"updated,omitempty"`
	CurrentStage string         `json:"current_stage,omitempty"`
	Target       *TaskTarget    `json:"target,omitempty"`
	Parameters   map[string]any `json:"parameters,omitempty"`
	Outputs      map[string]any `json:"outputs,omitempty"`
	Stages       []TaskStage    `json:"stages,omitempty"`
	Events       []TaskEvent    `json:"events,omitempty"`
	TaskResult   []TaskResult   `json:"task_result,omitempty"`
	Error        *TaskError     `json:"error,omitempty"`
}

// TaskSummary is the part of DescribeTaskInfo's answer that a wait reads:
// the task's identity, state, stage, timestamps and error. Its fields are
// TaskInfo's, under the same keys.
type TaskSummary struct {
	TaskID       string     `json:"task_id"`
	ClusterID    string     `json:"cluster_id,omitempty"`
	TaskType     string     `json:"task_type,omitempty"`
	State        string     `json:"state"`
	Created      string     `json:"created,omitempty"`
	Updated      string     `json:"updated,omitempty"`
	CurrentStage string     `json:"current_stage,omitempty"`
	Error        *TaskError `json:"error,omitempty"`
}

// TaskTarget is what a task acts on, for example {id: c-1, type: cluster}.
type TaskTarget struct {
	ID   string `json:"id,omitempty"`
	Type string `json:"type,omitempty"`
}

// TaskStage is one stage of a task.
type TaskStage struct {
	State     string         `json:"state,omitempty"`
	Message   string         `json:"message,omitempty"`
	StartTime string         `json:"start_time,omitempty"`
	EndTime   string         `json:"end_time,omitempty"`
	Outputs   map[string]any `json:"outputs,omitempty"`
}

// TaskEvent is one event of a task. Timestamp is milliseconds since the
// epoch, as a string.
type TaskEvent struct {
	Action    string `json:"action,omitempty"`
	Level     string `json:"level,omitempty"`
	Message   string `json:"message,omitempty"`
	Reason    string `json:"reason,omitempty"`
	Source    string `json:"source,omitempty"`
	Timestamp string `json:"timestamp,omitempty"`
}

// TaskResult is the outcome for one resource of a task (Data is for
// example an instance ID; Status is success, failed or initial).
type TaskResult struct {
	Data   string `json:"data,omitempty"`
	Status string `json:"status,omitempty"`
}

// TaskError is why a task failed. Code may be a number as a string
// ("400").
type TaskError struct {
	Code    string `json:"code,omitempty"`
	Message string `json:"message,omitempty"`
}

// ClusterTask is one task of DescribeClusterTasks.
type ClusterTask struct {
	TaskID   string     `json:"task_id"`
	TaskType string     `json:"task_type,omitempty"`
	State    string     `json:"state"`
	Created  string     `json:"created,omitempty"`
	Updated  string     `json:"updated,omitempty"`
	Error    *TaskError `json:"error,omitempty"`
}

// ClusterTasksResponse is one page of DescribeClusterTasks. Its request ID
// key is camelCase (requestId).
type ClusterTasksResponse struct {
	RequestID string        `json:"requestId,omitempty"`
	Tasks     []ClusterTask `json:"tasks"`
	PageInfo  PageInfo      `json:"page_info"`
	NextToken string        `json:"next_token,omitempty"`
}

// MarshalJSON writes no tasks as [] rather than null.
func (r ClusterTasksResponse) MarshalJSON() ([]byte, error) {
	type plain ClusterTasksResponse
	if r.Tasks == nil {
		r.Tasks = []ClusterTask{}
	}
	return json.Marshal(plain(r))
}

// ClusterTasksQuery is the query of DescribeClusterTasks.
type ClusterTasksQuery struct {
	PageNumber int64
	PageSize   int64
}

// Query encodes the query.
func (r ClusterTasksQuery) Query() url.Values {
	q := url.Values{}
	setInt(q, "page_number", r.PageNumber)
	setInt(q, "page_size", r.PageSize)
	return q
}

// ParseClusterTasksQuery reads the query of DescribeClusterTasks.
func ParseClusterTasksQuery(q url.Values) (ClusterTasksQuery, error) {
	var r ClusterTasksQuery
	var e1, e2 error
	r.PageNumber, e1 = getInt(q, "page_number")
	r.PageSize, e2 = getInt(q, "page_size")
	if err := firstErr(e1, e2); err != nil {
		return ClusterTasksQuery{}, err
	}
	return r, nil
}
