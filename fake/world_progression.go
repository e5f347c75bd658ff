package fake

import (
	"fmt"
	"strings"
	"time"

	"github.com/ackgo/ack/cluster"
)

// Change is a kind of change the fake simulates. Each kind has its own
// Progression, and failures can be injected per kind (Cloud.FailNext).
type Change string

// The kinds of change of clusters, node pools and nodes.
const (
	// ChangeCreateDedicated creates a dedicated cluster: initial → running.
	ChangeCreateDedicated Change = "create-dedicated"
	// ChangeCreateManaged creates a managed (Basic or Pro) cluster:
	// initial → running.
	ChangeCreateManaged Change = "create-managed"
	// ChangeCreateServerless creates a serverless cluster: initial →
	// running.
	ChangeCreateServerless Change = "create-serverless"
	// ChangeDeleteCluster deletes a cluster: deleting → gone.
	ChangeDeleteCluster Change = "delete-cluster"
	// ChangeModifyCluster modifies a cluster: updating → running.
	ChangeModifyCluster Change = "modify-cluster"
	// ChangeScaleOutCluster adds legacy workers to a cluster
	// (ScaleOutCluster): scaling → running.
	ChangeScaleOutCluster Change = "scale-out-cluster"
	// ChangeRemoveClusterNodes removes nodes by name (DeleteClusterNodes,
	// RemoveClusterNodes): the cluster is removing, then running.
	ChangeRemoveClusterNodes Change = "remove-cluster-nodes"
	// ChangeCreateNodePool creates a node pool: initial → active.
	ChangeCreateNodePool Change = "nodepool-create"
	// ChangeScaleNodePool adds nodes to a pool (ScaleClusterNodePool):
	// scaling → active.
	ChangeScaleNodePool Change = "nodepool-scale"
	// ChangeModifyNodePool modifies a pool: updating → active.
	ChangeModifyNodePool Change = "nodepool-modify"
	// ChangeRemoveNodes removes nodes from a pool (RemoveNodePoolNodes):
	// removing → active.
	ChangeRemoveNodes Change = "nodepool-remove-nodes"
	// ChangeDeleteNodePool deletes a pool: deleting → gone.
	ChangeDeleteNodePool Change = "nodepool-delete"
	// ChangeAutoScale is a step of a pool's autoscaler (see
	// Cloud.SetDemand): scaling or removing → active.
	ChangeAutoScale Change = "nodepool-autoscale"
	// ChangeAnyCreate is not a change of its own: given to FailNext it
	// matches the next create of a cluster of any form.
	ChangeAnyCreate Change = "create"
)

// Progression says when a change completes: after a duration on the
// virtual clock, after a number of polls, or at once.
//
// A poll is any read of the resource or of its task. For a cluster:
// DescribeClusterDetail, an appearance in DescribeClustersV1,
// DescribeClusterNodes or DescribeClusterUserKubeconfig. For a node pool:
// DescribeClusterNodePoolDetail, an appearance in DescribeClusterNodePools,
// or DescribeClusterNodes filtered by the pool. For both: DescribeTaskInfo
// of the change's task. With Polls = n the first n polls see the change in
// progress and poll n+1 sees it done.
type Progression struct {
	// After is how long the change takes on the virtual clock. The
	// resource and its task change at the instant start+After, and that
	// instant is their "updated".
	After time.Duration
	// Polls, when positive, completes the change after that many polls
	// instead of after a duration; the instant of the completing poll is
	// the resources' "updated".
	Polls int
}

// AfterDuration completes a change after d on the virtual clock.
func AfterDuration(d time.Duration) Progression { return Progression{After: d} }

// AfterPolls completes a change after n polls that saw it in progress.
func AfterPolls(n int) Progression { return Progression{Polls: n} }

// Immediately completes a change at once: the response to the call that
// started it already shows it done.
func Immediately() Progression { return Progression{} }

// String describes the progression, for example "after 8m0s".
func (p Progression) String() string {
	switch {
	case p.Polls > 0:
		return fmt.Sprintf("after %d polls", p.Polls)
	case p.After > 0:
		return "after " + p.After.String()
	}
	return "immediately"
}

