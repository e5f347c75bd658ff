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
// comes from the clock (RFC 3339 with ACK's +08:00 offset); signature
// freshness is judged on the wall clock. A change completes after its
// Progression: a duration on the clock, a number of polls (a poll is a
// read of the cluster, in DescribeClusterDetail, DescribeClustersV1,
// DescribeClusterNodes or DescribeClusterUserKubeconfig, or of its task in
// DescribeTaskInfo), or at once. A cluster and its task change at the same
// instant, which both report as "updated".
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
//	regions                                   cn-hangzhou
//	cluster_quota / amk_cluster_quota         10 / 10
//	ask_cluster_quota                         2
//	node_quota / cluster_nodepool_quota       40 / 20
//	Kubernetes version when none is asked     DefaultKubernetesVersion
//	kubeconfig validity                       3 years (TemporaryDurationMinutes: 15–4320)
//	page size (DescribeClustersV1, nodes)     10, at most 100
//	credentials                               none: any well-formed request is accepted
//	in-process principal                      full access
//	network                                   unknown well-formed IDs registered on first use
//	rules                                     cluster.PresetProduct
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
//     DescribeTaskInfo; DescribeClusterNodes (the masters of dedicated
//     clusters); DescribeUserQuota (the configured limits).
//   - States: initial → running, updating → running, deleting → gone
//     (reads then answer ErrorClusterNotFound), and failed, updating_failed
//     or delete_failed when a change is made to fail (FailNext,
//     FailCluster, FailTask), with the task's error code and message.
//     DeleteCluster is refused (ErrorClusterState) while another change
//     runs, ModifyCluster unless the cluster is running.
//   - Every rule of the cluster package: CreateCluster bodies are checked
//     with cluster.ValidateCreateRequest, ModifyCluster bodies with
//     cluster.ApplyModifyBody and cluster.CheckChange. The network adds the
//     checks that need state: vSwitches belong to the cluster's VPC, a
//     VPC's known CIDR is passed to the cluster package's overlap rule, and
//     pod and Service CIDRs may not overlap those of other clusters in the
//     same VPC. Strict mode refuses unknown VPC and vSwitch IDs.
//   - Signatures: with credentials configured every HTTP request must be
//     signed with one of them, ROA v1 (as alibaba-cloud-sdk-go signs) or
//     ACS3 (as the Tea SDKs sign), verified by internal/signing, the code
//     the SDK signs with. Read-only keys may only GET.
//   - Reactors (client-go style) that return an error, add latency on the
//     virtual clock, throttle every Nth call, or apply a call and lose its
//     answer; Calls is the action log.
//
// # What is not simulated
//
// Node pools, worker nodes, quota enforcement, account balance and
// real-name checks arrive with the node pool and quota work; upgrades,
// addons, TagResources, cluster task lists, billing and every other ACK API
// answer NotImplemented (HTTP 501) naming the action, never a silent
// success. No Kubernetes API server runs behind a cluster: the kubeconfig
// points at a name under .invalid and holds placeholder certificates.
// Clusters never fail, stall or change by themselves: only injected
// failures fail. RAM policies, STS tokens, resource groups and regions
// beyond the configured list are not modelled; nonces are not remembered.
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
// same format with IDs starting "fake." (RuleRegion, RuleVPCID, ...).
// Codes whose ACK spelling is unknown are the fake's own and say so
// (ErrorDeletionProtection, ErrorTaskNotFound, NotImplemented).
package fake
