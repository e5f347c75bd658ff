package fake

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"

	"github.com/ackgo/ack/internal/wire"
)

// What the handlers share to decode requests. A request that does not
// decode is refused before the world is asked, and changes nothing.

// decodeBody unmarshals a required JSON body.
func decodeBody(action string, body []byte, v any) *Error {
	if len(strings.TrimSpace(string(body))) == 0 {
		return NewError(InvalidParameter, "%s needs a JSON body", action)
	}
	if err := json.Unmarshal(body, v); err != nil {
		return NewError(InvalidParameterFormat, "%s body: %v", action, err)
	}
	return nil
}

// deleteOptions reads DeleteCluster's options from the query and the body:
// a JSON body (as ParseDeleteClusterRequest reads it), or a form body (the
// old SDK's encoding of its "Body" parameters), whose values count as
// query values.
func deleteOptions(r *request) (wire.DeleteClusterRequest, error) {
	q := r.http.URL.Query()
	body := r.body
	trimmed := strings.TrimSpace(string(body))
	if trimmed != "" && !strings.HasPrefix(trimmed, "{") {
		form, err := url.ParseQuery(trimmed)
		if err != nil {
			return wire.DeleteClusterRequest{}, fmt.Errorf("delete cluster body: neither JSON nor a form: %w", err)
		}
		for k, v := range form {
			if !q.Has(k) {
				q[k] = v
			}
		}
		body = nil
	}
	return wire.ParseDeleteClusterRequest(q, body)
}
