package fake

import (
	"fmt"
	"time"
)

// The world's side of the Cloud's Go API that is not an API call: its
// network, its injected failures, its size and its reset.

// clusterCount returns the number of living clusters, deleting ones
// included.
func (s *store) clusterCount() int {
	n, _ := read(s, func(time.Time) (int, *Error) { return len(s.order), nil })
	return n
}

// reset takes the state of fresh, a store newly built from the same
// settings: every cluster, task, node and registered-on-use network
// object is forgotten, and the network and the account are as configured.
// IDs, the node numbering and the render generation go on.
func (s *store) reset(fresh *store) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.clusters, s.order, s.tasks, s.taskOrder = fresh.clusters, fresh.order, fresh.tasks, fresh.taskOrder
	s.net, s.acct, s.failNext = fresh.net, fresh.acct, nil
	s.hosts, s.idx, s.meter = fresh.hosts, fresh.idx, fresh.meter
	s.changedLocked()
}

// addVPC registers or replaces a VPC.
func (s *store) addVPC(v VPC) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.net.addVPC(v)
}

// addVSwitch registers or replaces a vSwitch (and its VPC, when unknown).
func (s *store) addVSwitch(v VSwitch) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.net.addVSwitch(v)
}

// vpc returns a registered VPC.
func (s *store) vpc(id string) (VPC, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.net.vpcs[id]
	return v, ok
}

// vswitch returns a registered vSwitch.
func (s *store) vswitch(id string) (VSwitch, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.net.vswitches[id]
	return v, ok
}

// injectFailure makes the next change of kind ch fail with f.
func (s *store) injectFailure(ch Change, f Failure) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failNext = append(s.failNext, failRule{change: ch, failure: f})
}

// failCluster makes cluster id's change in progress fail with f, or, when
// none is in progress, its next change.
func (s *store) failCluster(id string, f Failure) *Error {
	_, e := read(s, func(now time.Time) (struct{}, *Error) {
		rec, e := s.clusterLocked(id, now, false)
		if e != nil {
			return struct{}{}, e
		}
		failChange(rec.op, &rec.failNext, f)
		return struct{}{}, nil
	})
	return e
}

// failNodePool makes a pool's change in progress fail with f, or, when
// none is in progress, its next change.
func (s *store) failNodePool(clusterID, poolID string, f Failure) *Error {
	_, e := read(s, func(now time.Time) (struct{}, *Error) {
		_, p, e := s.poolTargetLocked(clusterID, poolID, now)
		if e != nil {
			return struct{}{}, e
		}
		failChange(p.op, &p.failNext, f)
		return struct{}{}, nil
	})
	return e
}

// failChange makes the change in progress, op, fail with f, or, when
// there is none (op is nil), the resource's next change (*next).
func failChange(op *pending, next **Failure, f Failure) {
	if op != nil {
		op.fail = &f
		return
	}
	*next = &f
}

// failTask makes a running task, and the change it tracks, fail with f.
func (s *store) failTask(id string, f Failure) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, e := s.taskLocked(id, s.clock.Now(), false)
	if e != nil {
		return fmt.Errorf("fail task %s: %w", id, e)
	}
	if t.op == nil {
		return fmt.Errorf("fail task %s: the task already ended %s", id, t.state)
	}
	t.op.fail = &f
	return nil
}
