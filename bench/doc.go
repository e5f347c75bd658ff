// Package bench holds the SDK's comparison benchmarks; it has no API of its
// own, only this documentation and test files.
//
// The benchmarks run the same work side by side in one run, so that their
// ratios mean something on a shared machine:
//
//	BenchmarkRead, BenchmarkList, BenchmarkWrite
//	    the typed clients (through ack.LoadConfig's real transport, signing
//	    included) against raw net/http with a JSON decode and against the
//	    official Go SDK (services/cs), all three on one local httptest
//	    server that returns the same bytes: DescribeClusterDetail, one
//	    page of DescribeClustersV1, CreateCluster with its body.
//	BenchmarkServer
//	    the fake's HTTP server against a bare http.Handler that returns
//	    the same bytes, with 1 and 32 concurrent clients (req/s).
//	BenchmarkFleet
//	    the fake in process at fleet scale (-fleet, 1000 and 10000
//	    clusters of one 40-node pool each by default): create (a cluster
//	    and its pool), get, one list page and a full list, with the heap
//	    the fleet holds (MB-heap).
//	BenchmarkLifecycle
//	    one create → wait → delete → wait of a managed cluster in process.
//
// The script bench/compare builds the test binary once, runs the
// benchmarks in interleaved rounds (so a change in the machine's load hits
// every side alike) and prints a table of ratios of the medians:
//
//	bench/compare               # 3 rounds, fleets of 1000 and 10000
//	ROUNDS=5 FLEET=1000 bench/compare
//
// Every benchmark reports the process's CPU time per operation
// (cpu-ns/op: client, local server and garbage collector together) beside
// wall time (ns/op). The script judges the goals on CPU time and prints
// the wall-time ratio beside each: on a shared machine, wall time also
// counts the moments a side waits for a core that another process holds.
// The fleet and lifecycle benchmarks, which run on one goroutine, run with
// GOMAXPROCS 1 there, so that the garbage collector's idle-time mark
// workers, whose CPU time grows with the heap, do not count as the
// operation's.
//
// TestBenchmarksRun runs every benchmark once at a small size, so that
// none of them rots; `go test ./bench` runs it.
package bench
