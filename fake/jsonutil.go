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

// withRequestID adds "request_id" to a JSON object body that lacks one, so
// that every object answer carries its request ID in the body as well as
// in the x-acs-request-id header. body is what json.Marshal wrote for one
// of the fake's answers, so it is valid JSON; any body that is not an
// object, or that names a request ID anywhere, comes back unchanged.
func withRequestID(body []byte, requestID string) []byte {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) < 2 || trimmed[0] != '{' ||
		bytes.Contains(trimmed, []byte(`"request_id"`)) || bytes.Contains(trimmed, []byte(`"requestId"`)) {
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

// jsonRoundTrip converts in to out through its JSON encoding.
func jsonRoundTrip(in, out any) error {
	b, err := json.Marshal(in)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, out)
}
