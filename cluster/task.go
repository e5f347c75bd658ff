package cluster

import (
	"context"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/waiter"
)

// Task states as DescribeTaskInfo reports them; ACK also writes "fail"
// for a failed task.
const (
	TaskRunning = ack.TaskRunning
	TaskSuccess = ack.TaskSuccess
	TaskFailed  = ack.TaskFailed
)

// Task is one of ACK's tasks: the asynchronous work behind a create,
// modify, scale out or delete.
type Task struct {
	// ID is the task ID, for example "T-5a54...".
	ID string
	// ClusterID is the cluster the task acts on.
	ClusterID string
	// Type is the task type, for example "cluster_scaleout".
	Type string
	// State is TaskRunning, TaskSuccess or TaskFailed (or "fail").
	State string
	// Stage is the current stage, when ACK reports one.
	Stage string
	// Created and Updated are ACK's timestamps.
	Created, Updated time.Time
	// ErrorCode and ErrorMessage say why a failed task failed.
	ErrorCode, ErrorMessage string
	// RequestID identifies the call that read the task.
	RequestID string
}

// Succeeded reports whether the task ended in success.
func (t *Task) Succeeded() bool { return t.status().Succeeded() }

// Failed reports whether the task ended in failure.
func (t *Task) Failed() bool { return t.status().Failed() }

// status is what a wait needs of the task.
func (t *Task) status() waiter.TaskStatus {
	return waiter.TaskStatus{State: t.State, Code: t.ErrorCode, Message: t.ErrorMessage}
}

// Task reads the task with the given ID (DescribeTaskInfo).
func (c *Client) Task(ctx context.Context, id string) (*Task, error) {
	ti, err := waiter.ReadTask(ctx, c.do, id)
	if err != nil {
		return nil, opError("task", id, "get", err)
	}
	t := &Task{
		ID: ti.TaskID, ClusterID: ti.ClusterID, Type: ti.TaskType, State: ti.State, Stage: ti.CurrentStage,
		Created: parseTime(ti.Created), Updated: parseTime(ti.Updated), RequestID: ti.RequestID,
	}
	if s := ti.Status(); s.Code != "" || s.Message != "" {
		t.ErrorCode, t.ErrorMessage = s.Code, s.Message
	}
	return t, nil
}
