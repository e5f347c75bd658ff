package fake

import (
	"bytes"
	"encoding"
	"encoding/json"
	"reflect"
	"strings"
	"sync"

	"github.com/ackgo/ack/internal/wire"
)

// Every object answer carries its request ID in the body as well as in
// the x-acs-request-id header: withRequestID says how, and the encoders
// below write the same bytes without a second pass over the body.

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
	return objectWithRequestID(requestID, bytes.TrimSpace(trimmed[1:]))
}

// objectWithRequestID returns a JSON object of "request_id" followed by
// rest, the members and closing brace of an object after its '{'.
func objectWithRequestID(requestID string, rest []byte) []byte {
	out := make([]byte, 0, len(rest)+len(requestID)+24)
	out = append(out, `{"request_id":`...)
	out = wire.AppendJSONString(out, requestID)
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

// encodeWithRequestID returns withRequestID(json.Marshal(v)), encoding v
// once, straight after the request ID, when v's type cannot carry a
// request ID of its own (see ownsNoRequestID); other values (maps, arrays,
// types with request ID fields or their own encoding) are marshalled and
// then given to withRequestID.
func encodeWithRequestID(v any, requestID string) ([]byte, error) {
	if !ownsNoRequestID(reflect.TypeOf(v)) {
		b, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		return withRequestID(b, requestID), nil
	}
	var buf bytes.Buffer
	buf.Grow(1024)
	buf.WriteString(`{"request_id":`)
	buf.Write(wire.AppendJSONString(buf.AvailableBuffer(), requestID))
	at := buf.Len()
	// Encode writes what json.Marshal does, and a newline.
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		return nil, err
	}
	out := buf.Bytes()
	out = out[:len(out)-1]
	obj := out[at:]
	switch {
	case len(obj) < 2 || obj[0] != '{':
		// Not an object after all: nothing to add.
		return obj, nil
	case len(obj) == 2:
		// {}
		return append(out[:at], '}'), nil
	}
	obj[0] = ','
	return out, nil
}

// prependRequestID returns withRequestID(obj) for a JSON object that has
// no request ID key of its own, such as an answer encoded ahead of time.
func prependRequestID(obj []byte, requestID string) []byte {
	return objectWithRequestID(requestID, obj[1:])
}

// requestIDFree caches ownsNoRequestID by type.
var requestIDFree sync.Map // reflect.Type -> bool

// ownsNoRequestID reports whether every value of type t encodes as a JSON
// object without a top-level "request_id" or "requestId" key: t is a
// struct that does not encode itself (no MarshalJSON or MarshalText on
// it or its pointer) and has no field, promoted ones included, named
// request_id or requestId in any letter case, by its JSON tag or its Go
// name. The test is conservative: a false answer only costs a scan.
func ownsNoRequestID(t reflect.Type) bool {
	if t == nil || t.Kind() != reflect.Struct {
		return false
	}
	if v, ok := requestIDFree.Load(t); ok {
		return v.(bool)
	}
	free := !encodesItself(t) && !encodesItself(reflect.PointerTo(t))
	for _, f := range reflect.VisibleFields(t) {
		name := f.Name
		if tag, _, _ := strings.Cut(f.Tag.Get("json"), ","); tag != "" {
			name = tag
		}
		if strings.EqualFold(name, "request_id") || strings.EqualFold(name, "requestId") {
			free = false
		}
	}
	requestIDFree.Store(t, free)
	return free
}

var (
	jsonMarshaler = reflect.TypeFor[json.Marshaler]()
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
)

// encodesItself reports whether encoding/json lets t encode itself.
func encodesItself(t reflect.Type) bool {
	return t.Implements(jsonMarshaler) || t.Implements(textMarshaler)
}
