package ack

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
)

func TestClassify(t *testing.T) {
	api := func(status int, code string) error {
		return &APIError{Action: "X", HTTPStatus: status, Code: code}
	}
	tests := []struct {
		name    string
		err     error
		want    attemptOutcome
		timeout bool
	}{
		{"success", nil, outcomeSuccess, false},
		{"Throttling", api(400, "Throttling"), outcomeRefused, false},
		{"Throttling.User", api(400, "Throttling.User"), outcomeRefused, false},
		{"Throttling.Api", api(400, "Throttling.Api"), outcomeRefused, false},
		{"Rejected.Throttling", api(403, "Rejected.Throttling"), outcomeRefused, false},
		{"QPS Limit Exceeded", api(400, "QPS Limit Exceeded"), outcomeRefused, false},
		{"throttling in the message", &APIError{HTTPStatus: 400, Code: "Rejected", Message: "QPS Limit Exceeded"}, outcomeRefused, false},
		{"throttling code on a 5xx", api(500, "Throttling"), outcomeRefused, false},
		{"429", api(429, ""), outcomeRefused, false},
		{"503", api(503, ""), outcomeRefused, false},
		{"ServiceUnavailable code", api(500, "ServiceUnavailable"), outcomeRefused, false},
		{"500", api(500, "InternalError"), outcomeAmbiguous, false},
		{"502", api(502, ""), outcomeAmbiguous, false},
		{"504", api(504, ""), outcomeAmbiguous, false},
		{"400 validation", api(400, "InvalidParameter"), outcomeFinal, false},
		{"404 not found", api(404, "ErrorClusterNotFound"), outcomeFinal, false},
		{"400 quota", api(400, "QuotaExceeded.Node"), outcomeFinal, false},
		{"403 auth", api(403, "ErrorCheckAcl"), outcomeFinal, false},
		{"409 conflict", api(409, "ErrorClusterState"), outcomeFinal, false},
		{"wrapped answer", fmt.Errorf("outer: %w", api(503, "")), outcomeRefused, false},
		{"not sent", MarkNotSent(errors.New("dial: refused")), outcomeNotSent, false},
		{"not sent, no credentials", MarkNotSent(fmt.Errorf("send X: %w: %w", ErrAuth, errors.New("no access key"))), outcomeFinal, false},
		{"not sent, no such host", MarkNotSent(&net.OpError{Op: "dial", Net: "tcp",
			Err: &net.DNSError{Err: "no such host", Name: "cs.cn-hangzou.aliyuncs.com", IsNotFound: true}}), outcomeFinal, false},
		{"not sent, DNS server unreachable", MarkNotSent(&net.OpError{Op: "dial", Net: "tcp",
			Err: &net.DNSError{Err: "server misbehaving", Name: "cs.cn-hangzhou.aliyuncs.com", IsTemporary: true}}), outcomeNotSent, false},
		{"not sent by a dial timeout", MarkNotSent(fmt.Errorf("dial: %w", os.ErrDeadlineExceeded)), outcomeNotSent, true},
		{"connection reset", &url.Error{Op: "Post", URL: "https://cs", Err: &net.OpError{Op: "read", Err: os.NewSyscallError("read", syscall.ECONNRESET)}}, outcomeAmbiguous, false},
		{"connection aborted", syscall.ECONNABORTED, outcomeAmbiguous, false},
		{"broken pipe", syscall.EPIPE, outcomeAmbiguous, false},
		{"EOF", fmt.Errorf("reading answer: %w", io.EOF), outcomeAmbiguous, false},
		{"unexpected EOF", io.ErrUnexpectedEOF, outcomeAmbiguous, false},
		{"attempt deadline", fmt.Errorf("x: %w", context.DeadlineExceeded), outcomeAmbiguous, true},
		{"net timeout", &net.OpError{Op: "read", Err: os.ErrDeadlineExceeded}, outcomeAmbiguous, true},
		{"canceled", context.Canceled, outcomeFinal, false},
		{"unknown", errors.New("tls: bad certificate"), outcomeFinal, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, timeout := classify(tt.err)
			if got != tt.want || timeout != tt.timeout {
				t.Errorf("Classify = (%s, %t), want (%s, %t)", got, timeout, tt.want, tt.timeout)
			}
		})
	}
}

