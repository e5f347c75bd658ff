// Package nodepool models ACK node pools: the Spec a pool is created with
// and the rules ACK applies to it, ECS instance types, the pool's states,
// and the scale-in rule that removes only nodes a scale-out added, newest
// first. It is pure domain code: no I/O. The typed client over the node
// pool calls of the ACK OpenAPI builds on it, and the fake ACK enforces the
// same rules with it.
//
// # Specs and validation
//
// A Spec holds what a user decides: vSwitches, instance types, billing,
// size, disks, image, login, labels and taints, runtime and kubelet
// settings, auto scaling and the managed node pool feature. Validate checks
// it against every rule of Rules and returns a *ack.ValidationError listing
// every violation, each with a stable rule ID ("nodepool.vswitches.count")
// and the path of the field in the CreateClusterNodePool body
// ("scaling_group.vswitch_ids", "kubernetes_config.taints[1].effect"), so
// that the same paths name the same fields whether a Spec or a raw request
// is judged. The pods-per-node limit is quota.MaxPodsPerNode, the hard
// limit no ticket raises.
//
// CheckChange judges a modification written as the desired Spec and refuses,
// under the rules of ChangeRules, what ModifyClusterNodePool cannot change:
// the auto scaling type and max pods per node are fixed at creation, and the
// runtime changes by a node pool upgrade.
//
// # Wire forms
//
// Spec.CreateRequest writes the CreateClusterNodePool body and
// SpecFromCreateRequest reads one back. ValidateCreateRequest reads a raw
// body and applies the same rules, plus the decode rules (DecodeRules) for
// what no Spec can express (edge and Lingjun pool types), so a request
// the fake refuses names the same rule IDs a client would have seen before
// sending it. PoolFromDetail reads DescribeClusterNodePoolDetail: the Spec,
// the state and the node counts. Passwords are ack.Secret values: they print
// and log as "[redacted]" and appear in plain text only in request bodies.
//
// # Defaults
//
// A zero field of a Spec means ACK's default; WithDefaults writes them in.
//
//	Field                      Default when empty
//	ChargeType                 PostPaid (sent explicitly: ACK requires it)
//	Subscription.Unit          Month (PrePaid only)
//	SystemDisk.Category        cloud_efficiency
//	SystemDisk.SizeGiB         ACK's choice (not sent)
//	DataDisks[i].Category      cloud_efficiency
//	ImageType                  ACK's choice (not sent)
//	Runtime                    containerd
//	CPUPolicy                  none
//	Taints[i].Effect           NoSchedule
//	MaxPods                    ACK's choice from the cluster network (not sent)
//	AutoScaling.Enabled        false: DesiredSize nodes are kept
//	AutoScaling.Type           cpu
//	Management.Enabled         false
//
// Limits: 1 to 8 vSwitches, 1 to 10 instance types, a name of 1 to 63
// characters, system disks of 20 to 2048 GiB, data disks of 40 to 32768
// GiB, at most 2000 autoscaled nodes, at most quota.MaxPodsPerNode pods per
// node; PrePaid terms of 1 to 9, 12, 24, 36, 48 or 60 months, or 1 to 4
// weeks.
//
// # Instance types
//
// ParseInstanceType reads ecs.<family>[-<qualifier>].<size>: vCPUs from the
// size (large 2, xlarge 4, Nxlarge 4N), memory from the family's ratio
// (g 1:4, c 1:2, r 1:8) or a cXmY qualifier, GPUs from a cXgY qualifier,
// and whether the type is bare metal (ebm*, X-Dragon; scc*) or GPU (gn*,
// vgn, sgn). What the naming rules do not give is reported as unknown
// (zero, Known false), never guessed.
//
// # Scale-in
//
// Every Node records its Origin: created with the cluster or the pool,
// attached by hand, or added by a scale-out (manual or autoscaling).
// ChooseScaleIn picks the nodes a scale-in removes: only scale-out nodes,
// newest first by creation time, ties broken by creation order (Node.Seq);
// never below the pool's minimum; the same answer whatever the order of its
// input.
package nodepool
