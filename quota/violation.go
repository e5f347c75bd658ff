package quota

import (
	"fmt"
	"strings"

	"github.com/ackgo/ack"
)

// Violation is one limit that a plan would break.
type Violation struct {
	// ID is the limit's stable ID, for example LimitClusters
	// ("quota.clusters").
	ID LimitID
	// Code is the error code ACK (and the fake) refuse with, for example
	// "QuotaExceeded.Cluster".
	Code string
	// Scope says where the limit applies: "account", "cluster c-123",
	// `new cluster "dev"`, or "" for a bare setting (CheckPodsPerNode).
	Scope string
	// Used is the current usage; for the pay-as-you-go funds, the funds in
	// minor units of Currency (fen for CNY), rounded half-up; for
	// real-name verification and pods per node, 0.
	Used int64
	// Need is what the plan adds (for pods per node, the setting it asks
	// for); 0 for the account prerequisites.
	Need int64
	// Limit is the limit's value; for the funds, the minimum in minor
	// units of Currency; for real-name verification, 0.
	Limit int64
	// Currency is the currency of Used and Limit for the pay-as-you-go
	// funds (the floor's); empty for the other limits.
	Currency ack.Currency
	// Adjustable reports whether a ticket can raise the limit.
	Adjustable bool
}

// HowToRaise says whether and how the limit can be raised: "submit a
// ticket" or "cannot be raised".
func (v Violation) HowToRaise() string {
	if v.Adjustable {
		return "submit a ticket"
	}
	return "cannot be raised"
}

// String describes the violation, naming the limit, the usage, the need and
// the limit's value, for example
//
//	account: serverless clusters per account: 2 used + 1 needed exceeds the limit of 2 (submit a ticket) [quota.serverless_clusters]
func (v Violation) String() string {
	var b strings.Builder
	if v.Scope != "" {
		b.WriteString(v.Scope)
		b.WriteString(": ")
	}
	b.WriteString(v.ID.Title())
	b.WriteString(": ")
	switch v.ID {
	case LimitRealName:
		b.WriteString("required, but the account is not verified")
	case LimitPayAsYouGoFunds:
		fmt.Fprintf(&b, "%s available is below the minimum of %s", minorMoney(v.Used, v.Currency), minorMoney(v.Limit, v.Currency))
	case LimitPodsPerNode:
		fmt.Fprintf(&b, "%d requested exceeds the limit of %d", v.Need, v.Limit)
	default:
		fmt.Fprintf(&b, "%d used + %d needed exceeds the limit of %d", v.Used, v.Need, v.Limit)
	}
	fmt.Fprintf(&b, " (%s) [%s]", v.HowToRaise(), v.ID)
	return b.String()
}

// Violations lists broken limits in a stable order, as Check returns them.
type Violations []Violation

// Err returns nil when vs is empty, else an *ExceededError listing vs.
func (vs Violations) Err() error {
	if len(vs) == 0 {
		return nil
	}
	return &ExceededError{Violations: vs}
}

// Has reports whether vs lists a violation of the limit id.
func (vs Violations) Has(id LimitID) bool {
	for _, v := range vs {
		if v.ID == id {
			return true
		}
	}
	return false
}

// ExceededError lists every limit a plan breaks. errors.Is matches it with
// ack.ErrQuotaExceeded, so ack.IsQuotaExceeded reports it.
type ExceededError struct {
	// Violations lists the broken limits; it is never empty.
	Violations Violations
}

// Error lists the violations.
func (e *ExceededError) Error() string {
	var b strings.Builder
	if len(e.Violations) == 1 {
		b.WriteString("quota exceeded: ")
	} else {
		fmt.Fprintf(&b, "quota exceeded (%d limits): ", len(e.Violations))
	}
	for i, v := range e.Violations {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(v.String())
	}
	return b.String()
}

// Is matches ack.ErrQuotaExceeded.
func (e *ExceededError) Is(target error) bool { return target == ack.ErrQuotaExceeded }

// Code returns the error code of the first violation: the code ACK answers
// a request that breaks these limits with.
func (e *ExceededError) Code() string {
	if len(e.Violations) == 0 {
		return ""
	}
	return e.Violations[0].Code
}

// minorMoney is units minor units of c, for messages; a Violation made by
// hand without a currency shows the bare amount.
func minorMoney(units int64, c ack.Currency) string {
	m, err := ack.MoneyFromMinor(units, c)
	if err != nil {
		m, _ = ack.MoneyFromMinor(units, ack.CNY)
		amount, _, _ := strings.Cut(m.String(), " ")
		return amount
	}
	return m.String()
}
