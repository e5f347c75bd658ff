package waiter

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"testing"

	"github.com/ackgo/ack"
)

func TestIsTransient(t *testing.T) {
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")}
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"nil", nil, false},
		{"throttled code", errThrottled, true},
		{"throttled message", &ack.APIError{HTTPStatus: 400, Code: "Throttling.User", Message: "Request was denied due to user flow control."}, true},
		{"503", errUnavailable, true},
		{"500 without code", &ack.APIError{HTTPStatus: 500}, true},
		{"429", &ack.APIError{HTTPStatus: 429}, true},
		{"not sent", ack.MarkNotSent(errors.New("dial")), true},
		{"network error", fmt.Errorf("send DescribeTaskInfo: %w", refused), true},
		{"unexpected EOF", fmt.Errorf("read body: %w", io.ErrUnexpectedEOF), true},
		{"poll's own timeout", fmt.Errorf("poll: %w", context.DeadlineExceeded), true},
		{"forbidden", errForbidden, false},
		{"auth even if not sent", fmt.Errorf("%w: %w", ack.ErrAuth, ack.MarkNotSent(errors.New("no credentials"))), false},
		{"invalid even on a 5xx", &ack.APIError{HTTPStatus: 500, Code: "InvalidParameter"}, false},
		{"validation", &ack.ValidationError{Resource: "cluster", Violations: []ack.Violation{{Rule: "r"}}}, false},
		{"not found", errNotFound, false},
		{"not found on a 5xx", &ack.APIError{HTTPStatus: 503, Code: "ErrorClusterNotFound"}, false},
		{"conflict", &ack.APIError{HTTPStatus: 400, Code: "ErrorClusterState"}, false},
		{"quota", &ack.APIError{HTTPStatus: 400, Code: "QuotaExceeded.Cluster"}, false},
		{"task failed", errTaskFailed, false},
		{"canceled", context.Canceled, false},
		{"unknown", errDecode, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsTransient(tt.err); got != tt.want {
				t.Errorf("IsTransient(%v) = %v, want %v", tt.err, got, tt.want)
			}
		})
	}
}
