package envelope

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
		{"all lower case", "", `{"requestid":"R-4"}`, "R-4"},
		{"camel case first", "", `{"request_id":"R-S","requestId":"R-C"}`, "R-C"},
		{"leading space", "", " \n{\"requestId\":\"R-5\"}", "R-5"},
		{"a key of the wrong type is skipped", "", `{"requestId":7,"request_id":"R-6"}`, "R-6"},
		{"not a string", "", `{"requestId":42}`, ""},
		{"empty value", "", `{"requestId":""}`, ""},
		{"nested only", "", `{"data":{"requestId":"R-7"}}`, ""},
		{"bare array", "", `[{"requestId":"R-8"}]`, ""},
		{"empty body", "", ``, ""},
		{"html", "", `<html>bad gateway</html>`, ""},
		{"truncated", "", `{"requestId":"R-9"`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			if tt.header != "" {
				h.Set("x-acs-request-id", tt.header)
			}
			if got := RequestID(h, []byte(tt.body)); got != tt.want {
				t.Errorf("RequestID = %q, want %q", got, tt.want)
			}
		})
	}
}

func FuzzRequestID(f *testing.F) {
	f.Add(readGoldenF(f, "error_body.json"))
	for _, s := range []string{`{"requestId":"R-1"}`, `{"request_id":"R-2"}`, `{"RequestId":1}`, `{"a":{"requestId":"x"}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		id := RequestID(http.Header{}, body)
		if id == "" {
			return
		}
		// A non-empty ID comes from a top-level string field of a JSON
		// object.
		var fields map[string]any
		if err := json.Unmarshal(body, &fields); err != nil {
			t.Fatalf("ID %q from a body that is not a JSON object: %v", id, err)
		}
		found := false
		for _, k := range requestIDKeys {
			found = found || fields[k] == id
		}
		if !found {
			t.Fatalf("ID %q is none of the body's request ID fields", id)
		}
	})
}
