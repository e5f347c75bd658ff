package ack

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/internal/vclock"
)

// records decodes the JSON lines of a slog JSON handler.
func records(t *testing.T, buf *bytes.Buffer) []map[string]any {
	t.Helper()
	var out []map[string]any
	for line := range strings.SplitSeq(strings.TrimSpace(buf.String()), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		delete(m, "time")
		out = append(out, m)
	}
	return out
}

func jsonLogger(buf *bytes.Buffer) *slog.Logger {
	return slog.New(slog.NewJSONHandler(buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

func TestLogRecordsEachAttemptAndDecision(t *testing.T) {
	var buf bytes.Buffer
	clock := vclock.NewAuto()
	srv := &script{clock: clock, replies: []reply{
		answerWith(400, "Throttling.User", headerRateLimitUser, "TimeLeft:1000"),
		fail(reset),
		ok(),
	}}
	p := newTestPipeline(pipelineSettings{Transport: srv, Clock: clock, Logger: jsonLogger(&buf),
		Budget: newTokenBucket(testBudget())})
	if _, err := p.RoundTrip(context.Background(), getRequest()); err != nil {
		t.Fatal(err)
	}
	got := records(t, &buf)
	attempt := func(n int, extra map[string]any) map[string]any {
		m := map[string]any{"level": "DEBUG", "msg": msgAttempt, "action": "DescribeClusterDetail",
			"method": "GET", "path": "/clusters/c-1", "attempt": float64(n), "duration": float64(0)}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	decision := func(n int, outcome string, delay time.Duration, budget int) map[string]any {
		return map[string]any{"level": "DEBUG", "msg": msgRetry, "action": "DescribeClusterDetail",
			"attempt": float64(n), "mode": "Safe", "outcome": outcome, "decision": "resend",
			"delay": float64(delay), "budget": float64(budget)}
	}
	want := []map[string]any{
		attempt(1, map[string]any{"status": float64(400), "request_id": "req-1", "code": "Throttling.User",
			"message": "scripted Throttling.User"}),
		decision(1, "refused", time.Second, 495),
		attempt(2, map[string]any{"error": "DescribeClusterDetail: sending GET /clusters/c-1: read tcp 10.0.0.1:443: connection reset by peer"}),
		nil, // the delay of the second retry is random; checked below
		attempt(3, map[string]any{"status": float64(200), "request_id": "req-3"}),
	}
	if len(got) != len(want) {
		t.Fatalf("got %d records, want %d:\n%s", len(got), len(want), buf.String())
	}
	if d, _ := got[3]["delay"].(float64); d < float64(200*time.Millisecond) || d > float64(800*time.Millisecond) {
		t.Errorf("second delay %v, want within [200ms, 800ms]", got[3]["delay"])
	}
	want[3] = decision(2, "ambiguous", time.Duration(got[3]["delay"].(float64)), 490)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
}

func TestLogGivingUp(t *testing.T) {
	tests := []struct {
		name    string
		req     *Request
		replies []reply
		level   string
		reason  string
	}{
		{"a final error", getRequest(), []reply{answer(404, "ErrorClusterNotFound")}, "DEBUG", ReasonFinal},
		{"an unsafe write", postRequest(IfNotSent), []reply{answer(500, "")}, "WARN", ReasonUnsafeWrite},
		{"attempts exhausted", getRequest(), []reply{answer(503, "")}, "WARN", ReasonMaxAttempts},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			clock := vclock.NewAuto()
			srv := &script{clock: clock, replies: tt.replies}
			p := newTestPipeline(pipelineSettings{Transport: srv, Clock: clock, Logger: jsonLogger(&buf)})
			if _, err := p.RoundTrip(context.Background(), tt.req); err == nil {
				t.Fatal("want an error")
			}
			recs := records(t, &buf)
			last := recs[len(recs)-1]
			got := []any{last["msg"], last["level"], last["decision"], last["reason"]}
			if diff := cmp.Diff([]any{msgRetry, tt.level, "stop", tt.reason}, got); diff != "" {
				t.Errorf("last record (-want +got):\n%s", diff)
			}
			var attempts int
			for _, r := range recs {
				if r["msg"] == msgAttempt {
					attempts++
				}
			}
			if attempts != srv.attempts() {
				t.Errorf("%d attempt records for %d attempts", attempts, srv.attempts())
			}
		})
	}
}

func TestLogNeverPrintsHeadersOrBodies(t *testing.T) {
	var buf bytes.Buffer
	clock := vclock.NewAuto()
	srv := &script{clock: clock, replies: []reply{answer(503, ""), answer(400, "InvalidParameter")}}
	p := newTestPipeline(pipelineSettings{Transport: srv, Clock: clock, Logger: jsonLogger(&buf)})
	req := postRequest(Safe)
	req.Header = http.Header{"Authorization": {"ACS3-HMAC-SHA256 Credential=LTAIexample,SignedHeaders=host,Signature=5ec7e7"}}
	req.Body = []byte(`{"login_password":"Hunter2-secret"}`)
	if _, err := p.RoundTrip(context.Background(), req); err == nil {
		t.Fatal("want an error")
	}
	if buf.Len() == 0 {
		t.Fatal("no logs")
	}
	for _, secret := range []string{"Hunter2-secret", "5ec7e7", "Authorization", "login_password", "LTAIexample"} {
		if strings.Contains(buf.String(), secret) {
			t.Errorf("the logs contain %q:\n%s", secret, buf.String())
		}
	}
}

func TestLogPassesThroughWithoutLogger(t *testing.T) {
	srv := &script{clock: vclock.NewAuto(), replies: []reply{ok()}}
	l := &logStep{Clock: srv.clock, Next: srv}
	resp, err := l.RoundTrip(context.Background(), getRequest())
	if err != nil || resp.StatusCode != 200 || srv.attempts() != 1 {
		t.Fatalf("RoundTrip = (%v, %v) after %d attempts, want one 200", resp, err, srv.attempts())
	}
	if got := attemptFrom(context.Background()); got != 1 {
		t.Errorf("AttemptFrom outside the retry step = %d, want 1", got)
	}
}
