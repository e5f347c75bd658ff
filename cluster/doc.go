// Package cluster holds ACK's rules about clusters, as pure domain code
// without I/O: the cluster forms, the Spec a user creates a cluster from,
// the lifecycle states, the validation rules, the rules about what may
// change after creation, and the conversion between a Spec and the wire
// bodies of CreateCluster, DescribeClusterDetail and ModifyCluster.
//
// The typed client validates with these functions before it sends
// anything, and the fake ACK runs the very same functions on the requests
// it receives (ValidateCreateRequest, ApplyModifyBody, CheckChange), so a
// rule is written once and both sides report it with the same rule ID and
// field path.
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
// and a description. Validate and ValidateCreateRequest return a
// *ack.ValidationError listing every violation (it matches ack.ErrInvalid),
// or nil.
//
// The product description is the default (PresetProduct). PresetCurrent
// follows ACK today where it differs: a NAT gateway is optional for
// dedicated and managed clusters, and the API server may get a public
// endpoint (an EIP) after creation. CheckChange refuses the product
// description's six immutable changes (a new VPC, single-zone to
// multi-zone, dedicated to managed, an internet endpoint for the API
// server, the cloud-monitor plugin, the network plugin), each with its own
// rule, and every other change that ModifyCluster cannot make. A
// modification is written as the desired Spec: describe the cluster
// (SpecFromDetail), change a copy (Spec.Clone), check it (CheckChange),
// then send ModifyRequest's body with ModifyCluster and TagsRequest's with
// ModifyClusterTags.
//
// # Defaults
//
//	| What                               | Default                                                               |
//	|------------------------------------|-----------------------------------------------------------------------|
//	| Rule preset (Validate, WithPreset) | PresetProduct                                                         |
//	| Immutability preset (CheckChange)  | none: passed on each call; PresetProduct is the product description's |
//	| Service CIDR                       | 172.19.0.0/20 (DefaultServiceCIDR)                                    |
//	| Flannel node CIDR mask             | 26, 64 pods per node (DefaultNodeCIDRMask)                            |
//	| Node CIDR masks allowed            | 24 (quota.MaxPodsPerNode pods) to 28 (MaxNodeCIDRMask)                |
//	| SNAT (NAT gateway)                 | on, when SNAT is nil                                                  |
//	| Masters of a dedicated cluster     | 3, system disk cloud_ssd of 120 GiB, PostPaid                         |
//	| Legacy workers' charge type        | PostPaid                                                              |
//	| Public API server endpoint         | off                                                                   |
//	| Tags                               | at most 20 (MaxTags)                                                  |
//	| VPC CIDRs for the overlap rule     | none (WithVPCCIDRs adds them)                                         |
//
// Spec.WithDefaults fills the defaults in; Validate judges an empty field
// by its default.
package cluster
