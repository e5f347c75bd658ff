// Package wire holds the JSON shapes of the ACK OpenAPI (product CS,
// version 2015-12-15) that the SDK speaks, and the one route table that
// maps each API to its HTTP method and path. The typed clients build their
// requests from the table (NewRequest) and the fake routes incoming
// requests with the same table (Match), so the two cannot disagree.
//
// # Shapes
//
// The types follow the wire, not the domain: snake_case keys, vpcid in
// CreateCluster but vpc_id in answers, master_url and meta_data as
// JSON-encoded strings (ParseMasterURL, ParseMetaData), bare JSON arrays
// for DescribeKubernetesVersionMetadata and the legacy DescribeClusters,
// data-disk sizes as strings in worker_data_disks but integers in node
// pools, camelCase kubelet keys. Booleans that ACK defaults to true, and
// values whose zero differs from "not sent", are pointers (Bool, Int):
// omitempty on a plain bool would silently flip snat_entry. Types that
// carry a password or a kubeconfig print and log it as "[redacted]";
// their JSON still carries it, since ACK must receive it.
//
// # Routes
//
// Patterns name their placeholders ClusterId, NodepoolId and TaskId
// (ParamClusterID, ParamNodepoolID, ParamTaskID). Route.Path gives the
// escaped wire path; core.Request.Path holds the unescaped form
// (Route.UnescapedPath), and MatchRequest routes such a request.
//
// Defaults:
//
//	| What                              | Default                                         |
//	|-----------------------------------|-------------------------------------------------|
//	| Retry of NewRequest, GET          | core.Safe                                       |
//	| Retry of NewRequest, other method | core.IfNotSent                                  |
//	| Query booleans and integers       | sent as text, only when set ("true", "50")      |
//	| Query arrays                      | one JSON-encoded value (["a","b"]), as Tea does |
//	| Query arrays, when parsing        | JSON array or comma-separated                   |
//	| Error body keys when encoding     | code, message, requestId                        |
//	| Error body keys when decoding     | also Code, Message, RequestId, request_id       |
//	| Empty list answers                | encoded as [] (never null)                      |
//	| Path params in Route.Path         | url.PathEscape; "." and ".." as %2E             |
//
// Shared paths are told apart by method: /clusters/{ClusterId}/nodepools/
// {NodepoolId} is GET detail, PUT modify, POST scale and DELETE delete;
// /api/v2/clusters/{ClusterId} is PUT ModifyCluster and POST
// ScaleOutCluster. Where two patterns fit a path, literal segments win
// over placeholders.
package wire
