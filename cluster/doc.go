// Package cluster is the typed client of ACK's cluster lifecycle (create,
// read, list, modify, scale out, upgrade, delete, kubeconfigs, tasks) and the rules
// ACK applies to clusters, as pure domain code without I/O: the cluster
// forms, the Spec a user creates a cluster from, the lifecycle states, the
// validation rules, the rules about what may change after creation, and
// the conversion between a Spec and the wire bodies of CreateCluster,
// DescribeClusterDetail and ModifyCluster.
//
// The examples show the client first: ExampleClient (create a cluster on
// the embedded fake, wait for it, delete it), ExampleClient_Modify (a
// change, and a change refused before any call) and ExampleClient_Upgrade
// (an upgrade to the next minor, and one refused); then the rules: Example
// (what Validate reports) and ExampleCheckChange (what may change). For
// tests of code that uses the client, package clustermock's ExampleSeq
// mocks a fleet tool's lists.
//
// # Client
//
// NewClient builds a Client on an *ack.Config; every call runs through the
// Config's pipeline (rate limit, retry, log, transport). Create, Modify,
// ScaleOut and Delete return an *Operation whose Wait follows ACK's task
// (DescribeTaskInfo) to success and then the cluster to running, or to
// gone for a delete, backing off with jitter on the Config's clock; Poll
// reads once, Done tells whether it ended, and ResumeToken with
// Client.ResumeOperation continue the wait in another process. Waits end
// in a *ack.TaskFailedError (the task's error code and message, the
// cluster's state) or a *ack.WaitTimeoutError (what ended the wait: the
// context's deadline or MaxWait; the task or the cluster, and its last
// state), and at once on authentication, validation and not-found errors. List
// and Nodes are iterators over ACK's pages. Each method is also a
// one-method interface (Creator, Getter, ...) with a generated mock in
// package clustermock.
//
// # Upgrades
//
// Upgrade(ctx, id, target) upgrades the cluster's Kubernetes version with
// UpgradeCluster, to the next minor only (or a newer patch of its own);
// UpgradeOptions.ControlPlaneOnly leaves the node pools on their version
// for nodepool.Client.Upgrade. Given a catalog (UpgradeOptions.Catalog,
// from version.Client.Catalog), the target is judged before the call by
// CheckUpgrade, the same function the fake runs on every UpgradeCluster:
// a skip, a downgrade, a retired source or target, or a version the
// catalog does not offer is refused with rule RuleUpgradeSkip,
// RuleUpgradeDowngrade, RuleUpgradeRetired, RuleUpgradeNotOffered, ...
// at field next_version. Without a catalog only a downgrade is refused
// before the call. The upgrade's Operation (KindUpgrade) follows
// GetUpgradeStatus, whose steps (prechecking, upgrading, pause) its
// progress reports as the task's states, then the cluster until it is
// "running on <target>"; a failed or cancelled upgrade ends in a
// *ack.TaskFailedError with the upgrade's error (the task's code when its
// ID is known, CodeUpgradeFailed otherwise). A lost answer never starts a
// second upgrade: the retry step reads the cluster and the upgrade status
// before any re-send. UpgradeStatus reads GetUpgradeStatus; PauseUpgrade,
// ResumeUpgrade and CancelUpgrade control a running upgrade, each
// reconciled from the upgrade status after a lost answer. An upgrade's
// resume token carries its target; tokens of the other kinds are as
// before.
//
// Create validates the Spec with the same rules the fake enforces, before
// any call; a refusal by the server that names rule IDs reads back into
// the same *ack.ValidationError (inside a *ack.RefusalError that also holds
// the *ack.APIError). Writes are exact under faults: Create records a
// client token as the tag ClientTokenTag ("ackgo-client-token"; read back
// as Cluster.ClientToken, never among Spec.Tags) and, after an ambiguous
// outcome, looks for it before any re-send, so one Create makes at most one
// cluster (a Spec with all MaxTags tags of its own leaves the token no
// slot: Create then notes the clusters of its name before sending and
// looks for a new one of that name, VPC and tag set); a Delete whose answer
// is lost counts a cluster that is gone or deleting as deleted; a
// ScaleOut compares the node count before re-sending. An operation whose
// task ID was lost that way waits on the cluster's state alone. Results
// carry the request ID of the call that produced them (Cluster.RequestID,
// Operation.RequestID, ...), and CreateOptions.RawBody sets CreateCluster
// fields this package does not model.
//
// Client defaults:
//
//	| What                              | Default                                                            |
//	|-----------------------------------|--------------------------------------------------------------------|
//	| Rules checked before a call       | Validate and CheckChange, PresetProduct (ClientOptions.Validation) |
//	| Spec.Region left empty            | the Config's region                                                |
//	| First delay between polls         | 5s (DefaultMinDelay), then ×1.5 with ±20% jitter                   |
//	| Longest delay between polls       | 1m (DefaultMaxDelay)                                               |
//	| Bound on a wait                   | the context only; WaitOptions.MaxWait bounds it on the clock       |
//	| Page size of List and Nodes       | 50 (DefaultPageSize), at most 100 (MaxPageSize)                    |
//	| Client token of Create            | 32 random hex digits in tag "ackgo-client-token" (when a slot is free) |
//	| Retry of Create, Delete, ScaleOut | ack.Reconcile: look at the cluster before a re-send                |
//	| Retry of ModifyCluster            | ack.IfNotSent                                                      |
//	| Retry of ModifyClusterTags        | ack.Safe: the whole tag set, harmless twice                        |
//	| Retry of UpgradeCluster           | ack.Reconcile: the cluster's version and upgrade status            |
//	| Retry of pause, resume, cancel    | ack.Reconcile: the upgrade status                                  |
//	| Upgrade judged before the call    | a downgrade; with UpgradeOptions.Catalog, CheckUpgrade             |
//	| Upgrade of the node pools         | with the control plane (ControlPlaneOnly false)                    |
//	| Kubeconfig                        | ACK's long-lived one, public endpoint                              |
//	| Resume token                      | base64url of JSON {"v":1,"kind":"cluster.create",...}              |
//
// # Rules
//
// The typed client validates with these functions before it sends
// anything, and the fake ACK runs the very same functions on the requests
// it receives (on the bodies of CreateCluster and ScaleOutCluster, and
// CheckChange on a modification), so a rule is written once and both sides
// report it with the same rule ID and field path.
//
// # Model
//
// A Form is Dedicated, ManagedBasic, ManagedPro or Serverless; FormOf and
// Form.Wire translate it to and from cluster_type, profile and
// cluster_spec (the legacy cluster_type "Ask" reads as Serverless).
//
// A Spec names vSwitches with their zones (VSwitch{ID, Zone}); the zones
// of the control plane's, the masters' and the workers' vSwitches are the
// cluster's zones, and more than one makes it multi-zone. The wire knows
// vSwitches by ID only, so a Spec decoded from a request or a detail has
// unknown zones until Spec.WithZones fills them from the caller's
// knowledge (the VPC API, the fake's network). Node pools created with the
// cluster are not in the Spec yet; they will be, as nodepool specs.
//
// # Rules and presets
//
// Rules lists the validation rules and ChangeRules the immutability
// rules; each has a stable ID such as "cluster.name.format", a field path
// and a description. Validate returns a
// *ack.ValidationError listing every violation (it matches ack.ErrInvalid),
// or nil.
//
// The formats of VPC and vSwitch IDs (rules "cluster.network.vpc_id" and
// "cluster.network.vswitch_id", on the control-plane, master, worker and
// Terway pod vSwitches) are nodepool.ValidVPCID and
// nodepool.ValidVSwitchID, the functions node pools and the fake use too.
//
// The product description is the default (PresetProduct). PresetCurrent
// follows ACK today where it differs: a NAT gateway is optional for
// dedicated and managed clusters, and the API server may get a public
// endpoint (an EIP) after creation. CheckChange refuses the product
// description's six immutable changes (a new VPC, single-zone to
// multi-zone, dedicated to managed, an internet endpoint for the API
// server, the cloud-monitor plugin, the network plugin), each with its own
// rule, and every other change that ModifyCluster cannot make. A
// modification is written as the desired Spec: read the cluster
// (Client.Get), change a copy (Spec.Clone), check it (CheckChange), then
// Client.Modify sends what changed with ModifyCluster and the tags with
// ModifyClusterTags.
//
// # Defaults of the rules
//
//	| What                               | Default                                                               |
//	|------------------------------------|-----------------------------------------------------------------------|
//	| Rule preset (Validate, WithPreset) | PresetProduct                                                         |
//	| Immutability preset (CheckChange)  | PresetProduct (WithPreset, as for Validate)                           |
//	| Service CIDR                       | 172.19.0.0/20 (DefaultServiceCIDR); one cluster per VPC may keep it   |
//	| Flannel node CIDR mask             | 26, 64 pods per node (DefaultNodeCIDRMask)                            |
//	| Node CIDR masks allowed            | 24 (quota.MaxPodsPerNode pods) to 28 (MaxNodeCIDRMask)                |
//	| SNAT (NAT gateway)                 | on, when SNAT is nil                                                  |
//	| Masters of a dedicated cluster     | 3, system disk cloud_ssd of 120 GiB, PostPaid                         |
//	| Legacy workers' charge type        | PostPaid                                                              |
//	| Legacy workers (num_of_nodes)      | 0 to 100 (MaxWorkers)                                                 |
//	| Public API server endpoint         | off                                                                   |
//	| Tags                               | at most 20 (MaxTags)                                                  |
//	| VPC CIDRs for the overlap rule     | none (WithVPCCIDRs adds them)                                         |
//
// Spec.WithDefaults fills the defaults in; Validate judges an empty field
// by its default.
package cluster
