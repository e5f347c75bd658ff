package fake

import (
	"bytes"
	"encoding/json"
	"testing"
)

func FuzzWithRequestID(f *testing.F) {
	for _, s := range []string{`{}`, `{"a":1}`, ` { "b" : [1,2] } `, `[1]`, `{"request_id":"x"}`, `"s"`, ``, `{"requestId":"y","n":null}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		out := withRequestID(body, "REQ-1")
		var in map[string]json.RawMessage
		if json.Unmarshal(body, &in) != nil {
			return // only JSON the fake wrote is ever passed
		}
		var got map[string]json.RawMessage
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatalf("withRequestID(%q) = %q: not JSON: %v", body, out, err)
		}
		named := bytes.Contains(body, []byte(`"request_id"`)) || bytes.Contains(body, []byte(`"requestId"`))
		if !named && string(got["request_id"]) != `"REQ-1"` {
			t.Fatalf("withRequestID(%q) = %q: no request_id", body, out)
		}
		for k, v := range in {
			if !bytes.Equal(got[k], v) && k != "request_id" {
				t.Fatalf("withRequestID(%q) changed key %q", body, k)
			}
		}
	})
}

func FuzzParseDuration(f *testing.F) {
	for _, s := range []string{"90s", "1h", "-1m", "", "abc", "0", "1.5h"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parseDuration(s)
		if err == nil && d < 0 {
			t.Fatalf("parseDuration(%q) = %s, negative", s, d)
		}
	})
}

func TestWithRequestID(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{}`, `{"request_id":"R"}`},
		{`{"a":1}`, `{"request_id":"R","a":1}`},
		{`{"request_id":"X"}`, `{"request_id":"X"}`},
		{`[1]`, `[1]`},
		{``, ``},
	}
	for _, tt := range tests {
		if got := string(withRequestID([]byte(tt.in), "R")); got != tt.want {
			t.Errorf("withRequestID(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