// DefaultProgressions returns the durations the fake uses unless told
// otherwise, close to what real ACK takes.
func DefaultProgressions() map[Change]Progression {
	return map[Change]Progression{
		ChangeCreateDedicated:  AfterDuration(12 * time.Minute),
		ChangeCreateManaged:    AfterDuration(8 * time.Minute),
		ChangeCreateServerless: AfterDuration(2 * time.Minute),
		ChangeDeleteCluster:    AfterDuration(3 * time.Minute),
		ChangeModifyCluster:    AfterDuration(time.Minute),

		ChangeScaleOutCluster:    AfterDuration(5 * time.Minute),
		ChangeRemoveClusterNodes: AfterDuration(2 * time.Minute),
		ChangeCreateNodePool:     AfterDuration(4 * time.Minute),
		ChangeScaleNodePool:      AfterDuration(3 * time.Minute),
		ChangeModifyNodePool:     AfterDuration(time.Minute),
		ChangeRemoveNodes:        AfterDuration(2 * time.Minute),
		ChangeDeleteNodePool:     AfterDuration(3 * time.Minute),
		ChangeAutoScale:          AfterDuration(3 * time.Minute),
		ChangeUpgradeCluster:     AfterDuration(20 * time.Minute),
		ChangeUpgradeNodePool:    AfterDuration(10 * time.Minute),
	}
}

// isCreate reports whether ch creates a resource.
func (ch Change) isCreate() bool { return strings.HasPrefix(string(ch), "create-") }

// matches reports whether a failure registered for want applies to ch.
func (want Change) matches(ch Change) bool {
	return want == ch || (want == ChangeAnyCreate && ch.isCreate())
}

// Failure is an injected failure: the change it hits ends failed, with
// the task's error carrying Code and Message.
type Failure struct {
	// Code is the task's error code; empty means "InternalError".
	Code string `json:"code,omitempty"`
	// Message is the task's error message; empty means a message naming
	// the injection.
	Message string `json:"message,omitempty"`
}

// orDefault fills an empty code or message.
func (f Failure) orDefault(ch Change) Failure {
	if f.Code == "" {
		f.Code = InternalError
	}
	if f.Message == "" {
		f.Message = fmt.Sprintf("%s failed (injected failure)", ch)
	}
	return f
}

// pending is a change in progress on a resource, with the task that
// tracks it. The resource and the task both point at it; whichever is read
// first settles it (settle), so that they change at one instant.
type pending struct {
	change  Change
	started time.Time
	prog    Progression
	polls   int
	fail    *Failure
	task    *taskRec
	done    bool
	// complete applies the end of the change to its resource at instant
	// at; failure is nil when the change succeeded.
	complete func(at time.Time, failure *Failure)
	// data is what the change adds, removes and sets, from which
	// complete was built (changeData).
	data changeData
	// gen is the store's change count, counted up when the change ends.
	gen *uint64
}

// due returns the instant the change completes at now, and whether it has
// completed. Polls are counted by poll, not here.
func (p *pending) due(now time.Time) (time.Time, bool) {
	switch {
	case p.prog.Polls > 0:
		if p.polls >= p.prog.Polls {
			return now, true
		}
		return time.Time{}, false
	case p.prog.After > 0:
		at := p.started.Add(p.prog.After)
		return at, !now.Before(at)
	}
	return p.started, true
}

// settle completes the change if it is due at now: the task ends (success,
// or failed with the injected failure) and the resource changes, both at
// the due instant. It reports whether the change is done.
func (p *pending) settle(now time.Time) bool {
	if p.done {
		return true
	}
	at, due := p.due(now)
	if !due {
		return false
	}
	p.done = true
	if p.gen != nil {
		*p.gen++
	}
	t := p.task
	t.updated, t.op, t.answer = at, nil, nil
	var failure *Failure
	if p.fail != nil {
		f := p.fail.orDefault(p.change)
		failure = &f
		t.state, t.err = cluster.TaskFailed, &f
	} else {
		t.state = cluster.TaskSuccess
	}
	if p.complete != nil {
		p.complete(at, failure)
	}
	return true
}

// poll records a read of the resource or its task: with a poll-driven
// progression, a read that finds the change not yet due counts.
func (p *pending) poll(now time.Time) {
	if p.prog.Polls > 0 && !p.done {
		if _, due := p.due(now); !due {
			p.polls++
		}
	}
}
