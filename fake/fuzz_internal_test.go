package fake

import (
	"bytes"
	"encoding/json"
	"testing"
)

func FuzzWithRequestID(f *testing.F) {
	for _, s := range []string{`{}`, `{"a":1}`, ` { "b" : [1,2] } `, `[1]`, `{"request_id":"x"}`, `"s"`, ``,
		`{"requestId":"y","n":null}`, `{"tags":[{"key":"request_id"}]}`, `{"name":"requestId","o":{"request_id":1}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		var in map[string]json.RawMessage
		if json.Unmarshal(raw, &in) != nil || in == nil {
			return
		}
		// Only JSON the fake wrote is ever passed: re-encode it as
		// json.Marshal writes it.
		body, err := json.Marshal(in)
		if err != nil {
			return
		}
		out := withRequestID(body, "REQ-1")
		var got map[string]json.RawMessage
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatalf("withRequestID(%q) = %q: not JSON: %v", body, out, err)
		}
		_, named := in["request_id"]
		_, namedCamel := in["requestId"]
		if !named && !namedCamel && string(got["request_id"]) != `"REQ-1"` {
			t.Fatalf("withRequestID(%q) = %q: no request_id", body, out)
		}
		if (named || namedCamel) && !bytes.Equal(out, body) {
			t.Fatalf("withRequestID(%q) = %q: changed a body that names its request ID", body, out)
		}
		// Every other member keeps the bytes json.Marshal wrote for it
		// (which may differ from the input's: it escapes HTML).
		var want map[string]json.RawMessage
		if err := json.Unmarshal(body, &want); err != nil {
			t.Fatal(err)
		}
		for k, v := range want {
			if k != "request_id" && !bytes.Equal(got[k], v) {
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
		{`{"a":1,"requestId":"X"}`, `{"a":1,"requestId":"X"}`},
		// Nested keys and values named like the request ID do not count.
		{`{"name":"request_id"}`, `{"request_id":"R","name":"request_id"}`},
		{`{"tags":[{"key":"request_id","value":"requestId"}]}`, `{"request_id":"R","tags":[{"key":"request_id","value":"requestId"}]}`},
		{`{"o":{"request_id":"X"},"s":"a\"request_id"}`, `{"request_id":"R","o":{"request_id":"X"},"s":"a\"request_id"}`},
		{`[1]`, `[1]`},
		{``, ``},
	}
	for _, tt := range tests {
		if got := string(withRequestID([]byte(tt.in), "R")); got != tt.want {
			t.Errorf("withRequestID(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// FuzzDecodeFault checks the body of POST /_fake/faults: a refusal is a
// 4xx, and a rule it accepts does exactly one thing, never a negative
// number of times, and reads back from its own rendering as the same rule.
func FuzzDecodeFault(f *testing.F) {
	for _, s := range []string{`{"action":"CreateCluster","throttle":true,"times":1}`, `{"action":"*","lose":true}`,
		`{"action":"*","latency":"30s","principal":"LTAIx"}`, `{"action":"DeleteCluster","code":"Busy","status":503,"message":"m"}`,
		`{"action":"*","code":"X","status":600}`, `{"action":"*","times":-1,"lose":true}`, `{"action":"*","lose":true,"x":1}`, `{`, ``, `[]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		s, e := decodeFault(bytes.NewReader(raw))
		if e != nil {
			if st := e.status(); st < 400 || st > 499 {
				t.Fatalf("decodeFault(%q) refused with HTTP %d, want a 4xx", raw, st)
			}
			return
		}
		kinds := 0
		for _, set := range []bool{s.err != nil, s.throttle, s.latency > 0, s.lose} {
			if set {
				kinds++
			}
		}
		if kinds != 1 || s.times < 0 || (s.err != nil && (s.err.Status < 400 || s.err.Status > 599)) {
			t.Fatalf("decodeFault(%q) = %+v: want one kind, times >= 0 and a status in 400-599", raw, s)
		}
		body, err := json.Marshal(toFaultJSON(faultView{spec: s}).faultRequest)
		if err != nil {
			t.Fatal(err)
		}
		again, e := decodeFault(bytes.NewReader(body))
		if e != nil {
			t.Fatalf("the rendering %s of %q is refused: %v", body, raw, e)
		}
		if toFaultJSON(faultView{spec: again}) != toFaultJSON(faultView{spec: s}) {
			t.Fatalf("%q reads back from %s as %+v, not %+v", raw, body, again, s)
		}
	})
}
