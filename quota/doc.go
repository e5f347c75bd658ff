// Package quota models ACK's quotas and account prerequisites: the limits
// (with the product description's defaults), usage, and a check of a plan
// against both.
//
// Today it holds the hard limits that other domain packages share, such as
// MaxPodsPerNode. Limits with their defaults, Check, the client over
// DescribeUserQuota and Preflight arrive with the node pools and quotas
// work.
package quota
