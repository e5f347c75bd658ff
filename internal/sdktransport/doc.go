// Package sdktransport is the real ACK transport: it signs each request
// with internal/signing (ROA v1 or ACS3) and sends it with its own
// keep-alive http.Client, under the caller's context.
//
// It is the only package of the project that imports alibaba-cloud-sdk-go,
// and it uses it for one thing: credentials. DefaultCredentials wraps the
// SDK's default chain (environment, OIDC/RRSA, CLI profile, profile file,
// ECS RAM role, credentials URI) in a cache that calls the provider from
// one goroutine at a time, since the SDK's providers are not safe for
// concurrent refresh, and bounds every wait for it. The SDK's own request
// sending is not used: it takes no context and changes shared TLS settings.
//
// Send returns an *Answer for every HTTP answer, 4xx and 5xx included,
// with the whole body and the request ID (x-acs-request-id, or the body's
// request_id / requestId). It returns an error only when no answer came,
// and IsNotSent reports true for it when the request provably never left: no credentials, no signature, or no connection (DNS, dial or
// TLS failure, or the context ended first), as net/http/httptrace reports.
// IsCredentialFailure reports a missing or refused credential, which the
// root package turns into its ErrAuth.
//
// The package imports nothing of the root package, which builds this
// transport in LoadConfig and adapts Call and Answer to its own Request and
// Response. Errors name the action and never hold a secret or the Authorization
// header; the Transport and the credential sources format without secrets
// under every fmt verb.
//
// Defaults:
//
//	setting                     default
//	Endpoint                    EndpointFor(Region): cs.<region>.aliyuncs.com (a few regions use cs.aliyuncs.com or cs-vpc.<region>.aliyuncs.com)
//	Scheme                      https
//	Signing                     signing.ROAv1 (the zero value)
//	Credentials                 DefaultCredentials()
//	UserAgent                   DefaultUserAgent
//	DialTimeout                 10s
//	TLSHandshakeTimeout         10s
//	ResponseHeaderTimeout       1m
//	idle connections            16 per host, closed after 90s idle
//	redirects                   not followed (returned as the answer)
//	response body limit         64 MiB (MaxResponseBytes)
//	credential cache: key TTL   15m (credentials without a security token)
//	credential cache: STS TTL   2m  (the SDK renews STS credentials 3m before they expire)
//	credential refresh timeout  15s
package sdktransport
