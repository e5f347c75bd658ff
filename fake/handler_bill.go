package fake

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"strings"
	"time"
)

// The billing meter's control endpoints, beside clock, advance, calls and
// reset, with their protections (controlRefusal):
//
//	GET  /_fake/bill?from=RFC3339&to=RFC3339     the bill (default: from the
//	                                             start of the record to now)
//	GET  /_fake/container-instances?cluster_id=  a cluster's container instances
//	POST /_fake/container-instances              {"cluster_id","count","vcpu":"0.25","memory_gib":"0.5"}
//	POST /_fake/container-instances/stop         {"cluster_id","ids":["eci-..."]}

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

// containerJSON is a container instance as the endpoints show it.
type containerJSON struct {
	ID        string `json:"id"`
	ClusterID string `json:"cluster_id"`
	VCPU      string `json:"vcpu"`
	MemoryGiB string `json:"memory_gib"`
	Started   string `json:"started"`
	Stopped   string `json:"stopped,omitempty"`
}

// meterControl answers the meter's control endpoints; handled is false for
// any other name.
func (c *Cloud) meterControl(r *http.Request, name string) (a answer, handled bool) {
	want := map[string]string{"bill": http.MethodGet, "container-instances/stop": http.MethodPost}
	method, known := want[name]
	if name == "container-instances" {
		method, known = r.Method, r.Method == http.MethodGet || r.Method == http.MethodPost
		if !known {
			method = "GET or POST"
		}
		known = true
	}
	switch {
	case !known:
		return answer{}, false
	case r.Method != method:
		return fail(&Error{Code: InvalidActionNotFound, Status: http.StatusMethodNotAllowed,
			Message: fmt.Sprintf("%s%s takes %s, not %s", controlPrefix, name, method, r.Method)}), true
	}
	switch {
	case name == "bill":
		return c.controlBill(r), true
	case name == "container-instances" && r.Method == http.MethodGet:
		id := r.URL.Query().Get("cluster_id")
		if id == "" {
			return fail(NewError(InvalidParameter, "container-instances: give the cluster as ?cluster_id=c-...")), true
		}
		out := []containerJSON{}
		for _, ci := range c.ContainerInstances(id) {
			out = append(out, toContainerJSON(ci))
		}
		return ok(out), true
	case name == "container-instances":
		return c.controlStartContainers(r), true
	}
	return c.controlStopContainers(r), true
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

func toContainerJSON(ci ContainerInstance) containerJSON {
	out := containerJSON{ID: ci.ID, ClusterID: ci.ClusterID,
		VCPU: ratio(ci.MilliCPU, 1000), MemoryGiB: ratio(ci.MemoryMiB, 1024), Started: formatTime(ci.Started)}
	if !ci.Stopped.IsZero() {
		out.Stopped = formatTime(ci.Stopped)
	}
	return out
}

// ratio writes n/unit as a short decimal.
func ratio(n, unit int64) string {
	s := big.NewRat(n, unit).FloatString(3)
	return strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
}

// readControlJSON decodes a control request's JSON body into v, refusing
// unknown fields.
func readControlJSON(r *http.Request, v any) error {
	if r.Body == nil {
		return errors.New("the body is empty")
	}
	dec := json.NewDecoder(http.MaxBytesReader(nil, r.Body, 1<<16))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// scaled reads a decimal quantity s exactly, times scale (1000 for vCPU to
// millicores, 1024 for GiB to MiB).
func scaled(field, s string, scale int64) (int64, error) {
	r, ok := new(big.Rat).SetString(s)
	if s == "" || !ok || strings.ContainsAny(s, "eE/") || r.Sign() <= 0 {
		return 0, fmt.Errorf("%s %q: want a decimal above zero, like \"0.5\"", field, cut(s))
	}
	r.Mul(r, big.NewRat(scale, 1))
	if !r.IsInt() || !r.Num().IsInt64() {
		return 0, fmt.Errorf("%s %q: too fine; give at most a 1/%d", field, cut(s), scale)
	}
	return r.Num().Int64(), nil
}

func (c *Cloud) controlStartContainers(r *http.Request) answer {
	var body struct {
		ClusterID string `json:"cluster_id"`
		Count     int    `json:"count"`
		VCPU      string `json:"vcpu"`
		MemoryGiB string `json:"memory_gib"`
	}
	if err := readControlJSON(r, &body); err != nil {
		return fail(NewError(InvalidParameter, "container-instances: give a body {\"cluster_id\":\"c-...\",\"count\":1,\"vcpu\":\"2\",\"memory_gib\":\"4\"}: %v", err))
	}
	cpu, err := scaled("vcpu", body.VCPU, 1000)
	if err != nil {
		return fail(NewError(InvalidParameter, "container-instances: %v", err))
	}
	mem, err := scaled("memory_gib", body.MemoryGiB, 1024)
	if err != nil {
		return fail(NewError(InvalidParameter, "container-instances: %v", err))
	}
	ids, err := c.StartContainerInstances(body.ClusterID, body.Count, ContainerSize{MilliCPU: cpu, MemoryMiB: mem})
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			return fail(&Error{Code: e.Code, Status: e.Status, Message: err.Error()})
		}
		return fail(NewError(InvalidParameter, "%v", err))
	}
	now := c.Now()
	out := make([]containerJSON, len(ids))
	for i, id := range ids {
		out[i] = toContainerJSON(ContainerInstance{ID: id, ClusterID: body.ClusterID, ContainerSize: ContainerSize{cpu, mem}, Started: now})
	}
	return ok(out)
}

func (c *Cloud) controlStopContainers(r *http.Request) answer {
	var body struct {
		ClusterID string   `json:"cluster_id"`
		IDs       []string `json:"ids"`
	}
	if err := readControlJSON(r, &body); err != nil {
		return fail(NewError(InvalidParameter, "container-instances/stop: give a body {\"cluster_id\":\"c-...\",\"ids\":[\"eci-...\"]}: %v", err))
	}
	for _, id := range body.IDs {
		if err := c.StopContainerInstance(body.ClusterID, id); err != nil {
			var e *Error
			if errors.As(err, &e) {
				return fail(&Error{Code: e.Code, Status: e.Status, Message: err.Error()})
			}
			return fail(NewError(InvalidParameter, "%v", err))
		}
	}
	return ok(map[string]any{"stopped": body.IDs})
}
