package waiter

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/wire"
)

// doing answers every request with one response or error and records the
// requests.
func doing(resp *ack.Response, err error, seen *[]*ack.Request) Doer {
	return func(_ context.Context, req *ack.Request) (*ack.Response, error) {
		*seen = append(*seen, req)
		return resp, err
	}
}

func TestReadTask(t *testing.T) {
	failed := `{"task_id":"T-1","state":"failed","error":{"code":"Boom","message":"it broke"}}`
	tests := []struct {
		name    string
		id      string
		body    string
		err     error
		want    TaskStatus
		wantID  string
		wantErr error
		calls   int
	}{
		{"running", "T-1", `{"task_id":"T-1","state":"running"}`, nil, TaskStatus{State: "running"}, "T-1", nil, 1},
		{"failed with its reason", "T-1", failed, nil, TaskStatus{State: "failed", Code: "Boom", Message: "it broke"}, "T-1", nil, 1},
		{"no ID in the answer", "T-2", `{"state":"success"}`, nil, TaskStatus{State: "success"}, "T-2", nil, 1},
		{"empty ID, no call", "", "", nil, TaskStatus{}, "", ack.ErrInvalid, 0},
		{"the call's error as it is", "T-1", "", ack.ErrThrottled, TaskStatus{}, "", ack.ErrThrottled, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var seen []*ack.Request
			do := doing(&ack.Response{StatusCode: 200, Body: []byte(tt.body), RequestID: "R-1"}, tt.err, &seen)
			got, err := ReadTask(context.Background(), do, tt.id)
			if len(seen) != tt.calls {
				t.Fatalf("%d calls, want %d", len(seen), tt.calls)
			}
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("error %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if seen[0].Action != wire.ActionDescribeTaskInfo {
				t.Errorf("action %s, want %s", seen[0].Action, wire.ActionDescribeTaskInfo)
			}
			if diff := cmp.Diff(tt.want, got.Status()); diff != "" {
				t.Errorf("status (-want +got):\n%s", diff)
			}
			if got.TaskID != tt.wantID || got.RequestID != "R-1" {
				t.Errorf("task %q, request %q; want %q, R-1", got.TaskID, got.RequestID, tt.wantID)
			}
			st, err := StatusReader(do)(context.Background(), tt.id)
			if err != nil || st != tt.want {
				t.Errorf("StatusReader = %+v, %v; want %+v", st, err, tt.want)
			}
		})
	}
}

func TestDeleteReconcile(t *testing.T) {
	notFound := &ack.APIError{Code: "ErrorClusterNotFound", HTTPStatus: 404, RequestID: "R-gone"}
	tests := []struct {
		name     string
		read     thing
		err      error
		wantResp bool
		wantReq  string
		wantErr  error
	}{
		{"gone", thing{}, notFound, true, "R-gone", nil},
		{"being deleted", thing{state: "deleting", requestID: "R-read"}, nil, true, "R-read", nil},
		{"still there: send again", thing{state: "running", requestID: "R-read"}, nil, false, "", nil},
		{"the read fails", thing{}, ack.ErrThrottled, false, "", ack.ErrThrottled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hook := DeleteReconcile(func(context.Context) (thing, error) { return tt.read, tt.err },
				func(th thing) (bool, string) { return th.state == "deleting", th.requestID },
				wire.DeleteClusterResponse{ClusterID: "c-1"})
			resp, err := hook(context.Background(), errors.New("lost"))
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil && err != nil) {
				t.Fatalf("error %v, want %v", err, tt.wantErr)
			}
			if (resp != nil) != tt.wantResp {
				t.Fatalf("response %v, want one: %v", resp, tt.wantResp)
			}
			if resp == nil {
				return
			}
			if diff := cmp.Diff(`{"cluster_id":"c-1"}`, string(resp.Body)); diff != "" {
				t.Errorf("body (-want +got):\n%s", diff)
			}
			if resp.RequestID != tt.wantReq || resp.StatusCode != 200 {
				t.Errorf("status %d, request %q; want 200, %q", resp.StatusCode, resp.RequestID, tt.wantReq)
			}
		})
	}
}

func TestDetached(t *testing.T) {
	boom := errors.New("no client")
	if _, err := New(Resource[thing]{}).Detached(boom); !errors.Is(err, boom) {
		t.Errorf("a pending operation: %v, want %v", err, boom)
	}
	got, err := Completed(thing{state: "done"}, nil).Detached(boom)
	if err != nil || got.state != "done" {
		t.Errorf("a completed operation: %+v, %v; want its outcome", got, err)
	}
}
