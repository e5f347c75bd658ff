package nodepool

import (
	"context"

	"github.com/ackgo/ack/internal/wire"
)

// Task states as DescribeTaskInfo reports them; ACK also writes "fail"
// for a failed task.
const (
	taskSuccess = "success"
	taskFailed  = "failed"
	taskFail    = "fail"
)

// task is what a wait needs of one of ACK's tasks.
type task struct {
	state         string
	code, message string
}

func (t task) succeeded() bool { return t.state == taskSuccess }

func (t task) failed() bool { return t.state == taskFailed || t.state == taskFail }

// task reads a task (DescribeTaskInfo) without wrapping the error, for the
// waits.
func (c *Client) task(ctx context.Context, id string) (task, error) {
	resp, err := c.do(ctx, wire.NewRequest(wire.ActionDescribeTaskInfo, id))
	if err != nil {
		return task{}, err
	}
	ti, err := wire.DecodeTaskInfo(resp.Body)
	if err != nil {
		return task{}, err
	}
	t := task{state: ti.State}
	if ti.Error != nil {
		t.code, t.message = ti.Error.Code, ti.Error.Message
	}
	return t, nil
}
