package waiter_test

import (
	"context"
	"fmt"
	"time"

	"github.com/ackgo/ack/internal/vclock"
	"github.com/ackgo/ack/internal/waiter"
)

// A cluster create waits for its task and then for the cluster, on a
// virtual clock so that the example runs at once.
func Example() {
	clock := vclock.NewAuto()
	start := clock.Now()
	taskStates := []string{"running", "running", "success"}
	clusterStates := []string{"initial", "running"}
	next := func(states *[]string, done string) func(context.Context) (string, bool, error) {
		return func(context.Context) (string, bool, error) {
			s := (*states)[0]
			if len(*states) > 1 {
				*states = (*states)[1:]
			}
			return s, s == done, nil
		}
	}

	w := &waiter.Waiter{
		Clock:      clock,
		Policy:     waiter.Policy{MinDelay: 5 * time.Second, MaxDelay: time.Minute, Multiplier: 2, Jitter: -1},
		Kind:       "cluster",
		ResourceID: "c-123",
		OnProgress: func(e waiter.Event) {
			fmt.Printf("%4s  %-7s %q -> %q\n", e.At.Sub(start), e.Phase, e.From, e.To)
		},
	}
	res, err := w.Wait(context.Background(),
		waiter.Phase{Name: "task", Target: "success", Poll: next(&taskStates, "success")},
		waiter.Phase{Name: "cluster", Target: "running", Poll: next(&clusterStates, "running")},
	)
	fmt.Println(res.Polls, "polls,", res.Waited, res.LastState, err)
	// Output:
	//   0s  task    "" -> "running"
	//  15s  task    "running" -> "success"
	//  15s  cluster "" -> "initial"
	//  20s  cluster "initial" -> "running"
	// 5 polls, 20s running <nil>
}
