package sdktransport

import (
	"bytes"
	"encoding/json"
	"net/http"
)

// requestID returns the server's request ID: the x-acs-request-id header,
// or else the request_id, requestId or RequestId field of a JSON object
// body. It returns "" when there is none.
func requestID(h http.Header, body []byte) string {
	if id := h.Get("x-acs-request-id"); id != "" {
		return id
	}
	return requestIDFromBody(body)
}

// requestIDFromBody reads the request ID field of a JSON object body. A body
// that is not a JSON object (an array, an empty body, HTML from a proxy)
// has none.
func requestIDFromBody(body []byte) string {
	body = bytes.TrimSpace(body)
	if len(body) == 0 || body[0] != '{' {
		return ""
	}
	var fields map[string]json.RawMessage
	if json.Unmarshal(body, &fields) != nil {
		return ""
	}
	for _, key := range []string{"request_id", "requestId", "RequestId"} {
		var id string
		if raw, ok := fields[key]; ok && json.Unmarshal(raw, &id) == nil && id != "" {
			return id
		}
	}
	return ""
}
