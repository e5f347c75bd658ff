package vclock_test

import (
	"context"
	"fmt"
	"time"

	"github.com/ackgo/ack/internal/vclock"
)

func Example() {
	c := vclock.NewAuto()
	start := c.Now()
	_ = c.Sleep(context.Background(), 8*time.Minute) // returns at once
	fmt.Println(c.Now().Sub(start))
	// Output: 8m0s
}
