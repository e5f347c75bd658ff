package nodepool

import (
	"context"

	"github.com/ackgo/ack/internal/waiter"
	"github.com/ackgo/ack/internal/wire"
)

// task reads a task (DescribeTaskInfo) without wrapping the error, for the
// waits.
func (c *Client) task(ctx context.Context, id string) (waiter.TaskStatus, error) {
	resp, err := c.do(ctx, wire.NewRequest(wire.ActionDescribeTaskInfo, id))
	if err != nil {
		return waiter.TaskStatus{}, err
	}
	ti, err := wire.DecodeTaskSummary(resp.Body)
	if err != nil {
		return waiter.TaskStatus{}, err
	}
	t := waiter.TaskStatus{State: ti.State}
	if ti.Error != nil {
		t.Code, t.Message = ti.Error.Code, ti.Error.Message
	}
	return t, nil
}
