package fake

import (
	"fmt"

	"github.com/ackgo/ack/cluster"
)

// RunContainerInstances starts n container instances on a running
// serverless cluster, as a workload scheduled there would: they count
// against the account's container instances per serverless cluster (300
// by default), and, being pay-as-you-go, need the account prerequisites
// (quota.Check). A refusal starts none and returns an error wrapping the
// *Error the API would answer with (QuotaExceeded.ContainerInstance,
// Account.RealNameRequired, InsufficientBalance). No API call starts
// container instances: the fake does not run Kubernetes. They are of
// DefaultContainerInstance size; StartContainerInstances chooses the size
// and returns their IDs.
func (c *Cloud) RunContainerInstances(clusterID string, n int) error {
	if n < 0 {
		return fmt.Errorf("cluster %s: run %d container instances: the count cannot be negative", clusterID, n)
	}
	_, err := c.startContainers("run", clusterID, n, DefaultContainerInstance)
	return err
}

// StopContainerInstances stops n of a serverless cluster's container
// instances (all of them when fewer run).
func (c *Cloud) StopContainerInstances(clusterID string, n int) error {
	if n < 0 {
		return fmt.Errorf("cluster %s: stop %d container instances: the count cannot be negative", clusterID, n)
	}
	c.st.mu.Lock()
	defer c.st.mu.Unlock()
	rec, e := c.st.clusterLocked(clusterID, c.st.clock.Now(), false)
	if e != nil {
		return fmt.Errorf("cluster %s: stop container instances: %w", clusterID, e)
	}
	c.st.stopNewestLocked(rec, n, c.st.clock.Now())
	rec.containerInstances = max(rec.containerInstances-n, 0)
	return nil
}

// containerHost refuses to run container instances on a cluster that is
// not a running serverless cluster.
func containerHost(rec *clusterRec) *Error {
	switch {
	case rec.spec.Form != cluster.Serverless:
		return NewError(InvalidParameter, "cluster %s is %s, not serverless: its pods run on its nodes", rec.id, rec.spec.Form)
	case rec.state != cluster.StateRunning:
		return NewError(ErrorClusterState, "cluster %s is %s; container instances start once it runs", rec.id, rec.state)
	}
	return nil
}
