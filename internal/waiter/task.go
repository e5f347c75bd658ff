package waiter

import "github.com/ackgo/ack"

// Task states as DescribeTaskInfo reports them. ACK also writes "fail"
// for a failed task.
const (
	// TaskRunning is the state of a task still at work.
	TaskRunning = ack.TaskRunning
	// TaskSuccess is the state of a task that succeeded.
	TaskSuccess = ack.TaskSuccess
	// TaskFailed is the state of a task that failed.
	TaskFailed = ack.TaskFailed
	// taskFail is ACK's other spelling of TaskFailed.
	taskFail = "fail"
)

// TaskStatus is one read of a task (DescribeTaskInfo), as an Operation
// needs it.
type TaskStatus struct {
	// State is the task's state: TaskRunning, TaskSuccess, TaskFailed (or
	// "fail"), or any other state ACK reports.
	State string
	// Code and Message say why a failed task failed.
	Code, Message string
}

// Succeeded reports whether the task ended in success.
func (t TaskStatus) Succeeded() bool { return t.State == TaskSuccess }

// Failed reports whether the task ended in failure.
func (t TaskStatus) Failed() bool { return t.State == TaskFailed || t.State == taskFail }
