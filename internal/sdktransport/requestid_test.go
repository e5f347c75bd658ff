package sdktransport

import (
	"encoding/json"
	"net/http"
	"testing"
)

func TestRequestID(t *testing.T) {
	tests := []struct {
		name   string
		header string
		body   string
		want   string
	}{
		{"header wins", "R-H", `{"requestId":"R-B"}`, "R-H"},
		{"camel case", "", `{"code":"ErrorClusterNotFound","requestId":"R-1"}`, "R-1"},
		{"snake case", "", `{"cluster_id":"c-1","request_id":"R-2","task_id":"T-1"}`, "R-2"},
		{"pascal case", "", `{"Code":"Throttling","RequestId":"R-3"}`, "R-3"},
		{"snake case first", "", `{"RequestId":"R-P","request_id":"R-S"}`, "R-S"},
		{"leading space", "", " \n{\"requestId\":\"R-4\"}", "R-4"},
		{"not a string", "", `{"requestId":42}`, ""},
		{"empty value", "", `{"requestId":""}`, ""},
		{"bare array", "", `[{"requestId":"R-5"}]`, ""},
		{"empty body", "", ``, ""},
		{"html", "", `<html>bad gateway</html>`, ""},
		{"truncated", "", `{"requestId":"R-6"`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			if tt.header != "" {
				h.Set("x-acs-request-id", tt.header)
			}
			if got := requestID(h, []byte(tt.body)); got != tt.want {
				t.Errorf("requestID = %q, want %q", got, tt.want)
			}
		})
	}
}

func FuzzRequestIDFromBody(f *testing.F) {
	for _, s := range []string{`{"requestId":"R-1"}`, `{"request_id":"R-2"}`, `[]`, ``, `{"RequestId":1}`, `{"a":{"requestId":"x"}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		id := requestIDFromBody(body)
		if id == "" {
			return
		}
		// A non-empty ID comes from a top-level string field of a valid
		// JSON object.
		var fields map[string]any
		if err := json.Unmarshal(body, &fields); err != nil {
			t.Fatalf("ID %q from a body that is not a JSON object: %v", id, err)
		}
		if fields["request_id"] != id && fields["requestId"] != id && fields["RequestId"] != id {
			t.Fatalf("ID %q is none of the body's request ID fields", id)
		}
	})
}
