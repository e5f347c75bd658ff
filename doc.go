// Package ack is the root of the Go SDK for Alibaba Cloud Container Service
// for Kubernetes (ACK). It holds what every client shares: the Config and
// its options, the Transport seam, Request and Response, the errors and
// their predicates, the Clock and the Secret string type.
//
// # Quick start
//
// LoadConfig builds a Config for real ACK, with credentials from the Alibaba
// Cloud default chain (environment variables ALIBABA_CLOUD_ACCESS_KEY_ID and
// ALIBABA_CLOUD_ACCESS_KEY_SECRET, the profile file, the ECS RAM role,
// OIDC/RRSA) and the regional endpoint cs.<region>.aliyuncs.com:
//
//	cfg, err := ack.LoadConfig(ctx, ack.WithRegion("cn-hangzhou"))
//	clusters := cluster.NewClient(cfg)
//
// In tests, fake.New().Config() gives a Config wired to the in-memory fake
// ACK and its virtual clock. A fake ACK served over HTTP (the ackfake command)
// is reached with LoadConfig too: WithEndpoint with its address,
// WithScheme("http") and WithCredentials with one of its credentials (any
// pair when it has none; without the option the default chain is searched
// for real credentials).
//
// # The pipeline
//
// Every call goes through the same steps, in this order: rate limit, retry,
// log, transport. The rate limiter and the retry budget belong to the
// Config: every client built from one Config (and every Config derived from
// it with With) shares them. Retry is decided per request by its RetryMode:
// reads are Safe; writes are IfNotSent (re-sent only when they provably
// never reached the server, or were refused unprocessed) or Reconcile
// (after an ambiguous outcome, a hook looks at the world before any
// re-send). A write is never re-sent blindly. What retrying cannot fix ends
// the call at its first attempt: missing credentials, an endpoint whose host
// name does not resolve (DNS "no such host"), any 4xx but throttling.
//
// # Defaults
//
//	setting                 default
//	Retry.MaxAttempts       5 (1 = no retry)
//	Retry.BaseDelay         200ms; before retry n the delay is random in
//	Retry.MaxDelay          20s    [BaseDelay, min(MaxDelay, BaseDelay·2ⁿ)]
//	Retry.Budget            500 tokens; a retry costs 5, a timeout 10, a success refills 1
//	RateLimit               off (QPS 0); per action limits on request
//	Clock                   RealClock{}
//	Logger                  nil: silent; one debug record per attempt when set
//	UserAgent               "ackgo/<Version>", plus what WithUserAgent adds
//	AttemptTimeout          0: none
//	Scheme, Endpoint        https, cs.<region>.aliyuncs.com (LoadConfig only)
//	Signing                 ACS3-HMAC-SHA256 (LoadConfig only; ROA v1 on request)
//	Credentials             the Alibaba Cloud default chain (LoadConfig only)
//
// The rate limits, the retry budget and the clock are fixed when a Config is
// built: With and per-call options share them and cannot change them.
//
// # Errors
//
// An error answer of the API is an *APIError; errors.Is matches it against
// ErrNotFound, ErrThrottled, ErrQuotaExceeded, ErrConflict, ErrInvalid and
// ErrAuth, and the predicates IsNotFound, IsThrottled, ... do the same.
// Not-found is decided by ACK's codes (CodeClusterNotFound,
// CodeNodePoolNotFound: the Code constants are the one list of the codes
// the SDK names), never by an HTTP 404 alone. Client-side
// validation returns a *ValidationError listing every broken rule with its
// stable ID and field path, before any call. Waits end in a
// *TaskFailedError or a *WaitTimeoutError.
//
// # Every client has the same shape
//
// The typed clients (cluster, nodepool, quota, and those to come) follow
// one template, which a test (clientshape_test.go) checks with go/types:
//
//	NewClient   NewClient(cfg *ack.Config, optFns ...func(*ClientOptions)) *Client
//	every call  ctx first, error last
//	Get         (*R, error): *cluster.Cluster, *nodepool.Pool
//	List        iter.Seq2[*R, error] of the same R, filtered by ...func(*ListOptions)
//	mutations   (*Operation, error): Create, Modify, Delete; cluster's ScaleOut;
//	            nodepool's Scale and RemoveNodes
//	Operation   Wait(ctx, ...func(*WaitOptions)) and Poll(ctx) return (*R, error);
//	            Done, ResumeToken, Kind, ClusterID, TaskID, RequestID
//	Nodes       iter.Seq2[*nodepool.Node, error] in both clients, filtered by
//	            nodepool.NodesOptions (PoolID, State, InstanceIDs, PageSize)
//	State       Known, Stable, InProgress, Failed
//	rules       Validate(spec, opts...) and CheckChange(from, to, opts...)
//	options     an exported ...Options struct changed by func(*T); helpers WithX
//	mocks       one-method interfaces (Getter, Lister, ...) mocked in <pkg>mock
//
// R, the resource type, carries ID, its state, RequestID (the call that
// read it) and Raw (its JSON as ACK sent it). "Stable" means the same in
// every package: the resource exists and nothing is in progress, so its
// state changes only on a new call or an outside event (a failed state is
// stable). quota, whose reads are account-wide (Limits, Usage, Preflight),
// has no Get, List or mutations, and follows the rest.
//
// What a client shares is written once in internal packages: the wait of
// an Operation, its task reads, its resume tokens (whose format is
// unchanged: tokens minted by earlier releases resume), the reconcile of
// a delete after a lost answer, the walk over a list's pages and the
// options. A new client is its requests, its rules and its types.
//
// # Secrets
//
// AccessKey secrets, passwords and kubeconfigs are Secret values: they
// print, log and marshal as "[redacted]". The Authorization header and
// signatures never appear in logs or errors.
//
// # Where the types live
//
// Every type a user handles is defined in this package, with its fields and
// methods: Request, Response, Transport, Clock, Secret, Money, the errors.
// The SDK's internal packages (the wire shapes, the waiters, the fake's
// clock) import this package for them; none of them is imported back. The
// pipeline (rate limit, retry, log, send) is this package's own code, so
// that Config.Do runs it without an import loop, and the real transport
// that LoadConfig builds (credentials, signing, net/http) is an internal
// package that knows nothing of these types: LoadConfig adapts its calls
// and answers. This is aws-sdk-go-v2's split of types from loaders, with
// the loader kept in the root package.
package ack
