// Package bridge lends the fake the domain packages' wire conversions and
// wire-level checks, so that the fake runs the very code the clients run
// while the domain packages export no function on a wire type. The fake in
// turn lends the repository's tests its list of control endpoints
// (FakeControl), which it does not export either.
//
// Each domain package provides its functions once, from an init function,
// as a value of one of the generic struct types below instantiated with its
// own public types; the fake (and tests outside the domain package) get it
// back with Get, named by the same instantiation. Nothing here imports a
// domain package: the type parameters carry their types in.
//
//	// in package cluster
//	func init() { bridge.Provide(bridge.Cluster[Spec, Option, Form]{...}) }
//
//	// in package fake
//	var clusterWire = bridge.Get[bridge.Cluster[cluster.Spec, cluster.ValidationOption, cluster.Form]]()
package bridge
