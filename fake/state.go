package fake

import (
	"encoding/json"
	"time"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/quota"
)

// State is a fake's whole world as plain values: the clock's time, the
// account and its limits, the network, the clusters with their node
// pools, nodes, container instances and running changes, the tasks, the
// failures injected for next changes, and the counters the fake numbers
// its IDs and addresses with. Cloud.Snapshot takes one, Cloud.Restore and
// WithState load one, and GET and PUT /_fake/state carry one as JSON.
//
// A State holds secrets: the login passwords of clusters and node pools
// (in its JSON, in clear in the wire's login_password fields), and the
// kubeconfigs the fake hands out are made from what it holds (their keys
// are placeholders). Keep a state file as you keep a password; ackfake
// -save writes it readable by its owner only. Printed with fmt, a State
// shows passwords as "[redacted]" (ack.Secret); only its JSON reveals
// them.
//
// A restored State is checked with the rules the API applies to the
// writes that would have made it (see Cloud.Restore), so that a seed
// cannot put the fake in a state ACK could never be in.
type State struct {
	// Now is the virtual time the state was taken at. A restore moves the
	// clock forward to it, never back; the zero time keeps the clock's.
	Now time.Time `json:"now"`
	// Account is the account's real-name verification and funds; the
	// zero value means the Cloud's configured account (WithAccount). In
	// JSON it has the shape of GET /_fake/account.
	Account quota.Account `json:"account"`
	// Limits are the account's quotas, judged by quota.Limits.Validate;
	// the zero value means the Cloud's configured limits (WithLimits). In
	// JSON they have the shape of GET /_fake/limits.
	Limits quota.Limits `json:"limits"`
	// Network holds the VPCs and vSwitches the fake knows.
	Network NetworkState `json:"network"`
	// Clusters are the living clusters (deleting ones included), in the
	// order they were created.
	Clusters []ClusterState `json:"clusters"`
	// Tasks are the tasks the fake keeps (every running one, and the
	// newest ended ones, TaskLimit), those of deleted clusters included,
	// in the order they were created.
	Tasks []TaskState `json:"tasks"`
	// FailNext are the failures waiting for the next change of a kind
	// (Cloud.FailNext), in the order they were injected.
	FailNext []FailRule `json:"fail_next,omitempty"`
	// Counters are the counts the fake derives new IDs and addresses from.
	// A restore never lowers a count below the Cloud's own, so no ID is
	// handed out twice, not even after restoring an older State.
	Counters Counters `json:"counters"`
}

// NetworkState is the network the fake knows.
type NetworkState struct {
	// VPCs are the known VPCs, by ID.
	VPCs []VPC `json:"vpcs,omitempty"`
	// VSwitches are the known vSwitches, by ID.
	VSwitches []VSwitch `json:"vswitches,omitempty"`
}

// Counters are the counts behind the fake's deterministic IDs and
// addresses.
type Counters struct {
	// IDs counts the IDs handed out per kind ("cluster", "task",
	// "instance", "nodepool", "asg", "request", ...).
	IDs map[string]uint64 `json:"ids,omitempty"`
	// Nodes counts the nodes created, which places workers round-robin in
	// their vSwitches.
	Nodes int64 `json:"nodes,omitempty"`
	// Addresses counts the worker addresses handed out per vSwitch ID (""
	// for nodes without one).
	Addresses map[string]int `json:"addresses,omitempty"`
	// ContainerInstances counts the container instances started.
	ContainerInstances int64 `json:"container_instances,omitempty"`
}

// FailRule is a failure injected for the next change of a kind.
type FailRule struct {
	// Change is the kind of change the failure waits for
	// (ChangeAnyCreate matches a create of any form).
	Change Change `json:"change"`
	// Failure is what the change's task ends with.
	Failure Failure `json:"failure"`
}

