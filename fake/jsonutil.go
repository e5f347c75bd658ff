package fake

import (
	"bytes"
	"encoding/json"
)

// cloneJSON returns a deep copy of a value made of JSON-encodable data
// (wire structs, maps of JSON values). Values the fake stores are always
// encodable; a value that is not comes back as the zero value.
func cloneJSON[T any](v T) T {
	var out T
	b, err := json.Marshal(v)
	if err != nil {
		return out
	}
	_ = json.Unmarshal(b, &out)
	return out
}

// withRequestID adds "request_id" to a JSON object body whose top level
// lacks both "request_id" and "requestId", so that every object answer
// carries its request ID in the body as well as in the x-acs-request-id
// header. body is what json.Marshal wrote for one of the fake's answers,
// so it is valid JSON; a body that is not an object comes back unchanged.
// A key nested deeper (a tag or a cluster named "request_id") does not
// count.
func withRequestID(body []byte, requestID string) []byte {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) < 2 || trimmed[0] != '{' || hasTopLevelKey(trimmed, "request_id", "requestId") {
		return body
	}
	id, _ := json.Marshal(requestID) // a string: cannot fail
	rest := bytes.TrimSpace(trimmed[1:])
	out := make([]byte, 0, len(trimmed)+len(id)+16)
	out = append(out, `{"request_id":`...)
	out = append(out, id...)
	if len(rest) > 0 && rest[0] != '}' {
		out = append(out, ',')
	}
	return append(out, rest...)
}

// hasTopLevelKey reports whether the JSON object obj has one of keys at
// its top level. obj is valid JSON starting with '{'; keys are compared
// as they are written (the fake's keys need no escapes). It scans once,
// without decoding.
func hasTopLevelKey(obj []byte, keys ...string) bool {
	depth := 0
	expectKey := false
	for i := 0; i < len(obj); i++ {
		switch obj[i] {
		case '{':
			depth++
			expectKey = depth == 1
		case '[':
			depth++
		case '}', ']':
			depth--
		case ',':
			expectKey = depth == 1
		case '"':
			end := i + 1
			for end < len(obj) && obj[end] != '"' {
				if obj[end] == '\\' {
					end++
				}
				end++
			}
			if expectKey && end < len(obj) {
				for _, k := range keys {
					if string(obj[i+1:end]) == k {
						return true
					}
				}
			}
			expectKey = false
			i = end
		}
	}
	return false
}

// jsonRoundTrip converts in to out through its JSON encoding.
func jsonRoundTrip(in, out any) error {
	b, err := json.Marshal(in)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, out)
}
