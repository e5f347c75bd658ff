// Package quota is the typed client of an ACK account's quotas (its
// limits, its usage, and a preflight of a plan against both) and the model
// behind it, as pure domain code with no I/O: the limits an account works
// within, what it uses now, and a check of a plan (create clusters, add
// nodes, node pools or container instances, buy pay-as-you-go resources)
// against both, before any call is made. The fake enforces the same rules
// with the same functions, so the client and the fake never disagree.
//
// The examples show the client first: ExampleClient_Preflight (a plan
// checked against a live account, reading only what it needs) and
// ExampleClient_Limits; then the model: Example (every limit a plan would
// break), ExampleCheckPodsPerNode and ExampleLimits_Validate. Package
// quotamock's Example mocks a Preflight.
//
// # Client
//
// Client brings the model to a live account. Limits (DescribeLimits also
// keeps the answer's request ID and raw body) reads DescribeUserQuota and
// lays it over a base preset; Usage lists the clusters, and counts the
// nodes and node pools of the clusters asked for; Preflight runs Check on
// both and returns nil, an *ExceededError listing every broken limit, or
// the error of a read. Every call is a read (GET, retry mode ack.Safe)
// through the Config's pipeline: nothing is created or changed. Preflight
// reads only what its plan needs:
//
//	plan                              reads after the one DescribeUserQuota
//	creates a cluster                 DescribeClustersV1, every page of 50
//	adds nodes to cluster X           DescribeClusterNodes of X, pageSize=1 (page.total_count)
//	adds node pools to cluster X      DescribeClusterNodePools of X
//	adds container instances to X     DescribeClustersV1 cluster_id=X (its kind), unless listed
//	adds nothing                      none, not even DescribeUserQuota
//
// The CS API reports neither the account's real-name verification and
// funds nor container instances, so:
//
//	client setting                    default
//	ClientOptions.Base                ProductDefaults (WithBase(CurrentDefaults()) for today's figures)
//	ClientOptions.Account             DefaultAccount: verified, 100.00 CNY (meets every prerequisite)
//	container instances in use        0 (not reported)
//	page size of the cluster list     50 (ClusterPageSize)
//
// Set the account with WithAccount to have the prerequisites checked.
// Each method is also a one-method interface (LimitsGetter,
// LimitsDescriber, UsageGetter, Preflighter) for consumers to mock;
// package quotamock holds generated mocks of them.
//
// # Model
//
// Limits holds every limit with its value and whether a ticket (Quota
// Center) can raise it. Two presets exist: ProductDefaults, the figures of
// the ACK product description and the SDK's documented default, and
// CurrentDefaults, what DescribeUserQuota reports for a new account now. Client.Limits
// overlays a DescribeUserQuota answer on the client's base preset; the fake
// answers DescribeUserQuota from its Limits with the same conversion.
// Limits.Validate refuses limits no account can have (a negative count or
// funds floor, rule quota.limits.non_negative; pods per node above
// MaxPodsPerNode, rule quota.limits.pods_per_node); the fake checks the
// limits a test sets with it.
//
// Usage is what the account and its clusters use now; the cluster quotas
// are per account, across all regions. Plan is what a caller is about to do.
// Clusters are counted by ClusterKind (Dedicated, Managed, Serverless), the
// package's own vocabulary; ClassifyCluster maps the API's cluster_type and
// profile onto it.
//
// Check returns every Violation at once, each naming the limit (a stable
// LimitID such as "quota.clusters"), the current usage, what the plan
// needs, the limit's value, how it can be raised, and the error code ACK
// refuses with. Violations.Err turns them into an *ExceededError, which
// matches ack.ErrQuotaExceeded (ack.IsQuotaExceeded). CheckPodsPerNode
// checks the one per-node setting on its own.
//
// Money for the pay-as-you-go prerequisite is the SDK's one money type,
// ack.Money: exact, never floating point. Only funds in the floor's
// currency (CNY in both presets) count toward it.
//
// # Defaults of the limits
//
//	limit                                           product       today  raise
//	dedicated + managed clusters per account             10          50  submit a ticket
//	managed clusters per account (within above)          10          20  submit a ticket
//	serverless clusters per account                       2          20  submit a ticket
//	nodes per cluster (masters + workers)                40         100  submit a ticket
//	node pools per cluster                               20          20  submit a ticket
//	pods per node (set at creation)                     256         256  cannot be raised
//	container instances per serverless cluster          300         300  submit a ticket
//	real-name verification                         required    required  cannot be raised
//	funds for pay-as-you-go (balance + vouchers   ≥ 100 CNY   ≥ 100 CNY  submit a ticket
//	+ credit)
//
// How each limit meets the API, and the code a refusal carries:
//
//	limit                          API field (DescribeUserQuota)  counts                               code
//	clusters per account           cluster_quota (*)              Kubernetes + ManagedKubernetes,      QuotaExceeded.Cluster
//	                                                              not serverless, all regions
//	managed clusters per account   amk_cluster_quota              ManagedKubernetes, not serverless    QuotaExceeded.ManagedCluster
//	serverless clusters            ask_cluster_quota              profile Serverless, or type Ask      QuotaExceeded.ServerlessCluster
//	nodes per cluster              node_quota                     every node, masters included         QuotaExceeded.Node
//	node pools per cluster         cluster_nodepool_quota         the cluster's node pools             QuotaExceeded.NodePool
//	pods per node                  —                              the setting asked for                QuotaExceeded.PodsPerNode
//	container instances            — (not reported)               running container instances          QuotaExceeded.ContainerInstance
//	real-name verification         —                              the account                          Account.RealNameRequired
//	pay-as-you-go funds            —                              balance + vouchers + credit          InsufficientBalance
//
// (*) An item of DescribeUserQuota's quotas map takes precedence over the
// flat field of its limit; q_Kubernetes_Cluster is the one item known, for
// the cluster count.
//
// When the checks apply: real-name verification for any plan that creates
// or buys something; the funds for a plan that buys pay-as-you-go resources
// (every new cluster does, and so do container instances; nodes alone may be
// subscriptions); a count when the plan needs more of it and usage + need
// would pass the limit.
package quota
