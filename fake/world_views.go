package fake

import (
	"time"

	"github.com/ackgo/ack/cluster"
)

// Cluster is a copy of a cluster as the fake holds it, for tests to
// inspect. Reading it brings the cluster up to the clock but does not
// count as a poll.
type Cluster struct {
	// ID is the cluster ID.
	ID string
	// Spec is the cluster as created and modified, with ACK's defaults
	// and the zones the fake knows filled in.
	Spec cluster.Spec
	// State is the cluster's state now.
	State cluster.State
	// Created and Updated are virtual times; Updated is the instant of the
	// last change.
	Created, Updated time.Time
	// TaskID is the cluster's latest task.
	TaskID string
	// Nodes counts the cluster's nodes: masters, legacy workers and the
	// nodes of its node pools, those being created or removed included.
	Nodes int
	// NodePools counts the cluster's node pools.
	NodePools int
	// ContainerInstances counts the container instances running on a
	// serverless cluster (RunContainerInstances).
	ContainerInstances int
}

// Task is a copy of a task.
type Task struct {
	// ID is the task ID.
	ID string
	// ClusterID is the cluster the task acts on.
	ClusterID string
	// PoolID is the node pool the task acts on; empty for a task of the
	// cluster.
	PoolID string
	// Type is the task type, for example TaskTypeCreate.
	Type string
	// State is running, success or failed.
	State string
	// Created and Updated are virtual times.
	Created, Updated time.Time
	// Error is why the task failed; nil unless State is failed.
	Error *Failure
}

func viewCluster(s snapshot) Cluster {
	return Cluster{
		ID: s.rec.id, Spec: s.rec.spec, State: s.rec.state,
		Created: s.rec.created, Updated: s.rec.updated, TaskID: s.rec.lastTask, Nodes: s.size,
		NodePools: s.pools, ContainerInstances: s.rec.containerInstances,
	}
}

// Cluster returns a copy of a living cluster.
func (c *Cloud) Cluster(id string) (Cluster, bool) {
	v, e := read(c.st, func(now time.Time) (Cluster, *Error) {
		rec, e := c.st.clusterLocked(id, now, false)
		if e != nil {
			return Cluster{}, e
		}
		return viewCluster(c.st.snapshotLocked(rec, false)), nil
	})
	return v, e == nil
}

// Clusters returns copies of the living clusters, by creation.
func (c *Cloud) Clusters() []Cluster {
	out, _ := read(c.st, func(now time.Time) ([]Cluster, *Error) {
		var out []Cluster
		for _, rec := range c.st.livingLocked(now) {
			out = append(out, viewCluster(c.st.snapshotLocked(rec, false)))
		}
		return out, nil
	})
	return out
}

// Task returns a copy of a task.
func (c *Cloud) Task(id string) (Task, bool) {
	v, e := read(c.st, func(now time.Time) (Task, *Error) {
		t, e := c.st.taskLocked(id, now, false)
		if e != nil {
			return Task{}, e
		}
		tc := copyTask(t)
		return Task{ID: tc.id, ClusterID: tc.clusterID, PoolID: tc.poolID, Type: tc.taskType, State: tc.state,
			Created: tc.created, Updated: tc.updated, Error: tc.err}, nil
	})
	return v, e == nil
}
