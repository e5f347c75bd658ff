// Package fleet is a small tool of a user's own, written on this SDK, and
// the model of how to test such code: it keeps every cluster of a fleet
// (the clusters that carry one tag) with a node pool of a given name and
// at least a given number of nodes.
//
// For each cluster of the fleet, Tool.Ensure
//
//   - creates the pool when the cluster has none of that name, with the
//     policy's minimum as its desired size;
//   - scales a smaller pool out to the minimum by its desired size, and
//     leaves a larger one as it is;
//   - reports a failed cluster (failed, updating_failed, delete_failed)
//     and leaves it alone, as it does a cluster or pool in the middle of a
//     change and a pool its autoscaler sizes;
//   - reports a call that fails about one cluster in that cluster's Result
//     and goes on with the next.
//
// Throttling and lost answers are the SDK's to handle: the pipeline of the
// Config retries throttled and unsent calls (ack.WithRetry), and the node
// pool client reconciles a create or a scale whose answer was lost, so one
// run creates at most one pool per cluster and never adds nodes twice.
//
// # Testing it
//
// The tests beside this file are written the way a user of the SDK should
// test a tool of their own; each kind has a file:
//
//	fleet_test.go     in process: fake.New, the tool on cloud.Config(), the
//	                  outcome read back from the fake's Go view
//	clock_test.go     the virtual clock driven by hand (fake.Manual):
//	                  a cluster still being created is left for the next run
//	http_test.go      over HTTP: the fake's Server, ack.LoadConfig's real
//	                  transport with signed requests, faults added with
//	                  POST /_fake/faults as any language would
//	faults_test.go    faults injected with Go reactors (PrependReactor):
//	                  throttling, a lost answer, a quota refusal
//	state_test.go     seeded: a fleet in mixed states written as a
//	                  fake.State (fake.WithState), a snapshot restored
//	                  between runs (Cloud.Snapshot, Cloud.Restore), and
//	                  the refusal of a seed ACK could never be in
//	mock_test.go      the decision logic alone, on go.uber.org/mock mocks
//	                  of the clients' one-method interfaces
//
// Tool takes the narrow interfaces (cluster.Lister and Pools), not the
// clients, so that the mock test can hand it mocks; a Pools made of three
// mocks is a struct that embeds them:
//
//	type pools struct {
//		*nodepoolmock.MockLister
//		*nodepoolmock.MockCreator
//		*nodepoolmock.MockScaler
//	}
package fleet
