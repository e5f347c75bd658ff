package quota

// UsageIndex is what CheckIndex reads of the clusters' usage: how many
// clusters of a kind there are and what one cluster uses. Usage is one,
// answering both by scanning its list; a caller that tracks many clusters
// (the fake ACK does) keeps running counts and a map instead, updated as
// clusters change, so that weighing a plan costs the same with ten
// thousand clusters as with ten.
type UsageIndex interface {
	// CountKind returns how many clusters of kind k there are.
	CountKind(k ClusterKind) int
	// Cluster returns the usage of the cluster with the given ID, and
	// whether the index holds it.
	Cluster(id string) (ClusterUsage, bool)
}

var _ UsageIndex = Usage{}
