package fake

import (
	"errors"

	"github.com/ackgo/ack/quota"
)

// usageLocked is what the account and its clusters use now, as the quota
// package counts it: every living cluster (deleting ones too) with its
// nodes, masters included, its node pools and its container instances.
// Admission reads the same through the store's index (usageIndex) instead
// of listing every cluster; the tests compare the two.
func (s *store) usageLocked() quota.Usage {
	u := quota.Usage{Account: s.acct.account, Clusters: make([]quota.ClusterUsage, 0, len(s.order))}
	for _, c := range s.order {
		u.Clusters = append(u.Clusters, quota.ClusterUsage{
			ID:                 c.id,
			Kind:               quota.ClassifyCluster(c.wireType, c.profile),
			Nodes:              len(c.nodes),
			NodePools:          len(c.pools),
			ContainerInstances: c.containerInstances,
		})
	}
	return u
}

// admitLocked weighs a plan against the account's limits and usage with
// quota.Check. A plan that breaks a limit is refused with the code of its
// first violation (QuotaExceeded.Node, Account.RealNameRequired,
// InsufficientBalance, ...) and a message listing every violation, each
// naming the limit, the usage, the need and the limit's value.
func (s *store) admitLocked(plan quota.Plan) *Error {
	err := quota.CheckIndex(s.acct.limits, s.acct.account, usageIndex{s}, plan).Err()
	var ex *quota.ExceededError
	if !errors.As(err, &ex) {
		return nil
	}
	return NewError(ex.Code(), "%s", ex.Error())
}

// nodeRoomLocked returns how many of want nodes cluster c may add now:
// want when no limit stands in the way, what the node quota leaves when
// it does, none when anything else does (an account prerequisite). The
// autoscaler uses it to stop at the limit instead of failing.
func (s *store) nodeRoomLocked(c *clusterRec, want int) int {
	if want <= 0 {
		return 0
	}
	room := want
	vs := quota.CheckIndex(s.acct.limits, s.acct.account, usageIndex{s}, quota.Plan{Change: []quota.ClusterChange{{ClusterID: c.id, AddNodes: want}}})
	for _, v := range vs {
		if v.ID != quota.LimitNodes {
			return 0
		}
		room = min(room, int(max(v.Limit-v.Used, 0)))
	}
	return room
}

// Account returns the account's real-name verification and funds.
func (c *Cloud) Account() quota.Account {
	c.st.mu.Lock()
	defer c.st.mu.Unlock()
	return c.st.acct.account
}

// SetAccount changes the account's real-name verification and funds from
// now on, for example to see the next create refused for lack of funds.
// Reset restores what WithAccount configured.
func (c *Cloud) SetAccount(a quota.Account) {
	c.st.mu.Lock()
	defer c.st.mu.Unlock()
	c.st.acct.account = a
}

// Limits returns the account's quotas and limits.
func (c *Cloud) Limits() quota.Limits { return c.st.limits() }