// ClusterState is one living cluster.
type ClusterState struct {
	// ID is the cluster's ID.
	ID string `json:"id"`
	// Spec is the cluster's configuration with ACK's defaults, password
	// included. Its node pools are in NodePools, not in Spec.NodePools,
	// which must be empty. In JSON it is the CreateCluster body of the
	// Spec (login_password in clear), which names vSwitches by ID: their
	// zones come back from Network when the State is restored.
	Spec cluster.Spec `json:"spec"`
	// ClusterType, Profile and ClusterSpec are the form fields as created
	// (the legacy "Ask" type is kept as sent). Empty ones are derived from
	// Spec.Form as CreateCluster does.
	ClusterType string `json:"cluster_type,omitempty"`
	// Profile is the cluster's profile ("Default", "Serverless", ...).
	Profile string `json:"profile,omitempty"`
	// ClusterSpec is the managed cluster's edition ("ack.standard",
	// "ack.pro.small").
	ClusterSpec string `json:"cluster_spec,omitempty"`
	// State is the cluster's state. A cluster in a transitional state
	// (initial, updating, scaling, removing, deleting) needs the Change
	// that moves it on; deleted clusters are not in a State.
	State cluster.State `json:"state"`
	// Ready says the cluster ran once, so that it has API server
	// endpoints and a kubeconfig. Every state but initial and failed
	// implies it (a cluster is updated, scaled or deleted only once it
	// ran); a failed cluster is ready when it failed after it ran.
	Ready bool `json:"ready,omitempty"`
	// Created and Updated are when the cluster was created and last
	// changed. A zero Created means the State's Now; a zero Updated
	// means Created.
	Created time.Time `json:"created"`
	// Updated is when the cluster last changed.
	Updated time.Time `json:"updated"`
	// Extra is what a cluster detail reports beyond the Spec.
	Extra ClusterExtra `json:"extra"`
	// LastTask is the ID of the cluster's last task.
	LastTask string `json:"last_task,omitempty"`
	// PoolVersions are the Kubernetes versions of the node pools that do
	// not run the control plane's, by pool ID.
	PoolVersions map[string]string `json:"pool_versions,omitempty"`
	// FailNext is the failure injected for the cluster's next change
	// (Cloud.FailCluster with nothing in progress).
	FailNext *Failure `json:"fail_next,omitempty"`
	// Change is the cluster's change in progress; nil when none, and for
	// an upgrade, whose change is Upgrade.Change.
	Change *ChangeState `json:"change,omitempty"`
	// Upgrade is the cluster's last control-plane upgrade, running,
	// paused or ended; nil before the first.
	Upgrade *UpgradeState `json:"upgrade,omitempty"`
	// NodePools are the cluster's living node pools, in creation order;
	// the first created with the cluster is its default pool.
	NodePools []NodePoolState `json:"node_pools,omitempty"`
	// Nodes are the cluster's nodes (masters and workers), in creation
	// order.
	Nodes []NodeState `json:"nodes,omitempty"`
	// ContainerInstances are the running container instances of a
	// serverless cluster, oldest first.
	ContainerInstances []ContainerInstanceState `json:"container_instances,omitempty"`
}

// ClusterExtra is what a cluster detail reports that cluster.Spec does not
// model.
type ClusterExtra struct {
	// Version is the Kubernetes version the control plane runs; empty
	// means Spec.KubernetesVersion.
	Version string `json:"version,omitempty"`
	// InitVersion is the version the cluster was created with; empty
	// means Version.
	InitVersion string `json:"init_version,omitempty"`
	// SecurityGroupID is the security group of the cluster's nodes.
	SecurityGroupID string `json:"security_group_id,omitempty"`
	// ProxyMode is kube-proxy's mode; empty means "ipvs".
	ProxyMode string `json:"proxy_mode,omitempty"`
	// IPStack is the IP stack; empty means "ipv4".
	IPStack string `json:"ip_stack,omitempty"`
	// ClusterDomain is the cluster's DNS domain; empty means
	// "cluster.local".
	ClusterDomain string `json:"cluster_domain,omitempty"`
	// OperationPolicy is the wire's operation_policy object, as sent.
	OperationPolicy json.RawMessage `json:"operation_policy,omitempty"`
	// ControlPlaneEndpoints is the wire's
	// control_plane_endpoints_config object, as sent.
	ControlPlaneEndpoints json.RawMessage `json:"control_plane_endpoints_config,omitempty"`
	// RRSA says RRSA (RAM roles for service accounts) is on.
	RRSA bool `json:"rrsa,omitempty"`
	// ExtraSANs are the API server certificate's extra subject names.
	ExtraSANs []string `json:"extra_sans,omitempty"`
	// PublicEndpoint and IntranetEndpoint are the API server's
	// addresses; empty ones are derived as CreateCluster does.
	PublicEndpoint string `json:"public_endpoint,omitempty"`
	// IntranetEndpoint is the API server's address in the VPC.
	IntranetEndpoint string `json:"intranet_endpoint,omitempty"`
}

