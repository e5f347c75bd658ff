// Command ackfake serves the fake ACK over HTTP, for clients in any
// language: point an official Alibaba Cloud SDK's endpoint at it with the
// http scheme.
//
// Usage:
//
//	ackfake [-addr 127.0.0.1:9180] [-region cn-hangzhou] [-speed 60]
//	        [-credential AK:SECRET]... [-readonly-credential AK:SECRET]...
//	        [-polls N] [-call-log-limit N]
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
//	                                       (GET /_fake/calls lists them); 0 keeps every call
//
// Its first line on stdout is exactly "ackfake listening on http://HOST:PORT"
// with the port it listens on. Control endpoints under /_fake/ (clock,
// advance, calls, reset; see fake.Server) answer loopback clients without
// signatures. It stops cleanly on SIGINT or SIGTERM.
package main
