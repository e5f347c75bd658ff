package ack

import (
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/internal/envelope"
	"github.com/ackgo/ack/internal/vclock"
)

func golden(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestSendDecodesAnswers(t *testing.T) {
	tests := []struct {
		name    string
		status  int
		header  http.Header
		body    string // a file under testdata, or the body itself
		wantID  string
		wantErr *APIError
	}{
		{
			name: "error with lower-case keys", status: 404, body: "error_lower.json",
			wantID: "B8E6F9A0-0000-4C1A-9D77-1F2E3D4C5B6A",
			wantErr: &APIError{Action: "DescribeClusterDetail", HTTPStatus: 404, Code: "ErrorClusterNotFound",
				Message: "cluster c-404 not found", RequestID: "B8E6F9A0-0000-4C1A-9D77-1F2E3D4C5B6A"},
		},
		{
			name: "error with capitalised keys and a TimeLeft", status: 400, body: "error_capitalised.json",
			header: http.Header{headerRateLimitUser: {"Limit:20,Remain:0,TimeLeft:1500"}},
			wantID: "6C9F1E2D-1111-4A8B-8C7D-2E3F4A5B6C7D",
			wantErr: &APIError{Action: "DescribeClusterDetail", HTTPStatus: 400, Code: "Throttling.User",
				Message: "Request was denied due to user flow control.", RequestID: "6C9F1E2D-1111-4A8B-8C7D-2E3F4A5B6C7D",
				RetryAfter: 1500 * time.Millisecond},
		},
		{
			name: "the header's request ID wins", status: 404, body: "error_lower.json",
			header: http.Header{envelope.HeaderRequestID: {"from-header"}},
			wantID: "from-header",
			wantErr: &APIError{Action: "DescribeClusterDetail", HTTPStatus: 404, Code: "ErrorClusterNotFound",
				Message: "cluster c-404 not found", RequestID: "from-header"},
		},
		{
			name: "an error that is not JSON", status: 502, body: "<html>Bad Gateway</html>",
			header:  http.Header{"Retry-After": {"2"}},
			wantErr: &APIError{Action: "DescribeClusterDetail", HTTPStatus: 502, Message: "Bad Gateway", RetryAfter: 2 * time.Second},
		},
		{name: "success with request_id", status: 200, body: "success_snake.json", wantID: "0F3A7B1C-2222-4D5E-9F60-718293A4B5C6"},
		{name: "success with requestId", status: 202, body: "success_camel.json", wantID: "9A8B7C6D-3333-4E5F-A0B1-C2D3E4F5A6B7"},
		{name: "success with RequestId", status: 200, body: `{"RequestId":"cap"}`, wantID: "cap"},
		{name: "a bare array has no request ID", status: 200, body: "versions_array.json"},
		{name: "no body", status: 204},
		{name: "a request ID of the wrong type is skipped", status: 200, body: `{"request_id":7,"requestId":"r-2"}`, wantID: "r-2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := []byte(tt.body)
			if filepath.Ext(tt.body) == ".json" {
				body = golden(t, tt.body)
			}
			tr := TransportFunc(func(context.Context, *Request) (*Response, error) {
				return &Response{StatusCode: tt.status, Header: tt.header, Body: body}, nil
			})
			s := &sendStep{Transport: tr, UserAgent: "ackgo/test", Clock: vclock.NewAuto()}
			resp, err := s.RoundTrip(context.Background(), getRequest())
			if resp == nil || resp.RequestID != tt.wantID {
				t.Errorf("response %v, want request ID %q", resp, tt.wantID)
			}
			if tt.wantErr == nil {
				if err != nil {
					t.Errorf("err = %v, want nil", err)
				}
				return
			}
			var got *APIError
			if !errors.As(err, &got) {
				t.Fatalf("err = %v, want an *APIError", err)
			}
			if diff := cmp.Diff(tt.wantErr, got); diff != "" {
				t.Errorf("APIError (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSendSetsUserAgentOnACopy(t *testing.T) {
	var seen *Request
	tr := TransportFunc(func(_ context.Context, r *Request) (*Response, error) {
		seen = r
		return &Response{StatusCode: 200}, nil
	})
	req := getRequest()
	req.Header = http.Header{"X-Custom": {"kept"}, "User-Agent": {"caller"}}
	s := &sendStep{Transport: tr, UserAgent: "ackgo/1.2.3 tool/4", Clock: vclock.NewAuto()}
	if _, err := s.RoundTrip(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	want := http.Header{"X-Custom": {"kept"}, "User-Agent": {"ackgo/1.2.3 tool/4"}}
	if diff := cmp.Diff(want, seen.Header); diff != "" {
		t.Errorf("sent header (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(http.Header{"X-Custom": {"kept"}, "User-Agent": {"caller"}}, req.Header); diff != "" {
		t.Errorf("the caller's request was modified (-want +got):\n%s", diff)
	}

	// A request without headers gets the User-Agent too.
	if _, err := s.RoundTrip(context.Background(), getRequest()); err != nil {
		t.Fatal(err)
	}
	if got := seen.Header.Get("User-Agent"); got != "ackgo/1.2.3 tool/4" {
		t.Errorf("User-Agent = %q", got)
	}
}

func TestSendAttemptTimeout(t *testing.T) {
	tests := []struct {
		name    string
		timeout time.Duration
		want    bool
	}{
		{"bounded", time.Hour, true},
		{"unbounded", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var hasDeadline bool
			var left time.Duration
			tr := TransportFunc(func(ctx context.Context, _ *Request) (*Response, error) {
				var dl time.Time
				dl, hasDeadline = ctx.Deadline()
				left = time.Until(dl)
				return &Response{StatusCode: 200}, nil
			})
			s := &sendStep{Transport: tr, AttemptTimeout: tt.timeout, Clock: vclock.NewAuto()}
			if _, err := s.RoundTrip(context.Background(), getRequest()); err != nil {
				t.Fatal(err)
			}
			if hasDeadline != tt.want {
				t.Fatalf("attempt has a deadline: %t, want %t", hasDeadline, tt.want)
			}
			if tt.want && (left <= 0 || left > tt.timeout) {
				t.Errorf("deadline in %s, want within %s", left, tt.timeout)
			}
		})
	}
}

func TestSendTransportErrors(t *testing.T) {
	boom := MarkNotSent(errors.New("dial tcp: connection refused"))
	tests := []struct {
		name string
		tr   TransportFunc
		want string
		is   error
	}{
		{
			name: "the error names the action and keeps its mark",
			tr:   func(context.Context, *Request) (*Response, error) { return nil, boom },
			want: "DescribeClusterDetail: sending GET /clusters/c-1: dial tcp: connection refused",
			is:   boom,
		},
		{
			name: "neither response nor error",
			tr:   func(context.Context, *Request) (*Response, error) { return nil, nil },
			want: "DescribeClusterDetail: transport returned neither a response nor an error",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &sendStep{Transport: tt.tr, Clock: vclock.NewAuto()}
			resp, err := s.RoundTrip(context.Background(), getRequest())
			if resp != nil || err == nil || err.Error() != tt.want {
				t.Fatalf("RoundTrip = (%v, %v), want (nil, %q)", resp, err, tt.want)
			}
			if tt.is != nil && (!errors.Is(err, tt.is) || !IsNotSent(err)) {
				t.Errorf("err = %v, want it to wrap %v and stay marked not sent", err, tt.is)
			}
		})
	}
}

func FuzzDecodeAPIError(f *testing.F) {
	for _, name := range []string{"success_snake.json", "success_camel.json", "versions_array.json", "error_lower.json", "error_capitalised.json"} {
		f.Add(golden(f, name))
	}
	f.Add([]byte(`{"request_id":`))
	f.Fuzz(func(t *testing.T, body []byte) {
		id := envelope.RequestID(http.Header{}, body)
		e := decodeAPIError("X", &Response{StatusCode: 500, Body: body, RequestID: id}, hintNow)
		if e.HTTPStatus != 500 || e.Action != "X" {
			t.Errorf("DecodeAPIError lost the status or action: %+v", e)
		}
		if e.Code == "" && e.Message == "" {
			t.Errorf("DecodeAPIError left both code and message empty for %q", body)
		}
	})
}
