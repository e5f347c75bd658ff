package waiter

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"go.uber.org/goleak"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/vclock"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// step is one answer of a scripted poll.
type step struct {
	state string
	done  bool
	err   error
}

// script is a poll that answers its steps in order, repeating the last one,
// and records when it was called.
type script struct {
	clock ack.Clock
	start time.Time
	steps []step
	at    *[]time.Duration
}

func (s *script) poll(context.Context) (string, bool, error) {
	*s.at = append(*s.at, s.clock.Now().Sub(s.start))
	st := s.steps[0]
	if len(s.steps) > 1 {
		s.steps = s.steps[1:]
	}
	return st.state, st.done, st.err
}

// phaseSpec describes a phase of a test case without its clock.
type phaseSpec struct {
	name, target   string
	notFoundIsDone bool
	steps          []step
	noPoll         bool
}

// event is an Event with its time as an offset from the start.
type event struct {
	Phase, From, To string
	At              time.Duration
	Poll            int
}

var (
	errThrottled   = &ack.APIError{Action: "DescribeTaskInfo", HTTPStatus: 400, Code: "Throttling.User"}
	errUnavailable = &ack.APIError{Action: "DescribeTaskInfo", HTTPStatus: 503, Code: "ServiceUnavailable"}
	errForbidden   = &ack.APIError{Action: "DescribeTaskInfo", HTTPStatus: 403, Code: "Forbidden.RAM"}
	errInvalid     = &ack.APIError{Action: "DescribeTaskInfo", HTTPStatus: 400, Code: "InvalidParameter"}
	errNotFound    = &ack.APIError{Action: "DescribeClusterDetail", HTTPStatus: 404, Code: "ErrorClusterNotFound"}
	errTaskFailed  = &ack.TaskFailedError{Kind: "cluster", ResourceID: "c-1", TaskID: "T-1", Code: "400", Message: "vswitch has no free IP"}
)

func running() step { return step{state: "running"} }

// exactPolicy has no jitter, so delays are 5s, 10s, 20s, 40s, 60s, 60s...
var exactPolicy = Policy{MinDelay: 5 * time.Second, MaxDelay: time.Minute, Multiplier: 2, Jitter: -1}

