package quota

import "github.com/ackgo/ack/internal/bridge"

// init lends the fake this package's DescribeUserQuota conversions.
func init() {
	bridge.Provide(bridge.Quota[Limits]{
		LimitsFromWire: limitsFromWire,
		Wire:           Limits.toWire,
	})
}
