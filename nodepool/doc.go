// Package nodepool is the typed client of ACK's node pools (create, read,
// list, modify, scale, remove nodes, upgrade, delete, list nodes) and the rules ACK
// applies to them, as pure domain code without I/O: the Spec a pool is
// created with and its validation, ECS instance types, the pool's states,
// and the scale-in rule that removes only nodes a scale-out added, newest
// first. The client validates with that code before it sends anything, and
// the fake ACK enforces the same rules with it.
//
// The examples show the client first: ExampleClient_Create (a Spec refused
// before any call, then a pool created and waited for) and
// ExampleClient_Upgrade (a version ahead of the control plane refused,
// then the pool upgraded after it); then the rules:
// Example (which nodes a scale-in removes), ExampleValidate,
// ExampleCheckChange and ExampleParseInstanceType. For tests of code that
// uses the client, package nodepoolmock's Example mocks a Scale, and
// clustermock's ExampleSeq mocks a fleet tool's lists.
//
// # Client
//
// NewClient builds the typed client from an *ack.Config: Create, Get,
// List, Modify, Scale, RemoveNodes, Upgrade, Delete, Nodes and
// ResumeOperation. Each is also a one-method interface (Creator, Getter,
// Lister, Modifier, Scaler, NodeRemover, Upgrader, Deleter, NodeLister,
// Resumer) for consumers to
// mock; package nodepoolmock holds generated mocks of them, and canned
// lists for them (Seq). Reads return a *Pool: its Spec, state and node
// counts, its cluster, the request ID and the raw JSON; List and Nodes
// are iterators (iter.Seq2) over the API's answers.
//
// Mutations return an Operation. Its Wait polls the task
// (DescribeTaskInfo) until it succeeds, then the pool until it is active,
// or gone for a delete, on the Config's clock with exponential backoff and
// jitter; it ends in a *ack.TaskFailedError (the task's code and message,
// the pool's state), a *ack.WaitTimeoutError (what ended the wait: the
// context's deadline or MaxWait; the task or the pool, and its last
// state), or at once on errors that waiting cannot fix. Poll reads once;
// ResumeToken and Client.ResumeOperation continue a wait in another
// process.
//
// Upgrade (UpgradeClusterNodepool) moves the pool's nodes to a Kubernetes
// version, an image or a runtime, paced by a RollingPolicy. The options
// are judged before the call (UpgradeOptions.Validate), and so is the
// version against the control plane's, read from the cluster: a pool may
// run its control plane's minor or an older one, never a newer one
// (CheckUpgrade, rule RuleUpgradeControlPlane, with
// version.CheckNodeVersion); upgrade the control plane first with
// cluster.Client.Upgrade. The fake runs the same checks.
//
// Refusals come before any call: Create runs Validate, Modify runs
// CheckChange and the rules the edit newly breaks, RemoveNodes checks that
// the instances are nodes of the pool, Scale refuses an autoscaled pool
// (ErrAutoScaled) and a negative size. Modify sends only what the edit
// changed, as absolute values; the fake applies such a body to its Spec
// with the same code. A request the
// server refuses by these rules (the fake runs them) comes back as an
// *ack.RefusalError, which errors.As also reads as the *ack.ValidationError
// with the same rule IDs.
//
// Writes are exact under faults. Each mutating request is sent with
// ack.Reconcile: after an ambiguous outcome (the connection broke after
// the request was sent, a 5xx other than 503), the retry step reads the
// world before sending again, and either finds the write's result (the
// Operation then waits on the pool alone, its task unknown) or knows that
// sending again is safe.
//
//	Call                   Hook: applied when                                 Sent again when
//	CreateClusterNodePool  one pool of the name is new since the call began   no pool of the name is new
//	ModifyClusterNodePool  the pool has the change, or is updating            otherwise (the body is absolute)
//	ScaleClusterNodePool   the pool's size is the part's final size           the size is the part's starting one
//	RemoveNodePoolNodes    a node is gone or removing                         every node is there, untouched
//	DeleteClusterNodepool  the pool is gone or deleting                       otherwise
//
// # Scaling
//
// ScaleClusterNodePool's count is the number of nodes to add, so a request
// sent twice adds them twice; Scale therefore takes the size the pool
// should have, not a delta. It reads the pool's size (the desired size,
// or the node count of a pool that reports none; see Pool.Size) and
// scales out by the difference in parts of at most MaxScaleCount nodes,
// waiting for each part before sending the next. Each part knows the size
// it starts from and the size it ends at, so its Reconcile hook tells a
// landed part (the final size) from a lost one (the starting size) and
// refuses to guess otherwise (ack.ErrConflict): a scale-out of 1,200 nodes
// whose second part loses its answer adds 1,200 nodes, not 1,700. A pool
// sized by its node count must be active when Scale starts, so that a pool
// found scaling after an ambiguous outcome has the part.
//
// Scaling in works as ACK offers it: a pool with a desired size (every
// pool ACK creates today) is scaled in by lowering that size with
// ModifyClusterNodePool, and ACK, not this client, chooses which nodes go.
// The size is absolute, so a re-send after a lost answer cannot remove
// nodes twice; the Reconcile hook re-sends only while the desired size is
// still the one before. This works the same on ACK and on the fake, which
// removes the nodes the scale-in rule below would pick first, then the
// pool's others, newest first (ACK's own choice is not documented). To
// choose the nodes yourself, use RemoveNodes.
//
// ACK's wire does not tell a node's origin: DescribeClusterNodes reports
// a "source" that the API reference describes only as how "the nodes in
// the node pool were initialized. The nodes can be manually created or
// created by using Resource Orchestration Service (ROS)", with the example
// "ess_attach" (SourceESSAttach), the one value known, which a pool's
// initial nodes and its scale-out nodes share. So Scale down never
// chooses nodes: by desired size, ACK chooses which nodes go; to choose
// them yourself, use RemoveNodes. A legacy pool without a desired size
// (sized by its node count) has no size to lower and no node this client
// could prove a scale-out added: Scale refuses it before any call, with
// an error matching ErrNotEnoughScaleOut, and points to RemoveNodes. An
// autoscaled pool is sized by its autoscaler: Scale refuses it, and Modify
// changes its range; the scale-in rule governs the autoscaler.
//
// # Client defaults
//
//	Setting                        Default
//	WaitOptions.MinDelay           3s (DefaultMinDelay)
//	WaitOptions.MaxDelay           30s (DefaultMaxDelay)
//	WaitOptions.MaxWait            none: the context bounds a wait
//	Delay growth, jitter           ×1.5, ±20%
//	Nodes page size                50 (DefaultPageSize), at most 100 (MaxPageSize)
//	Nodes added per scale call     at most 500 (MaxScaleCount)
//	DeleteOptions.Force            false: ACK refuses a pool that has nodes
//	RemoveOptions.Drain, Release   false, false; both are always sent
//	Scale-in                       by desired size (ACK picks the nodes); refused for legacy pools (RemoveNodes)
//	Upgrade: empty fields          keep what the pool runs; Rolling nil lets ACK pace it
//	Upgrade: batch interval        5 to 120 whole minutes (MinBatchInterval, MaxBatchInterval)
//	Upgrade after a lost answer    a pool that is upgrading counts as upgraded
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
// Create writes the CreateClusterNodePool body of a Spec; the fake reads
// such a body back with the same code and applies the same rules, plus the
// decode rules (DecodeRules) for what no Spec can express (edge and Lingjun
// pool types), so a request the fake refuses names the same rule IDs a
// client would have seen before sending it. The request rules
// (RequestRules: 1 to MaxScaleCount nodes added, no negative count) judge
// the counts of ScaleClusterNodePool and ModifyClusterNodePool bodies,
// which Scale checks before sending and the fake on what it receives. Get
// reads DescribeClusterNodePoolDetail: the Spec, the state and the node
// counts. Passwords are ack.Secret values: they print
// and log as "[redacted]" and appear in plain text only in request bodies.
//
// # Defaults of a Spec
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
// # Network IDs
//
// ValidVSwitchID and ValidVPCID define the formats of vSwitch and VPC IDs
// ("vsw-" or "vpc-", then 1 to 64 lower-case letters, digits and hyphens,
// the first a letter or digit) for the whole module: the rule
// "nodepool.vswitches.format", the cluster package's rules
// "cluster.network.vpc_id" and "cluster.network.vswitch_id", and the fake
// all call them.
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
//
// A node's origin is not on ACK's wire, so every Node a client reads
// (Client.Nodes, cluster.Client.Nodes) is of OriginUnknown, a node no
// scale-in removes, on ACK and on the fake alike. The "source" of
// DescribeClusterNodes is, in the API reference's words, how "the nodes in
// the node pool were initialized. The nodes can be manually created or
// created by using Resource Orchestration Service (ROS)"; its one known
// value, the example "ess_attach" (SourceESSAttach), is what the fake
// reports for every node of a pool, whether created with the pool, by a
// scale-out or by the autoscaler (the fake has no attach call; for a node
// attached to a pool by hand nothing documents another value, so it
// would be the same), and nodes of no pool (masters, legacy workers)
// report none, since nothing is documented for them. OriginFromSource is kept, deprecated,
// and reads OriginUnknown for every value. The rule is the autoscaler's:
// the fake's autoscaler follows ChooseScaleIn on the origins it keeps,
// which tests read from its Go view (fake.Cloud.Nodes). Client.Nodes
// numbers nodes in the order the list gives them (Node.Seq), since
// creation_time has a resolution of one second.
package nodepool
