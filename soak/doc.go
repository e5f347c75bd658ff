// Package soak holds the SDK's seeded soak tests; it has no API of its own,
// only this documentation and test files.
//
// A soak runs thousands of random operations from many goroutines (cluster
// and node pool creates, scales, modifies, deletes, kubeconfigs, lists)
// through the typed clients against the fake ACK, which injects faults
// into about one call in ten with its reactors: throttling, 5xx answers,
// latency, and answers lost after the change was applied (over HTTP the
// connection is closed). Throughout and at the end it checks that:
//
//   - one logical create never makes two clusters or two node pools;
//   - node counts are exactly what the calls asked;
//   - the quotas are never exceeded;
//   - every operation ends in success or a typed error (*ack.APIError,
//     *ack.ValidationError, *ack.RetryError, *ack.TaskFailedError,
//     *ack.WaitTimeoutError), never a hang or a panic;
//   - no goroutine is left behind;
//   - the fake's state is what the clients were told.
//
// TestSoakInProcess runs on the fake's in-process transport and virtual
// clock; TestSoakHTTP over HTTP through ack.LoadConfig's real transport,
// with signatures verified. Both are short by default; the environment
// lengthens and replays them:
//
//	ACK_SOAK=10 go test ./soak           # ten times as many operations
//	ACK_SOAK_SEED=42 go test ./soak      # replay the run of seed 42
//
// A failing run prints its seed. Goroutines interleave as the scheduler
// decides, so a replay repeats each worker's operations and the fault
// plan, not every interleaving.
package soak
