package wire

import (
	"encoding/json"
	"net/url"
)

// NodePoolDetail is a node pool as DescribeClusterNodePoolDetail returns it
// (top level, not wrapped) and as the items of DescribeClusterNodePools:
// the create shape plus what ACK reports (IDs, timestamps, status).
type NodePoolDetail struct {
	Nodepool
	Status *NodePoolStatus `json:"status,omitempty"`
}

// NodePoolStatus is the node pool's state and node counts. State is one of
// active, scaling, removing, deleting, updating, initial, failed,
// upgrading, repairing.
type NodePoolStatus struct {
	State         string              `json:"state"`
	TotalNodes    int64               `json:"total_nodes"`
	ServingNodes  int64               `json:"serving_nodes"`
	HealthyNodes  int64               `json:"healthy_nodes"`
	InitialNodes  int64               `json:"initial_nodes"`
	FailedNodes   int64               `json:"failed_nodes"`
	OfflineNodes  int64               `json:"offline_nodes"`
	RemovingNodes int64               `json:"removing_nodes"`
	Conditions    []NodePoolCondition `json:"conditions,omitempty"`
}

// NodePoolCondition is one condition of a node pool's status.
type NodePoolCondition struct {
	Type               string `json:"type,omitempty"`
	Status             string `json:"status,omitempty"`
	Reason             string `json:"reason,omitempty"`
	Message            string `json:"message,omitempty"`
	LastTransitionTime string `json:"last_transition_time,omitempty"`
}

// DescribeNodePoolsResponse is the answer of DescribeClusterNodePools (not
// paged).
type DescribeNodePoolsResponse struct {
	Nodepools []NodePoolDetail `json:"nodepools"`
}

// MarshalJSON writes no node pools as [] rather than null.
func (r DescribeNodePoolsResponse) MarshalJSON() ([]byte, error) {
	type plain DescribeNodePoolsResponse
	if r.Nodepools == nil {
		r.Nodepools = []NodePoolDetail{}
	}
	return json.Marshal(plain(r))
}

// DescribeNodePoolsQuery is the query of DescribeClusterNodePools.
type DescribeNodePoolsQuery struct {
	NodepoolName string
}

// Query encodes the query.
func (r DescribeNodePoolsQuery) Query() url.Values {
	q := url.Values{}
	setString(q, "NodepoolName", r.NodepoolName)
	return q
}

// ParseDescribeNodePoolsQuery reads the query of DescribeClusterNodePools.
func ParseDescribeNodePoolsQuery(q url.Values) (DescribeNodePoolsQuery, error) {
	return DescribeNodePoolsQuery{NodepoolName: q.Get("NodepoolName")}, nil
}

// NodePoolOperation is the answer of the node pool mutations that ACK runs
// as a task. ScaleClusterNodePool returns only the task ID.
type NodePoolOperation struct {
	NodepoolID string `json:"nodepool_id,omitempty"`
	RequestID  string `json:"request_id,omitempty"`
	TaskID     string `json:"task_id,omitempty"`
}

// CreateNodePoolResponse is the answer of CreateClusterNodePool.
type CreateNodePoolResponse = NodePoolOperation

// ModifyNodePoolResponse is the answer of ModifyClusterNodePool.
type ModifyNodePoolResponse = NodePoolOperation

// ScaleNodePoolResponse is the answer of ScaleClusterNodePool.
type ScaleNodePoolResponse = NodePoolOperation

// DeleteNodePoolResponse is the answer of DeleteClusterNodepool.
type DeleteNodePoolResponse = NodePoolOperation

// RemoveNodePoolNodesResponse is the answer of RemoveNodePoolNodes.
type RemoveNodePoolNodesResponse = NodePoolOperation

// AttachInstancesResponse is the answer of AttachInstancesToNodePool.
type AttachInstancesResponse = NodePoolOperation

// ModifyNodePoolRequest is the body of ModifyClusterNodePool
// (PUT /clusters/{ClusterId}/nodepools/{NodepoolId}). Setting
// ScalingGroup.DesiredSize scales to an absolute size; Count adds nodes
// (what older clients send).
type ModifyNodePoolRequest struct {
	NodepoolInfo     *NodepoolInfo     `json:"nodepool_info,omitempty"`
	ScalingGroup     *ScalingGroup     `json:"scaling_group,omitempty"`
	KubernetesConfig *KubernetesConfig `json:"kubernetes_config,omitempty"`
	AutoScaling      *AutoScaling      `json:"auto_scaling,omitempty"`
	Management       *Management       `json:"management,omitempty"`
	TeeConfig        *TeeConfig        `json:"tee_config,omitempty"`
	UpdateNodes      bool              `json:"update_nodes,omitempty"`
	Concurrency      bool              `json:"concurrency,omitempty"`
	Count            int64             `json:"count,omitempty"`
}

