package fake

import "net/http"

// The autoscaler's control endpoint, with its protections
// (controlRefusal):
//
//	POST /_fake/demand   {"cluster_id","nodepool_id","nodes":5}: an autoscaled pool's demand

// demandJSON is the body of POST /_fake/demand and its answer.
type demandJSON struct {
	ClusterID  string `json:"cluster_id"`
	NodePoolID string `json:"nodepool_id"`
	Nodes      *int   `json:"nodes"`
}

// demandExample is a body POST /_fake/demand takes.
const demandExample = `{"cluster_id":"c-...","nodepool_id":"np-...","nodes":5}`

// demandControl answers /_fake/demand; handled is false for any other
// name.
func (c *Cloud) demandControl(r *http.Request, name string) (a answer, handled bool) {
	if name != "demand" {
		return answer{}, false
	}
	var q demandJSON
	if err := decodeControlJSON(r.Body, &q); err != nil {
		return badBody(name, demandExample, err), true
	}
	if q.Nodes == nil {
		return fail(NewError(InvalidParameter, "%sdemand: give the pool's demand as \"nodes\", such as %s", controlPrefix, demandExample)), true
	}
	if err := c.SetDemand(q.ClusterID, q.NodePoolID, *q.Nodes); err != nil {
		return worldFail(err), true
	}
	return ok(q), true
}
