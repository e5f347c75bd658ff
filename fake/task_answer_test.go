package fake_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
)

// TestTaskAnswerFollowsTheTask polls tasks, whose answers are encoded once
// per state, and checks that every poll sees the task as it is: the state,
// the update instant and the error change when the task ends, and each
// answer has its own request ID.
func TestTaskAnswerFollowsTheTask(t *testing.T) {
	type seen struct {
		State, Updated string
		Error          *wire.TaskError
	}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	at := func(polls int) string {
		return start.Add(time.Duration(polls) * time.Minute).In(time.FixedZone("", 8*3600)).Format(time.RFC3339)
	}
	tests := []struct {
		name string
		fail bool
		want []seen
	}{
		{"succeeds on the third poll", false, []seen{
			{"running", at(0), nil}, {"running", at(0), nil}, {"success", at(2), nil}, {"success", at(2), nil},
		}},
		{"fails on the third poll", true, []seen{
			{"running", at(0), nil}, {"running", at(0), nil},
			{"failed", at(2), &wire.TaskError{Code: "E1", Message: "boom"}},
			{"failed", at(2), &wire.TaskError{Code: "E1", Message: "boom"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := fake.New(fake.WithClock(fake.Manual), fake.WithStart(start), fake.WithProgression(fake.ChangeCreateManaged, fake.AfterPolls(2)))
			cr := decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, managedRequest("polled")))
			if tt.fail {
				if err := c.FailTask(cr.TaskID, "E1", "boom"); err != nil {
					t.Fatal(err)
				}
			}
			var got []seen
			ids := map[string]bool{}
			for range tt.want {
				resp := call(t, c, wire.ActionDescribeTaskInfo, []string{cr.TaskID}, nil, nil)
				body := decode[struct {
					wire.TaskInfo
					RequestID string `json:"request_id"`
				}](t, resp)
				if body.RequestID == "" || body.RequestID != resp.RequestID || ids[body.RequestID] {
					t.Fatalf("request ID %q in the body, %q in the header; want one fresh ID", body.RequestID, resp.RequestID)
				}
				ids[body.RequestID] = true
				got = append(got, seen{body.State, body.Updated, body.Error})
				c.Advance(time.Minute)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Fatalf("polls (-want +got):\n%s", diff)
			}
		})
	}
}