// NodePoolState is one living node pool.
type NodePoolState struct {
	// ID is the pool's ID.
	ID string `json:"id"`
	// Spec is the pool's configuration, password included. In JSON it is
	// the CreateClusterNodePool body of the Spec (login_password in
	// clear).
	Spec nodepool.Spec `json:"spec"`
	// ScalingGroupID is the pool's Auto Scaling group.
	ScalingGroupID string `json:"scaling_group_id,omitempty"`
	// Default marks the cluster's default pool.
	Default bool `json:"default,omitempty"`
	// Created and Updated are when the pool was created and last changed;
	// zero ones are the cluster's.
	Created time.Time `json:"created"`
	// Updated is when the pool last changed.
	Updated time.Time `json:"updated"`
	// State is the pool's own state (active, failed, or the state of its
	// Change); the state a detail reports also follows its cluster's
	// (deleting) and its nodes' (removing).
	State nodepool.State `json:"state"`
	// LastTask is the ID of the pool's last task.
	LastTask string `json:"last_task,omitempty"`
	// FailNext is the failure injected for the pool's next change.
	FailNext *Failure `json:"fail_next,omitempty"`
	// Demand is the node count the workload asks of an autoscaled pool
	// (Cloud.SetDemand); nil when never set.
	Demand *int `json:"demand,omitempty"`
	// Change is the pool's change in progress; nil when none.
	Change *ChangeState `json:"change,omitempty"`
}

// NodeState is one ECS node of a cluster.
type NodeState struct {
	// InstanceID is the ECS instance ID.
	InstanceID string `json:"instance_id"`
	// Name is the ECS instance name.
	Name string `json:"name,omitempty"`
	// NodePoolID is the pool the node belongs to; empty for masters and
	// legacy workers.
	NodePoolID string `json:"nodepool_id,omitempty"`
	// Role is "Master" or "Worker".
	Role string `json:"role"`
	// InstanceType is the ECS instance type.
	InstanceType string `json:"instance_type,omitempty"`
	// VSwitchID is the node's vSwitch.
	VSwitchID string `json:"vswitch_id,omitempty"`
	// IP is the node's address; its Kubernetes name is
	// "<region>.<IP>".
	IP string `json:"ip"`
	// ChargeType is PostPaid or PrePaid.
	ChargeType string `json:"charge_type,omitempty"`
	// Created is when the node was created; zero means its cluster's.
	Created time.Time `json:"created"`
	// Origin is how the node came: with its cluster or pool (initial),
	// by a scale-out, or attached by hand. On the wire its source is
	// derived from it.
	Origin nodepool.Origin `json:"origin,omitempty"`
	// State is a worker's state: initial, running, removing or failed;
	// empty for a master, whose state follows its cluster's.
	State string `json:"state,omitempty"`
}

// ContainerInstanceState is a running container instance of a serverless
// cluster.
type ContainerInstanceState struct {
	// ID is the instance's ID, "eci-<cluster>-<n>".
	ID string `json:"id"`
	// MilliCPU is its vCPU in thousandths.
	MilliCPU int64 `json:"milli_cpu"`
	// MemoryMiB is its memory in MiB.
	MemoryMiB int64 `json:"memory_mib"`
	// Started is when it started.
	Started time.Time `json:"started"`
}

// TaskState is one task.
type TaskState struct {
	// ID is the task's ID.
	ID string `json:"id"`
	// ClusterID is the cluster the task acts on (it may be gone).
	ClusterID string `json:"cluster_id"`
	// NodePoolID is the pool the task acts on; empty for a cluster task.
	NodePoolID string `json:"nodepool_id,omitempty"`
	// Type is the task type, for example "cluster_create".
	Type string `json:"type"`
	// State is running, success or failed. A running task is the task of
	// a Change.
	State string `json:"state"`
	// Created and Updated are when the task started and last changed.
	Created time.Time `json:"created"`
	// Updated is when the task last changed.
	Updated time.Time `json:"updated"`
	// Error is a failed task's error.
	Error *Failure `json:"error,omitempty"`
	// Params are the task's parameters as JSON values.
	Params map[string]any `json:"params,omitempty"`
}