// ScaleNodePoolRequest is the body of ScaleClusterNodePool
// (POST /clusters/{ClusterId}/nodepools/{NodepoolId}): the number of nodes
// to add, at most 500 per call. It is always sent.
type ScaleNodePoolRequest struct {
	Count int64 `json:"count"`
}

// DeleteNodePoolQuery is the query of DeleteClusterNodepool.
type DeleteNodePoolQuery struct {
	// Force deletes the pool even when it still has nodes.
	Force bool
}

// Query encodes the query.
func (r DeleteNodePoolQuery) Query() url.Values {
	q := url.Values{}
	setTrue(q, "force", r.Force)
	return q
}

// ParseDeleteNodePoolQuery reads the query of DeleteClusterNodepool.
func ParseDeleteNodePoolQuery(q url.Values) (DeleteNodePoolQuery, error) {
	f, err := getTrue(q, "force")
	if err != nil {
		return DeleteNodePoolQuery{}, err
	}
	return DeleteNodePoolQuery{Force: f}, nil
}

// RemoveNodePoolNodesRequest holds the query of RemoveNodePoolNodes
// (DELETE /clusters/{ClusterId}/nodepools/{NodepoolId}/nodes). The lists
// are JSON-encoded; Nodes (node names) is deprecated in favour of
// InstanceIDs.
type RemoveNodePoolNodesRequest struct {
	InstanceIDs []string
	Nodes       []string
	ReleaseNode *bool
	DrainNode   *bool
	Concurrency *bool
}

// Query encodes the query as the Tea SDK does.
func (r RemoveNodePoolNodesRequest) Query() url.Values {
	q := url.Values{}
	setJSON(q, "instance_ids", r.InstanceIDs)
	setJSON(q, "nodes", r.Nodes)
	setBool(q, "release_node", r.ReleaseNode)
	setBool(q, "drain_node", r.DrainNode)
	setBool(q, "concurrency", r.Concurrency)
	return q
}

// ParseRemoveNodePoolNodesRequest reads the query of RemoveNodePoolNodes.
func ParseRemoveNodePoolNodesRequest(q url.Values) (RemoveNodePoolNodesRequest, error) {
	var r RemoveNodePoolNodesRequest
	var errs [5]error
	r.InstanceIDs, errs[0] = getList(q, "instance_ids")
	r.Nodes, errs[1] = getList(q, "nodes")
	r.ReleaseNode, errs[2] = getBool(q, "release_node")
	r.DrainNode, errs[3] = getBool(q, "drain_node")
	r.Concurrency, errs[4] = getBool(q, "concurrency")
	if err := firstErr(errs[:]...); err != nil {
		return RemoveNodePoolNodesRequest{}, err
	}
	return r, nil
}

// UpgradeNodePoolRequest is the body of UpgradeClusterNodepool.
type UpgradeNodePoolRequest struct {
	KubernetesVersion string         `json:"kubernetes_version,omitempty"`
	ImageID           string         `json:"image_id,omitempty"`
	RuntimeType       string         `json:"runtime_type,omitempty"`
	RuntimeVersion    string         `json:"runtime_version,omitempty"`
	NodeNames         []string       `json:"node_names,omitempty"`
	UseReplace        bool           `json:"use_replace,omitempty"`
	RollingPolicy     *RollingPolicy `json:"rolling_policy,omitempty"`
}

// RollingPolicy paces a node pool upgrade. BatchInterval is in minutes
// (5–120); PausePolicy is FirstBatch, EveryBatch or NotPause.
type RollingPolicy struct {
	MaxParallelism int64  `json:"max_parallelism,omitempty"`
	BatchInterval  int64  `json:"batch_interval,omitempty"`
	PausePolicy    string `json:"pause_policy,omitempty"`
}

// UpgradeNodePoolResponse is the answer of UpgradeClusterNodepool. Its
// request ID key is capitalised (RequestId), unlike the other answers.
type UpgradeNodePoolResponse struct {
	RequestID string `json:"RequestId,omitempty"`
	TaskID    string `json:"task_id,omitempty"`
}

// AttachInstancesRequest is the body of AttachInstancesToNodePool: existing
// ECS instances to add to the pool. Password is redacted by String and
// Format. KeepInstanceName defaults to true.
type AttachInstancesRequest struct {
	Instances        []string `json:"instances"`
	FormatDisk       bool     `json:"format_disk,omitempty"`
	KeepInstanceName *bool    `json:"keep_instance_name,omitempty"`
	Password         string   `json:"password,omitempty"`
}
