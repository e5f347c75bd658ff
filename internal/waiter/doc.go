// Package waiter is the waiting engine behind every Operation of the typed
// clients: cluster create, modify and delete, node pools, upgrades.
//
// A wait is a list of phases run in order. A cluster create, for example,
// first waits for its task (DescribeTaskInfo: running → success) and then
// for the cluster (state initial → running); a delete waits for the task and
// then for the cluster to be gone (not-found counts as done). Each phase has
// a Poll function that reads the task or resource once and says which state
// it saw and whether the phase is done.
//
// Between polls the Waiter sleeps on its core.Clock (never time.Sleep), with
// delays that grow exponentially from MinDelay to MaxDelay, with jitter; see
// Policy. The wait is bounded by the context and, on the clock, by MaxWait.
// A Poll's error either ends the wait at once (authentication, invalid
// request, not-found, a *core.TaskFailedError, anything unknown) or is
// polled through (throttling, 5xx, a request that was not sent, a network
// error); see IsTransient.
//
// Outcomes:
//
//	every phase done                    Result, nil
//	a Poll's lasting error              that error (a TaskFailedError as it is; others wrapped, naming the resource)
//	MaxWait passed on the clock         *core.WaitTimeoutError (Kind, ResourceID, Phase, TaskID, Target, LastState, Polls, Waited, MaxWait)
//	the context's deadline passed       *core.WaitTimeoutError whose Unwrap is context.DeadlineExceeded
//	the context was canceled            an error matching context.Canceled, not a WaitTimeoutError
//
// The message of the last three names what ended the wait and which
// object the phase reads (the task, or the resource) in which state:
//
//	cluster c-1: MaxWait 10m0s passed on the clock after 14 polls: task T-1 is "running", waiting for "success"
//	cluster c-1: context deadline exceeded after 0s and 0 polls: no state of task T-1 read yet, waiting for "success"
//	nodepool np-1: context canceled after 40s and 5 polls: node pool np-1 is "scaling", waiting for "active"
//
// Defaults of a zero Policy (they suit clusters; node pools may choose
// shorter delays):
//
//	field        default
//	MinDelay     5s   (DefaultMinDelay)
//	MaxDelay     1m   (DefaultMaxDelay)
//	Multiplier   1.5  (DefaultMultiplier)
//	Jitter       0.2  (DefaultJitter: ±20%, clamped to [MinDelay, MaxDelay])
//	MaxWait      none (only the context bounds the wait)
//	Rand         math/rand/v2 Float64
//	Clock        core.RealClock (a field of Waiter)
//
// The first poll of each phase happens at once; the growing delays come
// after it. The package starts no goroutine: Wait runs on its caller's.
//
// # Operations
//
// Operation[T] is the state behind the typed clients' Operation types
// (cluster.Operation, nodepool.Operation), which are thin wrappers over
// it: the task phase (TaskPhase, until TaskSuccess) and the resource phase,
// Wait, a single-step Poll, Done, and the outcome kept once the operation
// has ended (a *core.TaskFailedError ends it; a timeout or a transient
// error does not). A Resource[T] says how to read the task (TaskStatus)
// and the resource, and how to judge a read (a Verdict: Pending, Reached
// or Broken); a deletion counts a not-found read as its target.
//
// # What every client shares
//
// The rest of an Operation's plumbing is here too, so that a client is
// its requests, its rules and its types: ReadTask and StatusReader read
// DescribeTaskInfo; DeleteReconcile is the Reconcile hook of every delete
// (a resource gone or being deleted after a lost answer counts as
// deleted), Gone its read and Answer the response a Reconcile hook gives
// for a write it found applied; Settings and WaitWith turn a package's
// WaitOptions and Progress into a Policy and an Event callback; Detached
// is the outcome of an Operation without a client.
package waiter
