package quota_test

import (
	"fmt"

	"github.com/ackgo/ack/quota"
)

func Example() {
	fmt.Println("pods per node at most:", quota.MaxPodsPerNode)
	// Output: pods per node at most: 256
}
