// Command ackfake serves the fake ACK over HTTP, for clients in any
// language: point an official Alibaba Cloud SDK's endpoint at it with the
// http scheme.
//
// Usage:
//
//	ackfake [-addr 127.0.0.1:9180] [-region cn-hangzhou] [-speed 60]
//	        [-credential AK:SECRET]... [-readonly-credential AK:SECRET]...
//	        [-polls N] [-call-log-limit N] [-call-log-bytes N] [-grace 5s]
//	        [-billing-preset Current|Product] [-price-book FILE]
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
//	-billing-preset       Current          the bill's preset (GET /_fake/bill): Current charges
//	                                       the Pro fee, Product none
//	-price-book           built-in         a price book JSON file (pricing.ParseBook) to bill with
//
// The server bounds what a client can hold with the defaults of
// fake.HTTPLimits: a request's header arrives within 10s and the whole
// request within 1m, an idle connection is closed after 2m, a header is at
// most 64 KiB, and at most 256 connections are open at once (more wait to
// be accepted). Bodies are at most 4 MiB and headers at most 200 fields.
//
// Its first line on stdout is exactly "ackfake listening on http://HOST:PORT"
// with the port it listens on. Control endpoints under /_fake/ (clock,
// advance, calls, reset, faults, bill, container-instances; see
// fake.Server and the fake package's billing meter) answer local tools without
// signatures: a loopback peer asking for a loopback host, with no foreign
// Origin, and a JSON body (Content-Type application/json) when a POST has
// one. It stops cleanly on SIGINT or SIGTERM.
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
// Any other body (not JSON, malformed, with an unknown field, an unknown
// action, a status outside 400-599 or negative times) is refused in
// ACK's error shape, with 415 when the body is not application/json and
// 400 otherwise; see fake.Server for the fields.
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
