package fake

import (
	"net/http"

	"github.com/ackgo/ack/quota"
)

// The account's control endpoints, with their protections
// (controlRefusal):
//
//	GET  /_fake/account   the account: real-name verification and funds
//	POST /_fake/account   {"real_name_verified":false,"balance":"5.00 CNY"}: the fields given change
//	GET  /_fake/limits    the quotas and account prerequisites
//	POST /_fake/limits    {"clusters":{"max":1}}: the fields given change

// accountControl answers /_fake/account and /_fake/limits; handled is
// false for any other name.
func (c *Cloud) accountControl(r *http.Request, name string) (a answer, handled bool) {
	if name != "account" && name != "limits" {
		return answer{}, false
	}
	switch {
	case r.Method == http.MethodGet && name == "account":
		return ok(toAccountJSON(c.Account())), true
	case r.Method == http.MethodGet:
		return ok(toLimitsJSON(c.Limits())), true
	case name == "account":
		return c.controlSetAccount(r), true
	}
	return c.controlSetLimits(r), true
}

func (c *Cloud) controlSetAccount(r *http.Request) answer {
	var q accountJSON
	if err := decodeControlJSON(r.Body, &q); err != nil {
		return badBody("account", accountExample, err)
	}
	a, err := c.editAccount(func(a *quota.Account) error { return q.apply(a) })
	if err != nil {
		return fail(NewError(InvalidParameter, "%saccount: %v", controlPrefix, err))
	}
	return ok(toAccountJSON(a))
}

func (c *Cloud) controlSetLimits(r *http.Request) answer {
	var q limitsJSON
	if err := decodeControlJSON(r.Body, &q); err != nil {
		return badBody("limits", limitsExample, err)
	}
	l, err := c.editLimits(func(l *quota.Limits) error { return q.apply(l) })
	if err != nil {
		return fail(NewError(InvalidParameter, "%slimits: %v", controlPrefix, err))
	}
	return ok(toLimitsJSON(l))
}
