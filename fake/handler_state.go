package fake

import (
	"errors"
	"io"
	"net/http"
)

// maxStateBody bounds the body of PUT /_fake/state: a fleet of ten
// thousand clusters with their pools and nodes fits.
const maxStateBody = 256 << 20

// stateSummary is the answer of PUT /_fake/state.
type stateSummary struct {
	Now      string `json:"now"`
	Clusters int    `json:"clusters"`
	Tasks    int    `json:"tasks"`
}

// stateControl answers /_fake/state: GET returns the world as a State,
// PUT replaces it with the State of its JSON body; handled is false for
// any other name.
func (c *Cloud) stateControl(r *http.Request, name string) (a answer, handled bool) {
	if name != "state" {
		return answer{}, false
	}
	if r.Method == http.MethodGet {
		return ok(c.Snapshot()), true
	}
	s, e := decodeState(r.Body)
	if e != nil {
		return fail(e), true
	}
	if err := c.Restore(s); err != nil {
		return fail(stateRefusal(err)), true
	}
	return ok(stateSummary{Now: formatTime(c.Now()), Clusters: len(s.Clusters), Tasks: len(s.Tasks)}), true
}

// decodeState reads the body of PUT /_fake/state as decodeControlJSON
// reads a control body, up to maxStateBody bytes: one JSON State
// (State.UnmarshalJSON: no unknown fields), nothing after it.
func decodeState(body io.Reader) (State, *Error) {
	var s State
	if err := decodeBodyJSON(body, maxStateBody, &s); err != nil {
		return State{}, NewError(InvalidParameterFormat, "state: the body must be a JSON state as GET %sstate answers it: %v", controlPrefix, err)
	}
	return s, nil
}

// stateRefusal is the answer to a refused State: the API's own answer
// when a write's admission refused it (quotas, network), InvalidParameter
// naming the broken rules otherwise.
func stateRefusal(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		out := e.clone()
		out.Message = err.Error()
		return out
	}
	return NewError(InvalidParameter, "%v", err)
}
