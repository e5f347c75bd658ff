// Package envelope reads what every answer of the ACK OpenAPI carries
// around its payload: the request ID (a header or one of several body keys)
// and the error body {"code","message","requestId"} in its lower-case and
// capitalised spellings.
//
// It imports nothing of the SDK, so that the root package's pipeline, the
// real transport, the wire shapes and the fake all read answers with the
// same code.
package envelope
