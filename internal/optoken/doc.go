// Package optoken is the codec of the resume tokens of the typed clients'
// operations (cluster.Operation.ResumeToken, nodepool.Operation.
// ResumeToken), so that the format and its checks are written once.
//
// A token is base64url, without padding, of one JSON object that starts
// with a Header: the format's version ("v") and the operation's kind
// ("kind", for example "cluster.create"); the package's own token struct
// embeds the Header and adds its IDs, region and whatever else it needs.
// A Format names the package's operations (Subject) and lists their
// kinds. Decode refuses, with an error matching core.ErrInvalid that says
// what is wrong, a token that is:
//
//	refused when                        message (after "<subject> resume token: ")
//	empty                               empty
//	longer than MaxLen                  N bytes long; a token is at most 4096
//	not base64url                       not base64url: ...
//	not one object of the struct's      not a JSON token object: ...
//	fields (unknown fields refused)     trailing data after the token object
//	of another version                  version N; this client reads version 1
//	of a kind not in Format.Kinds       kind "x" is not a <subject> operation (kinds)
//
// Check then refuses a token of a kind the caller does not expect, or one
// taken in another region than the client's.
//
// Op is the one token struct of the clients (the cluster, node pool and
// task IDs, the region, a node count): Mint writes it and Open reads and
// checks it (Decode, the IDs, then Check), refusing a token without a
// cluster ID, a node pool token without a pool ID (Format.Pooled), a
// cluster token with one, an ID holding '/', '?', '#' or NUL, and a
// negative node count. Its JSON is byte for byte that of the earlier
// per-package structs, so tokens minted by earlier releases resume.
//
// Defaults:
//
//	constant   value
//	Version    1
//	MaxLen     4096 bytes
package optoken