func TestWait(t *testing.T) {
	type want struct {
		res    Result
		events []event
		at     []time.Duration
		is     error // errors.Is target, nil for success
	}
	tests := []struct {
		name   string
		policy Policy
		phases []phaseSpec
		want   want
	}{
		{
			name: "task success then cluster running",
			phases: []phaseSpec{
				{name: "task", target: "success", steps: []step{running(), running(), {state: "success", done: true}}},
				{name: "cluster", target: "running", steps: []step{{state: "initial"}, {state: "running", done: true}}},
			},
			want: want{
				res: Result{Polls: 5, Waited: 20 * time.Second, LastState: "running"},
				events: []event{
					{"task", "", "running", 0, 1},
					{"task", "running", "success", 15 * time.Second, 3},
					{"cluster", "", "initial", 15 * time.Second, 4},
					{"cluster", "initial", "running", 20 * time.Second, 5},
				},
				at: secs(0, 5, 15, 15, 20),
			},
		},
		{
			name: "task failed",
			phases: []phaseSpec{
				{name: "task", target: "success", steps: []step{running(), {err: errTaskFailed}}},
				{name: "cluster", target: "running", steps: []step{{state: "running", done: true}}},
			},
			want: want{
				res:    Result{Polls: 2, Waited: 5 * time.Second, LastState: "running"},
				events: []event{{"task", "", "running", 0, 1}},
				at:     secs(0, 5),
				is:     errTaskFailed,
			},
		},
		{
			name:   "delete: not-found is the target",
			phases: []phaseSpec{{name: "cluster", target: "deleted", notFoundIsDone: true, steps: []step{{state: "deleting"}, {err: errNotFound}}}},
			want: want{
				res:    Result{Polls: 2, Waited: 5 * time.Second, LastState: "deleted"},
				events: []event{{"cluster", "", "deleting", 0, 1}, {"cluster", "deleting", "deleted", 5 * time.Second, 2}},
				at:     secs(0, 5),
			},
		},
		{
			name:   "not-found while creating ends after one poll",
			phases: []phaseSpec{{name: "cluster", target: "running", steps: []step{{err: errNotFound}, {state: "running", done: true}}}},
			want:   want{res: Result{Polls: 1}, at: secs(0), is: ack.ErrNotFound},
		},
		{
			name:   "auth error ends after one poll",
			phases: []phaseSpec{{name: "task", target: "success", steps: []step{{err: errForbidden}, {state: "success", done: true}}}},
			want:   want{res: Result{Polls: 1}, at: secs(0), is: ack.ErrAuth},
		},
		{
			name:   "invalid error ends after one poll",
			phases: []phaseSpec{{name: "task", target: "success", steps: []step{{err: errInvalid}, {state: "success", done: true}}}},
			want:   want{res: Result{Polls: 1}, at: secs(0), is: ack.ErrInvalid},
		},
		{
			name:   "unknown error ends after one poll",
			phases: []phaseSpec{{name: "task", target: "success", steps: []step{{err: errDecode}, {state: "success", done: true}}}},
			want:   want{res: Result{Polls: 1}, at: secs(0), is: errDecode},
		},
		{
			name: "transient errors are polled through",
			phases: []phaseSpec{{name: "task", target: "success", steps: []step{
				running(), {err: errThrottled}, {err: errUnavailable}, {err: ack.MarkNotSent(errors.New("dial tcp: connection refused"))},
				{state: "success", done: true},
			}}},
			want: want{
				res:    Result{Polls: 5, Waited: 75 * time.Second, LastState: "success"},
				events: []event{{"task", "", "running", 0, 1}, {"task", "running", "success", 75 * time.Second, 5}},
				at:     secs(0, 5, 15, 35, 75),
			},
		},
		{
			name: "retry-after of a throttled poll is honoured",
			phases: []phaseSpec{{name: "task", target: "success", steps: []step{
				{err: &ack.APIError{HTTPStatus: 429, Code: "Throttling", RetryAfter: 30 * time.Second}},
				{state: "success", done: true},
			}}},
			want: want{
				res:    Result{Polls: 2, Waited: 30 * time.Second, LastState: "success"},
				events: []event{{"task", "", "success", 30 * time.Second, 2}},
				at:     secs(0, 30),
			},
		},
		{
			name:   "max wait",
			policy: Policy{MinDelay: 5 * time.Second, MaxDelay: time.Minute, Multiplier: 2, Jitter: -1, MaxWait: 30 * time.Second},
			phases: []phaseSpec{{name: "task", target: "success", steps: []step{running()}}},
			want: want{
				res:    Result{Polls: 4, Waited: 30 * time.Second, LastState: "running"},
				events: []event{{"task", "", "running", 0, 1}},
				at:     secs(0, 5, 15, 30),
				is: &ack.WaitTimeoutError{Kind: "cluster", ResourceID: "c-1", Phase: "task", Target: "success", LastState: "running",
					Polls: 4, Waited: 30 * time.Second, MaxWait: 30 * time.Second},
			},
		},
		{
			name:   "max wait counts the earlier phases",
			policy: Policy{MinDelay: 5 * time.Second, MaxDelay: time.Minute, Multiplier: 2, Jitter: -1, MaxWait: 20 * time.Second},
			phases: []phaseSpec{
				{name: "task", target: "success", steps: []step{running(), running(), {state: "success", done: true}}},
				{name: "cluster", target: "running", steps: []step{{state: "initial"}}},
			},
			want: want{
				res: Result{Polls: 5, Waited: 20 * time.Second, LastState: "initial"},
				events: []event{
					{"task", "", "running", 0, 1},
					{"task", "running", "success", 15 * time.Second, 3},
					{"cluster", "", "initial", 15 * time.Second, 4},
				},
				at: secs(0, 5, 15, 15, 20),
				is: &ack.WaitTimeoutError{Kind: "cluster", ResourceID: "c-1", Phase: "cluster", Target: "running", LastState: "initial",
					Polls: 5, Waited: 20 * time.Second, MaxWait: 20 * time.Second},
			},
		},
		{
			name:   "phase without a poll function",
			phases: []phaseSpec{{name: "task", target: "success", noPoll: true}},
			want:   want{is: ack.ErrInvalid},
		},
	}
	for _, mode := range []vclock.Mode{vclock.AutoAdvance, vclock.Manual} {
		for _, tt := range tests {
			t.Run(mode.String()+"/"+tt.name, func(t *testing.T) {
				clock := vclock.New(mode, time.Time{}, 1)
				start := clock.Now()
				var at []time.Duration
				var phases []Phase
				for _, ps := range tt.phases {
					ph := Phase{Name: ps.name, Target: ps.target, NotFoundIsDone: ps.notFoundIsDone}
					if !ps.noPoll {
						ph.Poll = (&script{clock: clock, start: start, steps: ps.steps, at: &at}).poll
					}
					phases = append(phases, ph)
				}
				var events []event
				policy := tt.policy
				if policy.MinDelay == 0 {
					policy = exactPolicy
				}
				w := &Waiter{Clock: clock, Policy: policy, Kind: "cluster", ResourceID: "c-1", OnProgress: func(e Event) {
					events = append(events, event{e.Phase, e.From, e.To, e.At.Sub(start), e.Poll})
				}}

				res, err := waitOn(t, clock, w, phases)

				if diff := cmp.Diff(tt.want.res, res); diff != "" {
					t.Errorf("result (-want +got):\n%s", diff)
				}
				if diff := cmp.Diff(tt.want.events, events); diff != "" {
					t.Errorf("events (-want +got):\n%s", diff)
				}
				if diff := cmp.Diff(tt.want.at, at); diff != "" {
					t.Errorf("poll times (-want +got):\n%s", diff)
				}
				checkErr(t, err, tt.want.is)
			})
		}
	}
}

