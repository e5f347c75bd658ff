package wire

import (
	"encoding/json"
	"net/url"
	"strings"
)

// Node is one node of DescribeClusterNodes.
type Node struct {
	InstanceID         string   `json:"instance_id"`
	InstanceName       string   `json:"instance_name,omitempty"`
	NodeName           string   `json:"node_name,omitempty"`
	HostName           string   `json:"host_name,omitempty"`
	InstanceRole       string   `json:"instance_role,omitempty"`
	State              string   `json:"state"`
	NodeStatus         string   `json:"node_status,omitempty"`
	InstanceStatus     string   `json:"instance_status,omitempty"`
	InstanceType       string   `json:"instance_type,omitempty"`
	InstanceTypeFamily string   `json:"instance_type_family,omitempty"`
	ImageID            string   `json:"image_id,omitempty"`
	IPAddress          []string `json:"ip_address,omitempty"`
	InstanceChargeType string   `json:"instance_charge_type,omitempty"`
	SpotStrategy       string   `json:"spot_strategy,omitempty"`
	NodepoolID         string   `json:"nodepool_id,omitempty"`
	Source             string   `json:"source,omitempty"`
	IsAliyunNode       bool     `json:"is_aliyun_node"`
	CreationTime       string   `json:"creation_time,omitempty"`
	ExpiredTime        string   `json:"expired_time,omitempty"`
	ErrorMessage       string   `json:"error_message,omitempty"`
}

// DescribeClusterNodesResponse is one page of DescribeClusterNodes. Its
// paging block is named "page", not "page_info".
type DescribeClusterNodesResponse struct {
	Nodes []Node   `json:"nodes"`
	Page  PageInfo `json:"page"`
}

// MarshalJSON writes an empty page's nodes as [] rather than null.
func (r DescribeClusterNodesResponse) MarshalJSON() ([]byte, error) {
	type plain DescribeClusterNodesResponse
	if r.Nodes == nil {
		r.Nodes = []Node{}
	}
	return json.Marshal(plain(r))
}

// DescribeClusterNodesQuery is the query of DescribeClusterNodes. Note the
// camelCase pageNumber, pageSize and instanceIds (comma-separated).
type DescribeClusterNodesQuery struct {
	NodepoolID  string
	State       string
	PageNumber  int64
	PageSize    int64
	InstanceIDs []string
}

// Query encodes the query.
func (r DescribeClusterNodesQuery) Query() url.Values {
	q := url.Values{}
	setString(q, "nodepool_id", r.NodepoolID)
	setString(q, "state", r.State)
	setInt(q, "pageNumber", r.PageNumber)
	setInt(q, "pageSize", r.PageSize)
	if len(r.InstanceIDs) > 0 {
		q.Set("instanceIds", strings.Join(r.InstanceIDs, ","))
	}
	return q
}

// ParseDescribeClusterNodesQuery reads the query of DescribeClusterNodes.
func ParseDescribeClusterNodesQuery(q url.Values) (DescribeClusterNodesQuery, error) {
	r := DescribeClusterNodesQuery{NodepoolID: q.Get("nodepool_id"), State: q.Get("state")}
	var e1, e2 error
	r.PageNumber, e1 = getInt(q, "pageNumber")
	r.PageSize, e2 = getInt(q, "pageSize")
	if s := q.Get("instanceIds"); s != "" {
		r.InstanceIDs = strings.Split(s, ",")
	}
	if err := firstErr(e1, e2); err != nil {
		return DescribeClusterNodesQuery{}, err
	}
	return r, nil
}

// DeleteClusterNodesRequest is the body of DeleteClusterNodes
// (POST /clusters/{ClusterId}/nodes) and of RemoveClusterNodes. Nodes are
// node names; both flags default to false.
type DeleteClusterNodesRequest struct {
	Nodes       []string `json:"nodes"`
	ReleaseNode bool     `json:"release_node,omitempty"`
	DrainNode   bool     `json:"drain_node,omitempty"`
}

// RemoveClusterNodesRequest is the body of RemoveClusterNodes, the same as
// DeleteClusterNodes.
type RemoveClusterNodesRequest = DeleteClusterNodesRequest

// DeleteClusterNodesResponse is the answer of DeleteClusterNodes.
type DeleteClusterNodesResponse = ClusterOperation

// KubeconfigQuery is the query of DescribeClusterUserKubeconfig.
type KubeconfigQuery struct {
	// PrivateIPAddress asks for the internal endpoint.
	PrivateIPAddress bool
	// TemporaryDurationMinutes asks for a temporary kubeconfig (15–4320).
	TemporaryDurationMinutes int64
}

// Query encodes the query.
func (r KubeconfigQuery) Query() url.Values {
	q := url.Values{}
	setTrue(q, "PrivateIpAddress", r.PrivateIPAddress)
	setInt(q, "TemporaryDurationMinutes", r.TemporaryDurationMinutes)
	return q
}

// ParseKubeconfigQuery reads the query of DescribeClusterUserKubeconfig.
func ParseKubeconfigQuery(q url.Values) (KubeconfigQuery, error) {
	var r KubeconfigQuery
	var e1, e2 error
	r.PrivateIPAddress, e1 = getTrue(q, "PrivateIpAddress")
	r.TemporaryDurationMinutes, e2 = getInt(q, "TemporaryDurationMinutes")
	if err := firstErr(e1, e2); err != nil {
		return KubeconfigQuery{}, err
	}
	return r, nil
}

// KubeconfigResponse is the answer of DescribeClusterUserKubeconfig. Config
// holds credentials: String and Format redact it.
type KubeconfigResponse struct {
	Config     string `json:"config"`
	Expiration string `json:"expiration,omitempty"`
}
