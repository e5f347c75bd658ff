package ack

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestAPIErrorCategories(t *testing.T) {
	sentinels := []struct {
		name string
		err  error
	}{
		{"notfound", ErrNotFound}, {"throttled", ErrThrottled}, {"quota", ErrQuotaExceeded},
		{"conflict", ErrConflict}, {"invalid", ErrInvalid}, {"auth", ErrAuth},
	}
	tests := []struct {
		code   string
		status int
		want   []string // the sentinels it matches
	}{
		{"ErrorClusterNotFound", 404, []string{"notfound"}},
		{"ErrorNodePoolNotFound", 400, []string{"notfound"}},
		{"AddonNotFound", 404, []string{"notfound"}},
		// A 404 alone is not not-found; an auth code with NotFound in it is auth.
		{"", 404, nil},
		{"InvalidAccessKeyId.NotFound", 404, []string{"auth"}},
		{"Throttling", 400, []string{"throttled"}},
		{"Throttling.User", 400, []string{"throttled"}},
		{"Throttling.Api", 400, []string{"throttled"}},
		{"Rejected.Throttling", 400, []string{"throttled"}},
		{"QPS Limit Exceeded", 400, []string{"throttled"}},
		{"QuotaExceeded.Node", 400, []string{"quota"}},
		{"InsufficientBalance", 400, []string{"quota"}},
		{"Account.RealNameRequired", 400, []string{"quota"}},
		{"ErrorClusterState", 400, []string{"conflict"}},
		{"ClusterNameAlreadyExist", 400, []string{"conflict"}},
		{"DependencyViolation.Resource", 400, []string{"conflict"}},
		{"", http.StatusConflict, []string{"conflict"}},
		{"InvalidParameter", 400, []string{"invalid"}},
		{"InvalidParameter.Format", 400, []string{"invalid"}},
		{"MissingParameter.Name", 400, []string{"invalid"}},
		{"ErrorCheckAcl", 403, []string{"auth"}},
		{"Forbidden.RAM", 403, []string{"auth"}},
		{"SignatureDoesNotMatch", 400, []string{"auth"}},
		{"InvalidTimeStamp.Expired", 400, []string{"auth"}},
		{"", 401, []string{"auth"}},
		{"InternalError", 500, nil},
		{"ServiceUnavailable", 503, nil},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s_%d", tt.code, tt.status), func(t *testing.T) {
			err := fmt.Errorf("wrapped: %w", &APIError{Action: "X", HTTPStatus: tt.status, Code: tt.code})
			var got []string
			for _, s := range sentinels {
				if errors.Is(err, s.err) {
					got = append(got, s.name)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("categories (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAPIErrorMessage(t *testing.T) {
	e := &APIError{Action: "DescribeClusterDetail", HTTPStatus: 404, Code: "ErrorClusterNotFound",
		Message: "cluster c-1 not found", RequestID: "R-1"}
	want := "DescribeClusterDetail: HTTP 404 ErrorClusterNotFound: cluster c-1 not found (request id R-1)"
	if got := e.Error(); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestValidationError(t *testing.T) {
	ve := &ValidationError{Resource: `cluster "x"`, Violations: []Violation{
		{Rule: "cluster.name.format", Field: "name", Message: "bad"},
		{Rule: "cluster.region.required", Message: "no region"},
	}}
	if !errors.Is(ve, ErrInvalid) {
		t.Error("ValidationError does not match ErrInvalid")
	}
	if !ve.HasRule("cluster.region.required") || ve.HasRule("cluster.other") {
		t.Error("HasRule is wrong")
	}
	want := `cluster "x": invalid (2 rules broken): name: bad [cluster.name.format]; no region [cluster.region.required]`
	if got := ve.Error(); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	one := &ValidationError{Violations: ve.Violations[:1]}
	if got, want := one.Error(), "invalid: name: bad [cluster.name.format]"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestTerminalWaitErrors(t *testing.T) {
	tf := &TaskFailedError{Kind: "cluster", ResourceID: "c-1", TaskID: "T-1", Code: "400", Message: "boom", State: "failed"}
	if got, want := tf.Error(), `cluster c-1: task T-1 failed: 400: boom (state failed)`; got != want {
		t.Errorf("TaskFailedError = %q, want %q", got, want)
	}
	wt := &WaitTimeoutError{Kind: "cluster", ResourceID: "c-1", Target: "running", LastState: "initial", Polls: 3,
		Err: errorsNew("deadline")}
	if !errors.Is(wt, wt.Err) {
		t.Error("WaitTimeoutError does not unwrap to its cause")
	}
}

// TestWaitTimeoutMessage checks that the message names what ended the
// wait and which object is in which state, for values the waiter builds
// and for ones a test builds with fewer fields.
func TestWaitTimeoutMessage(t *testing.T) {
	tests := []struct {
		name string
		e    WaitTimeoutError
		want string
	}{
		{"MaxWait in the task phase", WaitTimeoutError{Kind: "cluster", ResourceID: "c-1", Phase: PhaseTask, TaskID: "T-1",
			Target: "success", LastState: "running", Polls: 14, Waited: 10 * time.Minute, MaxWait: 10 * time.Minute},
			`cluster c-1: MaxWait 10m0s passed on the clock after 14 polls: task T-1 is "running", waiting for "success"`},
		{"context deadline in the resource phase", WaitTimeoutError{Kind: "nodepool", ResourceID: "np-1", Phase: "nodepool",
			Target: "active", LastState: "scaling", Polls: 4, Waited: 35 * time.Second, Err: context.DeadlineExceeded},
			`nodepool np-1: context deadline exceeded after 35s and 4 polls: node pool np-1 is "scaling", waiting for "active"`},
		{"a wrapped deadline before any read", WaitTimeoutError{Kind: "cluster", ResourceID: "c-1", Phase: PhaseTask,
			Target: "success", Err: fmt.Errorf("sleep: %w", context.DeadlineExceeded)},
			`cluster c-1: context deadline exceeded after 0s and 0 polls: no state of the task read yet, waiting for "success"`},
		{"without phase or bound", WaitTimeoutError{Kind: "cluster", ResourceID: "c-1", Target: "running", LastState: "initial",
			Polls: 1, Waited: time.Minute},
			`cluster c-1: MaxWait passed on the clock after 1m0s and 1 poll: cluster c-1 is "initial", waiting for "running"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.e.Error(); got != tt.want {
				t.Errorf("Error():\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

func errorsNew(s string) error { return errors.New(s) }

func TestNotSent(t *testing.T) {
	base := errors.New("dial tcp: connection refused")
	if IsNotSent(base) {
		t.Error("a plain error counts as not sent")
	}
	marked := fmt.Errorf("attempt: %w", MarkNotSent(base))
	if !IsNotSent(marked) || !errors.Is(marked, base) {
		t.Error("MarkNotSent lost the mark or the cause")
	}
	if MarkNotSent(nil) != nil {
		t.Error("MarkNotSent(nil) is not nil")
	}
}

func TestParseValidationErrorRoundTrip(t *testing.T) {
	tests := []*ValidationError{
		{Resource: `nodepool "np"`, Violations: []Violation{{Rule: "nodepool.name.format", Field: "nodepool_info.name", Message: "is empty"}}},
		{Resource: "cluster c-1", Violations: []Violation{
			{Rule: "cluster.cidr.overlap", Field: "service_cidr", Message: "overlaps [10.0.0.0/8]; pick another"},
			{Rule: "cluster.region.required", Message: "no region"},
		}},
		// An error that names no resource has no "resource: " head.
		{Violations: []Violation{{Rule: "cluster.name.format", Field: "name", Message: "is empty"}}},
	}
	for _, want := range tests {
		got, ok := ParseValidationError(want.Error())
		if !ok {
			t.Fatalf("ParseValidationError(%q) failed", want.Error())
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("round trip (-want +got):\n%s", diff)
		}
		api := &APIError{Action: "CreateCluster", HTTPStatus: 400, Code: "InvalidParameter", Message: want.Error(), RequestID: "R"}
		var re *RefusalError
		if err := asRefusal(fmt.Errorf("call: %w", api)); !errors.As(err, &re) || !errors.Is(err, ErrInvalid) {
			t.Errorf("asRefusal(%v) = %v, want a RefusalError matching ErrInvalid", api, err)
		}
	}
	if err := asRefusal(&APIError{HTTPStatus: 500, Code: "InternalError", Message: tests[0].Error()}); errors.As(err, new(*RefusalError)) {
		t.Error("a 500 became a refusal")
	}
}
