package fake

import (
	"bytes"
	"fmt"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/quota"
)

// countJSON is a quota.Count as /_fake/limits shows and takes it; a field
// left out of a request keeps its value.
type countJSON struct {
	Max        *int  `json:"max,omitempty"`
	Adjustable *bool `json:"adjustable,omitempty"`
}

// floorJSON is a quota.Floor, its amount as ack.Money's text ("100.00 CNY").
type floorJSON struct {
	Min        *string `json:"min,omitempty"`
	Adjustable *bool   `json:"adjustable,omitempty"`
}

// limitsJSON is quota.Limits as GET /_fake/limits answers it and as POST
// /_fake/limits and ackfake -limits take it: the fields are the limits'
// IDs (quota.LimitID without its prefix), and a field left out keeps its
// value.
type limitsJSON struct {
	Clusters                     *countJSON `json:"clusters,omitempty"`
	ManagedClusters              *countJSON `json:"managed_clusters,omitempty"`
	ServerlessClusters           *countJSON `json:"serverless_clusters,omitempty"`
	NodesPerCluster              *countJSON `json:"nodes_per_cluster,omitempty"`
	NodePoolsPerCluster          *countJSON `json:"nodepools_per_cluster,omitempty"`
	PodsPerNode                  *countJSON `json:"pods_per_node,omitempty"`
	ContainerInstancesPerCluster *countJSON `json:"container_instances_per_cluster,omitempty"`
	RealNameRequired             *bool      `json:"real_name_required,omitempty"`
	PayAsYouGoFunds              *floorJSON `json:"pay_as_you_go_funds,omitempty"`
}

// limitsExample is a body POST /_fake/limits takes.
const limitsExample = `{"clusters":{"max":1},"nodes_per_cluster":{"max":5}}`

// counts pairs each count of q with the limit of l it stands for.
func (q *limitsJSON) counts(l *quota.Limits) []struct {
	j **countJSON
	c *quota.Count
} {
	return []struct {
		j **countJSON
		c *quota.Count
	}{
		{&q.Clusters, &l.Clusters}, {&q.ManagedClusters, &l.ManagedClusters},
		{&q.ServerlessClusters, &l.ServerlessClusters}, {&q.NodesPerCluster, &l.NodesPerCluster},
		{&q.NodePoolsPerCluster, &l.NodePoolsPerCluster}, {&q.PodsPerNode, &l.PodsPerNode},
		{&q.ContainerInstancesPerCluster, &l.ContainerInstancesPerCluster},
	}
}

// toLimitsJSON shows l with every field.
func toLimitsJSON(l quota.Limits) limitsJSON {
	var q limitsJSON
	for _, p := range q.counts(&l) {
		*p.j = &countJSON{Max: &p.c.Max, Adjustable: &p.c.Adjustable}
	}
	text, _ := l.PayAsYouGoFunds.Min.MarshalText()
	s := string(text)
	q.RealNameRequired = &l.RealNameRequired
	q.PayAsYouGoFunds = &floorJSON{Min: &s, Adjustable: &l.PayAsYouGoFunds.Adjustable}
	return q
}

// apply sets the fields q gives on l.
func (q limitsJSON) apply(l *quota.Limits) error {
	for _, p := range q.counts(l) {
		if j := *p.j; j != nil {
			setIf(&p.c.Max, j.Max)
			setIf(&p.c.Adjustable, j.Adjustable)
		}
	}
	setIf(&l.RealNameRequired, q.RealNameRequired)
	if f := q.PayAsYouGoFunds; f != nil {
		setIf(&l.PayAsYouGoFunds.Adjustable, f.Adjustable)
		if f.Min != nil {
			if err := l.PayAsYouGoFunds.Min.UnmarshalText([]byte(*f.Min)); err != nil {
				return fmt.Errorf("pay_as_you_go_funds.min: %w", err)
			}
		}
	}
	return nil
}

// setIf sets *dst to *v when v is given.
func setIf[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

// DecodeLimits reads limits in the JSON shape of the control endpoint
// /_fake/limits (see the ackfake command's documentation) over base: a
// field the data leaves out keeps base's value, so
// {"clusters":{"max":1}} is base with one cluster allowed. Unknown
// fields, malformed money ("100.00 CNY" is the form) and limits that
// quota.Limits.Validate refuses are errors. ackfake -limits reads its file
// with it.
func DecodeLimits(data []byte, base quota.Limits) (quota.Limits, error) {
	var q limitsJSON
	if err := decodeControlJSON(bytes.NewReader(data), &q); err != nil {
		return base, fmt.Errorf("decode limits: %w", err)
	}
	l := base
	if err := q.apply(&l); err != nil {
		return base, fmt.Errorf("decode limits: %w", err)
	}
	if err := l.Validate(); err != nil {
		return base, fmt.Errorf("decode limits: %w", err)
	}
	return l, nil
}

// accountJSON is quota.Account as /_fake/account shows and takes it:
// amounts as ack.Money's text ("100.00 CNY"); funds, the sum the
// pay-as-you-go prerequisite weighs, is shown and never taken. A field
// left out of a request keeps its value.
type accountJSON struct {
	RealNameVerified *bool   `json:"real_name_verified,omitempty"`
	Balance          *string `json:"balance,omitempty"`
	Vouchers         *string `json:"vouchers,omitempty"`
	Credit           *string `json:"credit,omitempty"`
	Funds            string  `json:"funds,omitempty"`
}

// accountExample is a body POST /_fake/account takes.
const accountExample = `{"real_name_verified":false,"balance":"5.00 CNY"}`

// toAccountJSON shows a with every field; funds is left out when the
// amounts are in different currencies.
func toAccountJSON(a quota.Account) accountJSON {
	text := func(m ack.Money) *string {
		b, _ := m.MarshalText()
		s := string(b)
		return &s
	}
	q := accountJSON{RealNameVerified: &a.RealNameVerified, Balance: text(a.Balance), Vouchers: text(a.Vouchers), Credit: text(a.Credit)}
	if f, err := a.Funds(); err == nil {
		q.Funds = *text(f)
	}
	return q
}

// apply sets the fields q gives on a.
func (q accountJSON) apply(a *quota.Account) error {
	if q.Funds != "" {
		return fmt.Errorf("funds is the sum of balance, vouchers and credit; set those instead")
	}
	setIf(&a.RealNameVerified, q.RealNameVerified)
	for _, m := range []struct {
		field string
		text  *string
		dst   *ack.Money
	}{{"balance", q.Balance, &a.Balance}, {"vouchers", q.Vouchers, &a.Vouchers}, {"credit", q.Credit, &a.Credit}} {
		if m.text == nil {
			continue
		}
		if err := m.dst.UnmarshalText([]byte(*m.text)); err != nil {
			return fmt.Errorf("%s: %w", m.field, err)
		}
	}
	return nil
}
