package fake

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/internal/wire"
)

// selfEncoded encodes itself, request ID key included.
type selfEncoded struct{}

func (selfEncoded) MarshalJSON() ([]byte, error) { return []byte(`{"request_id":"own"}`), nil }

// textEncoded encodes as a JSON string.
type textEncoded struct{ S string }

func (t textEncoded) MarshalText() ([]byte, error) { return []byte(t.S), nil }

// embedsID has a promoted request ID field.
type embedsID struct {
	wire.CreateClusterResponse
	Extra string `json:"extra"`
}

// camelID names its request ID by its Go name.
type camelID struct{ RequestId string } //nolint:revive // the key under test

// plain has no request ID.
type plain struct {
	A string `json:"a"`
	B int    `json:"b,omitempty"`
	C string `json:"-"`
}

// answerValues are values of the shapes the fake answers with, and of
// shapes that must take the slow path.
var answerValues = []struct {
	name string
	v    any
	free bool // ownsNoRequestID
}{
	{"task", wire.TaskInfo{TaskID: "T-1", State: "running", Parameters: map[string]any{"count": 1.0, "a<b": "&"}}, true},
	{"detail", wire.ClusterDetail{ClusterID: "c1", Name: "request_id", Tags: []wire.Tag{{Key: "requestId", Value: "x"}}}, true},
	{"empty detail", wire.ClusterDetail{}, true},
	{"encodes itself, without ID", wire.DescribeClusterNodesResponse{}, false},
	{"empty object", struct{}{}, true},
	{"all omitted", plain{}, true},
	{"plain", plain{A: "x", B: 2}, true},
	{"create answer", wire.CreateClusterResponse{ClusterID: "c1", RequestID: "R-0"}, false},
	{"create answer without ID", wire.CreateClusterResponse{ClusterID: "c1"}, false},
	{"embedded ID", embedsID{Extra: "e"}, false},
	{"Go-named ID", camelID{}, false},
	{"tasks", wire.ClusterTasksResponse{}, false},
	{"encodes itself", selfEncoded{}, false},
	{"text", textEncoded{S: "hi"}, false},
	{"time", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), false},
	{"pointer", &plain{A: "p"}, false},
	{"nil pointer", (*plain)(nil), false},
	{"map", map[string]any{"b": 1, "a": "x"}, false},
	{"map with ID", map[string]any{"requestId": "R-0"}, false},
	{"slice", []plain{{A: "x"}}, false},
	{"string", "s", false},
	{"nil", nil, false},
}

// TestEncodeWithRequestID checks that encodeWithRequestID writes exactly
// what json.Marshal and withRequestID write, and prependRequestID what
// withRequestID writes for objects without a request ID.
func TestEncodeWithRequestID(t *testing.T) {
	for _, id := range []string{"0A1B-2C", `odd "id" <&>`} {
		for _, tt := range answerValues {
			t.Run(tt.name, func(t *testing.T) {
				if free := ownsNoRequestID(reflectType(tt.v)); free != tt.free {
					t.Errorf("ownsNoRequestID = %v, want %v", free, tt.free)
				}
				b, err := json.Marshal(tt.v)
				if err != nil {
					t.Fatal(err)
				}
				want := withRequestID(b, id)
				got, err := encodeWithRequestID(tt.v, id)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(string(want), string(got)); diff != "" {
					t.Errorf("encodeWithRequestID (-want +got):\n%s", diff)
				}
				if tt.free {
					if diff := cmp.Diff(string(want), string(prependRequestID(b, id))); diff != "" {
						t.Errorf("prependRequestID (-want +got):\n%s", diff)
					}
				}
			})
		}
	}
}

func FuzzEncodeWithRequestID(f *testing.F) {
	f.Add("c-1", "name", "k", "v", "R-1")
	f.Add("", "", "", "", "")
	f.Add("request_id", "requestId", "\"", "<>&\u2028", "\x00\xff")
	f.Fuzz(func(t *testing.T, id, name, key, value, reqID string) {
		for _, v := range []any{
			wire.ClusterDetail{ClusterID: id, Name: name, Tags: []wire.Tag{{Key: key, Value: value}}},
			wire.TaskInfo{TaskID: id, Parameters: map[string]any{key: value}},
			map[string]any{key: value, name: id},
		} {
			b, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			want := withRequestID(b, reqID)
			got, err := encodeWithRequestID(v, reqID)
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("encodeWithRequestID(%#v, %q) = %s, %v; want %s", v, reqID, got, err, want)
			}
		}
	})
}

// reflectType is reflect.TypeOf, for the table above.
func reflectType(v any) reflect.Type { return reflect.TypeOf(v) }
