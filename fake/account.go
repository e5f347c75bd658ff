package fake

import (
	"github.com/ackgo/ack"
	"github.com/ackgo/ack/quota"
)

// Principal is who in-process calls act as: they are not signed, so the
// fake cannot tell who sends them.
type Principal struct {
	// Name appears in the call log (Call.Caller); empty means "in-process".
	Name string
	// ReadOnly refuses every write with ErrorCheckAcl (HTTP 403).
	ReadOnly bool
}

// caller returns the name the call log shows for in-process calls.
func (p Principal) caller() string {
	if p.Name == "" {
		return "in-process"
	}
	return p.Name
}

// credential is a configured AccessKey pair.
type credential struct {
	secret   ack.Secret
	readOnly bool
}

// account is everything about the account: its limits, which
// DescribeUserQuota reports and quota.Check enforces, and its real-name
// verification and funds (quota.Account).
type account struct {
	limits  quota.Limits
	account quota.Account
}

// newAccount returns the account the settings configure: WithAccount's,
// or quota.DefaultAccount of the limits, which meets every prerequisite.
func newAccount(s settings) account {
	a := account{limits: s.limits, account: quota.DefaultAccount(s.limits)}
	if s.account != nil {
		a.account = *s.account
	}
	return a
}
