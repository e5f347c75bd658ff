package core_test

import (
	"errors"
	"fmt"

	"github.com/ackgo/ack/internal/core"
)

func Example() {
	err := fmt.Errorf("get cluster: %w", &core.APIError{
		Action: "DescribeClusterDetail", HTTPStatus: 404, Code: "ErrorClusterNotFound",
	})
	fmt.Println(errors.Is(err, core.ErrNotFound))
	fmt.Println(core.Secret("password"))
	// Output:
	// true
	// [redacted]
}
