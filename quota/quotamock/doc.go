// Package quotamock holds mocks of the quota package's one-method
// interfaces (LimitsGetter, LimitsDescriber, UsageGetter, Preflighter),
// generated with go.uber.org/mock, for consumers who want to script a
// quota answer in a unit test. Regenerate them with `go generate
// ./quota/`; do not edit mocks.go by hand.
//
// For tests that need a whole account (clusters, nodes, node pools and
// quotas that change as the test creates things), the fake package's
// Cloud is the better double: the real Client runs against it.
//
// # Defaults
//
// A mock has no defaults: a call that no EXPECT allows fails the test.
package quotamock
