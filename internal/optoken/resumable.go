package optoken

import "strings"

// Op is the token struct of every typed client's operations: the Header,
// the IDs of what the operation acts on, its task, the region of the
// client that started it and, for a node pool scale or removal whose task
// is unknown, the node count it waits for; for a cluster upgrade, its
// target version. Its fields are written in this order and empty optional
// ones are left out, so that a cluster token (which has no pool ID) and a
// node pool token read exactly as the tokens of the earlier per-package
// structs did.
type Op[K ~string] struct {
	Header[K]
	// ClusterID is the cluster's ID; every token has one.
	ClusterID string `json:"cluster_id"`
	// PoolID is the node pool's ID, in the tokens of node pool
	// operations only.
	PoolID string `json:"nodepool_id,omitempty"`
	// TaskID is the task's ID; empty when it was not known.
	TaskID string `json:"task_id,omitempty"`
	// Region is the region of the client that took the token.
	Region string `json:"region,omitempty"`
	// Target is an upgrade's target version, in the tokens of cluster
	// upgrades only.
	Target string `json:"target,omitempty"`
	// Nodes is the node count the operation waits for when its task is
	// not known.
	Nodes *int `json:"nodes,omitempty"`
}

// Mint returns the token of t (see Encode).
func (f Format[K]) Mint(t Op[K]) (string, error) {
	t.Version = Version
	return f.Encode(&t)
}

// Open decodes token (see Decode), checks its IDs and then, with Check,
// that its kind is among want and its region the client's. A format whose
// Pooled is set wants a pool ID in every token; one without refuses
// tokens that have one, and a node count.
func (f Format[K]) Open(token string, want []K, clientRegion string) (Op[K], error) {
	var t Op[K]
	if err := f.Decode(token, &t); err != nil {
		return t, err
	}
	switch {
	case t.ClusterID == "":
		return t, f.Errorf("no cluster ID")
	case f.Pooled && t.PoolID == "":
		return t, f.Errorf("no node pool ID")
	case !f.Pooled && (t.PoolID != "" || t.Nodes != nil):
		return t, f.Errorf("node pool fields in a %s token", f.Subject)
	case f.Pooled && t.Target != "":
		return t, f.Errorf("an upgrade target in a %s token", f.Subject)
	case strings.ContainsAny(t.ClusterID+t.PoolID+t.TaskID, "/?#\x00"):
		return t, f.Errorf("an ID holds a character IDs never hold")
	case t.Nodes != nil && *t.Nodes < 0:
		return t, f.Errorf("node count %d is negative", *t.Nodes)
	}
	return t, f.Check(t.Kind, want, t.Region, clientRegion)
}
