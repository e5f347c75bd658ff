// Command ackfake serves the fake ACK over HTTP, for clients in any
// language: point an official Alibaba Cloud SDK's endpoint at it with the
// http scheme.
//
// Usage:
//
//	ackfake [-addr 127.0.0.1:9180] [-region cn-hangzhou] [-speed 60]
//	        [-credential AK:SECRET]... [-readonly-credential AK:SECRET]...
//	        [-polls N] [-call-log-limit N] [-call-log-bytes N] [-grace 5s]
//	        [-preset product|current] [-billing-preset Current|Product] [-price-book FILE]
//	        [-limits FILE] [-max-clusters N] [-max-managed-clusters N]
//	        [-max-serverless-clusters N] [-max-nodes-per-cluster N]
//	        [-max-nodepools-per-cluster N] [-max-container-instances N]
//	        [-balance AMOUNT] [-unverified] [-control-token TOKEN]
//	        [-state FILE] [-save FILE]
//
// Flags:
//
//	flag                  default          meaning
//	-addr                 127.0.0.1:9180   host:port to listen on; port 0 picks a free one
//	-region               cn-hangzhou      regions served, comma-separated
//	-speed                60               virtual seconds per wall second (scaled clock)
//	-credential           none             AK:SECRET with full access, repeatable; when any
//	                                       credential is given, every request must be signed
//	-readonly-credential  none             AK:SECRET whose writes are refused, repeatable
//	-polls                0                complete every change after this many polls
//	                                       instead of after its duration
//	-call-log-limit       10000            calls the action log keeps, the most recent
//	                                       (GET /_fake/calls lists them); 0 lifts the bound
//	-call-log-bytes       67108864         bytes of calls the action log keeps (64 MiB of
//	                                       bodies, paths and queries); 0 lifts the bound
//	-grace                5s               on SIGINT or SIGTERM, how long requests in flight
//	                                       have to finish before their connections are cut
//	-preset               none             product or current: rules, quotas, version policy
//	                                       and billing together (see Presets)
//	-billing-preset       Current          the bill's preset (GET /_fake/bill): Current charges
//	                                       the Pro fee, Product none; given, it overrides -preset's
//	-price-book           built-in         a price book JSON file (pricing.ParseBook) to bill with
//	-limits               the preset's     a JSON file of quotas in the shape of GET /_fake/limits;
//	                                       the fields it leaves out keep the preset's
//	-max-clusters         the preset's     dedicated and managed clusters per account
//	-max-managed-clusters the preset's     managed clusters per account
//	-max-serverless-clusters               serverless clusters per account (the preset's)
//	-max-nodes-per-cluster                 nodes per cluster, masters included (the preset's)
//	-max-nodepools-per-cluster             node pools per cluster (the preset's)
//	-max-container-instances               container instances per serverless cluster (the preset's)
//	                                       (each -max-... overrides -preset and -limits)
//	-balance              100.00 CNY       the account's balance, "100.00 CNY" (a plain amount is CNY)
//	-unverified           false            the account has not passed real-name verification,
//	                                       so every create is refused (Account.RealNameRequired)
//	-control-token        $ACKFAKE_CONTROL_TOKEN
//	                                       admit remote clients to /_fake/ that send this token
//	                                       (see Remote clients)
//	-state                none             a JSON state file to start from (fake.State, as
//	                                       GET /_fake/state answers it)
//	-save                 none             a file to write the state to when the server stops
//	                                       (on SIGINT or SIGTERM), readable by its owner only
//
// A bad value is refused before the server starts, with a message naming
// the flag: a negative or non-numeric limit, an amount that is not money,
// a limits file that is not one JSON object of known fields or holds a
// negative limit (its rule, quota.limits.non_negative, is named).
//
// # Presets
//
// -preset chooses together whose behaviour the fake follows: the product
// description's (FACTS part A, this SDK's documented default) or ACK's
// today:
//
//	                 -preset product           -preset current           no -preset
//	rules            cluster.PresetProduct     cluster.PresetCurrent     cluster.PresetProduct
//	                 (a NAT gateway required)  (NAT optional)
//	quotas           quota.ProductDefaults     quota.CurrentDefaults     quota.ProductDefaults
//	                 (10 clusters, 40 nodes)   (50 clusters, 100 nodes)
//	version policy   version.PolicyProduct     version.PolicyCurrent     version.PolicyProduct
//	billing          pricing.Product (no fee)  pricing.Current (Pro fee) pricing.Current
//
// (fake.WithRules, fake.WithLimits, the timeline that follows the rules,
// fake.WithBillingPreset.) Without -preset the fake starts as it always
// has: the product description's rules and quotas, and today's bill.
// -billing-preset, -limits, the -max-... flags, -balance and -unverified
// go over the preset's choice.
//
// The server bounds what a client can hold// The server bounds what a client can hold with the defaults of
// fake.HTTPLimits: a request's header arrives within 10s and the whole
// request within 1m, an idle connection is closed after 2m, a header is at
// most 64 KiB, and at most 256 connections are open at once (more wait to
// be accepted). Bodies are at most 4 MiB and headers at most 200 fields.
//
// Its first line on stdout is exactly "ackfake listening on http://HOST:PORT"
// with the port it listens on; the next line, on stderr, says what it
// serves (regions, clock, credentials, preset, account, whether a
// control token is set, never the token). It stops cleanly on SIGINT or
// SIGTERM.
//
// # Control endpoints
//
// Under /_fake/ the server answers tools and tests of any language
// without signatures (see fake.Server for every field). Each takes and
// answers JSON: a body is one JSON object, with Content-Type
// application/json, no unknown field and nothing after it; anything else
// (not JSON, malformed, an unknown field, a bad value) is refused in
// ACK's error shape {"code","message","requestId"}, with 415 when the
// body is not application/json, 405 for a wrong method and 400 otherwise.
// An unknown /_fake/ path is refused with 404, naming the endpoints there
// are.
//
// The clock, the action log and a reset:
//
//	curl -s http://127.0.0.1:9180/_fake/clock
//	{"request_id":"...","now":"2026-01-01T08:00:00+08:00","mode":"scaled"}
//	curl -s -X POST 'http://127.0.0.1:9180/_fake/advance?d=10m'
//	curl -s http://127.0.0.1:9180/_fake/calls
//	curl -s -X POST http://127.0.0.1:9180/_fake/reset
//
// The bill of what ran, on the virtual clock (RFC 3339 from and to):
//
//	curl -s 'http://127.0.0.1:9180/_fake/bill?from=2026-01-01T08:00:00%2B08:00'
//
// The account: GET shows its real-name verification and funds (amounts
// as "100.00 CNY"; funds is their sum, shown only); POST changes the
// fields it gives and keeps the others, so the next create can be
// refused for lack of funds (InsufficientBalance) or verification
// (Account.RealNameRequired):
//
//	curl -s http://127.0.0.1:9180/_fake/account
//	{"request_id":"...","real_name_verified":true,"balance":"100.00 CNY","vouchers":"0.00","credit":"0.00","funds":"100.00 CNY"}
//	curl -s -H 'Content-Type: application/json' \
//	    -d '{"real_name_verified":false,"balance":"5.00 CNY"}' http://127.0.0.1:9180/_fake/account
//
// The quotas and account prerequisites (quota.Limits): GET shows them,
// POST changes the fields it gives (a count's "max" or "adjustable", the
// funds floor "pay_as_you_go_funds":{"min":"100.00 CNY"},
// "real_name_required"). Lowered, the next create past them is refused
// with the quota error the API gives (QuotaExceeded.Cluster, ...); a
// negative limit is refused naming its rule. The fields: clusters,
// managed_clusters, serverless_clusters, nodes_per_cluster,
// nodepools_per_cluster, pods_per_node, container_instances_per_cluster,
// real_name_required, pay_as_you_go_funds; -limits FILE takes the same
// shape:
//
//	curl -s http://127.0.0.1:9180/_fake/limits
//	curl -s -H 'Content-Type: application/json' \
//	    -d '{"clusters":{"max":1},"nodes_per_cluster":{"max":5}}' http://127.0.0.1:9180/_fake/limits
//
// Container instances of a running serverless cluster, as a workload
// would start them, with their vCPU and memory (decimal strings); they
// count against the container-instance quota and are billed per second
// until stopped. POST answers the started instances with their IDs; GET
// lists the cluster's; POST /_fake/instances/stop or DELETE
// /_fake/instances/ID stop them (/_fake/container-instances and
// /_fake/container-instances/stop are earlier names, still served):
//
//	curl -s -H 'Content-Type: application/json' \
//	    -d '{"cluster_id":"c-...","count":2,"vcpu":"0.5","memory_gib":"1"}' http://127.0.0.1:9180/_fake/instances
//	[{"id":"eci-c-...-1","cluster_id":"c-...","vcpu":"0.5","memory_gib":"1","started":"..."}, ...]
//	curl -s 'http://127.0.0.1:9180/_fake/instances?cluster_id=c-...'
//	curl -s -H 'Content-Type: application/json' \
//	    -d '{"cluster_id":"c-...","ids":["eci-c-...-1"]}' http://127.0.0.1:9180/_fake/instances/stop
//	curl -s -X DELETE 'http://127.0.0.1:9180/_fake/instances/eci-c-...-2?cluster_id=c-...'
//
// An autoscaled pool's demand (fake.Cloud.SetDemand): the pool scales
// out towards it within its range and the node quota, and in by removing
// scale-out nodes only, newest first:
//
//	curl -s -H 'Content-Type: application/json' \
//	    -d '{"cluster_id":"c-...","nodepool_id":"np-...","nodes":5}' http://127.0.0.1:9180/_fake/demand
//
// # Injecting faults
//
// POST /_fake/faults adds a fault rule for the calls of one action (or
// "*" for all), optionally of one access key ID ("principal"): an error
// ("code", "status", "message"), throttling ("throttle":true), latency on
// the virtual clock ("latency":"10m") or a lost answer after the call is
// applied ("lose":true), for "times" calls (0: until removed). The answer
// is the rule with its ID; GET lists the rules with how often each fired,
// DELETE /_fake/faults removes them all and DELETE /_fake/faults/ID one:
//
//	curl -s -H 'Content-Type: application/json' \
//	    -d '{"action":"CreateCluster","throttle":true,"times":1}' \
//	    http://127.0.0.1:9180/_fake/faults
//	{"request_id":"...","id":"f-1","action":"CreateCluster","throttle":true,"times":1,"fired":0}
//	curl -s -H 'Content-Type: application/json' \
//	    -d '{"action":"*","code":"ServiceUnavailable","status":503,"times":2,"principal":"AKID"}' \
//	    http://127.0.0.1:9180/_fake/faults
//	curl -s http://127.0.0.1:9180/_fake/faults
//	curl -s -X DELETE http://127.0.0.1:9180/_fake/faults/f-1
//	curl -s -X DELETE http://127.0.0.1:9180/_fake/faults
//
// Besides the refusals of every endpoint, a rule with an unknown action,
// a status outside 400-599 or negative times is refused with 400.
//
// # Remote clients
//
// The control endpoints answer local tools only: a loopback peer, asking
// for a loopback Host (localhost, 127.x, [::1]) or the server's own
// address, with no foreign Origin and, when a request has a body, a JSON
// one. A web page cannot make a browser send such a request, so a fake on
// a developer's machine cannot be driven by a site they visit.
//
// To run ackfake in a container beside other services (docker compose,
// a Kubernetes pod's neighbours), start it with -addr 0.0.0.0:9180 and
// -control-token TOKEN (or ACKFAKE_CONTROL_TOKEN=TOKEN, which keeps the
// token out of the process list). A client that sends the token, in
// X-Fake-Control-Token or as Authorization: Bearer TOKEN, is admitted
// from any address and for any Host (the service's name, say: DNS
// rebinding cannot forge the token); its Origin and Content-Type are
// judged as a local tool's. Loopback tools still need no token; a request
// with a wrong token is refused (403), from loopback too. The token is
// compared in constant time and never logged or echoed:
//
//	ACKFAKE_CONTROL_TOKEN=s3cret ackfake -addr 0.0.0.0:9180
//	curl -s -H 'X-Fake-Control-Token: s3cret' http://ackfake:9180/_fake/clock
//
// ACK's API itself (everything outside /_fake/) answers any client, and
// checks signatures when -credential is given.
//
// # Seeding and saving the state
//
// GET /_fake/state answers the whole world as a fake.State in JSON: the
// clock's time, the account and limits, the network, every cluster with
// its node pools, nodes, container instances and change in progress, the
// tasks, and the counters the fake derives IDs from. PUT /_fake/state
// replaces the world with the state of its body, at once, or refuses it
// (400 in ACK's error shape naming the broken rule, or the API's own
// refusal of the write it breaks, such as QuotaExceeded.Cluster) and
// changes nothing; a seed is checked with the rules the API's writes run,
// so it cannot hold what ACK could not. A change in progress goes on from
// where the state left it. -state FILE starts the server from such a
// file and -save FILE writes one when the server stops:
//
//	curl -s http://127.0.0.1:9180/_fake/state > fleet.json
//	curl -s -X PUT -H 'Content-Type: application/json' \
//	    --data-binary @fleet.json http://127.0.0.1:9180/_fake/state
//	{"request_id":"...","now":"2026-01-01T00:12:00Z","clusters":3,"tasks":5}
//	ackfake -state fleet.json -save fleet.json
//
// A state file holds secrets: the login passwords of clusters and node
// pools in clear (the wire's login_password), and the kubeconfigs the
// fake hands out are made from what it holds. -save writes it with mode
// 0600 (to a temporary file in the same directory, renamed over FILE
// once complete); keep a file fetched with curl as carefully, and out of
// version control.
//
// # From this SDK
//
// From another module, run it as
//
//	go run github.com/ackgo/ack/fake/cmd/ackfake -addr 127.0.0.1:0 -credential AKID:SECRET
//
// and point ack.LoadConfig at the address it prints, with the http scheme and
// one of its credentials:
//
//	cfg, err := ack.LoadConfig(ctx,
//		ack.WithRegion("cn-hangzhou"),
//		ack.WithEndpoint("127.0.0.1:9180"), // or "http://127.0.0.1:9180" as printed
//		ack.WithScheme("http"),
//		ack.WithCredentials("AKID", "SECRET"),
//	)
//
// Pass ack.WithCredentials even when the server has no -credential (any pair
// is then accepted): without it the client looks for real credentials in the
// Alibaba Cloud default chain. The client's waits run on the wall clock and
// poll a change first after cluster.DefaultMinDelay (5s); with -polls 1 and a
// short cluster.ClientOptions.Wait.MinDelay a create takes milliseconds.
//
// # Stopping it
//
// Send SIGINT or SIGTERM to the ackfake process itself. It stops accepting
// connections, closes idle ones and those opened without a request at
// once, answers the requests in flight, cuts the connections still open
// when the grace (-grace, 5s) ends, writes "ackfake: stopped" to stderr
// and exits with status 0. Under go run the
// server is a child of the go command, which does not pass on a signal sent
// to its own PID: Ctrl-C in a terminal reaches both, but a script should
// build the command first (go build -o ackfake
// github.com/ackgo/ack/fake/cmd/ackfake) or signal the whole process group.
package main
