package fake

import (
	"fmt"

	"github.com/ackgo/ack/quota"
)

// The account's side of the control endpoints /_fake/account and
// /_fake/limits, beside Account, SetAccount and Limits (world_quota.go).

// SetLimits changes the account's quotas and limits from now on, as a
// ticket would: DescribeUserQuota reports them and every later write is
// checked against them (lowered below what the account uses, the next
// CreateCluster or scale-out is refused with its quota error; what exists
// stays). Limits that no account can have are refused with the
// *ack.ValidationError of quota.Limits.Validate, naming the field and the
// rule, and change nothing. Reset restores what WithLimits configured.
func (c *Cloud) SetLimits(l quota.Limits) error {
	if _, err := c.editLimits(func(cur *quota.Limits) error { *cur = l; return nil }); err != nil {
		return fmt.Errorf("set limits: %w", err)
	}
	return nil
}

// editAccount changes the account by edit, which sees the current one,
// in one step under the store's lock: nothing changes when edit fails.
func (c *Cloud) editAccount(edit func(*quota.Account) error) (quota.Account, error) {
	c.st.mu.Lock()
	defer c.st.mu.Unlock()
	a := c.st.acct.account
	if err := edit(&a); err != nil {
		return c.st.acct.account, err
	}
	c.st.acct.account = a
	c.st.changedLocked()
	return a, nil
}

// editLimits changes the limits by edit, which sees the current ones, in
// one step under the store's lock, validated as SetLimits validates:
// nothing changes when edit fails or the result is invalid.
func (c *Cloud) editLimits(edit func(*quota.Limits) error) (quota.Limits, error) {
	c.st.mu.Lock()
	defer c.st.mu.Unlock()
	l := c.st.acct.limits
	if err := edit(&l); err != nil {
		return c.st.acct.limits, err
	}
	if err := l.Validate(); err != nil {
		return c.st.acct.limits, err
	}
	c.st.acct.limits = l
	c.st.changedLocked()
	return l, nil
}
