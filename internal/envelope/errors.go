package envelope

import (
	"encoding/json"
	"strconv"
)

// ErrorBody is the body of an error answer. It encodes with ACK's
// lower-case keys: {"code":…,"message":…,"requestId":…}.
type ErrorBody struct {
	Code      string `json:"code"`
	Message   string `json:"message"`
	RequestID string `json:"requestId"`
}

// The spellings DecodeError accepts, in order of preference; the request
// ID's are those of RequestID.
var (
	codeKeys    = []string{"code", "Code"}
	messageKeys = []string{"message", "Message"}
)

// DecodeError reads an error body with lower-case or capitalised keys
// (code/Code, message/Message, and the request ID keys of RequestID).
// A numeric code is read as its decimal text. ok is false when body is not
// a JSON object with a non-empty code, that is, not an error body.
func DecodeError(body []byte) (e ErrorBody, ok bool) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(body, &m); err != nil || m == nil {
		return ErrorBody{}, false
	}
	e.Code = pick(m, codeKeys)
	if e.Code == "" {
		return ErrorBody{}, false
	}
	e.Message = pick(m, messageKeys)
	e.RequestID = requestIDOf(m)
	return e, true
}

// pick returns the first of keys that holds a non-empty string or a
// number.
func pick(m map[string]json.RawMessage, keys []string) string {
	for _, k := range keys {
		raw, ok := m[k]
		if !ok {
			continue
		}
		var s string
		if json.Unmarshal(raw, &s) == nil {
			if s != "" {
				return s
			}
			continue
		}
		var n json.Number
		if json.Unmarshal(raw, &n) == nil {
			if _, err := strconv.ParseFloat(n.String(), 64); err == nil {
				return n.String()
			}
		}
	}
	return ""
}
