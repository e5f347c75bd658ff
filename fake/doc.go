// Package fake is an in-memory ACK: a stateful fake of the Container
// Service for Kubernetes OpenAPI that consumers run their own code against,
// in Go tests through an in-process transport and from any language over
// HTTP.
//
// Build one per test; there are no globals:
//
//	cloud := fake.New()
//	cfg := cloud.Config() // an *ack.Config on the fake's transport and clock
//
// A Cloud is safe for concurrent use; values go in and out of it as
// copies. Transport drives the fake's HTTP handler in process, without a
// socket; Server (or NewServer, or the ackfake command) serves the same
// handler on a port, so both behave alike.
//
// # Time
//
// Resource state is computed from the virtual clock when it is read: there
// are no timers and no background goroutines. Every timestamp in an answer
// body comes from the clock (RFC 3339 with ACK's +08:00 offset; a
// kubeconfig's expiration in UTC, as ACK writes it); signature freshness
// is judged on the wall clock, and so is the Date header net/http adds to
// answers over HTTP, which SDKs may compare with their own clock. A change completes after its
// Progression: a duration on the clock, a number of polls (a poll is a
// read of the resource or of its task; see Progression), or at once. A
// resource and its task change at the same instant, which both report as
// "updated".
//
// # Defaults
//
//	setting                                   default
//	clock, New and Transport                  AutoAdvance (a sleep of d moves now to max(now, start+d))
//	clock, NewServer and ackfake              Scaled, 60 virtual seconds per wall second
//	clock start                               2026-01-01T00:00:00Z
//	create a dedicated cluster                12 minutes
//	create a managed cluster (Basic, Pro)     8 minutes
//	create a serverless cluster               2 minutes
//	delete a cluster                          3 minutes
//	modify a cluster                          1 minute
//	ScaleOutCluster                           5 minutes
//	DeleteClusterNodes, RemoveClusterNodes    2 minutes
//	create a node pool                        4 minutes
//	scale a node pool (ScaleClusterNodePool)  3 minutes
//	modify a node pool                        1 minute
//	RemoveNodePoolNodes                       2 minutes
//	delete a node pool                        3 minutes
//	an autoscaler step (SetDemand)            3 minutes
//	UpgradeCluster                            20 minutes: prechecking the first 5, then upgrading
//	UpgradeClusterNodepool                    10 minutes
//	version timeline (WithVersionTimeline)    version.PolicyProduct on version.DefaultCalendar;
//	                                          version.PolicyCurrent with cluster.PresetCurrent
//	versions creatable at the start           1.32.1-aliyun.1 and 1.34.1-aliyun.1
//	regions                                   cn-hangzhou
//	limits (WithLimits)                       quota.ProductDefaults(), enforced
//	cluster_quota / amk_cluster_quota         10 / 10
//	ask_cluster_quota                         2
//	node_quota / cluster_nodepool_quota       40 / 20
//	container instances per serverless        300
//	account (WithAccount)                     quota.DefaultAccount: verified, 100.00 CNY
//	nodes added per ScaleClusterNodePool      1 to 500
//	Kubernetes version when none is asked     the newest creatable at the clock: DefaultKubernetesVersion
//	                                          (1.34.1-aliyun.1) at the start
//	kubeconfig validity                       3 years (TemporaryDurationMinutes: 15–4320)
//	page size (DescribeClustersV1, nodes)     10, at most 100; a page past the end, however far, is empty
//	credentials                               none: any well-formed request is accepted
//	ACS3 nonces remembered                    100,000 a key, each for 15 minutes after its signed date (DefaultNonceLimit)
//	in-process principal                      full access
//	control endpoints (/_fake/) over HTTP     loopback tools only; with WithControlToken, also
//	                                          remote clients that send the token (see Server)
//	network                                   unknown well-formed IDs ("vpc-demo", "vsw-demo") registered on first use
//	rules                                     cluster.PresetProduct
//	action log (WithCallLogLimit)             the most recent 10,000 calls (DefaultCallLogLimit)
//	action log size (WithCallLogBytes)        at most 64 MiB of bodies, paths and queries (DefaultCallLogBytes)
//	request body                              at most 4 MiB (MaxRequestBody); larger is 413 InvalidParameter
//	request header fields                     at most 200 (MaxRequestHeaders); more is 431 InvalidParameter
//	HTTP server (WithHTTPLimits)              header within 10s, request within 1m, idle 2m,
//	                                          header at most 64 KiB, 256 connections open (HTTPLimits)
//
// # What is simulated
//
//   - CreateCluster for dedicated (Kubernetes), managed (ManagedKubernetes
//     with cluster_spec ack.standard or ack.pro.small) and serverless
//     (ManagedKubernetes with profile Serverless, or the legacy Ask)
//     clusters; DescribeClusterDetail; DescribeClustersV1 with its filters
//     (name is a substring match, the rest exact) and paging;
//     DeleteCluster with its retain options in the query or the body
//     (JSON or form); ModifyCluster; ModifyClusterTags (the whole tag set,
//     at once); DescribeClusterUserKubeconfig;
//     DescribeTaskInfo; DescribeClusterNodes (masters, legacy workers and
//     node pool nodes, filtered by nodepool_id, state and instanceIds,
//     paged by pageNumber and pageSize); DescribeUserQuota (the
//     configured limits).
//   - States: initial → running, updating → running, deleting → gone
//     (reads then answer ErrorClusterNotFound), and failed, updating_failed
//     or delete_failed when a change is made to fail (FailNext,
//     FailCluster, FailTask), with the task's error code and message.
//     DeleteCluster is refused (ErrorClusterState) while another change
//     runs, ModifyCluster unless the cluster is running.
//   - Nodes: each has an instance ID (i-...), a name "<region>.<address>"
//     (cn-hangzhou.192.168.0.101) from an address in its vSwitch, a
//     creation time and a creation order (Node.Seq), and an origin
//     (nodepool.Origin: initial, created with the cluster or its pool, or
//     scale-out, added by a scale-out or the autoscaler; never attached,
//     since the fake simulates no attach API) that only its Go view tells
//     (Cloud.Nodes). On the wire, DescribeClusterNodes' source is what
//     ACK documents and nothing more: the API reference says the field
//     "indicates how the nodes in the node pool were initialized. The
//     nodes can be manually created or created by using Resource
//     Orchestration Service (ROS)", with the one example "ess_attach"
//     (nodepool.SourceESSAttach), which every node of a node pool reports
//     whatever its origin (a node attached to a pool by hand, were the
//     attach API simulated, would report it too: the reference speaks of
//     "the nodes in the node pool" and documents no other value); a node
//     of no pool (a master, a legacy worker) reports no source, since
//     nothing is documented for it. So a client
//     reads every node as of unknown origin, here as on ACK.
//     DescribeClusterNodes lists a cluster's nodes in creation order,
//     which nodepool.Client.Nodes relies on to break scale-in ties
//     between nodes created in the same second. Workers are initial,
//     running, removing or failed; masters follow their cluster. CreateCluster
//     makes the masters of a dedicated cluster, the legacy workers of
//     num_of_nodes and the node pools of its nodepools array (judged by
//     the nodepool package's rules under "nodepools[i]."), all ready when
//     the cluster runs. ScaleOutCluster adds scale-out workers (the
//     cluster is scaling, then running); DeleteClusterNodes and
//     RemoveClusterNodes remove workers by node name (removing, then
//     running), never masters.
//   - Node pools: CreateClusterNodePool (initial → active, with its
//     desired size, or its autoscaler's minimum, of initial nodes),
//     DescribeClusterNodePools (NodepoolName: a substring of the name),
//     DescribeClusterNodePoolDetail, ModifyClusterNodePool (updating →
//     active; a new desired size adds or removes nodes at once),
//     ScaleClusterNodePool (count = the nodes to add, 1 to 500; scaling →
//     active), RemoveNodePoolNodes (instance_ids, or node names in nodes;
//     removing → active) and DeleteClusterNodepool (deleting → gone; a
//     pool with nodes only with force=true, else ErrorNodePoolState). The
//     desired size changes when a call is accepted, as ACK's does: a scale
//     raises it and a removal lowers it by its count. Every pool write needs
//     the cluster running (ErrorClusterState) and the pool active with
//     nothing in progress (ErrorNodePoolState). Bodies are judged by the
//     nodepool package's own code: its create rules on create, its
//     request rules, the body applied to the Spec, then CheckChange and
//     Validate on modify (a max pods sent in node_config counts as a change
//     of it), its request rules on scale. Unknown pools answer
//     ErrorNodePoolNotFound; deleting a cluster removes its pools and
//     nodes. FailNodePool, FailTask and FailNext fail a pool's change: the
//     nodes it added fail, the nodes it was removing stay, the desired size
//     goes back, and the pool is active again (failed, for a create).
//   - Autoscaling: SetDemand drives an autoscaled pool's autoscaler; it
//     follows the demand within its minimum and maximum, adds scale-out
//     nodes up to the node quota (none while an account prerequisite
//     fails), and scales in by removing the nodes
//     nodepool.ChooseScaleIn picks, so the nodes created with the pool
//     remain. Its steps are changes of their own (ChangeAutoScale), taken
//     when the call, or the pool's previous change, completes.
//   - Quotas and account prerequisites, with the quota package's Check:
//     CreateCluster (the cluster counts; masters, legacy workers and
//     initial pool nodes; the pools; pods per node), CreateClusterNodePool
//     (one pool, its initial nodes, its max pods), ScaleClusterNodePool,
//     ModifyClusterNodePool, ScaleOutCluster (nodes) and
//     RunContainerInstances (container instances of a serverless cluster).
//     A call that would exceed a limit changes nothing and answers HTTP 400
//     with the first violation's code (QuotaExceeded.Cluster,
//     QuotaExceeded.ManagedCluster, QuotaExceeded.ServerlessCluster,
//     QuotaExceeded.Node, QuotaExceeded.NodePool,
//     QuotaExceeded.ContainerInstance, QuotaExceeded.PodsPerNode,
//     Account.RealNameRequired, InsufficientBalance) and a message naming,
//     for each violation, the limit, its usage, the need and the limit's
//     value. Usage counts every living cluster, deleting ones included, and
//     every node, those being created or removed included.
//   - Every rule of the cluster package, run by the cluster package's own
//     code: CreateCluster bodies with the create rules (cluster.Rules),
//     ScaleOutCluster bodies with the checks ScaleOut runs before sending
//     (plus the cluster's form), ModifyCluster bodies with
//     cluster.ApplyModifyBody, cluster.CheckChange and cluster.Validate.
//     The formats of VPC and vSwitch IDs are those rules too
//     ("cluster.network.vpc_id", "cluster.network.vswitch_id", and
//     "nodepool.vswitches.format" for node pools), written once in
//     nodepool.ValidVPCID and nodepool.ValidVSwitchID, which AddVPC and
//     AddVSwitch also call. The network adds the
//     checks that need state: vSwitches belong to the cluster's VPC, a
//     VPC's known CIDR is passed to the cluster package's overlap rule, and
//     pod and Service CIDRs may not overlap those of other clusters in the
//     same VPC (a refusal names a free range of the same size, since two
//     clusters with the default Service CIDR cannot share a VPC). A VPC
//     is required (rule "cluster.network.vpc_required") unless zone_id or
//     zone_ids ask the fake to create one; a request that leaves it out
//     but names known vSwitches gets their VPC. Strict mode refuses
//     unknown VPC and vSwitch IDs.
//   - Signatures: with credentials configured every HTTP request must be
//     signed with one of them, ROA v1 (as alibaba-cloud-sdk-go signs) or
//     ACS3 (as the Tea SDKs sign), verified by internal/signing, the code
//     the SDK signs with. Read-only keys may only GET. An ACS3 request
//     that reuses a nonce its key used within the freshness window is a
//     replay, refused with SignatureNonceUsed (HTTP 400); the fake
//     remembers up to DefaultNonceLimit nonces a key (more within the
//     window are throttled), across Reset. ROA v1 has no nonce, so
//     identical ROA v1 requests are all served, as ACK serves them.
//   - Kubernetes versions: DescribeKubernetesVersionMetadata answers from
//     the version timeline evaluated on the clock (mode creatable or
//     supported, one version with its upgradable_versions), so advancing
//     the clock by months takes versions offline and into retirement.
//     CreateCluster takes only a version creatable at the clock (else
//     InvalidParameter naming the version, its phase, the creatable ones
//     and rule RuleCreateVersion), the newest creatable when none is asked
//     for.
//   - Upgrades: UpgradeCluster is judged by cluster.CheckUpgrade on the
//     timeline's catalog at the clock, retired minors included
//     (version.Timeline.FullCatalog): the next minor only or a newer
//     patch; a skip, a downgrade, a retired source or target, or a
//     version not offered is refused with the rule's ID, and a second
//     upgrade while one runs or is paused with ErrorClusterState. The
//     cluster is upgrading (GetUpgradeStatus: prechecking, then
//     upgrading), then running on the new version (success), its node
//     pools with it unless master_only; PauseClusterUpgrade stops the
//     clock of the upgrade (pause) until ResumeUpgradeCluster;
//     CancelClusterUpgrade ends it, its task failed with
//     CodeUpgradeCancelled and the cluster running on its old version.
//     FailNext(ChangeUpgradeCluster, ...) and FailCluster make one fail:
//     the task fails with the injected error, GetUpgradeStatus says fail
//     with its message, and the cluster runs on its old version.
//     UpgradeClusterNodepool is judged by nodepool.UpgradeOptions.Validate
//     and nodepool.CheckUpgrade (no newer minor than the control plane, no
//     downgrade); the pool is upgrading, then active on the version,
//     which NodePoolVersion reports (node pool details do not carry it).
//   - Reactors (client-go style) that return an error, add latency on the
//     virtual clock, throttle every Nth call, or apply a call and lose its
//     answer (over HTTP, the same as rules of POST /_fake/faults, see
//     Server); Calls is the action log: the most recent calls, as many as
//     WithCallLogLimit and WithCallLogBytes keep, while TotalCalls counts
//     them all, so that a long-running fake holds bounded memory. Refused
//     requests (unsigned, wrongly signed, unrouted, oversized) are logged
//     without their bodies.
//   - A billing meter: what existed when on the virtual clock (each
//     cluster's states, each node from creation to release, each
//     container instance with its vCPU, memory and lifetime, each
//     running cluster's API-server CLB, NAT gateway and public-endpoint
//     EIP), billed by the pricing package: Cloud.Bill(from, to) in Go,
//     GET /_fake/bill over HTTP, itemised and settled hour by hour with
//     the book of WithPriceBook (pricing.DefaultBook) under the preset of
//     WithBillingPreset (pricing.Current: the Pro fee is charged). A
//     cluster whose creation failed pays no fee and has no load balancer
//     or NAT gateway. Container instances start and stop with
//     StartContainerInstances and StopContainerInstance (or, over HTTP,
//     POST /_fake/instances and /_fake/instances/stop, or DELETE
//     /_fake/instances/ID; GET lists them). The record is bounded: past WithMeterLimit
//     (DefaultMeterLimit) closed intervals, they are folded into one total
//     per item, and a bill that cuts the folded history is refused.
//   - Seeding and snapshots: a State holds the whole world as plain
//     values (the clock's time, the account and limits, the network, the
//     clusters with their node pools, nodes, container instances and
//     changes in progress, the tasks, the injected failures and the ID
//     counters). WithState starts a Cloud from one, Snapshot takes one
//     (a deep copy), Restore replaces the world with one at once or
//     refuses it and changes nothing; over HTTP GET /_fake/state answers
//     it as JSON and PUT /_fake/state replaces it. A seed is checked with
//     the rules of the API's writes that would have made it (the cluster
//     and nodepool packages' create rules, the region rule, the network's
//     admission; not the account's quotas, which a lowered limit leaves
//     exceeded by what exists, so that every state the fake reaches loads
//     again: they judge the next write) and the fake's state rules
//     (RuleStateID, RuleStateKnown, RuleStateReference, RuleStateChange,
//     RuleStateNetwork, RuleStateSpecPools): a
//     refusal is a *StateError wrapping the broken rule's
//     *ack.ValidationError or the API's *Error. A change in progress is
//     kept as data (its kind, its task, its progress, the nodes it adds
//     and removes, the Spec it sets, the desired sizes a failure puts
//     back) and goes on after a restore with the code the API's change
//     ends with. A control-plane upgrade is kept with its status
//     (UpgradeState): running or paused it goes on (or stays paused until
//     ResumeUpgradeCluster), ended it answers GetUpgradeStatus as before;
//     so are the versions of pools that do not follow the control plane.
//     The clock moves forward to a State's time,
//     never back; the counters never go below the Cloud's own, so no ID
//     is handed out twice; the billing meter restarts from what the State
//     holds. A State holds secrets: the login passwords of clusters and
//     pools travel in clear in its JSON (the wire's login_password), and
//     the kubeconfigs the fake hands out are made from what it holds
//     (cluster IDs and endpoints; their keys are placeholders); ackfake -save
//     writes a state file readable by its owner only (0600). Reactors,
//     fault rules, the call log and the principal are not part of a
//     State.
//
// # What is not simulated
//
// Component upgrades (addons), the precheck report behind
// precheck_report_id, node names and image checks of node pool upgrades,
// AttachInstancesToNodePool,
// RepairClusterNodePool, SyncClusterNodePool, addons, TagResources, cluster
// task lists, billing APIs and every other ACK API answer NotImplemented (HTTP
// 501) naming the action, never a silent success: every route of
// internal/wire's table that the fake does not simulate, and any request
// whose x-acs-action header names an API that table does not know. A
// method and path of no known API, sent without that header, answers
// InvalidAction.NotFound (HTTP 404, or 405 when the path takes other
// methods). Node pools keep the
// fields the nodepool package models (nodepool.Spec); other fields of a
// node pool body are accepted and not echoed. Edge and Lingjun pools are
// refused (nodepool.type.supported). Nodes never fail, stop or change by
// themselves, no pods run on them, and the autoscaler acts only on demand
// set by SetDemand. Container instances have a size and a lifetime for
// the meter, and run nothing. The meter bills list prices: no traffic,
// CU or disk fees, no discounts but the book's. Real-name verification
// and funds are what WithAccount or SetAccount (GET and POST
// /_fake/account over HTTP) say, and the limits what WithLimits or
// SetLimits (/_fake/limits) say; no API changes them. No Kubernetes API server runs behind a cluster: the
// kubeconfig points at a name under .invalid and holds placeholder
// certificates.
// Clusters never fail, stall or change by themselves: only injected
// failures fail. RAM policies, STS tokens, resource groups and regions
// beyond the configured list are not modelled.
// DescribeTaskInfo leaves out task_result (the old Go SDK cannot decode
// ACK's array form of it).
//
// # Errors
//
// Error answers have ACK's body {"code","message","requestId"} with
// lower-case keys and the status StatusOf gives their code; every answer
// carries its request ID in the x-acs-request-id header and, when its body
// is a JSON object, in the body too (request_id, or requestId in errors). A refusal by a domain rule is
// InvalidParameter (HTTP 400) whose message is the *ack.ValidationError's
// text: each broken rule as "field: message [rule.id]", joined by "; ", so
// that a client can read the rule IDs back. The fake's own rules use the
// same format with IDs starting "fake." (RuleRegion, RuleVSwitchVPC, ...).
// A panic while serving a call (a bug of the fake or of a reactor) answers
// InternalError (HTTP 500) in the same shape, and leaves no lock held.
// Quota refusals carry the quota package's codes (quota.CodeNodeQuota,
// ...) with HTTP 400. Codes whose ACK spelling is unknown are the fake's
// own and say so (ErrorDeletionProtection, ErrorTaskNotFound,
// NotImplemented).
package fake
