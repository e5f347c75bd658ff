package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"syscall"
	"testing"

	"github.com/ackgo/ack/internal/core"
)

func TestClassify(t *testing.T) {
	api := func(status int, code string) error {
		return &core.APIError{Action: "X", HTTPStatus: status, Code: code}
	}
	tests := []struct {
		name    string
		err     error
		want    Outcome
		timeout bool
	}{
		{"success", nil, Success, false},
		{"Throttling", api(400, "Throttling"), Refused, false},
		{"Throttling.User", api(400, "Throttling.User"), Refused, false},
		{"Throttling.Api", api(400, "Throttling.Api"), Refused, false},
		{"Rejected.Throttling", api(403, "Rejected.Throttling"), Refused, false},
		{"QPS Limit Exceeded", api(400, "QPS Limit Exceeded"), Refused, false},
		{"throttling in the message", &core.APIError{HTTPStatus: 400, Code: "Rejected", Message: "QPS Limit Exceeded"}, Refused, false},
		{"throttling code on a 5xx", api(500, "Throttling"), Refused, false},
		{"429", api(429, ""), Refused, false},
		{"503", api(503, ""), Refused, false},
		{"ServiceUnavailable code", api(500, "ServiceUnavailable"), Refused, false},
		{"500", api(500, "InternalError"), Ambiguous, false},
		{"502", api(502, ""), Ambiguous, false},
		{"504", api(504, ""), Ambiguous, false},
		{"400 validation", api(400, "InvalidParameter"), Final, false},
		{"404 not found", api(404, "ErrorClusterNotFound"), Final, false},
		{"400 quota", api(400, "QuotaExceeded.Node"), Final, false},
		{"403 auth", api(403, "ErrorCheckAcl"), Final, false},
		{"409 conflict", api(409, "ErrorClusterState"), Final, false},
		{"wrapped answer", fmt.Errorf("outer: %w", api(503, "")), Refused, false},
		{"not sent", core.MarkNotSent(errors.New("dial: refused")), NotSent, false},
		{"not sent, no credentials", core.MarkNotSent(fmt.Errorf("send X: %w: %w", core.ErrAuth, errors.New("no access key"))), Final, false},
		{"not sent by a dial timeout", core.MarkNotSent(fmt.Errorf("dial: %w", os.ErrDeadlineExceeded)), NotSent, true},
		{"connection reset", &url.Error{Op: "Post", URL: "https://cs", Err: &net.OpError{Op: "read", Err: os.NewSyscallError("read", syscall.ECONNRESET)}}, Ambiguous, false},
		{"connection aborted", syscall.ECONNABORTED, Ambiguous, false},
		{"broken pipe", syscall.EPIPE, Ambiguous, false},
		{"EOF", fmt.Errorf("reading answer: %w", io.EOF), Ambiguous, false},
		{"unexpected EOF", io.ErrUnexpectedEOF, Ambiguous, false},
		{"attempt deadline", fmt.Errorf("x: %w", context.DeadlineExceeded), Ambiguous, true},
		{"net timeout", &net.OpError{Op: "read", Err: os.ErrDeadlineExceeded}, Ambiguous, true},
		{"canceled", context.Canceled, Final, false},
		{"unknown", errors.New("tls: bad certificate"), Final, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, timeout := Classify(tt.err)
			if got != tt.want || timeout != tt.timeout {
				t.Errorf("Classify = (%s, %t), want (%s, %t)", got, timeout, tt.want, tt.timeout)
			}
		})
	}
}

func TestDecide(t *testing.T) {
	hook := func(context.Context, error) (*core.Response, error) { return nil, nil }
	modes := []struct {
		mode core.RetryMode
		hook core.ReconcileFunc
	}{
		{core.Safe, nil}, {core.IfNotSent, nil}, {core.Reconcile, hook}, {core.Never, nil}, {core.Reconcile, nil},
	}
	// Columns: Safe, IfNotSent, Reconcile with hook, Never, Reconcile without.
	tests := []struct {
		outcome Outcome
		want    [5]Decision
	}{
		{Refused, [5]Decision{Resend, Resend, Resend, Stop, Resend}},
		{NotSent, [5]Decision{Resend, Resend, Resend, Stop, Resend}},
		{Ambiguous, [5]Decision{Resend, Stop, Reconcile, Stop, Stop}},
		{Final, [5]Decision{Stop, Stop, Stop, Stop, Stop}},
	}
	for _, tt := range tests {
		for i, m := range modes {
			req := &core.Request{Retry: m.mode, Reconcile: m.hook}
			if got := Decide(req, tt.outcome); got != tt.want[i] {
				t.Errorf("Decide(%s, hook %t, %s) = %s, want %s", m.mode, m.hook != nil, tt.outcome, got, tt.want[i])
			}
		}
	}
}

func TestOutcomeAndDecisionNames(t *testing.T) {
	tests := []struct{ got, want string }{
		{Success.String(), "success"}, {Refused.String(), "refused"}, {NotSent.String(), "not sent"},
		{Ambiguous.String(), "ambiguous"}, {Final.String(), "final"}, {Outcome(99).String(), "unknown"},
		{Stop.String(), "stop"}, {Resend.String(), "resend"}, {Reconcile.String(), "reconcile"},
		{Decision(99).String(), "unknown"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("name %q, want %q", tt.got, tt.want)
		}
	}
}