// ChangeState is a change in progress, as data: its kind, its task, its
// progress, and what it adds, removes and sets when it ends. A restore
// rebuilds the change's end from it with the code the API's change uses.
type ChangeState struct {
	// Kind is the kind of change.
	Kind Change `json:"kind"`
	// TaskID is the change's task, a running task of the State.
	TaskID string `json:"task_id"`
	// Started is when the change started.
	Started time.Time `json:"started"`
	// After is how long the change takes on the virtual clock, in
	// nanoseconds; with Polls zero and After zero it completes at once.
	After time.Duration `json:"after,omitempty"`
	// PollsNeeded, when positive, completes the change after that many
	// polls instead.
	PollsNeeded int `json:"polls_needed,omitempty"`
	// Polls counts the polls that saw the change in progress.
	Polls int `json:"polls,omitempty"`
	// Failure, when set, makes the change fail when it completes.
	Failure *Failure `json:"failure,omitempty"`
	// Added are the instance IDs of the nodes the change creates (initial
	// until it ends); Removed those of the nodes it removes (removing
	// until it ends).
	Added []string `json:"added,omitempty"`
	// Removed are the instance IDs of the nodes the change removes.
	Removed []string `json:"removed,omitempty"`
	// Spec and Extra are what a cluster holds once ModifyCluster
	// succeeds. In JSON Spec is a CreateCluster body.
	Spec *cluster.Spec `json:"spec,omitempty"`
	// Extra is the cluster's extras once ModifyCluster succeeds.
	Extra *ClusterExtra `json:"extra,omitempty"`
	// PoolSpec is what a pool holds once ModifyClusterNodePool succeeds.
	// In JSON it is a CreateClusterNodePool body.
	PoolSpec *nodepool.Spec `json:"pool_spec,omitempty"`
	// Desired are the desired sizes of node pools, by pool ID, that a
	// failure of the change puts back.
	Desired map[string]int `json:"desired,omitempty"`
	// Upgrade is what a node pool upgrade sets when it succeeds.
	Upgrade *PoolUpgradeState `json:"upgrade,omitempty"`
}

// PoolUpgradeState is what a node pool upgrade sets when it succeeds.
type PoolUpgradeState struct {
	// Version is the Kubernetes version the pool runs afterwards.
	Version string `json:"version"`
	// Runtime and RuntimeVersion, when set, replace the pool's.
	Runtime string `json:"runtime,omitempty"`
	// RuntimeVersion is the container runtime's new version.
	RuntimeVersion string `json:"runtime_version,omitempty"`
}

// UpgradeState is a cluster's last control-plane upgrade (UpgradeCluster),
// as GetUpgradeStatus reports it.
type UpgradeState struct {
	// From and To are the versions it upgrades from and to.
	From string `json:"from"`
	// To is the version it upgrades to.
	To string `json:"to"`
	// MasterOnly upgrades the control plane alone; the node pools keep
	// From.
	MasterOnly bool `json:"master_only,omitempty"`
	// Status is running, pause, success or fail.
	Status string `json:"status"`
	// Step and Message are what GetUpgradeStatus answers once the upgrade
	// ended (while it runs, its step follows the clock).
	Step string `json:"step,omitempty"`
	// Message is why an ended upgrade failed.
	Message string `json:"message,omitempty"`
	// PrecheckID is the ID of the upgrade's precheck report.
	PrecheckID string `json:"precheck_id,omitempty"`
	// TaskID is the upgrade's task.
	TaskID string `json:"task_id,omitempty"`
	// PausedAt is when a paused upgrade was paused; the time it stays
	// paused does not count.
	PausedAt time.Time `json:"paused_at,omitzero"`
	// Change is the upgrade's change (of kind ChangeUpgradeCluster) while
	// it runs or is paused; nil once it ended.
	Change *ChangeState `json:"change,omitempty"`
}
