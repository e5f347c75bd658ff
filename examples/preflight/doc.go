// Command preflight checks a plan of clusters and node pools against the
// account's quotas and prerequisites before anything is created, on the
// embedded fake ACK.
//
// The account already runs a cluster "prod" with 36 of its 40 nodes, and
// its funds have run low. The team plans a new cluster "staging" with a
// pool of 3 nodes that run 300 pods each, and a pool "batch" of 6 nodes on
// prod. quota.Client.Preflight reads the live quotas and usage (reads
// only) and refuses the plan with every limit it would break at once, as
// an *quota.ExceededError that matches ack.ErrQuotaExceeded; each
// violation says whether a ticket can raise the limit. The program then
// fixes the plan (the batch pool moves to staging, pods per node drops to
// 128, the account is topped up), runs the preflight again, which passes,
// and creates the plan.
//
//	go run ./examples/preflight
//
// The CS API reports neither the account's real-name verification nor its
// funds, so the quota client is told them (quota.WithAccount); the fake is
// told the same (fake.WithAccount, Cloud.SetAccount) and enforces them on
// every create, as ACK does.
package main