var errDecode = errors.New("decode DescribeTaskInfo: unexpected end of JSON input")

// checkErr compares err with the wanted outcome: nil, a sentinel or error
// value for errors.Is, or a *ack.WaitTimeoutError compared field by field.
func checkErr(t *testing.T, err, want error) {
	t.Helper()
	switch w := want.(type) {
	case nil:
		if err != nil {
			t.Fatalf("Wait: %v, want success", err)
		}
	case *ack.WaitTimeoutError:
		got, ok := errors.AsType[*ack.WaitTimeoutError](err)
		if !ok {
			t.Fatalf("Wait: %v, want a *WaitTimeoutError", err)
		}
		if diff := cmp.Diff(w, got); diff != "" {
			t.Errorf("timeout (-want +got):\n%s", diff)
		}
	case *ack.TaskFailedError:
		got, ok := errors.AsType[*ack.TaskFailedError](err)
		if !ok {
			t.Fatalf("Wait: %v, want a *TaskFailedError", err)
		}
		if diff := cmp.Diff(w, got); diff != "" {
			t.Errorf("task failure (-want +got):\n%s", diff)
		}
	default:
		if !errors.Is(err, want) {
			t.Fatalf("Wait: %v, want an error matching %v", err, want)
		}
	}
}

// waitOn runs w.Wait; on a manual clock a helper goroutine advances the
// clock one second at a time whenever the waiter sleeps.
func waitOn(t *testing.T, clock *vclock.Clock, w *Waiter, phases []Phase) (Result, error) {
	t.Helper()
	if clock.Mode() != vclock.Manual {
		return w.Wait(context.Background(), phases...)
	}
	ctx, stop := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() {
		for clock.BlockUntil(ctx, 1) == nil {
			clock.Advance(time.Second)
		}
	})
	defer wg.Wait()
	defer stop()
	return w.Wait(context.Background(), phases...)
}

func secs(s ...int) []time.Duration {
	out := make([]time.Duration, len(s))
	for i, v := range s {
		out[i] = time.Duration(v) * time.Second
	}
	return out
}

func TestErrorMessages(t *testing.T) {
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name string
		w    Waiter
		ctx  context.Context
		err  error
		want string
	}{
		{"terminal", Waiter{Kind: "cluster", ResourceID: "c-1"}, context.Background(), errForbidden,
			`cluster c-1: waiting for task "success": DescribeTaskInfo: HTTP 403 Forbidden.RAM`},
		{"task failed as it is", Waiter{Kind: "cluster", ResourceID: "c-1"}, context.Background(), errTaskFailed,
			"cluster c-1: task T-1 failed: 400: vswitch has no free IP"},
		{"canceled", Waiter{Kind: "nodepool", ResourceID: "np-1"}, canceled, nil,
			`nodepool np-1: context canceled after 0s and 0 polls: no state of the task read yet, waiting for "success"`},
		{"nameless", Waiter{}, context.Background(), errInvalid,
			`wait: waiting for task "success": DescribeTaskInfo: HTTP 400 InvalidParameter`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.w.Clock = vclock.NewAuto()
			_, err := tt.w.Wait(tt.ctx, Phase{Name: "task", Target: "success", Poll: func(context.Context) (string, bool, error) {
				return "", false, tt.err
			}})
			if err == nil || err.Error() != tt.want {
				t.Errorf("error = %v, want %q", err, tt.want)
			}
		})
	}
}
