package fake

import (
	"net/http"
	"time"
)

// The billing meter's control endpoint, beside clock, advance, calls and
// reset, with their protections (controlRefusal); the container instances
// it bills are started and stopped by /_fake/instances
// (handler_instances.go):
//
//	GET  /_fake/bill?from=RFC3339&to=RFC3339     the bill (default: from the
//	                                             start of the record to now)

// billJSON is the answer of /_fake/bill: amounts are decimal strings.
type billJSON struct {
	Currency string         `json:"currency"`
	From     string         `json:"from,omitempty"`
	To       string         `json:"to"`
	Total    string         `json:"total"`
	Lines    []billLineJSON `json:"lines"`
}

type billLineJSON struct {
	Item      string `json:"item"`
	Resource  string `json:"resource"`
	Quantity  string `json:"quantity"`
	UnitPrice string `json:"unit_price"`
	Unit      string `json:"unit"`
	Amount    string `json:"amount"`
}

// meterControl answers the meter's control endpoint; handled is false
// for any other name.
func (c *Cloud) meterControl(r *http.Request, name string) (a answer, handled bool) {
	if name != "bill" {
		return answer{}, false
	}
	return c.controlBill(r), true // its method is checked by the dispatch (controlRoutes)
}

func (c *Cloud) controlBill(r *http.Request) answer {
	q := r.URL.Query()
	var from time.Time
	to := c.Now()
	for _, p := range []struct {
		name string
		t    *time.Time
	}{{"from", &from}, {"to", &to}} {
		if s := q.Get(p.name); s != "" {
			t, err := time.Parse(time.RFC3339, s)
			if err != nil {
				return fail(NewError(InvalidParameter, "bill: %s %q: want an RFC 3339 time like 2026-03-02T10:00:00+08:00", p.name, cut(s)))
			}
			*p.t = t
		}
	}
	b, err := c.Bill(from, to)
	if err != nil {
		return fail(NewError(InvalidParameter, "bill: %v", err))
	}
	out := billJSON{Currency: string(b.Currency), To: formatTime(b.To), Total: b.Total.Exact(), Lines: []billLineJSON{}}
	if !from.IsZero() {
		out.From = formatTime(from)
	}
	for _, l := range b.Lines {
		out.Lines = append(out.Lines, billLineJSON{Item: l.Item, Resource: l.Resource, Quantity: l.Quantity,
			UnitPrice: l.UnitPrice.Exact(), Unit: l.Unit, Amount: l.Amount.Exact()})
	}
	return ok(out)
}
