// Package signing signs and verifies requests to the Alibaba Cloud
// OpenAPI gateway of Container Service for Kubernetes (ACK), with the two
// schemes in use today:
//
//   - ROAv1: HMAC-SHA1 over the method, the Accept, Content-MD5,
//     Content-Type and Date headers, every x-acs-* header and the unencoded
//     path with the sorted query; "Authorization: acs <id>:<base64>". It is
//     what the official alibaba-cloud-sdk-go sends, byte for byte.
//   - ACS3: ACS3-HMAC-SHA256 (the "V3" signature of the Tea SDKs) over a
//     canonical request of the method, RFC 3986-encoded path and query, the
//     host, content-type and x-acs-* headers and the SHA-256 of the body;
//     "Authorization: ACS3-HMAC-SHA256 Credential=..,SignedHeaders=..,Signature=..".
//
// The real transport calls Sign on every outgoing request; the fake ACK
// calls Verify on every incoming one. For each scheme the signer and the
// verifier share one canonicalisation function (ROAStringToSign,
// ACS3CanonicalRequest), exported for debugging and tests. Verify works on
// a request as an http.Server hands it over: path and query from r.URL,
// host from r.Host, header names in any case.
//
// The package imports only the standard library. Secrets, security tokens
// and signatures never appear in its errors or in the formatted
// Credentials.
//
// Defaults:
//
//	Setting                          ROAv1                         ACS3
//	date header                      Date (RFC 1123, GMT)          x-acs-date (2006-01-02T15:04:05Z)
//	body digest header               Content-MD5 (base64 MD5)      x-acs-content-sha256 (hex SHA-256)
//	scheme headers                   x-acs-signature-method        x-acs-signature-nonce
//	                                 HMAC-SHA1, -version 1.0       (random 16 bytes hex if none given)
//	Accept when absent               application/json              application/json
//	Content-Type when absent         application/octet-stream      application/json; charset=utf-8
//	                                                               (only with a body)
//	STS token header                 x-acs-security-token          x-acs-security-token
//	allowed clock skew (MaxSkew)     15 minutes either way         15 minutes either way
//	replays                          accepted (no nonce)           accepted by Verify, which keeps no state;
//	                                                               VerifyRequest reports the nonce to remember
//
// Refusals are *VerifyError values whose Code is the gateway's error code:
// MissingAuthorization, IncompleteSignature, InvalidAccessKeyId.NotFound,
// SignatureDoesNotMatch or InvalidTimeStamp.Expired.
package signing
