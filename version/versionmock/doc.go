// Package versionmock holds a mock of the version package's one-method
// interface CatalogReader, generated with go.uber.org/mock, for consumers
// who want to script a version catalog in a unit test. Regenerate it with
// `go generate ./version/`; do not edit mocks.go by hand.
//
// For tests that need a catalog that moves with time, the fake package's
// Cloud is the better double: its catalog follows a version.Timeline on
// its virtual clock.
//
// # Defaults
//
// A mock has no defaults: a call that no EXPECT allows fails the test.
package versionmock
