// Package core holds the seam types of the SDK: the request and response
// that travel through a transport, the transport interface itself, the
// clock, the secret string type and the errors that the pipeline and the
// waiters produce.
//
// They live here, below the root package, because the root package builds
// its configuration from internal/pipeline and internal/sdktransport, and
// those packages need the same types. Go forbids the import loop, so the
// root package re-exports every identifier of this package with a type
// alias (ack.Request is core.Request). Users never import this package;
// they use the aliases and read the documentation there.
package core
