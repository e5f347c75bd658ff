package fake

import (
	"github.com/ackgo/ack/internal/core"
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
	secret   core.Secret
	readOnly bool
}

// account is everything about the account: its limits, which
// DescribeUserQuota reports (and, with the quota work, its funds and
// real-name verification, quota.Account).
type account struct {
	limits quota.Limits
}
