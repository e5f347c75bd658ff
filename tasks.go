package ack

// Task states as DescribeTaskInfo reports them; ACK also writes "fail" for
// a failed task.
const (
	TaskRunning = "running"
	TaskSuccess = "success"
	TaskFailed  = "failed"
)

// PhaseTask names the phase of a wait in which an operation waits for its
// task (DescribeTaskInfo) to succeed; the phase that follows is named for
// the resource ("cluster", "nodepool").
const PhaseTask = "task"

// MaxPageSize is the largest page the paged list calls of ACK serve
// (DescribeClustersV1, DescribeClusterNodes).
const MaxPageSize = 100
