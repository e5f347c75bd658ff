package fake

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
)

// maxControlBody bounds the JSON body of a control request.
const maxControlBody = 1 << 16

// errEmptyBody is decodeControlJSON's error for a body of nothing but
// white space.
var errEmptyBody = errors.New("the body is empty")

// decodeControlJSON reads a control request's body into v: one JSON
// object of at most maxControlBody bytes, no unknown field, nothing after
// it. The error says which of these the body breaks.
func decodeControlJSON(body io.Reader, v any) error {
	return decodeBodyJSON(body, maxControlBody, v)
}

// decodeBodyJSON is decodeControlJSON for a body of at most limit bytes.
func decodeBodyJSON(body io.Reader, limit int64, v any) error {
	if body == nil {
		body = http.NoBody
	}
	b, err := io.ReadAll(io.LimitReader(body, limit+1))
	switch {
	case err != nil:
		return fmt.Errorf("reading the body: %w", err)
	case int64(len(b)) > limit:
		return fmt.Errorf("the body is longer than %d bytes", limit)
	case len(bytes.TrimSpace(b)) == 0:
		return errEmptyBody
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if err := dec.Decode(new(json.RawMessage)); !errors.Is(err, io.EOF) {
		return errors.New("the body must hold one JSON object and nothing after it")
	}
	return nil
}

// badBody refuses a control request whose body decodeControlJSON refused,
// showing the endpoint and an example of a body it takes.
func badBody(name, example string, err error) answer {
	return fail(bodyRefusal(name, example, err))
}

// bodyRefusal is badBody's error.
func bodyRefusal(name, example string, err error) *Error {
	return NewError(InvalidParameterFormat, "%s%s: the body must be a JSON object such as %s: %v", controlPrefix, name, example, err)
}

// worldFail answers an error of the Cloud's Go API: with the code and
// status of the *Error it wraps (so the refusal is the one the API gives),
// InvalidParameter (400) otherwise, and the whole error's message.
func worldFail(err error) answer {
	var e *Error
	if errors.As(err, &e) {
		return fail(&Error{Code: e.Code, Status: e.Status, Message: err.Error()})
	}
	return fail(NewError(InvalidParameter, "%v", err))
}
