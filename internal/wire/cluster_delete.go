package wire

import (
	"encoding/json"
	"fmt"
	"net/url"
)

// DeleteClusterRequest holds the options of DeleteCluster
// (DELETE /clusters/{ClusterId}). The Tea SDK sends them in the query
// (Query), arrays JSON-encoded; the old SDK sends retain_all_resources and
// keep_slb in a JSON body (the json tags). ParseDeleteClusterRequest reads
// either.
type DeleteClusterRequest struct {
	// RetainAllResources keeps every cloud resource the cluster created;
	// it overrides RetainResources.
	RetainAllResources bool `json:"retain_all_resources,omitempty"`
	// RetainResources lists the IDs of resources to keep.
	RetainResources []string `json:"retain_resources,omitempty"`
	// DeleteOptions says per resource type whether to delete or retain.
	DeleteOptions []DeleteOption `json:"delete_options,omitempty"`
	// KeepSLB is the deprecated way to keep the API server's load balancer.
	KeepSLB bool `json:"keep_slb,omitempty"`
}

// DeleteOption is one entry of delete_options. DeleteMode is "delete" or
// "retain"; ResourceType is SLB, ALB, SLS_Data, SLS_ControlPlane or
// PrivateZone.
type DeleteOption struct {
	DeleteMode   string `json:"delete_mode,omitempty"`
	ResourceType string `json:"resource_type,omitempty"`
}

// Query encodes the options as the Tea SDK does.
func (r DeleteClusterRequest) Query() url.Values {
	q := url.Values{}
	setTrue(q, "retain_all_resources", r.RetainAllResources)
	setJSON(q, "retain_resources", r.RetainResources)
	setJSON(q, "delete_options", r.DeleteOptions)
	setTrue(q, "keep_slb", r.KeepSLB)
	return q
}

// ParseDeleteClusterRequest reads DeleteCluster options from the body
// (when not empty) and then from the query, whose values win.
func ParseDeleteClusterRequest(q url.Values, body []byte) (DeleteClusterRequest, error) {
	var r DeleteClusterRequest
	if len(body) > 0 {
		if err := json.Unmarshal(body, &r); err != nil {
			return DeleteClusterRequest{}, fmt.Errorf("delete cluster body: %w", err)
		}
	}
	if q.Has("retain_all_resources") {
		v, err := getTrue(q, "retain_all_resources")
		if err != nil {
			return DeleteClusterRequest{}, err
		}
		r.RetainAllResources = v
	}
	if q.Has("keep_slb") {
		v, err := getTrue(q, "keep_slb")
		if err != nil {
			return DeleteClusterRequest{}, err
		}
		r.KeepSLB = v
	}
	if q.Has("retain_resources") {
		v, err := getList(q, "retain_resources")
		if err != nil {
			return DeleteClusterRequest{}, err
		}
		r.RetainResources = v
	}
	if q.Has("delete_options") {
		v, err := getJSON[DeleteOption](q, "delete_options")
		if err != nil {
			return DeleteClusterRequest{}, err
		}
		r.DeleteOptions = v
	}
	return r, nil
}

// DeleteClusterResponse is the answer of DeleteCluster.
type DeleteClusterResponse = ClusterOperation
