package ack_test

import (
	"errors"
	"fmt"

	"github.com/ackgo/ack"
)

// Errors of the API match the sentinels with errors.Is, however deeply
// they are wrapped; secrets print redacted.
func Example_errors() {
	err := fmt.Errorf("get cluster: %w", &ack.APIError{
		Action: "DescribeClusterDetail", HTTPStatus: 404, Code: "ErrorClusterNotFound",
	})
	fmt.Println(errors.Is(err, ack.ErrNotFound))
	fmt.Println(ack.NewSecret("password"))
	// Output:
	// true
	// [redacted]
}
