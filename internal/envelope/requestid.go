package envelope

import (
	"bytes"
	"encoding/json"
	"net/http"
)

// HeaderRequestID is the response header in which ACK sends the request
// ID of every answer.
const HeaderRequestID = "X-Acs-Request-Id"

// requestIDKeys are the body keys that carry the request ID, in order of
// preference: ACK's error bodies write requestId, its success bodies
// request_id, the gateway RequestId.
var requestIDKeys = []string{"requestId", "RequestId", "requestid", "request_id", "RequestID"}

// RequestID returns the request ID of an answer: the x-acs-request-id
// header, or else the first of the body's requestId, RequestId, requestid,
// request_id and RequestID keys that holds a non-empty string at the top
// level of a JSON object. It returns "" when there is none, as for a bare
// array, an empty body or an HTML page from a proxy.
func RequestID(h http.Header, body []byte) string {
	if id := h.Get(HeaderRequestID); id != "" {
		return id
	}
	body = bytes.TrimSpace(body)
	if len(body) == 0 || body[0] != '{' {
		return ""
	}
	var fields map[string]json.RawMessage
	if json.Unmarshal(body, &fields) != nil {
		return ""
	}
	return requestIDOf(fields)
}

// requestIDOf returns the first request ID key of an object that holds a
// non-empty string.
func requestIDOf(fields map[string]json.RawMessage) string {
	for _, k := range requestIDKeys {
		var id string
		if raw, ok := fields[k]; ok && json.Unmarshal(raw, &id) == nil && id != "" {
			return id
		}
	}
	return ""
}