func TestDecide(t *testing.T) {
	hook := func(context.Context, error) (*Response, error) { return nil, nil }
	modes := []struct {
		mode RetryMode
		hook ReconcileFunc
	}{
		{Safe, nil}, {IfNotSent, nil}, {Reconcile, hook}, {Never, nil}, {Reconcile, nil},
	}
	// Columns: Safe, IfNotSent, Reconcile with hook, Never, Reconcile without.
	tests := []struct {
		outcome attemptOutcome
		want    [5]retryDecision
	}{
		{outcomeRefused, [5]retryDecision{decideResend, decideResend, decideResend, decideStop, decideResend}},
		{outcomeNotSent, [5]retryDecision{decideResend, decideResend, decideResend, decideStop, decideResend}},
		{outcomeAmbiguous, [5]retryDecision{decideResend, decideStop, decideReconcile, decideStop, decideStop}},
		{outcomeFinal, [5]retryDecision{decideStop, decideStop, decideStop, decideStop, decideStop}},
	}
	for _, tt := range tests {
		for i, m := range modes {
			req := &Request{Retry: m.mode, Reconcile: m.hook}
			if got := decide(req, tt.outcome); got != tt.want[i] {
				t.Errorf("Decide(%s, hook %t, %s) = %s, want %s", m.mode, m.hook != nil, tt.outcome, got, tt.want[i])
			}
		}
	}
}

func TestOutcomeAndDecisionNames(t *testing.T) {
	tests := []struct{ got, want string }{
		{outcomeSuccess.String(), "success"}, {outcomeRefused.String(), "refused"}, {outcomeNotSent.String(), "not sent"},
		{outcomeAmbiguous.String(), "ambiguous"}, {outcomeFinal.String(), "final"}, {attemptOutcome(99).String(), "unknown"},
		{decideStop.String(), "stop"}, {decideResend.String(), "resend"}, {decideReconcile.String(), "reconcile"},
		{retryDecision(99).String(), "unknown"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("name %q, want %q", tt.got, tt.want)
		}
	}
}

// TestNoSuchHostIsNotRetried checks that a host that does not resolve (a
// misspelled region or endpoint) ends the call at the first attempt, while
// a DNS failure that may pass is retried.
func TestNoSuchHostIsNotRetried(t *testing.T) {
	dnsFailure := func(notFound bool) error {
		return MarkNotSent(fmt.Errorf("send DescribeClusterDetail (GET /clusters/c-1): not sent, no connection: %w",
			&net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: "cs.cn-hangzou.aliyuncs.com",
				IsNotFound: notFound, IsTemporary: !notFound}}))
	}
	tests := []struct {
		name         string
		notFound     bool
		wantAttempts int
	}{
		{"no such host", true, 1},
		{"temporary DNS failure", false, testPolicy().MaxAttempts},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			attempts := 0
			tr := TransportFunc(func(context.Context, *Request) (*Response, error) {
				attempts++
				return nil, dnsFailure(tt.notFound)
			})
			p := newTestPipeline(pipelineSettings{Transport: tr})
			_, err := p.RoundTrip(context.Background(), getRequest())
			if dnsErr, ok := errors.AsType[*net.DNSError](err); !ok || dnsErr.IsNotFound != tt.notFound {
				t.Errorf("err = %v, want the DNS error", err)
			}
			if attempts != tt.wantAttempts {
				t.Errorf("%d attempts, want %d", attempts, tt.wantAttempts)
			}
		})
	}
}
