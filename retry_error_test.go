package ack

import (
	"context"
	"errors"
	"testing"
)

func TestRetryErrorMessage(t *testing.T) {
	last := &APIError{Action: "DescribeClusterDetail", HTTPStatus: 503, Code: "ServiceUnavailable", RequestID: "r-1"}
	tests := []struct {
		err  *RetryError
		want string
	}{
		{
			&RetryError{Action: "DescribeClusterDetail", Attempts: 5, Reason: ReasonMaxAttempts, Err: last},
			"gave up after 5 attempts (max attempts reached): DescribeClusterDetail: HTTP 503 ServiceUnavailable (request id r-1)",
		},
		{
			&RetryError{Action: "DescribeClusterDetail", Attempts: 1, Reason: ReasonCanceled, Err: last, Cause: context.Canceled},
			"gave up after 1 attempt (context ended during the retry delay: context canceled): DescribeClusterDetail: HTTP 503 ServiceUnavailable (request id r-1)",
		},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() =\n%s\nwant\n%s", got, tt.want)
		}
		if !errors.Is(tt.err, last) {
			t.Errorf("%v does not wrap the last error", tt.err)
		}
		if tt.err.Cause != nil && !errors.Is(tt.err, tt.err.Cause) {
			t.Errorf("%v does not wrap its cause", tt.err)
		}
	}
}
