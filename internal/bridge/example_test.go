package bridge_test

import (
	"fmt"

	"github.com/ackgo/ack/internal/bridge"
	"github.com/ackgo/ack/internal/wire"
)

// A package provides its functions once; another gets them back by the same
// instantiation. Here the "limits" are a plain int.
func Example() {
	bridge.Provide(bridge.Quota[int]{
		LimitsFromWire: func(q *wire.UserQuota, base int) int { return base + 1 },
		Wire:           func(int) *wire.UserQuota { return &wire.UserQuota{} },
	})
	q := bridge.Get[bridge.Quota[int]]()
	fmt.Println(q.LimitsFromWire(nil, 41))

	defer func() { fmt.Println("recovered:", recover() != nil) }()
	bridge.Get[bridge.Quota[string]]() // nothing provides this instantiation
	// Output:
	// 42
	// recovered: true
}
